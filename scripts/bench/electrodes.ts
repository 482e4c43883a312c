/**
 * `npm run bench:electrodes -- [--db pglite|postgres|both] [--scale 1,10] [--requests 40]
 *                               [--rounds 3] [--concurrency 4] [--ops explorer-page,…] [--fresh] [--load-only]`
 *
 * The Materials Project operations of issue 12 at the real size (the papers + the 4,351 electrodes
 * of seeds/materials-project) and at 10× (43,510 electrodes: scripts/bench/electrode-data.ts), both
 * loaded through the import path (src/seed/materials-project.ts loadElectrodes), on PGlite
 * (data/bench/electrodes-pglite-<scale>) and PostgreSQL (database cathode_bench_mp_<scale>, created
 * fresh by the role of BENCH_ADMIN_DATABASE_URL, default cathode_ci@127.0.0.1). A loaded database is
 * reused while it holds the expected electrodes (--fresh reloads).
 *
 * Per operation, against the app in production mode (in this process, loopback HTTP):
 *   1. content check: the floor's answer parses to the same JSON as GraphQL's (a mismatch fails the run);
 *   2. SQL statements of one request at two page sizes (must not grow with the page);
 *   3. rounds of a fixed number of GraphQL requests then as many floor requests (`--concurrency` at a
 *      time), so machine drift touches both: throughput, p50/p99 and GraphQL ÷ floor throughput per round.
 * The floor is one hand-written SQL statement that builds the whole response body in the database,
 * sent through the same connections (plain pg pool or PGlite), served by a bare HTTP handler.
 * Prints a Markdown table per database and scale (for BENCHMARKS.md).
 */
import http from 'node:http';
import { deepStrictEqual } from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startApp } from '../../src/app.js';
import { adminQuery, dropDatabase, migrateDeploy } from '../../src/db/admin.js';
import { createDatabase, type Database } from '../../src/db/client.js';
import { toGlobalId } from '../../src/ids.js';
import { loadElectrodes, readElectrodeDirectory } from '../../src/seed/materials-project.js';
import { MP_SEED_DIR, SEED_DIR, seedDatabase } from '../../src/seed/run.js';
import { parseArgs } from './data.js';
import { syntheticElectrodes } from './electrode-data.js';

// No operation allow-list: the benchmark's own operations must run (as scripts/bench/serve.ts).
process.env.OPERATION_ALLOWLIST ??= '';

const args = parseArgs(process.argv.slice(2));
const dbChoice = args.get('db') ?? 'both';
const scales = (args.get('scale') ?? '1,10').split(',').map(Number);
const requestsPerRun = Number(args.get('requests') ?? 40);
const rounds = Number(args.get('rounds') ?? 3);
const concurrency = Number(args.get('concurrency') ?? 4);
const onlyOps = args.get('ops')?.split(',');
const adminUrl = args.get('admin-url') ?? process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgresql://cathode_ci:cathode_ci@127.0.0.1:5432/postgres';
if (!['pglite', 'postgres', 'both'].includes(dbChoice)) throw new Error(`--db must be pglite, postgres or both, got ${dbChoice}`);
const log = (message: string) => process.stderr.write(`${message}\n`);

// ------------------------------------------------------------------------------------ data

const real = await readElectrodeDirectory(MP_SEED_DIR);

