/**
 * Migrations on the embedded database through the Prisma CLI wrapper (src/db/prisma-cli.ts).
 * The CLI asks prisma.config.ts for its adapter twice per command; two PGlite instances on one
 * folder once lost a whole `migrate deploy` after it reported success. (PostgreSQL migrations are
 * exercised by every test when TEST_DATABASE_URL is set, and checked once here.) And a folder is open in one process at a
 * time: two instances on one folder lose data the same way.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { createMigrationAdapter, openPGlite } from '../../src/db/adapter.js';
import { adminQuery, dropDatabase } from '../../src/db/admin.js';
import { PGLITE_LOCK_FILE } from '../../src/db/pglite-lock.js';

const folders = readdirSync(path.join('prisma', 'migrations'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

function prismaCli(dataDir: string, ...args: string[]) {
  const env = { ...process.env, PGLITE_DATA_DIR: dataDir };
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/db/prisma-cli.ts', ...args], { env, encoding: 'utf8' });
}

describe('embedded database migrations', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-migrations-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  test('the CLI process opens one PGlite per folder however often it asks for the adapter', async () => {
    const dataDir = freshDir();
    const saved = process.env.PGLITE_DATA_DIR;
    process.env.PGLITE_DATA_DIR = dataDir;
    try {
      const first = (await createMigrationAdapter()) as unknown as { pglite: unknown };
      const second = (await createMigrationAdapter()) as unknown as { pglite: unknown };
      assert.ok(first.pglite, 'the factory holds its PGlite');
      assert.equal(second.pglite, first.pglite);
      await (first.pglite as ReturnType<typeof openPGlite>).close();
    } finally {
      if (saved === undefined) delete process.env.PGLITE_DATA_DIR;
      else process.env.PGLITE_DATA_DIR = saved;
    }
  });

  test('migrate deploy records every migration, a second deploy finds none pending, status agrees', async () => {
    const dataDir = freshDir();
    const deploy = prismaCli(dataDir, 'migrate', 'deploy');
    assert.equal(deploy.status, 0, deploy.stdout + deploy.stderr);
    assert.match(deploy.stdout, /All migrations have been successfully applied\./);

    const pglite = openPGlite(dataDir);
    try {
      const { rows } = await pglite.query<{ migration_name: string }>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
      );
      assert.deepEqual(rows.map((r) => r.migration_name), [...folders].sort());
      const tables = await pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Material'`);
      assert.equal(tables.rows[0]!.n, 1);
    } finally {
      await pglite.close();
    }

    const again = prismaCli(dataDir, 'migrate', 'deploy');
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /No pending migrations to apply\./);
    const status = prismaCli(dataDir, 'migrate', 'status');
    assert.equal(status.status, 0, status.stdout + status.stderr);
    assert.match(status.stdout, /Database schema is up to date!/);
  });
});

describe('one process per embedded-database folder', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-lock-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a second opener, in this process or another, is refused with who holds the folder; closing frees it', async () => {
    const pglite = openPGlite(dataDir);
    try {
      await pglite.query('SELECT 1');
      assert.throws(() => openPGlite(dataDir), /The embedded database in .* is in use by this process/);
      // Another process, e.g. `npm run seed` while the server runs: refused before it writes anything.
      const seed = spawnSync(process.execPath, ['--import', 'tsx', 'src/seed/run.ts'], { env: { ...process.env, PGLITE_DATA_DIR: dataDir }, encoding: 'utf8' });
      assert.notEqual(seed.status, 0);
      assert.match(seed.stderr, new RegExp(`in use by process ${process.pid}\\. Only one process may open it at a time`));
    } finally {
      await pglite.close();
    }
    assert.equal(existsSync(path.join(dataDir, PGLITE_LOCK_FILE)), false, 'closing removed the lock');
    const reopened = openPGlite(dataDir);
    await reopened.close();
  });

  test('a lock left by a process that is gone does not keep the folder shut, even one with our pid', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    // The second: a crashed earlier run that had this pid (a container's pid 1 after a restart).
    for (const stale of [dead.stdout, String(process.pid)]) {
      writeFileSync(path.join(dataDir, PGLITE_LOCK_FILE), `${stale}\n`);
      const pglite = openPGlite(dataDir);
      try {
        assert.equal(readFileSync(path.join(dataDir, PGLITE_LOCK_FILE), 'utf8').trim(), String(process.pid));
      } finally {
        await pglite.close();
      }
    }
  });
});

describe('PostgreSQL migrations through the wrapper', { skip: process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (PostgreSQL)' }, () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `cathode_kb_migrations_${process.pid}`;
  const url = () => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/db/prisma-cli.ts', ...args], { env: { ...process.env, DATABASE_URL: url(), PGLITE_DATA_DIR: '' }, encoding: 'utf8' });
  after(() => dropDatabase(adminUrl, name));

  test('the CLI ended after its verdict has applied and recorded every migration (the patched adapter reads pg `name` columns)', async () => {
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const deploy = cli('migrate', 'deploy');
    assert.equal(deploy.status, 0, deploy.stdout + deploy.stderr);
    assert.match(deploy.stdout, /All migrations have been successfully applied\./);
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name');
      assert.deepEqual(rows.map((r) => r.migration_name), [...folders].sort());
    } finally {
      await client.end();
    }
    const status = cli('migrate', 'status');
    assert.equal(status.status, 0, status.stdout + status.stderr);
    assert.match(status.stdout, /Database schema is up to date!/);
  });
});
