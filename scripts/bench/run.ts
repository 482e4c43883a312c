/**
 * `npm run bench -- [--materials 10000] [--db pglite|postgres|both] [--duration 2] [--connections 8,32]
 *                   [--rounds 2] [--ops material,page,…] [--fresh] [--server-heap-mib 384]
 *                   [--pglite-shared-buffers 16MB] [--admin-url postgresql://…/postgres] [--server compiled|tsx]`
 *
 * PostgreSQL: a role that may CREATE DATABASE (default cathode_ci@127.0.0.1, or
 * BENCH_ADMIN_DATABASE_URL); the data goes into database cathode_bench_<N>. PGlite: data/bench/pglite-<N>.
 *
 * For each database: generate the synthetic data set if missing (data/bench/<N>), load it through
 * the normal ingest path in a child process (scripts/bench/load.ts; reused while the data set is
 * unchanged, --fresh reloads), start the real app plus the floor routes in a server process
 * (scripts/bench/serve.ts) and, on PostgreSQL, PostGraphile on the same database
 * (scripts/bench/postgraphile.ts); then for every operation of scripts/bench/operations.ts:
 *   1. content checks on a few requests: GraphQL's body is byte-identical to the same app's
 *      with the SQL-compiled read path off (every read through the DataLoaders); the SQL floor's body parses to the same JSON as
 *      GraphQL's (a handler floor's body must be byte-identical), and PostGraphile's answer,
 *      reshaped, is the same data; a mismatch or an error is a failure and the operation is not measured;
 *   2. count SQL statements of one request (at two page/batch sizes where the operation has one);
 *   3. at each connection count, measure with autocannon on loopback in rounds of GraphQL, floor,
 *      PostGraphile (each --duration seconds, or a fixed number of requests for operations too
 *      slow to complete enough in that time), so machine drift affects all alike; each run first
 *      opens its connections and warms them (see `cannon`), and only then is measured;
 *      per run, CPU time of the server process, of PostGraphile's and of the database backends
 *      (/proc/<pid>/stat; on PGlite the database runs inside the server process).
 * The server runs in production mode (NODE_ENV=production), and reports its peak RSS.
 * Prints tables per database and writes data/bench/results-<N>.json (+ .md for BENCHMARKS.md).
 * Exit code 1 when a content check failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { deepStrictEqual } from 'node:assert/strict';
import { execSync } from 'node:child_process';
import autocannon from 'autocannon';
import { buildServer, npmStartCommand } from '../lib/server-process.js';
import pg from 'pg';
import { defaultDataDir, MANIFEST_FILE, parseArgs, writeDataset, type Manifest } from './data.js';
import { adminQuery as runAdminQuery, dropDatabase, migrateDeploy } from '../../src/db/admin.js';
import type { LoadResult } from './load.js';
import { OPERATIONS, type BenchRequest, type Fixtures, type Operation } from './operations.js';

const args = parseArgs(process.argv.slice(2));
const N = Number(args.get('materials') ?? 1000);
const dbChoice = (args.get('db') ?? 'both') as 'pglite' | 'postgres' | 'both';
const duration = Number(args.get('duration') ?? 2);
const connectionCounts = (args.get('connections') ?? '8,32').split(',').map(Number);
const rounds = Number(args.get('rounds') ?? 2);
const fresh = args.has('fresh');
const adminUrl = args.get('admin-url') ?? process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgresql://cathode_ci:cathode_ci@127.0.0.1:5432/postgres';
const onlyOps = args.get('ops')?.split(',');
/**
 * The server process gets the node flags and environment of `npm start` (package.json's start
 * script: V8 heap cap, young-generation size, malloc arenas); --server-heap-mib replaces the heap
 * cap (0: none).
 */