/** The database of one target and scale, loaded (papers, then the electrodes through loadElectrodes). */
async function prepare(kind: 'pglite' | 'postgres', scale: number): Promise<{ db: Database; loadSeconds: number | null }> {
  const expected = real.records.length * scale;
  let env: NodeJS.ProcessEnv;
  let open: () => Database;
  if (kind === 'pglite') {
    const dataDir = path.resolve('data', 'bench', `electrodes-pglite-${scale}`);
    if (args.has('fresh')) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(path.dirname(dataDir), { recursive: true });
    env = { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' };
    open = () => createDatabase({ kind: 'pglite', dataDir }, []);
  } else {
    const name = `cathode_bench_mp_${scale}`;
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const exists = await databaseExists(name);
    if (args.has('fresh') || !exists) {
      await dropDatabase(adminUrl, name);
      await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    }
    env = { ...process.env, DATABASE_URL: url.toString(), PGLITE_DATA_DIR: '' };
    open = () => createDatabase({ kind: 'postgres', url: url.toString() }, []);
  }
  migrateDeploy(env);
  const db = open();
  // Fresh statistics (as scripts/bench/load.ts does after a load): a just-loaded PostgreSQL plans the sort blind otherwise.
  const analyze = () => db.prisma.$executeRawUnsafe('ANALYZE');
  const stored = await db.prisma.insertionElectrode.count();
  if (stored === expected) {
    await analyze();
    return { db, loadSeconds: null };
  }
  if (stored !== 0) throw new Error(`${kind} scale ${scale} holds ${stored} electrodes, not ${expected}: rerun with --fresh`);
  log(`loading the papers and ${expected.toLocaleString('en')} electrodes into ${kind} …`);
  const started = performance.now();
  if (scale === 1) await seedDatabase(db, SEED_DIR, { materialsProject: MP_SEED_DIR });
  else {
    await seedDatabase(db, SEED_DIR);
    await loadElectrodes(db.prisma, { ...real, seedFile: `${real.seedFile} ×${scale} (scripts/bench/electrode-data.ts)`, records: syntheticElectrodes(real.records, scale) });
  }
  const loadSeconds = (performance.now() - started) / 1000;
  log(`loaded in ${loadSeconds.toFixed(0)} s`);
  await analyze();
  return { db, loadSeconds };
}

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------------------------ operations

interface Fixtures {
  /** endCursor of the first page of the explorer query, per page size. */
  pageCursor: Record<number, string>;
  materialCursor: Record<number, string>;
  electrodeIds: string[];
}

interface ElectrodeOperation {
  name: string;
  title: string;
  query: string;
  /** Variables of the k-th request; `size` overrides the page size. */
  variables(fixtures: Fixtures, k: number, size?: number): Record<string, unknown>;
  sizes?: [number, number];
  floor(variables: Record<string, any>): { text: string; values: unknown[] };
}

/** Global ID of a row written in SQL: base64url of "Type:id", no padding (src/ids.ts). */
const gid = (type: string, column: string) => `translate(encode(convert_to('${type}:' || ${column}, 'UTF8'), 'base64'), '+/=', '-_')`;
/** base64url of longer text (PostgreSQL's base64 breaks lines every 76 characters). */
const base64url = (text: string) => `translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
/** src/resolvers/pagination.ts toSortCursor: base64url of {"p":…,"d":…,"v":…,"id":…}. */
const sortCursor = (property: string, direction: string, v: string, id: string) =>
  base64url(`'{"p":"${property}","d":"${direction}","v":' || coalesce((${v})::text, 'null') || ',"id":' || ${id} || '}'`);
const fromSortCursor = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v: number | null; id: number };
const fromIdCursor = (cursor: string | null | undefined) => (cursor == null ? 0 : Number(Buffer.from(cursor, 'base64url').toString('utf8').split(':')[1]));
const listSql = (object: string, from: string, order: string) => `(SELECT coalesce(json_agg(${object} ORDER BY ${order}), '[]'::json) ${from})`;
/** One of an electrode's values ({ value unit }) as InsertionElectrode.<field> serves it. */
const valueSql = (e: string, property: string, end: 'c' | 'd') =>
  `(SELECT json_build_object('value', f.value, 'unit', f.unit) FROM "ComputedProperty" f WHERE f."electrodeId" = ${e}.id AND f."propertyKey" = '${property}' AND f."materialId" = ${e}."${end === 'c' ? 'charged' : 'discharged'}MaterialId" ORDER BY f.id LIMIT 1)`;

const EXPLORER_FILTER = { workingIon: 'Li', elements: ['Mn', 'O'], propertyRanges: [{ property: 'average_voltage', min: 2.5, max: 4.5, unit: 'V' }] };
const EXPLORER_ORDER = { property: 'theoretical_capacity', direction: 'DESC' };

const PAGE_QUERY = `query BenchExplorerPage($filter: InsertionElectrodeFilter, $orderBy: PropertyOrder, $first: Int!, $after: String) {
  insertionElectrodes(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id batteryId workingIon chemicalSystem formulaCharge formulaDischarge
      averageVoltage { value unit } gravimetricCapacity { value unit } gravimetricEnergy { value unit } stabilityDischarge { value unit }
      source { kind locator }
    } }
  }
}`;

/** The explorer page in one statement: candidates with their sort value, the page (+1 row), the total. */
function pageFloor({ filter, orderBy, first, after }: Record<string, any>) {
  const [range] = filter.propertyRanges as { property: string; min: number; max: number }[];
  const c = after ? fromSortCursor(after) : null;
  // One text for every cursor (no cursor: $8 = 0), so every parameter is referenced and typed.
  const afterSql = `($8::int = 0 OR ($7::double precision IS NULL AND v IS NULL AND id > $8) OR ($7::double precision IS NOT NULL AND (v < $7::double precision OR (v = $7::double precision AND id > $8) OR v IS NULL)))`;
  const order = 'v DESC NULLS LAST, id ASC';
  const text = `WITH cand AS (
    SELECT e.id, e."batteryId", e."workingIon", e.elements, e."chargedMaterialId", e."dischargedMaterialId", e.locator, e."paperId", ch.formula AS fc, di.formula AS fd,
      (SELECT MAX(f."canonicalValue") FROM "ComputedProperty" f WHERE f."electrodeId" = e.id AND f."propertyKey" = $4) AS v
    FROM "InsertionElectrode" e JOIN "Material" ch ON ch.id = e."chargedMaterialId" JOIN "Material" di ON di.id = e."dischargedMaterialId"
    WHERE e."workingIon" = $1::"WorkingIon" AND e.elements @> $2::text[]
      AND EXISTS (SELECT 1 FROM "ComputedProperty" f WHERE f."electrodeId" = e.id AND f."propertyKey" = $3 AND f."canonicalValue" >= $5::double precision AND f."canonicalValue" <= $6::double precision)),
  ahead AS (SELECT * FROM cand WHERE ${afterSql} ORDER BY ${order} LIMIT $9 + 1),
  page AS (SELECT * FROM ahead ORDER BY ${order} LIMIT $9)
