/**
 * Migrations on the embedded database through the Prisma CLI wrapper (src/db/prisma-cli.ts).
 * The CLI asks prisma.config.ts for its adapter twice per command; two PGlite instances on one
 * folder once lost a whole `migrate deploy` after it reported success. (PostgreSQL migrations are
 * exercised by every test when TEST_DATABASE_URL is set, and checked once here.) And a folder is open in one process at a
 * time: two instances on one folder lose data the same way.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
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

/** Start the wrapper's `migrate deploy` in its own process group (so kill -9 reaches the Prisma CLI under it). */
function startDeploy(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/db/prisma-cli.ts', 'migrate', 'deploy'], { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output, kill: () => process.kill(-child.pid!, 'SIGKILL') };
}

describe('a migrate deploy killed half-way', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  test('embedded database: deploy killed at random moments, then started again, always ends with every migration applied', async () => {
    let interrupted = 0;
    for (let trial = 0; trial < 4 && interrupted < 1; trial++) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-migrate-kill-'));
      dirs.push(dataDir);
      const deploy = startDeploy({ PGLITE_DATA_DIR: dataDir });
      // Wait until Prisma has found the migrations, then kill within the time they take to apply.
      while (!/migrations found in/.test(deploy.output()) && deploy.child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.random() * 1200));
      deploy.kill();
      await deploy.exited;
      const pglite = openPGlite(dataDir);
      const unfinished = await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL').catch(() => ({ rows: [{ n: 0 }] }));
      await pglite.close();
      if (unfinished.rows[0]!.n > 0) interrupted += 1;
      const again = prismaCli(dataDir, 'migrate', 'deploy');
      assert.equal(again.status, 0, `trial ${trial}: ${again.stdout}${again.stderr}`);
      const check = openPGlite(dataDir);
      try {
        const { rows } = await check.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name');
        assert.deepEqual(rows.map((r) => r.migration_name), [...folders].sort(), `trial ${trial}`);
      } finally {
        await check.close();
      }
    }
    console.log(`# migrate deploy killed mid-migration on PGlite ${interrupted} time(s); every restart applied all migrations`);
    assert.ok(interrupted >= 1, 'at least one kill landed inside a migration');
  });

  test('`npm run migrate` deploys and `npm run migrate -- resolve` (docs/operations.md) goes through the wrapper (Prisma would need its native engine)', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-migrate-resolve-'));
    dirs.push(dataDir);
    const npmRun = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'migrate', ...(args.length ? ['--', ...args] : [])], { env: { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' });
    const deployed = npmRun();
    assert.equal(deployed.status, 0, deployed.stdout + deployed.stderr);
    const last = [...folders].sort().at(-1)!;
    const pglite = openPGlite(dataDir);
    await pglite.query(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1`, [last]);
    await pglite.close();
    const resolved = npmRun('resolve', '--applied', last);
    assert.equal(resolved.status, 0, resolved.stdout + resolved.stderr);
    assert.match(resolved.stdout, new RegExp(`Migration ${last} marked as applied`));
    const status = prismaCli(dataDir, 'migrate', 'status');
    assert.match(status.stdout, /Database schema is up to date!/, status.stdout + status.stderr);
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

  test('a deploy killed while each migration runs is rolled back with it and applied again by the next deploy', async () => {
    for (let k = 0; k < folders.length; k++) {
      const killName = `${name}_kill${k}`;
      await adminQuery(adminUrl, `CREATE DATABASE ${killName}`);
      const killUrl = Object.assign(new URL(adminUrl), { pathname: `/${killName}` }).toString();
      const watcher = new pg.Client({ connectionString: killUrl });
      await watcher.connect();
      try {
        const deploy = startDeploy({ DATABASE_URL: killUrl, PGLITE_DATA_DIR: '' });
        // Kill -9 as soon as the k-th migration (or a later one) is seen started but unfinished.
        let killedDuring: string | undefined;
        while (deploy.child.exitCode === null && !killedDuring) {
          const { rows } = await watcher
            .query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL')
            .catch(() => ({ rows: [] as { migration_name: string }[] }));
          const running = rows.find((r) => folders.indexOf(r.migration_name) >= k);
          if (running) {
            deploy.kill();
            killedDuring = running.migration_name;
          }
        }
        await deploy.exited;
        if (!killedDuring) continue; // too quick to catch this time
        const again = spawnSync(process.execPath, ['--import', 'tsx', 'src/db/prisma-cli.ts', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: killUrl, PGLITE_DATA_DIR: '' }, encoding: 'utf8' });
        assert.equal(again.status, 0, `killed during ${killedDuring}: ${again.stdout}${again.stderr}`);
        const { rows } = await watcher.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name');
        assert.deepEqual(rows.map((r) => r.migration_name), [...folders].sort(), `killed during ${killedDuring}`);
      } finally {
        await watcher.end();
        await dropDatabase(adminUrl, killName);
      }
    }
  });
});