const npmStart = npmStartCommand();
const heapArg = args.get('server-heap-mib');
const serverNodeFlags = [
  ...npmStart.nodeArgs.filter((a) => a.startsWith('--') && !(heapArg !== undefined && a.startsWith('--max-old-space-size='))),
  ...(heapArg && heapArg !== '0' ? [`--max-old-space-size=${heapArg}`] : []),
];
const serverHeapMiB = serverNodeFlags.find((a) => a.startsWith('--max-old-space-size='))?.split('=')[1];
/** Optional buffer cache of the embedded database in the server (PGLITE_SHARED_BUFFERS, e.g. 16MB). */
const pgliteSharedBuffers = args.get('pglite-shared-buffers');
/**
 * compiled (default): the bench server and PostGraphile's wrapper run as tsc's output, as
 * `npm start` runs the server (tsx's loader thread costs ~80 MiB and its transforms CPU);
 * tsx: from the TypeScript source, to compare.
 */
const serverMode = (args.get('server') ?? 'compiled') as 'compiled' | 'tsx';
if (!['compiled', 'tsx'].includes(serverMode)) throw new Error(`--server must be compiled or tsx, got ${serverMode}`);
/** `node` arguments that run a bench script (scripts/bench/<name>.ts) in the chosen mode. */
const benchScript = (name: string) => (serverMode === 'compiled' ? [`dist/bench/scripts/bench/${name}.js`] : ['--import', 'tsx', `scripts/bench/${name}.ts`]);
if (serverMode === 'compiled') buildServer('build:bench');
/**
 * Fewest requests per run: slower operations run for a number of requests instead of seconds,
 * at least 100 per run so each side's p99 comes from 200 samples (with fewer, "p99" is the
 * single slowest request and one scheduler hiccup on a shared machine decides the ratio).
 */
const minRequests = (connections: number) => Math.max(100, connections * 4);
const operations = OPERATIONS.filter((o) => !onlyOps || onlyOps.includes(o.name));
if (!['pglite', 'postgres', 'both'].includes(dbChoice)) throw new Error(`--db must be pglite, postgres or both, got ${dbChoice}`);

type Side = 'graphql' | 'floor' | 'postgraphile';

interface Measured {
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU ms per request: the process that answered (server or PostGraphile), and the database backends (PostgreSQL only). */
  cpuMsPerRequest: { process: number; database: number | null };
}

/** One connection count: every side's runs summed, and per round the throughput ratios. */
interface AtConnections {
  connections: number;
  runs: string;
  sides: Partial<Record<Side, Measured>>;
  /** Per round: GraphQL ÷ floor and GraphQL ÷ PostGraphile throughput. */
  ratios: { floor: number[]; postgraphile: number[] };
  /** Peak RSS of the answering process while each side ran, MiB. */
  peakRssMiB: Partial<Record<Side, number>>;
}

interface OperationResult {
  name: string;
  title: string;
  ok: boolean;
  failure?: string;
  bytes?: number;
  cost?: number | string;
  /** 'sql': one hand-written statement through plain pg; 'handler': a hand-written handler (operations.ts handlerFloor), bytes by hand. */
  floorKind?: 'sql' | 'handler';
  statements?: { size: number | null; graphql: number; floor: number }[];
  measured?: AtConnections[];
}

interface DatabaseResult {
  db: 'pglite' | 'postgres';
  load: LoadResult | null;
  loadReused: boolean;
  serverRss: { startMiB: number; peakMiB: number; endMiB: number };
  postgraphileRss?: { startMiB: number; peakMiB: number };
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

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; graphql: string; reference?: string; floor: string }> {
  // Production mode, as deployed (graphql-js also skips its development-only checks then); no
  // operation allow-list, so the benchmark's own operations may run.
  const child = spawn(process.execPath, [...serverNodeFlags, ...benchScript('serve')], {
    env: { ...env, ...npmStart.env, NODE_ENV: 'production', OPERATION_ALLOWLIST: '', ...(pgliteSharedBuffers ? { PGLITE_SHARED_BUFFERS: pgliteSharedBuffers } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('BENCH_SERVER ')) {
        const info = JSON.parse(line.slice('BENCH_SERVER '.length)) as { graphql: string; reference?: string; floor: string };
        resolve({ child, ...info });
      }
    });
  });
}

