/**
 * `npm run bench:scale-out -- [--admin-url postgresql://…/postgres] [--seconds 3]`: two server
 * processes (dist/src/server.js as `npm start` runs it once migrated, how a replica is started)
 * serve one PostgreSQL database. Checks that a curator write through one (addMeasurement, then
 * correctValue through the other) is read through the other at once, then compares read
 * throughput of one replica with two (autocannon, half the connections on each). Creates its own
 * database and drops it afterwards. Exit code 1 if a write is not seen through the other replica.
 */
import autocannon from 'autocannon';
import { createDatabase } from '../../src/db/client.js';
import { countWrites } from '../../src/seed/load.js';
import { seedDatabase } from '../../src/seed/run.js';
import { parseArgs } from './data.js';
import { adminQuery, dropDatabase, migrateDeploy } from '../../src/db/admin.js';
import { graphqlData, startServerProcess, stopServerProcess, type ServerProcess } from '../lib/server-process.js';

const args = parseArgs(process.argv.slice(2));
const adminUrl = args.get('admin-url') ?? process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgresql://cathode_ci:cathode_ci@127.0.0.1:5432/postgres';
const seconds = Number(args.get('seconds') ?? 3);
const TOKEN = 'scale-out-curator-token-0123456789';
const name = `cathode_scaleout_${process.pid}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const databaseUrl = url.toString();

type Replica = ServerProcess;

/** The compiled server with `PORT=0 DATABASE_URL=… CURATOR_TOKENS=…`, its output prefixed with its label. */
const startReplica = (label: string): Promise<Replica> =>
  startServerProcess({ DATABASE_URL: databaseUrl, PGLITE_DATA_DIR: '', CURATOR_TOKENS: `bench:${TOKEN}`, NODE_ENV: 'production' }, (line) => console.log(`[${label}] ${line}`), 'compiled');

const gql = (replica: Replica, query: string, variables?: Record<string, unknown>, token?: string) => graphqlData(replica.url, query, variables, token);

const READ = '{ materials(first: 20, filter: { family: "ilmenite-namo3" }) { totalCount edges { node { key formula averageVoltage { value status } stability { verdict } measurements { value unit } } } } }';

async function readThroughput(targets: Replica[], connections = 8) {
  const runs = await Promise.all(
    targets.map((t) =>
      autocannon({ url: t.url, connections: Math.max(1, Math.floor(connections / targets.length)), duration: seconds, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: READ }) }),
    ),
  );
  return { requestsPerSecond: runs.reduce((n, r) => n + r.requests.total / r.duration, 0), p99: Math.max(...runs.map((r) => r.latency.p99)), failed: runs.reduce((n, r) => n + r.errors + r.non2xx, 0) };
}

await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
const replicas: Replica[] = [];
let ok = true;
try {
  // Migrate and seed once, before the replicas start (each would otherwise seed an empty database).
  process.env.DATABASE_URL = databaseUrl;
  process.env.PGLITE_DATA_DIR = '';
  migrateDeploy();
  const db = createDatabase({ kind: 'postgres', url: databaseUrl });
  console.log(`seeded ${name}: ${countWrites(await seedDatabase(db))} rows`);
  await db.close();

  replicas.push(await startReplica('A'), await startReplica('B'));
  const [a, b] = replicas as [Replica, Replica];

  // 1. addMeasurement through A, read through B.
  const locator = `scale-out check ${new Date().toISOString()}`;
  const added = await gql(a, 'mutation($input: MeasurementInput!) { addMeasurement(input: $input) { measurement { id value unit curatedBy } errors { code message } } }', {
    input: { paperDoi: '10.1038/s41560-021-00782-0', materialKey: 'ncm811', property: 'discharge_capacity', value: 211.5, unit: 'mAh/g', locator, conditions: { cRate: 0.1, temperatureC: 25, cellType: 'COIN_HALF_CELL' } },
  }, TOKEN);
  const id = added.addMeasurement.measurement?.id as string | undefined;
  if (!id) throw new Error(`addMeasurement through A refused: ${JSON.stringify(added.addMeasurement.errors)}`);
  const seen = await gql(b, 'query($id: ID!) { node(id: $id) { ... on Measurement { id value unit curatedBy source { locator } } } }', { id });
  const seenOk = seen.node?.value === 211.5 && seen.node?.curatedBy === 'token:bench' && seen.node?.source.locator === locator;
  console.log(`write through A (${a.url}): measurement ${id}; read through B (${b.url}): ${JSON.stringify(seen.node)} → ${seenOk ? 'OK' : 'MISSING'}`);
  ok &&= seenOk;

  // 2. correctValue through B, history read through A.
  const corrected = await gql(b, 'mutation($input: CorrectValueInput!) { correctValue(input: $input) { errors { code message } } }', { input: { id, value: 212, expectedValue: 211.5, reason: 'scale-out check: corrected through replica B' } }, TOKEN);
  if (corrected.correctValue.errors.length) throw new Error(`correctValue through B refused: ${JSON.stringify(corrected.correctValue.errors)}`);
  const history = await gql(a, 'query($id: ID!) { node(id: $id) { ... on Measurement { value history { curator reason before after } } } }', { id });
  const historyOk = history.node?.value === 212 && history.node?.history.length >= 1;
  console.log(`correction through B, read through A: value ${history.node?.value}, ${history.node?.history.length} history entries → ${historyOk ? 'OK' : 'MISSING'}`);
  ok &&= historyOk;

  // 3. Reads: one replica vs two (same total connections).
  await readThroughput([a], 8);
  const one = await readThroughput([a], 8);
  const two = await readThroughput([a, b], 8);
  console.log(`reads, 8 connections, ${seconds} s: one replica ${one.requestsPerSecond.toFixed(0)} req/s (p99 ${one.p99} ms), two replicas ${two.requestsPerSecond.toFixed(0)} req/s (p99 ${two.p99} ms); failed ${one.failed + two.failed}`);
  ok &&= one.failed + two.failed === 0;
  console.log(ok ? 'scale-out OK: writes through one replica are read through the other' : 'scale-out FAILED');
} finally {
  for (const r of replicas) await stopServerProcess(r);
  await dropDatabase(adminUrl, name);
}
if (!ok) process.exitCode = 1;
