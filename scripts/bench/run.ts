/**
 * `npm run bench -- [--materials 10000] [--db pglite|postgres|both] [--duration 2] [--connections 8]
 *                   [--ops material,page,…] [--fresh] [--server-heap-mib 384] [--pglite-shared-buffers 16MB]
 *                   [--admin-url postgresql://…/postgres]`
 *
 * PostgreSQL: a role that may CREATE DATABASE (default cathode_ci@127.0.0.1, or
 * BENCH_ADMIN_DATABASE_URL); the data goes into database cathode_bench_<N>. PGlite: data/bench/pglite-<N>.
 *
 * For each database: generate the synthetic data set if missing (data/bench/<N>), load it through
 * the normal ingest path in a child process (scripts/bench/load.ts; reused while the data set is
 * unchanged, --fresh reloads), start the real app plus the floor routes in a server process
 * (scripts/bench/serve.ts), and for every operation of scripts/bench/operations.ts:
 *   1. check that the GraphQL body and the floor body are byte-identical (a mismatch or a GraphQL
 *      error is reported as a failure and the operation is not measured);
 *   2. count SQL statements of one request (at two page/batch sizes where the operation has one);
 *   3. measure with autocannon on loopback, alternating GraphQL and floor (A, B, A, B, each
 *      --duration seconds after a short warm-up, or a fixed number of requests for operations
 *      too slow to complete enough in that time), so machine drift affects both alike.
 * The server runs in production mode (NODE_ENV=production), and reports its peak RSS.
 * Prints a table per database and writes data/bench/results-<N>.json (+ .md for BENCHMARKS.md).
 * Exit code 1 when a byte check failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { defaultDataDir, MANIFEST_FILE, parseArgs, writeDataset, type Manifest } from './data.js';
import { adminQuery as runAdminQuery, dropDatabase, migrateDeploy } from '../../src/db/admin.js';
import type { LoadResult } from './load.js';
import { OPERATIONS, type BenchRequest, type Fixtures, type Operation } from './operations.js';

const args = parseArgs(process.argv.slice(2));
const N = Number(args.get('materials') ?? 1000);
const dbChoice = (args.get('db') ?? 'both') as 'pglite' | 'postgres' | 'both';
const duration = Number(args.get('duration') ?? 2);
const connections = Number(args.get('connections') ?? 8);
const fresh = args.has('fresh');
const adminUrl = args.get('admin-url') ?? process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgresql://cathode_ci:cathode_ci@127.0.0.1:5432/postgres';
const onlyOps = args.get('ops')?.split(',');
/** V8 heap cap of the server process (--max-old-space-size): by default the one `npm start` uses; 0 for none. */
const DEFAULT_SERVER_HEAP_MIB = '384';
const heapArg = args.get('server-heap-mib') ?? DEFAULT_SERVER_HEAP_MIB;
const serverHeapMiB = heapArg === '0' ? undefined : heapArg;
/** Optional buffer cache of the embedded database in the server (PGLITE_SHARED_BUFFERS, e.g. 16MB). */
const pgliteSharedBuffers = args.get('pglite-shared-buffers');
/**
 * Fewest requests per run: slower operations run for a number of requests instead of seconds,
 * at least 100 per run so each side's p99 comes from 200 samples (with fewer, "p99" is the
 * single slowest request and one scheduler hiccup on a shared machine decides the ratio).
 */
const MIN_REQUESTS = Math.max(100, connections * 4);
const operations = OPERATIONS.filter((o) => !onlyOps || onlyOps.includes(o.name));
if (!['pglite', 'postgres', 'both'].includes(dbChoice)) throw new Error(`--db must be pglite, postgres or both, got ${dbChoice}`);

interface Measured {
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  errors: number;
}

interface OperationResult {
  name: string;
  title: string;
  ok: boolean;
  failure?: string;
  bytes?: number;
  cost?: number | string;
  statements?: { size: number | null; graphql: number; floor: number }[];
  graphql?: Measured;
  floor?: Measured;
  throughputRatio?: number;
  p99Ratio?: number;
  /** How the A/B runs were bounded. */
  runs?: string;
  /** Peak RSS of the server (sampled every 50 ms) while it served this operation's GraphQL runs and floor runs, MiB. */
  peakRssMiB?: { graphql: number; floor: number };
}