/** PostGraphile on the same PostgreSQL database, in a process of its own. */
async function startPostGraphile(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, benchScript('postgraphile'), { env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`PostGraphile exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('BENCH_POSTGRAPHILE ')) resolve({ child, url: (JSON.parse(line.slice('BENCH_POSTGRAPHILE '.length)) as { url: string }).url });
    });
  });
}

// ------------------------------------------------------------------------------------ CPU and RSS from /proc

const CLOCK_TICKS_PER_S = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;

/** User + system CPU of a process so far, ms (0 when it is gone). */
function cpuMs(pid: number): number {
  try {
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}

function rssMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** The PostgreSQL backends serving one database (the app's pool and PostGraphile's). */
class DatabaseBackends {
  private readonly client: pg.Client;
  constructor(adminUrl: string, private readonly database: string) {
    this.client = new pg.Client({ connectionString: adminUrl });
  }
  connect = () => this.client.connect();
  end = () => this.client.end();
  async cpu(): Promise<Map<number, number>> {
    const { rows } = await this.client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [this.database]);
    return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
  }
  /** CPU ms the backends spent since `before` (backends that appeared meanwhile count from zero). */
  static since(before: Map<number, number>, after: Map<number, number>): number {
    let ms = 0;
    for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
    return ms;
  }
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
const countError = (reason: string) => errorReasons.set(reason, (errorReasons.get(reason) ?? 0) + 1);

/**
 * One autocannon run. With `warm`, the run opens its connections and sends requests until every
 * connection has had an answer and at least `warm.responses` came back; only then does the
 * measured part start (`warm.onMeasured` is called then, for CPU snapshots) and latencies count.
 * Node (libuv 1.45 and later) accepts one new connection per event-loop turn, so on a saturated
 * server the first request of each fresh connection waits for its accept: a run of 128 requests
 * on 32 new connections measured that queue, not the requests (BENCHMARKS.md, 2026-12-02).
 */
async function cannon(
  url: string,
  bodies: string[],
  length: { seconds: number } | { amount: number },
  connections: number,
  warm?: { responses: number; onMeasured: () => void },
): Promise<{ latencies: number[]; requests: number; seconds: number; errors: number }> {
  const latencies: number[] = [];
  let started = performance.now();
  let last = started;
  const answered = new Set<unknown>();
  let responses = 0;
  let measured = 0;
  let measuring = !warm;
  let stopped = false;
  let stopTimer: NodeJS.Timeout | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        timeout: 300,
        // A run with a warm-up is stopped here, `seconds` or `amount` answers after the warm-up
        // ends (autocannon's own `amount` is a quota per connection: a connection answered late
        // would end the run with the others' quotas spent and few answers measured).
        ...(warm ? { duration: 3600 } : 'seconds' in length ? { duration: length.seconds } : { amount: length.amount }),
        requests: bodies.map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    const stop = () => {
      stopped = true;
      instance.stop();
    };
    instance.on('response', (client, status, _bytes, responseTime) => {
      if (stopped) return;
      if (!measuring) {
        responses++;
        answered.add(client);
        if (answered.size >= connections && responses >= warm!.responses) {
          measuring = true;
          started = last = performance.now();
          warm!.onMeasured();
          if ('seconds' in length) stopTimer = setTimeout(stop, length.seconds * 1000);
        }
        if (status !== 200) countError(`HTTP ${status} (warm-up)`);
        return;
      }
      if (status === 200) latencies.push(responseTime);
      else countError(`HTTP ${status}`);
      last = performance.now();
      if (warm && 'amount' in length && ++measured === length.amount) stop();
    });
    instance.on('reqError', (error: Error & { code?: string }) => {
      countError(error.code ?? error.message);
    });
  });
  clearTimeout(stopTimer);
  if (!measuring) throw new Error(`the warm-up of ${url} did not finish: ${answered.size} of ${connections} connections answered`);
  // autocannon's own duration is whole seconds (it stops on a 1 s tick): time the run here,
  // from the start of the measured part to its last response.
  return { latencies, requests: latencies.length, seconds: (last - started) / 1000, errors: result.errors + result.timeouts + result.non2xx };
}

function summarize(runs: { latencies: number[]; requests: number; seconds: number; errors: number }[]): Omit<Measured, 'cpuMsPerRequest'> {
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

interface Servers {
  graphql: string;
  /** The same app with every read through the DataLoaders (absent before the SQL-compiled read path). */
  reference?: string;
  floor: string;
  serverPid: number;
  postgraphile?: { url: string; pid: number };
  backends?: DatabaseBackends;
}

/** Where the bodies differ, for the failure message. */
function firstDifference(a: string, b: string): string {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  return `at byte ${at}: …${JSON.stringify(a.slice(Math.max(0, at - 60), at + 60))}… vs …${JSON.stringify(b.slice(Math.max(0, at - 60), at + 60))}…`;
}

function sameData(a: unknown, b: unknown): string | null {
  try {
    deepStrictEqual(a, b);
    return null;
  } catch (error) {
    return (error as Error).message.slice(0, 800);
  }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};

async function benchOperation(op: Operation, servers: Servers, fixtures: Fixtures): Promise<OperationResult> {
  const result: OperationResult = { name: op.name, title: op.title, ok: false, floorKind: op.sqlFloor ? 'sql' : 'handler' };
  const floorUrl = `${servers.floor}/bench/floor/${op.name}`;
  const peer = op.postgraphile && servers.postgraphile ? { ...op.postgraphile, url: servers.postgraphile.url } : undefined;
  result.cost = await costOf(op.request(fixtures, 0));
  // 1. content checks on a few requests
  for (const k of [0, 1, 2, 3]) {
    const request = op.request(fixtures, k);
    const [a, b] = [await post(servers.graphql, request), await post(floorUrl, request)];
    const errors = a.text.includes('"errors"') ? a.text.slice(0, 600) : null;
    if (a.status !== 200 || errors) {
      result.failure = `GraphQL request ${k} answered ${a.status}: ${errors ?? a.text.slice(0, 600)}`;
      return result;
    }
    if (b.status !== 200) {
      result.failure = `floor request ${k} answered ${b.status}: ${b.text.slice(0, 600)}`;
      return result;
    }
    if (servers.reference) {
      const reference = await post(servers.reference, request);
      if (reference.text !== a.text) {
        result.failure = `GraphQL answers differ from the DataLoader path's for request ${k} ${firstDifference(a.text, reference.text)}`;
        return result;
      }
    }
    if (op.sqlFloor) {
      const differs = sameData(JSON.parse(b.text), JSON.parse(a.text));
      if (differs) {
        result.failure = `floor and GraphQL answers differ for request ${k}: ${differs}`;
        return result;
      }
    } else if (a.text !== b.text) {
      result.failure = `bodies differ for request ${k} ${firstDifference(a.text, b.text)} (GraphQL vs floor)`;
      return result;
    }
    if (peer) {
      const peerRequest = peer.request(fixtures, k);
      const c = await post(peer.url, peerRequest);
      const answer = JSON.parse(c.text) as { data?: unknown; errors?: unknown };
      if (c.status !== 200 || answer.errors) {
        result.failure = `PostGraphile request ${k} answered ${c.status}: ${c.text.slice(0, 600)}`;
        return result;
      }
      const differs = sameData(peer.ours(answer.data, peerRequest), (JSON.parse(a.text) as { data: unknown }).data);
      if (differs) {
        result.failure = `PostGraphile and GraphQL answers differ for request ${k}: ${differs}`;
        return result;
      }
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
      const s0 = (await stats(servers.floor)).statements;
      await post(servers.graphql, request);
      const s1 = (await stats(servers.floor)).statements;
      await post(floorUrl, request);
      const s2 = (await stats(servers.floor)).statements;
      counts.graphql = Math.min(counts.graphql, s1 - s0);
      counts.floor = Math.min(counts.floor, s2 - s1);
    }
    result.statements.push({ size, ...counts });
  }
  // 3. per connection count: rounds of GraphQL, floor, PostGraphile, each after a warm-up
  const bodies = Array.from({ length: 64 }, (_, k) => JSON.stringify(op.request(fixtures, k)));
  const sides: { side: Side; url: string; bodies: string[]; pid: number }[] = [
    { side: 'graphql', url: servers.graphql, bodies, pid: servers.serverPid },
    { side: 'floor', url: floorUrl, bodies, pid: servers.serverPid },
    ...(peer ? [{ side: 'postgraphile' as const, url: peer.url, bodies: Array.from({ length: 64 }, (_, k) => JSON.stringify(peer.request(fixtures, k))), pid: servers.postgraphile!.pid }] : []),
  ];
  errorReasons.clear();
  result.measured = [];
  let failedRequests = 0;
  for (const connections of connectionCounts) {
    const warm: Awaited<ReturnType<typeof cannon>>[] = [];
    for (const s of sides) {
      const first = await cannon(s.url, s.bodies, { amount: connections * 2 }, connections);
      // A fast operation gets about a second more, so the first measured round does not find the
      // server's JIT still cold (a round at 0.4x the next one's throughput, 2026-12-02).
      const perSecond = Math.round(first.requests / first.seconds);
      warm.push(perSecond > connections * 2 ? await cannon(s.url, s.bodies, { amount: perSecond }, connections) : first);
    }
    // Runs of `duration` seconds, or of a fixed number of requests when fewer than minRequests
    // would complete in that time (the same kind of run for every side).
    const slowest = Math.min(...warm.map((w) => w.requests / w.seconds));
    const length = slowest * duration >= minRequests(connections) ? { seconds: duration } : { amount: minRequests(connections) };
    const at: AtConnections = { connections, runs: `${rounds} × ${'seconds' in length ? `${duration} s` : `${length.amount} requests`} each`, sides: {}, ratios: { floor: [], postgraphile: [] }, peakRssMiB: {} };
    const runs = new Map<Side, { run: Awaited<ReturnType<typeof cannon>>; processMs: number; databaseMs: number | null }[]>(sides.map((s) => [s.side, []]));
    for (let round = 0; round < rounds; round++) {
      const throughput: Partial<Record<Side, number>> = {};
      for (const s of sides) {
        if (s.side !== 'postgraphile') await fetch(`${servers.floor}/bench/peaks/reset`, { method: 'POST' });
        // CPU from the end of the run's warm-up (its connections open and answered) to its end.
        let cpu0 = 0;
        let db0: Promise<Map<number, number>> | undefined;
        const run = await cannon(s.url, s.bodies, length, connections, {
          responses: connections * 2,
          onMeasured: () => {
            cpu0 = cpuMs(s.pid);
            db0 = servers.backends?.cpu();
          },
        });
        const processMs = cpuMs(s.pid) - cpu0;
        const databaseMs = db0 ? DatabaseBackends.since(await db0, await servers.backends!.cpu()) : null;
        const peak = s.side === 'postgraphile' ? rssMiB(s.pid, 'VmRSS') : (await stats(servers.floor)).peaks.rss!;
        at.peakRssMiB[s.side] = Math.max(at.peakRssMiB[s.side] ?? 0, peak);
        runs.get(s.side)!.push({ run, processMs, databaseMs });
        throughput[s.side] = run.requests / run.seconds;
        failedRequests += run.errors;
      }
      at.ratios.floor.push(throughput.graphql! / throughput.floor!);
      if (throughput.postgraphile) at.ratios.postgraphile.push(throughput.graphql! / throughput.postgraphile);
    }
    for (const [side, list] of runs) {
      const requests = list.reduce((n, r) => n + r.run.requests, 0);
      at.sides[side] = {
        ...summarize(list.map((r) => r.run)),
        cpuMsPerRequest: {
          process: list.reduce((n, r) => n + r.processMs, 0) / requests,
          database: list[0]!.databaseMs === null ? null : list.reduce((n, r) => n + r.databaseMs!, 0) / requests,
        },
      };
    }
    result.measured.push(at);
    log(`  ${connections} connections: ${sides.map((s) => `${s.side} ${f1(at.sides[s.side]!.throughput)} req/s, p99 ${f1(at.sides[s.side]!.p99)} ms, CPU ${f1(at.sides[s.side]!.cpuMsPerRequest.process)} + db ${f1(at.sides[s.side]!.cpuMsPerRequest.database ?? NaN)} ms`).join(' | ')} | GraphQL ÷ floor ${at.ratios.floor.map(f2).join(', ')}${at.ratios.postgraphile.length ? ` | GraphQL ÷ PostGraphile ${at.ratios.postgraphile.map(f2).join(', ')}` : ''}`);
  }
  result.ok = failedRequests === 0;
  if (!result.ok) result.failure = `${failedRequests} requests failed; reasons: ${JSON.stringify(Object.fromEntries(errorReasons))}`;
  return result;
}