SELECT json_build_object('data', json_build_object('insertionElectrodes', json_build_object(
  'totalCount', (SELECT count(*) FROM cand),
  'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM ahead) > $9,
    'endCursor', (SELECT ${sortCursor(orderBy.property, 'DESC', 'q.v', 'q.id')} FROM page q ORDER BY v ASC NULLS FIRST, id DESC LIMIT 1)),
  'edges', ${listSql(
    `json_build_object('cursor', ${sortCursor(orderBy.property, 'DESC', 'q.v', 'q.id')}, 'node', json_build_object(
      'id', ${gid('InsertionElectrode', 'q.id')}, 'batteryId', q."batteryId", 'workingIon', q."workingIon", 'chemicalSystem', array_to_string(q.elements, '-'),
      'formulaCharge', q.fc, 'formulaDischarge', q.fd,
      'averageVoltage', ${valueSql('q', 'average_voltage', 'd')}, 'gravimetricCapacity', ${valueSql('q', 'theoretical_capacity', 'd')},
      'gravimetricEnergy', ${valueSql('q', 'specific_energy', 'd')}, 'stabilityDischarge', ${valueSql('q', 'energy_above_hull', 'd')},
      'source', json_build_object('kind', (SELECT p.kind FROM "Paper" p WHERE p.id = q."paperId"), 'locator', q.locator)))`,
    'FROM page q',
    `q.${order.replace(', id', ', q.id')}`,
  )})))::text AS body`;
  return { text, values: [filter.workingIon, filter.elements, range!.property, orderBy.property, String(range!.min), String(range!.max), c?.v === null || c === null ? null : String(c.v), c?.id ?? 0, first] };
}

const MATERIALS_QUERY = `query BenchMaterialsByElement($filter: MaterialFilter, $first: Int!, $after: String) {
  materials(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id formula chemicalFormulaReduced computedProperties { property { key } value unit source { kind locator } } } }
  }
}`;

function materialsFloor({ filter, first, after }: Record<string, any>) {
  const text = `WITH cand AS (SELECT m.id FROM "Material" m JOIN "Paper" p ON p.id = m."paperId" WHERE m.elements @> $1::text[] AND p.kind = $2::"SourceKind"),
  ahead AS (SELECT m.id, m.formula, m."chemicalFormulaReduced" FROM "Material" m WHERE m.id IN (SELECT id FROM cand) AND m.id > $3 ORDER BY m.id LIMIT $4 + 1),
  page AS (SELECT * FROM ahead ORDER BY id LIMIT $4)
