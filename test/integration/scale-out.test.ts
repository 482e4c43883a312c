/**
 * Two server processes (src/server.ts under tsx; `npm start` serves the same code compiled) on
 * one PostgreSQL database: a curator's write through one is read through the other at once, and a
 * correction through the second shows in the first. Needs TEST_DATABASE_URL (CI). `npm run bench:scale-out`
 * does the same with a throughput comparison.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDatabase } from '../../src/db/client.js';
import { seedDatabase } from '../../src/seed/run.js';
import { graphqlData, startServerProcess, stopServerProcess, type ServerProcess } from '../../scripts/lib/server-process.js';
import { freshDatabaseTarget } from './testkit.js';

const TOKEN = 'scale-out-test-curator-token-01';

const startServer = (databaseUrl: string) =>
  startServerProcess({ DATABASE_URL: databaseUrl, PGLITE_DATA_DIR: '', DATABASE_READ_REPLICA_URLS: '', CURATOR_TOKENS: `tester:${TOKEN}`, NODE_ENV: 'production' });

describe('two server processes on one PostgreSQL database', { skip: process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (PostgreSQL)' }, () => {
  const servers: ServerProcess[] = [];
  let cleanup: (() => Promise<void>) | undefined;

  const gql = (server: { url: string }, query: string, variables?: Record<string, unknown>, token?: string) => graphqlData(server.url, query, variables, token);

  before(async () => {
    const fresh = await freshDatabaseTarget();
    cleanup = fresh.cleanup;
    const url = (fresh.target as { url: string }).url;
    // Seeded once beforehand: two servers starting on an empty database would both seed it.
    const db = createDatabase(fresh.target, []);
    await seedDatabase(db);
    await db.close();
    servers.push(...(await Promise.all([startServer(url), startServer(url)])));
  });
  after(async () => {
    for (const s of servers) await stopServerProcess(s);
    await cleanup?.();
  });

  test('a write through one is read through the other, both ways', async () => {
    const [a, b] = [servers[0]!, servers[1]!];
    assert.notEqual(a.url, b.url);
    const locator = 'scale-out test, Table 2';
    const added = await gql(a, 'mutation($input: MeasurementInput!) { addMeasurement(input: $input) { measurement { id } errors { message } } }', {
      input: { paperDoi: '10.1038/s41560-021-00782-0', materialKey: 'ncm811', property: 'discharge_capacity', value: 205.5, unit: 'mAh/g', locator, conditions: { cRate: 0.1, temperatureC: 25, cellType: 'COIN_HALF_CELL' } },
    }, TOKEN);
    assert.deepEqual(added.addMeasurement.errors, []);
    const id = added.addMeasurement.measurement.id;
    const seen = await gql(b, 'query($id: ID!) { node(id: $id) { ... on Measurement { value curatedBy source { locator } } } }', { id });
    assert.deepEqual(seen.node, { value: 205.5, curatedBy: 'token:tester', source: { locator } });

    const corrected = await gql(b, 'mutation($input: CorrectValueInput!) { correctValue(input: $input) { errors { message } } }', { input: { id, value: 206, expectedValue: 205.5, reason: 'typo in the first entry' } }, TOKEN);
    assert.deepEqual(corrected.correctValue.errors, []);
    const history = await gql(a, 'query($id: ID!) { node(id: $id) { ... on Measurement { value history { reason } } } }', { id });
    assert.equal(history.node.value, 206);
    assert.ok(history.node.history.some((h: { reason: string }) => h.reason === 'typo in the first entry'), JSON.stringify(history.node.history));
  });
});
