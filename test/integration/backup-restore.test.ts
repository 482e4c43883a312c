/**
 * Backup and restore: values curated through the GraphQL mutations (with their history) are backed
 * up, by the CLI through the running server for the embedded database (or directly from
 * PostgreSQL when TEST_DATABASE_URL is set), restored into a fresh embedded folder and, with
 * TEST_DATABASE_URL, into a fresh PostgreSQL database; every row of every table comes back with
 * its id, and sequences continue. Damaged files and non-empty targets are refused, writing nothing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { PrismaClient } from '@prisma/client';
import { appliedMigrations, backupToFile, writeBackup } from '../../src/backup/backup.js';
import { inspectBackup } from '../../src/backup/format.js';
import { projectMigrations, restoreFromFile } from '../../src/backup/restore.js';
import { applicationTableNames, quoteIdent, readTables } from '../../src/backup/tables.js';
import { startApp } from '../../src/app.js';
import { loadCuratorAuth } from '../../src/curation/auth.js';
import type { DatabaseTarget } from '../../src/db/adapter.js';
import { adminQuery, dropDatabase } from '../../src/db/admin.js';
import { createDatabase } from '../../src/db/client.js';
import { SERVER_FILE } from '../../src/db/served-by.js';
import { countWrites } from '../../src/seed/load.js';
import { seedDatabase } from '../../src/seed/run.js';
import { graphqlData, MP_FIXTURE_DIR, startTestServer, type TestServer } from './testkit.js';
import { startServerProcess, stopServerProcess } from '../../scripts/lib/server-process.js';

const TOKEN = 'alice-secret-token-0123456789';
const asAlice = { authorization: `Bearer ${TOKEN}` };
const curatorAuth = loadCuratorAuth({ CURATOR_TOKENS: `alice:${TOKEN}` });

const ADD_PAPER = `mutation($input: PaperInput!) { addPaper(input: $input) { paper { doi } errors { message } } }`;
const ADD_MATERIAL = `mutation($input: MaterialInput!) { addMaterial(input: $input) { material { id } errors { message } } }`;
const ADD_MEASUREMENT = `mutation($input: MeasurementInput!) { addMeasurement(input: $input) { measurement { id value } errors { message } } }`;
const CORRECT = `mutation($input: CorrectValueInput!) { correctValue(input: $input) { corrected { id } event { action } errors { message code } } }`;
const paper = { doi: '10.1000/backup.lfp.2026', title: 'A paper curated before a backup', journal: 'Test J.', year: 2026, authors: ['A. Curator'] };

/** Every row of every application table, as the database renders it, in key order. */
async function everyRow(prisma: PrismaClient): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await readTables(prisma)) {
    const key = table.primaryKey.map(quoteIdent).join(', ');
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM ${quoteIdent(table.name)} t ORDER BY ${key}`);
    out[table.name] = rows.map((r) => r.row);
  }
  return out;
}

/** A CLI in a child process; asynchronous, since the server it may talk to runs in this process. */
function run(script: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

/** The same backup with its decompressed lines changed by `edit`. */
function rewritten(file: string, edit: (lines: string[]) => string[]): string {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const out = `${file}.edited-${Math.random().toString(36).slice(2)}.gz`;
  writeFileSync(out, gzipSync(edit(lines).join('\n')));
  return out;
}

const envFor = (target: DatabaseTarget): Record<string, string> =>
  target.kind === 'pglite' ? { PGLITE_DATA_DIR: target.dataDir, DATABASE_URL: '' } : { DATABASE_URL: target.url, PGLITE_DATA_DIR: '' };

async function tableRowCounts(target: DatabaseTarget): Promise<number[]> {
  const db = createDatabase(target, []);
  try {
    return await Promise.all(applicationTableNames().map(async (t) => Number((await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${quoteIdent(t)}`))[0]!.n)));
  } finally {
    await db.close();
  }
}