SELECT json_build_object('data', json_build_object('materials', json_build_object(
  'totalCount', (SELECT count(*) FROM cand),
  'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM ahead) > $4, 'endCursor', (SELECT ${gid('cursor', 'max(id)')} FROM page)),
  'edges', ${listSql(
    `json_build_object('node', json_build_object('id', ${gid('Material', 'q.id')}, 'formula', q.formula, 'chemicalFormulaReduced', q."chemicalFormulaReduced",
      'computedProperties', ${listSql(
        `json_build_object('property', json_build_object('key', c."propertyKey"), 'value', c.value, 'unit', c.unit, 'source', json_build_object('kind', p.kind, 'locator', c.locator))`,
        `FROM "ComputedProperty" c JOIN "Paper" p ON p.id = c."paperId" WHERE c."materialId" = q.id`,
        'c.id',
      )}))`,
    'FROM page q',
    'q.id',
  )})))::text AS body`;
  return { text, values: [filter.elements, filter.sourceKind, fromIdCursor(after), first] };
}

const COMPARISON_QUERY = `query BenchComparison($property: String!, $formula: String!) {
  propertyComparison(property: $property, formula: $formula) {
    reducedFormula unit
    entries { value unit kind factId source { kind locator } material { id formula } electrode { batteryId } }
  }
}`;

/** Every value of the property for the materials of one reduced formula: papers first, then by value (src/resolvers/comparison.ts). */
function comparisonFloor({ property }: Record<string, any>) {
  // The materials' ids as an array first (as the resolver's loader does), so the facts are read by materialId's index.
  const text = `WITH ids AS (SELECT ARRAY(SELECT id FROM "Material" WHERE "chemicalFormulaReduced" = $2) AS a),
  facts AS (
    SELECT 0 AS k, c.id, c."canonicalValue" AS value, c."paperId", c.locator, c."materialId", c."electrodeId" FROM "ComputedProperty" c, ids WHERE c."materialId" = ANY(ids.a) AND c."propertyKey" = $1
    UNION ALL
    SELECT 1, r.id, r."canonicalValue", r."paperId", r.locator, r."materialId", NULL FROM "Measurement" r, ids WHERE r."materialId" = ANY(ids.a) AND r."propertyKey" = $1),
  shaped AS (SELECT f.*, p.kind, (p.kind = 'DATABASE')::int AS rank FROM facts f JOIN "Paper" p ON p.id = f."paperId")
