/**
 * DATABASE_READ_REPLICA_URLS: queries read from the replicas (round-robin), a mutation writes to
 * and reads its answer from the primary. Needs PostgreSQL (TEST_DATABASE_URL, as in CI): the
 * primary and two "replicas" are separate databases seeded alike, then made to differ, so each
 * answer shows which database it came from (a real replica differs only by its lag).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadCuratorAuth } from '../../src/curation/auth.js';
import { resolveReadReplicaUrls } from '../../src/db/adapter.js';
import { createDatabase, type Database } from '../../src/db/client.js';
import { seedDatabase } from '../../src/seed/run.js';
import { freshDatabaseTarget, graphqlData } from './testkit.js';

const TOKEN = 'replica-test-curator-token-0123';
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

test('replica URLs are checked at start', () => {
  const primary = { kind: 'postgres', url: 'postgresql://u:p@db:5432/kb' } as const;
  assert.deepEqual(resolveReadReplicaUrls(primary, {}), []);
  assert.deepEqual(resolveReadReplicaUrls(primary, { DATABASE_READ_REPLICA_URLS: ' postgresql://r1/kb , postgres://r2/kb ' }), ['postgresql://r1/kb', 'postgres://r2/kb']);
  assert.throws(() => resolveReadReplicaUrls(primary, { DATABASE_READ_REPLICA_URLS: 'mysql://u:secret@r1/kb' }), /must list postgresql:\/\/… URLs, got "mysql:\/\/u:\*\*\*@r1\/kb"/);
  assert.throws(() => resolveReadReplicaUrls({ kind: 'pglite', dataDir: '/tmp/x' }, { DATABASE_READ_REPLICA_URLS: 'postgresql://r1/kb' }), /needs DATABASE_URL to name the primary/);
});

describe('reads on replicas, mutations on the primary', { skip: onPostgres ? false : 'needs TEST_DATABASE_URL (PostgreSQL)' }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  const urls: string[] = [];
  let db: Database;
  let app: RunningApp;

  const sql = async (url: string, text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  const gql = (query: string, variables?: Record<string, unknown>, token?: string) => graphqlData(app.url, query, variables, token);

  before(async () => {
    for (const label of ['primary', 'replica-1', 'replica-2']) {
      const fresh = await freshDatabaseTarget();
      cleanups.push(fresh.cleanup);
      assert.equal(fresh.target.kind, 'postgres');
      const url = (fresh.target as { url: string }).url;
      urls.push(url);
      const seeding = createDatabase(fresh.target, []);
      await seedDatabase(seeding);
      await seeding.close();
      // The same material named differently in each database shows where a read went.
      await sql(url, `UPDATE "Material" SET name = $1 WHERE key = 'ncm811'`, [`NCM811 (${label})`]);
    }
    db = createDatabase({ kind: 'postgres', url: urls[0]! }, urls.slice(1));
    app = await startApp(db, 0, { host: '127.0.0.1', curatorAuth: loadCuratorAuth({ CURATOR_TOKENS: `tester:${TOKEN}` }) });
  });
  after(async () => {
    await app?.close();
    await db?.close();
    for (const cleanup of cleanups) await cleanup();
  });

  test('queries alternate over the replicas and never touch the primary', async () => {
    assert.equal(db.replicaCount, 2);
    const names = [];
    for (let i = 0; i < 4; i++) names.push((await gql('{ _entities(representations: [{ __typename: "Material", key: "ncm811" }]) { ... on Material { name } } }'))._entities[0].name);
    assert.deepEqual(names.sort(), ['NCM811 (replica-1)', 'NCM811 (replica-1)', 'NCM811 (replica-2)', 'NCM811 (replica-2)']);
  });

  test('a mutation writes to the primary and answers from it; the replicas do not have the row', async () => {
    const locator = 'replica test, Table 1';
    const added = await gql(
      `mutation($input: MeasurementInput!) { addMeasurement(input: $input) { measurement { id value material { name } } errors { code message } } }`,
      { input: { paperDoi: '10.1038/s41560-021-00782-0', materialKey: 'ncm811', property: 'discharge_capacity', value: 199.5, unit: 'mAh/g', locator, conditions: { cRate: 0.1, temperatureC: 25, cellType: 'COIN_HALF_CELL' } } },
      TOKEN,
    );
    assert.deepEqual(added.addMeasurement.errors, []);
    assert.equal(added.addMeasurement.measurement.value, 199.5);
    // Nested reads of the mutation's answer came from the primary too.
    assert.equal(added.addMeasurement.measurement.material.name, 'NCM811 (primary)');
    const counts = await Promise.all(urls.map(async (url) => (await sql(url, `SELECT count(*)::int AS n FROM "Measurement" WHERE locator = $1`, [locator]))[0].n));
    assert.deepEqual(counts, [1, 0, 0]);
    // A query reads a replica, which (without PostgreSQL's replication in this test) lacks the row.
    const seen = await gql('query($id: ID!) { node(id: $id) { id } }', { id: added.addMeasurement.measurement.id });
    assert.equal(seen.node, null);
  });
});