// ------------------------------------------------------------------------------------ report

const roundAll = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
const f1 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const f2 = (x: number) => x.toFixed(2);
/** "median (min–max)" of per-round ratios. */
const ratioText = (xs: number[]) => (xs.length === 0 ? '–' : xs.length === 1 ? f2(xs[0]!) : `${f2(median(xs))} (${f2(Math.min(...xs))}–${f2(Math.max(...xs))})`);

function markdown(results: DatabaseResult[], manifest: Manifest): string {
  const out: string[] = [];
  for (const r of results) {
    const load = r.load;
    out.push(
      `**N = ${manifest.materials.toLocaleString('en')} materials, ${r.db}**, server flags ${serverNodeFlags.join(' ') || 'none'}${Object.keys(npmStart.env).length ? ` with ${Object.entries(npmStart.env).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}${r.db === 'pglite' && pgliteSharedBuffers ? `, PGlite shared_buffers ${pgliteSharedBuffers}` : ''} (${manifest.facts.toLocaleString('en')} synthetic facts in ${manifest.papers} paper files + the 3 real papers; ` +
        (load ? `load ${f1(load.totalSeconds)} s${r.loadReused ? ', from an earlier run' : ''}` : 'load n/a') +
        `; server RSS ${f1(r.serverRss.startMiB)} MiB after start, peak ${f1(r.serverRss.peakMiB)} MiB` +
        (r.serverMemoryPeaks ? ` (peak V8 heap ${f1(r.serverMemoryPeaks.heapTotal)} MiB)` : '') +
        (r.postgraphileRss ? `; PostGraphile RSS ${f1(r.postgraphileRss.startMiB)} MiB after start, peak ${f1(r.postgraphileRss.peakMiB)} MiB` : '') +
        ')',
      '',
      '| operation | conn. | bytes | SQL statements (GraphQL / floor) | req/s GraphQL / floor / PostGraphile | GraphQL ÷ floor per round | GraphQL ÷ PostGraphile per round | p99 ms GraphQL / floor / PostGraphile | server CPU ms/req GraphQL / floor / PostGraphile | database CPU ms/req GraphQL / floor / PostGraphile | peak RSS MiB GraphQL / floor / PostGraphile | runs |',
      '|---|---:|---:|---|---|---|---|---|---|---|---|---|',
    );
    for (const o of r.operations) {
      if (!o.measured) {
        out.push(`| ${o.title} | | | | **FAILED**: ${(o.failure ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 300)} | | | | | | | |`);
        continue;
      }
      const statements = (o.statements ?? []).map((s) => `${s.graphql} / ${s.floor}${s.size !== null ? ` (size ${s.size})` : ''}`).join(', ');
      for (const at of o.measured) {
        const each = (pick: (m: Measured) => number | null) => (['graphql', 'floor', 'postgraphile'] as Side[]).filter((side) => at.sides[side]).map((side) => f1(pick(at.sides[side]!) ?? NaN)).join(' / ');
        const rss = (['graphql', 'floor', 'postgraphile'] as Side[]).filter((side) => at.peakRssMiB[side] !== undefined).map((side) => f1(at.peakRssMiB[side])).join(' / ');
        out.push(
          `| ${o.title}${o.floorKind === 'handler' ? ' ²' : ''} | ${at.connections} | ${o.bytes?.toLocaleString('en')} | ${statements} | ${each((m) => m.throughput)} | ${ratioText(at.ratios.floor)} | ${ratioText(at.ratios.postgraphile)} | ${each((m) => m.p99)} | ${each((m) => m.cpuMsPerRequest.process)} | ${r.db === 'postgres' ? each((m) => m.cpuMsPerRequest.database) : 'in server'} | ${rss} | ${at.runs} |`,
        );
      }
    }
    out.push('');
  }
  out.push('² floor without GraphQL: the derived page reads its page and its inputs as the GraphQL route does (src/read/derived-inputs.ts), the correlation in one hand-written statement on plain SQL; values by the same src/derive functions, bytes by hand (derived values are computed in JavaScript).', '');
  return out.join('\n');
}

// ------------------------------------------------------------------------------------ main

const { dir, manifest } = ensureData();
const results: DatabaseResult[] = [];
let failed = false;
const peerWanted = operations.some((o) => o.postgraphile);
for (const db of dbChoice === 'both' ? (['pglite', 'postgres'] as const) : [dbChoice]) {
  const { env, load, reused } = await prepareDatabase(db, dir, manifest);
  const server = await startServer(env);
  // PostGraphile reads PostgreSQL only; the database's backends are measured there too.
  const peer = db === 'postgres' && peerWanted ? await startPostGraphile(env) : undefined;
  const backends = db === 'postgres' ? new DatabaseBackends(adminUrl, new URL(env.DATABASE_URL!).pathname.slice(1)) : undefined;
  await backends?.connect();
  try {
    const start = await stats(server.floor);
    const fixtures = (await (await fetch(`${server.floor}/bench/fixtures`)).json()) as Fixtures;
    const result: DatabaseResult = { db, load, loadReused: reused, serverRss: { startMiB: start.rssMiB, peakMiB: 0, endMiB: 0 }, serverMemoryStart: start.memory, operations: [] };
    if (peer) result.postgraphileRss = { startMiB: rssMiB(peer.child.pid!, 'VmRSS'), peakMiB: 0 };
    const servers: Servers = { graphql: server.graphql, reference: server.reference, floor: server.floor, serverPid: server.child.pid!, postgraphile: peer && { url: peer.url, pid: peer.child.pid! }, backends };
    for (const op of operations) {
      log(`${db} N=${N}: ${op.title} …`);
      const r = await benchOperation(op, servers, fixtures);
      if (!r.ok) {
        failed = true;
        log(`  FAILED: ${r.failure}`);
      } else {
        log(`  statements ${JSON.stringify(r.statements)}`);
      }
      result.operations.push(r);
    }
    const end = await stats(server.floor);
    result.serverRss.peakMiB = end.maxRssMiB;
    result.serverRss.endMiB = end.rssMiB;
    result.serverMemoryPeaks = end.peaks;
    if (peer) result.postgraphileRss!.peakMiB = rssMiB(peer.child.pid!, 'VmHWM');
    log(`server memory (MiB): start ${JSON.stringify(roundAll(start.memory))}, peaks ${JSON.stringify(roundAll(end.peaks))}, peak RSS ${end.maxRssMiB.toFixed(0)}`);
    results.push(result);
  } finally {
    await backends?.end();
    for (const child of [server.child, peer?.child]) {
      if (!child) continue;
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}
const machine = { cpu: readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1], cores: (await import('node:os')).availableParallelism(), node: process.version, load: (await import('node:os')).loadavg() };
const file = path.resolve('data', 'bench', `results-${N}${dbChoice === 'both' ? '' : `-${dbChoice}`}${heapArg !== undefined ? `-heap${heapArg}` : ''}${pgliteSharedBuffers ? `-sb${pgliteSharedBuffers}` : ''}.json`);
writeFileSync(file, `${JSON.stringify({ when: new Date().toISOString(), materials: N, duration, connections: connectionCounts, rounds, serverHeapMiB: serverHeapMiB ?? null, pgliteSharedBuffers: pgliteSharedBuffers ?? null, machine, manifest: { ...manifest, files: manifest.files.length }, results }, null, 2)}\n`);
const md = markdown(results, manifest);
writeFileSync(file.replace(/\.json$/, '.md'), md);
console.log(md);
log(`results: ${path.relative(process.cwd(), file)}`);
if (failed) process.exitCode = 1;