SELECT json_build_object('data', json_build_object('propertyComparison', json_build_object(
  'reducedFormula', $2::text, 'unit', (SELECT "canonicalUnit" FROM "PropertyKey" WHERE key = $1),
  'entries', ${listSql(
    `json_build_object('value', s.value, 'unit', (SELECT "canonicalUnit" FROM "PropertyKey" WHERE key = $1), 'kind', CASE s.k WHEN 0 THEN 'COMPUTED' ELSE 'MEASURED' END,
      'factId', CASE s.k WHEN 0 THEN ${gid('ComputedProperty', 's.id')} ELSE ${gid('Measurement', 's.id')} END,
      'source', json_build_object('kind', s.kind, 'locator', s.locator),
      'material', (SELECT json_build_object('id', ${gid('Material', 'm.id')}, 'formula', m.formula) FROM "Material" m WHERE m.id = s."materialId"),
      'electrode', (SELECT json_build_object('batteryId', e."batteryId") FROM "InsertionElectrode" e WHERE e.id = s."electrodeId"))`,
    'FROM shaped s',
    's.rank, s.value NULLS LAST, s.k, s.id',
  )})))::text AS body`;
  return { text, values: [property, 'CrNaO3'] };
}

const NODE_QUERY = `query BenchElectrodeNode($id: ID!) {
  node(id: $id) { id ... on InsertionElectrode {
    batteryId batteryFormula workingIon frameworkId frameworkFormula numSteps formulaCharge formulaDischarge
    averageVoltage { value unit } gravimetricCapacity { value unit } volumetricCapacity { value unit } gravimetricEnergy { value unit } stabilityCharge { value unit }
    charged { id formula } discharged { id formula }
    source { kind locator database { key } }
  } }
}`;

function nodeFloor({ id }: Record<string, any>) {
  const text = `SELECT json_build_object('data', json_build_object('node', (SELECT json_build_object(
    'id', ${gid('InsertionElectrode', 'e.id')}, 'batteryId', e."batteryId", 'batteryFormula', e."batteryFormula", 'workingIon', e."workingIon", 'frameworkId', e."frameworkId",
    'frameworkFormula', e."frameworkFormula", 'numSteps', e."numSteps", 'formulaCharge', ch.formula, 'formulaDischarge', di.formula,
    'averageVoltage', ${valueSql('e', 'average_voltage', 'd')}, 'gravimetricCapacity', ${valueSql('e', 'theoretical_capacity', 'd')},
    'volumetricCapacity', ${valueSql('e', 'volumetric_capacity', 'd')}, 'gravimetricEnergy', ${valueSql('e', 'specific_energy', 'd')},
    'stabilityCharge', ${valueSql('e', 'energy_above_hull', 'c')},
    'charged', json_build_object('id', ${gid('Material', 'ch.id')}, 'formula', ch.formula), 'discharged', json_build_object('id', ${gid('Material', 'di.id')}, 'formula', di.formula),
    'source', json_build_object('kind', p.kind, 'locator', e.locator, 'database', CASE WHEN p.kind = 'DATABASE' THEN json_build_object('key', p."sourceKey") END))
  FROM "InsertionElectrode" e JOIN "Material" ch ON ch.id = e."chargedMaterialId" JOIN "Material" di ON di.id = e."dischargedMaterialId" JOIN "Paper" p ON p.id = e."paperId"
  WHERE e.id = $1)))::text AS body`;
  return { text, values: [fromIdCursor(id)] };
}

const OPERATIONS: ElectrodeOperation[] = [
  {
    name: 'explorer-page',
    title: 'explorer page: Li, Mn+O, 2.5–4.5 V, by capacity DESC (first page / next page by cursor)',
    query: PAGE_QUERY,
    sizes: [50, 10],
    variables: (f, k, size = 50) => ({ filter: EXPLORER_FILTER, orderBy: EXPLORER_ORDER, first: size, after: k % 2 === 0 ? null : f.pageCursor[size] }),
    floor: pageFloor,
  },
  {
    name: 'materials-by-element',
    title: 'materials containing Mn from the database, with their MP values (page of 50, and the next)',
    query: MATERIALS_QUERY,
    sizes: [50, 10],
    variables: (f, k, size = 50) => ({ filter: { elements: ['Mn'], sourceKind: 'DATABASE' }, first: size, after: k % 2 === 0 ? null : f.materialCursor[size] }),
    floor: materialsFloor,
  },
  {
    name: 'comparison',
    title: 'propertyComparison: average voltage of NaCrO3 across sources',
    query: COMPARISON_QUERY,
    variables: () => ({ property: 'average_voltage', formula: 'NaCrO3' }),
    floor: comparisonFloor,
  },
  {
    name: 'electrode-node',
    title: 'node(id) of an electrode with its values and ends',
    query: NODE_QUERY,
    variables: (f, k) => ({ id: f.electrodeIds[k % f.electrodeIds.length] }),
    floor: nodeFloor,
  },
];

// ------------------------------------------------------------------------------------ measuring

/** Requests retried after a reset connection (reported with the results). */
let resets = 0;

async function post(url: string, body: unknown, retried = false): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    // A keep-alive connection reset under load (seen once at 10×): retry once, and say so.
    if (retried || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    resets += 1;
    return post(url, body, true);
  }
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 600)}`);
  return text;
}