interface DatabaseResult {
  db: 'pglite' | 'postgres';
  load: LoadResult | null;
  loadReused: boolean;
  serverRss: { startMiB: number; peakMiB: number; endMiB: number };
  /** Peaks of process.memoryUsage() parts in the server (sampled every 50 ms), MiB. */
  serverMemoryPeaks?: Record<string, number>;
  serverMemoryStart?: Record<string, number>;
  operations: OperationResult[];
}

const log = (message: string) => process.stderr.write(`${message}\n`);

// ------------------------------------------------------------------------------------ data + load

function ensureData(): { dir: string; manifest: Manifest } {
  const dir = defaultDataDir(N);
  const manifestFile = path.join(dir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) {
    log(`generating ${N} synthetic materials in ${path.relative(process.cwd(), dir)} …`);
    writeDataset(N, dir);
  }
  return { dir, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest };
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${argv.join(' ')} exited with ${code}`))));
  });
}

const tsx = (script: string, argv: string[], env: NodeJS.ProcessEnv) => run(process.execPath, ['--import', 'tsx', script, ...argv], env);

const adminQuery = (sql: string) => runAdminQuery(adminUrl, sql);

/** The database env for a target, loaded with the data set (reused when its marker matches). */
async function prepareDatabase(db: 'pglite' | 'postgres', dir: string, manifest: Manifest): Promise<{ env: NodeJS.ProcessEnv; load: LoadResult | null; reused: boolean }> {
  const marker = path.resolve('data', 'bench', `${db}-${N}.loaded.json`);
  let env: NodeJS.ProcessEnv;
  if (db === 'pglite') {
    const dataDir = path.resolve('data', 'bench', `pglite-${N}`);
    env = { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' };
    if (fresh || !existsSync(marker) || JSON.parse(readFileSync(marker, 'utf8')).sha256 !== manifest.sha256) {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(marker, { force: true });
    }
  } else {
    const name = `cathode_bench_${N}`;
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env = { ...process.env, DATABASE_URL: url.toString(), PGLITE_DATA_DIR: '' };
    if (fresh || !existsSync(marker) || JSON.parse(readFileSync(marker, 'utf8')).sha256 !== manifest.sha256) {
      rmSync(marker, { force: true });
      await dropDatabase(adminUrl, name);
      await adminQuery(`CREATE DATABASE ${name}`);
    }
  }
  if (existsSync(marker)) {
    // Apply migrations added since the load (e.g. new indexes), then reuse the data.
    migrateDeploy(env);
    return { env, load: JSON.parse(readFileSync(marker, 'utf8')).load as LoadResult, reused: true };
  }
  log(`loading ${manifest.materials} materials (${manifest.papers} paper files) into ${db} …`);
  const out = await tsx('scripts/bench/load.ts', ['--dir', dir], env);
  const line = out.split('\n').find((l) => l.startsWith('BENCH_LOAD '));
  if (!line) throw new Error(`load printed no result:\n${out}`);
  const load = JSON.parse(line.slice('BENCH_LOAD '.length)) as LoadResult;
  writeFileSync(marker, `${JSON.stringify({ sha256: manifest.sha256, load }, null, 2)}\n`);
  log(`loaded in ${load.totalSeconds.toFixed(0)} s (validation ${load.validateSeconds.toFixed(0)} s, writes ${load.loadSeconds.toFixed(0)} s, overlapping)`);
  return { env, load, reused: false };
}

// ------------------------------------------------------------------------------------ server

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; graphql: string; floor: string }> {
  // Production mode, as deployed (graphql-js also skips its development-only checks then); no
  // operation allow-list, so the benchmark's own operations may run.
  const child = spawn(process.execPath, [...(serverHeapMiB ? [`--max-old-space-size=${serverHeapMiB}`] : []), '--import', 'tsx', 'scripts/bench/serve.ts'], {
    env: { ...env, NODE_ENV: 'production', OPERATION_ALLOWLIST: '', ...(pgliteSharedBuffers ? { PGLITE_SHARED_BUFFERS: pgliteSharedBuffers } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('BENCH_SERVER ')) {
        const info = JSON.parse(line.slice('BENCH_SERVER '.length)) as { graphql: string; floor: string };
        resolve({ child, ...info });
      }
    });
  });
}

async function post(url: string, body: BenchRequest): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

interface ServerStats {
  statements: number;
  rssMiB: number;
  maxRssMiB: number;
  memory: Record<string, number>;
  peaks: Record<string, number>;
}
async function stats(floor: string): Promise<ServerStats> {
  return (await (await fetch(`${floor}/bench/stats`)).json()) as ServerStats;
}

// ------------------------------------------------------------------------------------ measuring

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * One autocannon run: for `seconds`, or (slow operations) until `amount` requests completed, so
 * that a run never ends with most of its requests still in flight (they would be left out of
 * the latencies and bias them low).
 */
/** Why requests failed (status or socket error → count), reported with a failed operation. */
const errorReasons = new Map<string, number>();

async function cannon(url: string, bodies: string[], length: { seconds: number } | { amount: number }): Promise<{ latencies: number[]; requests: number; seconds: number; errors: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  let last = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        timeout: 300,
        ...('seconds' in length ? { duration: length.seconds } : { amount: length.amount }),
        requests: bodies.map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status === 200) latencies.push(responseTime);
      else errorReasons.set(`HTTP ${status}`, (errorReasons.get(`HTTP ${status}`) ?? 0) + 1);
      last = performance.now();
    });
    instance.on('reqError', (error: Error & { code?: string }) => {
      const reason = error.code ?? error.message;
      errorReasons.set(reason, (errorReasons.get(reason) ?? 0) + 1);
    });
  });
  // autocannon's own duration is whole seconds (it stops on a 1 s tick): time the run here,
  // from the start to the last response.
  return { latencies, requests: latencies.length, seconds: (last - started) / 1000, errors: result.errors + result.timeouts + result.non2xx };
}

function summarize(runs: { latencies: number[]; requests: number; seconds: number; errors: number }[]): Measured {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  return { requests, seconds, throughput: requests / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors: runs.reduce((n, r) => n + r.errors, 0) };
}

/** The cost the query limits (src/security/cost.ts, if present) would assign, for the report. */
async function costOf(request: BenchRequest): Promise<number | string> {
  try {
    const [{ operationCost }, { buildSchema }, { parse }] = await Promise.all([import('../../src/security/cost.js' as string), import('../../src/schema.js'), import('graphql')]);
    schemaCache ??= buildSchema();
    const document = parse(request.query);
    const operation = document.definitions.find((d: { kind: string }) => d.kind === 'OperationDefinition');
    return (operationCost as (...a: unknown[]) => number)(schemaCache, document, operation, { variables: request.variables });
  } catch (error) {
    return `n/a (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}
let schemaCache: unknown;

async function benchOperation(op: Operation, server: { graphql: string; floor: string }, fixtures: Fixtures): Promise<OperationResult> {
  const result: OperationResult = { name: op.name, title: op.title, ok: false };
  const floorUrl = `${server.floor}/bench/floor/${op.name}`;
  result.cost = await costOf(op.request(fixtures, 0));
  // 1. byte check on a few requests
  for (const k of [0, 1, 2, 3]) {
    const request = op.request(fixtures, k);
    const [a, b] = [await post(server.graphql, request), await post(floorUrl, request)];
    const errors = a.text.includes('"errors"') ? a.text.slice(0, 600) : null;
    if (a.status !== 200 || errors) {
      result.failure = `GraphQL request ${k} answered ${a.status}: ${errors ?? a.text.slice(0, 600)}`;
      return result;
    }
    if (a.text !== b.text) {
      let at = 0;
      while (at < a.text.length && a.text[at] === b.text[at]) at++;
      result.failure = `bodies differ at byte ${at} of request ${k}: GraphQL …${JSON.stringify(a.text.slice(Math.max(0, at - 60), at + 60))}… floor …${JSON.stringify(b.text.slice(Math.max(0, at - 60), at + 60))}…`;
      return result;
    }
    result.bytes = Buffer.byteLength(a.text);
  }
  // 2. statements of one request (quiet server), at the default size and a smaller one; the
  // fewest of three runs (on PostgreSQL a loader batch can split in two by timing, never by size)
  result.statements = [];
  for (const size of op.sizes ?? [null]) {
    const request = op.request(fixtures, 1, size ?? undefined, true);
    const counts = { graphql: Infinity, floor: Infinity };
    for (let run = 0; run < 3; run++) {
      const s0 = (await stats(server.floor)).statements;
      await post(server.graphql, request);
      const s1 = (await stats(server.floor)).statements;
      await post(floorUrl, request);
      const s2 = (await stats(server.floor)).statements;
      counts.graphql = Math.min(counts.graphql, s1 - s0);
      counts.floor = Math.min(counts.floor, s2 - s1);
    }
    result.statements.push({ size, ...counts });
  }
  // 3. A, B, A, B with autocannon after a warm-up of each
  const bodies = Array.from({ length: 64 }, (_, k) => JSON.stringify(op.request(fixtures, k)));
  errorReasons.clear();
  const warmA = await cannon(server.graphql, bodies, { amount: connections * 2 });
  const warmB = await cannon(floorUrl, bodies, { amount: connections * 2 });
  // Runs of `duration` seconds, or of a fixed number of requests when fewer than MIN_REQUESTS
  // would complete in that time (same kind of run for A and B).
  const slowest = Math.min(warmA.requests / warmA.seconds, warmB.requests / warmB.seconds);
  const length = slowest * duration >= MIN_REQUESTS ? { seconds: duration } : { amount: MIN_REQUESTS };
  result.runs = 'seconds' in length ? `2 × ${duration} s each` : `2 × ${MIN_REQUESTS} requests each`;
  const a: Awaited<ReturnType<typeof cannon>>[] = [];
  const b: Awaited<ReturnType<typeof cannon>>[] = [];
  const peakRss = { graphql: 0, floor: 0 };
  const measured = async (side: 'graphql' | 'floor', url: string) => {
    await fetch(`${server.floor}/bench/peaks/reset`, { method: 'POST' });
    const run = await cannon(url, bodies, length);
    peakRss[side] = Math.max(peakRss[side], (await stats(server.floor)).peaks.rss!);
    return run;
  };
  for (let round = 0; round < 2; round++) {
    a.push(await measured('graphql', server.graphql));
    b.push(await measured('floor', floorUrl));
  }
  result.peakRssMiB = peakRss;
  result.graphql = summarize(a);
  result.floor = summarize(b);
  result.throughputRatio = result.graphql.throughput / result.floor.throughput;
  result.p99Ratio = result.graphql.p99 / result.floor.p99;
  result.ok = result.graphql.errors === 0 && result.floor.errors === 0 && result.graphql.requests > 0 && result.floor.requests > 0;
  if (!result.ok) result.failure = `request errors: GraphQL ${result.graphql.errors}, floor ${result.floor.errors}; completed: GraphQL ${result.graphql.requests}, floor ${result.floor.requests} (${result.runs}); reasons: ${JSON.stringify(Object.fromEntries(errorReasons))}`;
  return result;
}

// ------------------------------------------------------------------------------------ report

const roundAll = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
const f1 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function markdown(results: DatabaseResult[], manifest: Manifest): string {
  const out: string[] = [];
  for (const r of results) {
    const load = r.load;
    out.push(
      `**N = ${manifest.materials.toLocaleString('en')} materials, ${r.db}**, server heap cap ${serverHeapMiB ? `${serverHeapMiB} MiB` : 'none'}${r.db === 'pglite' && pgliteSharedBuffers ? `, PGlite shared_buffers ${pgliteSharedBuffers}` : ''} (${manifest.facts.toLocaleString('en')} synthetic facts in ${manifest.papers} paper files + the 3 real papers; ` +
        (load ? `load ${f1(load.totalSeconds)} s: validation ${f1(load.validateSeconds)} s overlapping writes ${f1(load.loadSeconds)} s, migrate ${f1(load.migrateSeconds)} s${r.loadReused ? ', from an earlier run' : ''}` : 'load n/a') +
        `; server RSS ${f1(r.serverRss.startMiB)} MiB after start, peak ${f1(r.serverRss.peakMiB)} MiB` +
        (r.serverMemoryPeaks ? ` (peak V8 heap ${f1(r.serverMemoryPeaks.heapTotal)} MiB, peak ArrayBuffers ${f1(r.serverMemoryPeaks.arrayBuffers)} MiB)` : '') +
        ')',
      '',
      '| operation | bytes | cost | SQL statements (GraphQL / floor) | GraphQL req/s | floor req/s | ratio | GraphQL p50 / p99 ms | floor p50 / p99 ms | p99 ratio | peak RSS MiB (GraphQL / floor) | runs |',
      '|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const o of r.operations) {
      if (!o.graphql || !o.floor) {
        out.push(`| ${o.title} | | ${o.cost ?? ''} | | **FAILED**: ${(o.failure ?? '').replace(/\|/g, '\\|').slice(0, 300)} | | | | | | | |`);
        continue;
      }
      const statements = (o.statements ?? []).map((s) => `${s.graphql} / ${s.floor}${s.size !== null ? ` (size ${s.size})` : ''}`).join(', ');
      out.push(
        `| ${o.title} | ${o.bytes?.toLocaleString('en')} | ${o.cost} | ${statements} | ${f1(o.graphql.throughput)} | ${f1(o.floor.throughput)} | ${f1(o.throughputRatio)} | ${f1(o.graphql.p50)} / ${f1(o.graphql.p99)} | ${f1(o.floor.p50)} / ${f1(o.floor.p99)} | ${f1(o.p99Ratio)} | ${o.peakRssMiB ? `${f1(o.peakRssMiB.graphql)} / ${f1(o.peakRssMiB.floor)}` : ''} | ${o.runs} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

// ------------------------------------------------------------------------------------ main

const { dir, manifest } = ensureData();
const results: DatabaseResult[] = [];
let failed = false;
for (const db of dbChoice === 'both' ? (['pglite', 'postgres'] as const) : [dbChoice]) {
  const { env, load, reused } = await prepareDatabase(db, dir, manifest);
  const server = await startServer(env);
  try {
    const start = await stats(server.floor);
    const fixtures = (await (await fetch(`${server.floor}/bench/fixtures`)).json()) as Fixtures;
    const result: DatabaseResult = { db, load, loadReused: reused, serverRss: { startMiB: start.rssMiB, peakMiB: 0, endMiB: 0 }, serverMemoryStart: start.memory, operations: [] };
    for (const op of operations) {
      log(`${db} N=${N}: ${op.title} …`);
      const r = await benchOperation(op, server, fixtures);
      if (!r.ok) {
        failed = true;
        log(`  FAILED: ${r.failure}`);
      } else {
        log(`  GraphQL ${f1(r.graphql!.throughput)} req/s p50 ${f1(r.graphql!.p50)} p99 ${f1(r.graphql!.p99)} ms | floor ${f1(r.floor!.throughput)} req/s p50 ${f1(r.floor!.p50)} p99 ${f1(r.floor!.p99)} ms | ratio ${f1(r.throughputRatio)}, p99 ratio ${f1(r.p99Ratio)} | statements ${JSON.stringify(r.statements)} | peak RSS ${JSON.stringify(roundAll(r.peakRssMiB!))} MiB`);
      }
      result.operations.push(r);
    }
    const end = await stats(server.floor);
    result.serverRss.peakMiB = end.maxRssMiB;
    result.serverRss.endMiB = end.rssMiB;
    result.serverMemoryPeaks = end.peaks;
    log(`server memory (MiB): start ${JSON.stringify(roundAll(start.memory))}, peaks ${JSON.stringify(roundAll(end.peaks))}, peak RSS ${end.maxRssMiB.toFixed(0)}`);
    results.push(result);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}
const machine = { cpu: readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1], cores: (await import('node:os')).availableParallelism(), node: process.version, load: (await import('node:os')).loadavg() };
const file = path.resolve('data', 'bench', `results-${N}${dbChoice === 'both' ? '' : `-${dbChoice}`}${heapArg !== DEFAULT_SERVER_HEAP_MIB ? `-heap${heapArg}` : ''}${pgliteSharedBuffers ? `-sb${pgliteSharedBuffers}` : ''}.json`);
writeFileSync(file, `${JSON.stringify({ when: new Date().toISOString(), materials: N, duration, connections, serverHeapMiB: serverHeapMiB ?? null, pgliteSharedBuffers: pgliteSharedBuffers ?? null, machine, manifest: { ...manifest, files: manifest.files.length }, results }, null, 2)}\n`);
const md = markdown(results, manifest);
writeFileSync(file.replace(/\.json$/, '.md'), md);
console.log(md);
log(`results: ${path.relative(process.cwd(), file)}`);
if (failed) process.exitCode = 1;