describe('backup and restore keep everything curated', () => {
  let server: TestServer;
  let dir: string;
  let file: string;
  let source: Record<string, string[]>;
  /** Global ID of the measurement a curator added and corrected. */
  let curatedId: string;
  const dropLater: string[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-backup-test-'));
    server = await startTestServer({ curatorAuth, materialsProject: 'fixture' });
    const send = async (query: string, input: unknown) => {
      const response = await server.execute(query, { input }, asAlice);
      const payload = Object.values(response.body.data ?? {})[0] as { errors: unknown[] } | undefined;
      assert.deepEqual(payload?.errors, [], JSON.stringify(response.body));
      return payload as any;
    };
    await send(ADD_PAPER, paper);
    await send(ADD_MATERIAL, { paperDoi: paper.doi, key: 'backup-lfp', name: 'LiFePO4 (backup test)', formula: 'LiFePO4', workingIon: 'Li', role: 'CATHODE', locator: 'Table 1' });
    const added = await send(ADD_MEASUREMENT, { paperDoi: paper.doi, materialKey: 'backup-lfp', property: 'discharge_capacity', value: 158.25, unit: 'mAh/g', locator: 'Fig. 2a', conditions: { cRate: 0.1, temperatureC: 25, other: { separator: 'Celgard 2400', dried: true } } });
    curatedId = added.measurement.id;
    await send(CORRECT, { id: curatedId, value: 157.125, expectedValue: 158.25, reason: 'Re-read from Fig. 2a' });
    const seeded = await server.data(`{ materials(filter: { family: "ni-rich-layered-ncm", role: CATHODE }) { edges { node { measurements(filter: { properties: ["capacity_retention"] }) { id value } } } } }`);
    const fact = seeded.materials.edges.flatMap((e: any) => e.node.measurements)[0];
    await send(CORRECT, { id: fact.id, value: fact.value - 0.1, expectedValue: fact.value, reason: 'a seeded value corrected' });
    source = await everyRow(server.db.prisma);
    file = path.join(dir, 'curated.jsonl.gz');
  });
  after(async () => {
    await server?.close();
    for (const name of dropLater) await dropDatabase(process.env.TEST_DATABASE_URL!, name);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('npm run backup writes every row: through the running server for the embedded database (with CURATOR_TOKEN), directly from PostgreSQL', async () => {
    const target = server.db.target;
    if (target.kind === 'pglite') {
      // What `npm start` announces; this test process is the server.
      writeFileSync(path.join(target.dataDir, SERVER_FILE), JSON.stringify({ pid: process.pid, url: new URL(server.app.url).origin.replace('localhost', '127.0.0.1') }));
      const refused = await run('src/backup/backup.ts', [file], envFor(target));
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /is served by process \d+ .*Set CURATOR_TOKEN/);
      assert.equal(existsSync(file), false, 'no file without a backup');
      const wrongToken = await run('src/backup/backup.ts', [file], { ...envFor(target), CURATOR_TOKEN: 'not-a-curator-token' });
      assert.match(wrongToken.stderr, /refused the backup \(HTTP 401\)/);
      assert.equal(existsSync(file), false);
    }
    const made = await run('src/backup/backup.ts', [file], { ...envFor(target), CURATOR_TOKEN: TOKEN });
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, target.kind === 'pglite' ? /backup of the server at http:\/\/127\.0\.0\.1:\d+/ : /backup of postgresql:/);
    assert.equal(existsSync(`${file}.partial`), false);
    const { header, rowCounts } = await inspectBackup(file);
    assert.equal(header.source, target.kind);
    assert.deepEqual(header.tables.map((t) => t.name).sort(), applicationTableNames().sort(), 'every table of the Prisma schema');
    assert.deepEqual(rowCounts, Object.fromEntries(Object.entries(source).map(([t, rows]) => [t, rows.length])));
    assert.ok(rowCounts.CurationEvent! >= 5 && rowCounts.InsertionElectrode! > 0);
    const again = await run('src/backup/backup.ts', [file], { ...envFor(target), CURATOR_TOKEN: TOKEN });
    assert.match(again.stderr, /exists: choose another name, or pass --force/);
  });

  test('tables are read in keyset chunks: chunks of 7 rows (string and composite keys too) give the same rows as one chunk per table', async () => {
    const lines = async (chunkRows: number) => {
      const out = path.join(dir, `chunks-${chunkRows}.jsonl.gz`);
      await writeBackup(server.db.prisma, server.db.target.kind, createWriteStream(out), { chunkRows });
      return gunzipSync(readFileSync(out)).toString('utf8').split('\n').slice(1);
    };
    const [small, whole] = [await lines(7), await lines(100_000)];
    assert.ok(whole.length > 500);
    assert.deepEqual(small, whole);
  });

  test('the endpoint refuses a request without a curator token', async () => {
    const response = await fetch(new URL('/curation/backup', server.app.url));
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { code: string }).code, 'UNAUTHENTICATED');
  });

  test('npm run restore into a fresh embedded folder gives back every row with its id; sequences continue; npm start seeds nothing over it', async () => {
    const target: DatabaseTarget = { kind: 'pglite', dataDir: path.join(dir, 'restored') };
    const restored = await run('src/backup/restore.ts', [file], envFor(target));
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /restored \d+ rows in \d+ tables/);
    const db = createDatabase(target, []);
    try {
      assert.deepEqual(await everyRow(db.prisma), source, 'every row of every table, ids included');
      const curated = await db.prisma.measurement.findMany({ where: { OR: [{ curatedBy: { not: null } }, { correctedAt: { not: null } }] } });
      assert.equal(curated.length, 2);
      // Seeding the restored database again (npm run seed) writes nothing and keeps the corrections.
      assert.equal(countWrites(await seedDatabase(db, undefined, { materialsProject: MP_FIXTURE_DIR })), 0);
      assert.deepEqual(await everyRow(db.prisma), source);
      const lastEvent = Number(JSON.parse(source.CurationEvent!.at(-1)!).id);
      const lastMeasurement = Math.max(...source.Measurement!.map((r) => Number(JSON.parse(r).id)));
      const app = await startApp(db, 0, { host: '127.0.0.1', curatorAuth, production: false });
      try {
        const added = await graphqlData(app.url, ADD_MEASUREMENT, { input: { paperDoi: paper.doi, materialKey: 'backup-lfp', property: 'discharge_capacity', value: 150, unit: 'mAh/g', locator: 'Fig. 2b' } }, TOKEN);
        assert.deepEqual(added.addMeasurement.errors, []);
        const newest = await db.prisma.curationEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
        assert.equal(newest.id, lastEvent + 1, 'the history continues after the restored events');
        const measurement = await db.prisma.measurement.findFirstOrThrow({ where: { locator: 'Fig. 2b' } });
        assert.equal(measurement.id, lastMeasurement + 1);
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }
    // The real start-up: a restored database has papers, so nothing is seeded over the corrections.
    const started = await startServerProcess({ ...envFor(target), TEST_DATABASE_URL: '' });
    try {
      const data = await graphqlData(started.url, `{ material(key: "backup-lfp") { measurements { value source { locator } } } }`);
      assert.deepEqual(data.material.measurements.map((m: any) => [m.value, m.source.locator]).sort(), [[150, 'Fig. 2b'], [157.125, 'Fig. 2a']]);
    } finally {
      await stopServerProcess(started);
    }
  });

  test('an embedded database moves to an empty PostgreSQL database without loss', { skip: process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (PostgreSQL)' }, async () => {
    // The folder restored above (curated, served, stopped): backed up directly, no server holds it.
    const embedded: DatabaseTarget = { kind: 'pglite', dataDir: path.join(dir, 'restored') };
    const moved = path.join(dir, 'embedded.jsonl.gz');
    const { header } = await backupToFile(moved, { target: embedded });
    assert.equal(header.source, 'pglite');
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `cathode_kb_restore_${process.pid}_${Date.now()}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    dropLater.push(name);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const target: DatabaseTarget = { kind: 'postgres', url: url.toString() };
    await restoreFromFile(moved, target);
    const [from, to] = [createDatabase(embedded, []), createDatabase(target, [])];
    try {
      const rows = await everyRow(from.prisma);
      assert.deepEqual(await everyRow(to.prisma), rows, 'every row of every table, ids included');
      assert.ok(rows.CurationEvent!.length > source.CurationEvent!.length, 'with the history added after the first restore');
      const event = await to.prisma.curationEvent.create({ data: { action: 'CORRECT_VALUE', entityType: 'Measurement', entityId: 1, curator: 'token:alice' } });
      assert.equal(event.id, Number(JSON.parse(rows.CurationEvent!.at(-1)!).id) + 1, 'the sequence continues');
    } finally {
      await Promise.all([from.close(), to.close()]);
    }
  });

  test('a damaged, truncated or newer backup is refused with the reason and leaves the target empty', async () => {
    const bytes = readFileSync(file);
    const cut = path.join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const noEnd = rewritten(file, (lines) => lines.slice(0, -3));
    const badJson = rewritten(file, (lines) => lines.map((l, i) => (i === 5 ? l.slice(0, -4) : l)));
    const newer = rewritten(file, (lines) => [JSON.stringify({ ...JSON.parse(lines[0]!), migrations: [...JSON.parse(lines[0]!).migrations, '29990101000000_from_the_future'] }), ...lines.slice(1)]);
    // Passes every check of the file, fails in the database after many rows went in: a rollback.
    const badRow = rewritten(file, (lines) => {
      const at = lines.findIndex((l) => l.startsWith('{"table":"CurationEvent"'));
      const line = JSON.parse(lines[at]!);
      line.row.action = 'NOT_AN_ACTION';
      return [...lines.slice(0, at), JSON.stringify(line), ...lines.slice(at + 1)];
    });
    const cases: [string, string, RegExp][] = [
      ['cut in half', cut, /damaged or truncated/],
      ['without its closing line', noEnd, /without its closing line: it is truncated/],
      ['a broken line', badJson, /line 6 of the backup is not valid JSON/],
      ['from a newer schema', newer, /newer schema: its migration 29990101000000_from_the_future is not in prisma\/migrations/],
      ['a row the database refuses', badRow, /rows of CurationEvent at lines \d+–\d+ of the backup cannot be inserted: .*NOT_AN_ACTION/],
      ['not a backup', path.join(os.tmpdir(), 'no-such-backup.jsonl.gz'), /no such file/],
    ];
    for (const [what, damaged, reason] of cases) {
      const target: DatabaseTarget = { kind: 'pglite', dataDir: path.join(dir, `refused-${cases.findIndex((c) => c[0] === what)}`) };
      await assert.rejects(restoreFromFile(damaged, target), reason, what);
      if (existsSync(path.join(target.dataDir, 'PG_VERSION'))) {
        assert.deepEqual(new Set(await tableRowCounts(target)), new Set([0]), `${what}: every table empty`);
      }
    }
    const cli = await run('src/backup/restore.ts', [cut], envFor({ kind: 'pglite', dataDir: path.join(dir, 'refused-cli') }));
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /^restore refused: .*damaged or truncated.*\nnothing was written to PGlite in /s);
  });

  test('a backup from an earlier schema is restored at that schema, then the later migrations run on its rows', async () => {
    const later = '20261201100200_property_ranges';
    const bounds = ['physicalMin', 'physicalMax', 'plausibleMin', 'plausibleMax'];
    // What a backup made before that migration holds: no bounds columns.
    const older = rewritten(file, (lines) => {
      const header = JSON.parse(lines[0]!);
      // Made before `later`: that migration and every one after it are not applied yet (those after add no columns these rows need).
      assert.ok(header.migrations.includes(later), 'the project has the migration');
      header.migrations = header.migrations.slice(0, header.migrations.indexOf(later));
      for (const t of header.tables) if (t.name === 'PropertyKey') t.columns = t.columns.filter((c: string) => !bounds.includes(c));
      return [JSON.stringify(header), ...lines.slice(1).map((l) => {
        if (!l.startsWith('{"table":"PropertyKey"')) return l;
        const line = JSON.parse(l);
        for (const c of bounds) delete line.row[c];
        return JSON.stringify(line);
      })];
    });
    const target: DatabaseTarget = { kind: 'pglite', dataDir: path.join(dir, 'older') };
    await restoreFromFile(older, target);
    const db = createDatabase(target, []);
    try {
      const rows = await everyRow(db.prisma);
      const parsed = (list: string[]) => list.map((r) => JSON.parse(r));
      assert.deepEqual(parsed(rows.PropertyKey!), parsed(source.PropertyKey!).map((r) => ({ ...r, ...Object.fromEntries(bounds.map((c) => [c, null])) })));
      for (const table of Object.keys(source).filter((t) => t !== 'PropertyKey')) assert.deepEqual(rows[table], source[table], table);
      assert.deepEqual(await appliedMigrations(db.prisma), projectMigrations(), 'at the project\'s schema in the end');
    } finally {
      await db.close();
    }
  });

  test('a target with rows is refused and keeps them all', async () => {
    const target: DatabaseTarget = { kind: 'pglite', dataDir: path.join(dir, 'restored') };
    const before = await tableRowCounts(target);
    const result = await run('src/backup/restore.ts', [file], envFor(target));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /is not empty \(Paper: \d+ rows.*\): a backup is restored only into an empty database/);
    assert.deepEqual(await tableRowCounts(target), before);
  });

  test('the backup is one snapshot: a value and its history agree while corrections commit during the backup', async () => {
    let value = 157.125;
    let running = true;
    let corrections = 0;
    const unacknowledged: string[] = [];
    const correcting = (async () => {
      while (running) {
        const response = await server.execute(CORRECT, { input: { id: curatedId, value: value + 1, expectedValue: value, reason: 'corrected during a backup' } }, asAlice);
        if (response.body.errors) {
          // Unacknowledged (on the embedded database a write waits for the backup's transaction and may give up): nothing written.
          unacknowledged.push(String(response.body.errors[0]?.extensions?.code));
          continue;
        }
        assert.deepEqual(response.body.data?.correctValue.errors, [], JSON.stringify(response.body));
        value += 1;
        corrections += 1;
      }
    })();
    const out = path.join(dir, 'during.jsonl.gz');
    // One row per statement: the tables are read over many statements while the corrections commit.
    await writeBackup(server.db.prisma, server.db.target.kind, createWriteStream(out), { chunkRows: 1 });
    running = false;
    await correcting;
    assert.ok(corrections > 0);
    console.log(`# ${corrections} corrections acknowledged during and after the backup, ${unacknowledged.length} unacknowledged (${[...new Set(unacknowledged)].join(', ')})`);
    const rows = gunzipSync(readFileSync(out)).toString('utf8').trim().split('\n').slice(1, -1).map((l) => JSON.parse(l) as { table: string; row: any });
    const measurementId = Number(JSON.parse(source.Measurement!.find((r) => JSON.parse(r).locator === 'Fig. 2a')!).id);
    const measurement = rows.find((r) => r.table === 'Measurement' && r.row.id === measurementId)!.row;
    const history = rows.filter((r) => r.table === 'CurationEvent' && r.row.entityType === 'Measurement' && r.row.entityId === measurementId && r.row.action === 'CORRECT_VALUE').map((r) => r.row);
    assert.equal(history.at(-1).after.value, measurement.value, 'the last correction in the backup is the value in the backup');
    for (let i = 1; i < history.length; i++) assert.equal(history[i].before.value, history[i - 1].after.value, 'one chain');
  });
});