/** `count` requests, `concurrency` at a time: latencies (ms) and wall seconds. */
async function run(count: number, send: (k: number) => Promise<unknown>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const k = next++;
        const t = performance.now();
        await send(k);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const f1 = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const median = (xs: number[]) => percentile(xs, 50);

interface Row {
  title: string;
  bytes: number;
  statements: string;
  graphql: { throughput: number; p50: number; p99: number };
  floor: { throughput: number; p50: number; p99: number };
  ratios: number[];
}

async function bench(kind: 'pglite' | 'postgres', scale: number): Promise<string> {
  const { db, loadSeconds } = await prepare(kind, scale);
  if (args.has('load-only')) {
    await db.close();
    return '';
  }
  const app = await startApp(db, 0, { host: '127.0.0.1', production: true });
  const sql = db.sqlFor(db.prisma)!;
  const floorServer = http.createServer(async (req, res) => {
    const op = OPERATIONS.find((o) => req.url === `/floor/${o.name}`);
    let body = '';
    for await (const chunk of req) body += chunk;
    try {
      const { text, values } = op!.floor((JSON.parse(body) as { variables: Record<string, unknown> }).variables);
      const rows = await sql.query<{ body: string }>(text, values);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(`${rows[0]!.body}\n`);
    } catch (error) {
      res.statusCode = 500;
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
  await new Promise<void>((resolve) => floorServer.listen(0, '127.0.0.1', resolve));
  const floorUrl = `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}/floor/`;
  const graphqlUrl = app.url.replace('localhost', '127.0.0.1');
  const gql = async (query: string, variables: Record<string, unknown>) => JSON.parse(await post(graphqlUrl, { query, variables })).data;
  const fixtures: Fixtures = { pageCursor: {}, materialCursor: {}, electrodeIds: [] };
  for (const size of [50, 10]) {
    fixtures.pageCursor[size] = (await gql(PAGE_QUERY, { filter: EXPLORER_FILTER, orderBy: EXPLORER_ORDER, first: size })).insertionElectrodes.pageInfo.endCursor;
    fixtures.materialCursor[size] = (await gql(MATERIALS_QUERY, { filter: { elements: ['Mn'], sourceKind: 'DATABASE' }, first: size })).materials.pageInfo.endCursor;
  }
  const count = await db.prisma.insertionElectrode.count();
  const sample = await db.prisma.insertionElectrode.findMany({ select: { id: true }, where: { id: { in: Array.from({ length: 64 }, (_, i) => 1 + Math.floor((i * count) / 64)) } } });
  fixtures.electrodeIds = sample.map((e) => toGlobalId('InsertionElectrode', e.id));

  const rows: Row[] = [];
  for (const op of OPERATIONS.filter((o) => !onlyOps || onlyOps.includes(o.name))) {
    log(`${kind} ×${scale}: ${op.title} …`);
    // 1. content
    let bytes = 0;
    for (const k of [0, 1, 2, 3]) {
      const variables = op.variables(fixtures, k);
      const a = await post(graphqlUrl, { query: op.query, variables });
      const b = await post(`${floorUrl}${op.name}`, { variables });
      deepStrictEqual(JSON.parse(b), JSON.parse(a), `${op.name} request ${k}: the floor's answer differs from GraphQL's`);
      bytes = Buffer.byteLength(a);
    }
    // 2. statements per request (the fewest of three: a loader batch may split by timing, never by size)
    const statements: string[] = [];
    for (const size of op.sizes ?? [undefined]) {
      const variables = op.variables(fixtures, 1, size);
      let n = Infinity;
      for (let i = 0; i < 3; i++) {
        const s0 = db.statementCount();
        await post(graphqlUrl, { query: op.query, variables });
        n = Math.min(n, db.statementCount() - s0);
      }
      statements.push(`${n}${size ? ` (page ${size})` : ''}`);
    }
    // 3. interleaved rounds after a warm-up
    const send = (url: string) => (k: number) => post(url, { query: op.query, variables: op.variables(fixtures, k) });
    await run(concurrency * 4, send(graphqlUrl));
    await run(concurrency * 4, send(`${floorUrl}${op.name}`));
    const sides = { graphql: [] as Awaited<ReturnType<typeof run>>[], floor: [] as Awaited<ReturnType<typeof run>>[] };
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const g = await run(requestsPerRun, send(graphqlUrl));
      const f = await run(requestsPerRun, send(`${floorUrl}${op.name}`));
      sides.graphql.push(g);
      sides.floor.push(f);
      ratios.push(requestsPerRun / g.seconds / (requestsPerRun / f.seconds));
    }
    const summary = (list: Awaited<ReturnType<typeof run>>[]) => {
      const latencies = list.flatMap((r) => r.latencies);
      return { throughput: latencies.length / list.reduce((s, r) => s + r.seconds, 0), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
    };
    const row = { title: op.title, bytes, statements: statements.join(', '), graphql: summary(sides.graphql), floor: summary(sides.floor), ratios };
    log(`  ${row.statements} statements; GraphQL ${f1(row.graphql.throughput)} req/s p50 ${f1(row.graphql.p50)} p99 ${f1(row.graphql.p99)} ms | floor ${f1(row.floor.throughput)} req/s p50 ${f1(row.floor.p50)} p99 ${f1(row.floor.p99)} ms | GraphQL ÷ floor ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
    rows.push(row);
  }
  floorServer.close();
  await app.close();
  await db.close();
  const electrodes = (real.records.length * scale).toLocaleString('en');
  return [
    `**${kind}, ${electrodes} electrodes (×${scale}${scale === 1 ? ', the real export' : ', synthetic'})**${loadSeconds === null ? ', load from an earlier run' : `, load ${loadSeconds.toFixed(0)} s`}; ${rounds} rounds × ${requestsPerRun} requests per side, ${concurrency} at a time; load average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`,
    '',
    '| operation | bytes | SQL statements per request (GraphQL; floor 1) | req/s GraphQL / floor | GraphQL ÷ floor throughput per round | p50 ms GraphQL / floor | p99 ms GraphQL / floor |',
    '|---|---:|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.title} | ${r.bytes.toLocaleString('en')} | ${r.statements} | ${f1(r.graphql.throughput)} / ${f1(r.floor.throughput)} | ${r.ratios.map((x) => x.toFixed(2)).join(', ')} (median ${median(r.ratios).toFixed(2)}) | ${f1(r.graphql.p50)} / ${f1(r.floor.p50)} | ${f1(r.graphql.p99)} / ${f1(r.floor.p99)} |`),
    '',
  ].join('\n');
}

const out: string[] = [`${new Date().toISOString()}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, Node ${process.version}, load average at the start ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`, ''];
for (const kind of dbChoice === 'both' ? (['pglite', 'postgres'] as const) : [dbChoice as 'pglite' | 'postgres']) {
  for (const scale of scales) out.push(await bench(kind, scale));
}
if (resets > 0) out.push(`${resets} request(s) retried after a reset connection.`, '');
if (!args.has('load-only')) console.log(out.join('\n'));
