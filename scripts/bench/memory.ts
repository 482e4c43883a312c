/**
 * `npm run bench:memory -- [--materials 10000] [--seconds 5] [--connections 8,32] [--server compiled|tsx] [--node-options=…] [--breakdown]`:
 * the server's resident memory on the database of an earlier `npm run bench` (DATABASE_URL,
 * default cathode_bench_<N> on the bench's PostgreSQL, or PGLITE_DATA_DIR).
 *
 * Default: the server in a process of its own, as `npm start` runs it (`npm run build`, then the
 * start script's `… exec node … dist/src/server.js` with its environment and flags; production
 * mode); `--server tsx` runs src/server.ts under tsx with the same environment and flags instead,
 * for comparison; `--node-options="…"` adds V8/Node flags (NODE_OPTIONS) to try. RSS once
 * started, then under every benchmark operation (scripts/bench/operations.ts) at each connection
 * count for --seconds (autocannon on loopback, RSS sampled every 50 ms) with the server's CPU per
 * request (utime + stime ÷ requests answered), and the kernel's high-water mark at the end.
 *
 * --breakdown: where it goes, phase by phase, in this process (the same settings; the npm
 * script passes --expose-gc), i.e. from the TypeScript source under tsx: Node and tsx alone, the
 * modules imported, the database client, Prisma's first query (its WebAssembly query compiler),
 * the GraphQL schema and Apollo, then after --requests of every operation, each after a full
 * garbage collection: RSS, V8 heap used/total, external, array buffers, code (MiB).
 */
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { parseArgs } from 'node:util';

// Only Node's own modules above: the breakdown's first phase is Node and tsx alone.
const { values } = parseArgs({
  options: {
    materials: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '8,32' },
    breakdown: { type: 'boolean', default: false },
    server: { type: 'string', default: 'compiled' },
    'node-options': { type: 'string', default: '' },
  },
});
if (values.server !== 'compiled' && values.server !== 'tsx') throw new Error('--server must be compiled (as npm start runs it) or tsx');
const N = Number(values.materials);
const requestsPerOperation = Number(values.requests);
if (!process.env.DATABASE_URL && !process.env.PGLITE_DATA_DIR) process.env.DATABASE_URL = `postgresql://cathode_ci:cathode_ci@127.0.0.1:5432/cathode_bench_${N}`;
const MiB = 2 ** 20;

if (!values.breakdown) {
  await serverUnderLoad();
  process.exit(0);
}
process.env.NODE_ENV = 'production';
process.env.OPERATION_ALLOWLIST = '';

const gc = (globalThis as { gc?: () => void }).gc;
const rows: Record<string, string | number>[] = [];
function phase(name: string) {
  const before = process.memoryUsage();
  gc?.();
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size / MiB]));
  const row = {
    phase: name,
    rssMiB: +(m.rss / MiB).toFixed(0),
    rssBeforeGcMiB: +(before.rss / MiB).toFixed(0),
    heapUsedMiB: +(m.heapUsed / MiB).toFixed(1),
    heapTotalMiB: +(m.heapTotal / MiB).toFixed(1),
    externalMiB: +(m.external / MiB).toFixed(1),
    arrayBuffersMiB: +(m.arrayBuffers / MiB).toFixed(1),
    codeMiB: +((spaces.code_space ?? 0) + (spaces.code_large_object_space ?? 0)).toFixed(1),
  };
  rows.push(row);
  console.error(JSON.stringify(row));
}

phase('node + tsx');
const { startApp } = await import('../../src/app.js');
const { createDatabase } = await import('../../src/db/client.js');
const { OPERATIONS, computeFixtures } = await import('./operations.js');
phase('modules imported');
const db = createDatabase();
phase('database client');
await db.prisma.paper.count();
phase('first Prisma query');
const app = await startApp(db, 0, { host: '127.0.0.1' });
phase('app started (schema, Apollo)');
const fixtures = await computeFixtures(db.prisma);
phase('fixtures');
for (const operation of OPERATIONS) {
  for (let k = 0; k < requestsPerOperation; k++) {
    const request = operation.request(fixtures, k);
    const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    if (!response.ok) throw new Error(`${operation.name}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
    await response.arrayBuffer();
  }
  phase(`after ${requestsPerOperation} × ${operation.name}`);
}
console.log(`| phase | RSS MiB (after GC) | RSS before GC | V8 heap used / total | external | array buffers | code |\n|---|---:|---:|---|---:|---:|---:|`);
for (const r of rows) console.log(`| ${r.phase} | ${r.rssMiB} | ${r.rssBeforeGcMiB} | ${r.heapUsedMiB} / ${r.heapTotalMiB} | ${r.externalMiB} | ${r.arrayBuffersMiB} | ${r.codeMiB} |`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
await app.close();
await db.close();

/** The server as `npm start` runs it (or under tsx), under each operation's load: RSS after start, peaks, high-water mark. */
async function serverUnderLoad() {
  const [{ default: autocannon }, { npmStartCommand, startServerProcess, stopServerProcess }, { createDatabase }, { OPERATIONS, computeFixtures }] = await Promise.all([
    import('autocannon'),
    import('../lib/server-process.js'),
    import('../../src/db/client.js'),
    import('./operations.js'),
  ]);
  const db = createDatabase();
  const fixtures = await computeFixtures(db.prisma);
  await db.close();
  // Compiled: npm start's node command as it is; tsx: its environment, and its flags (all but the
  // script) through NODE_OPTIONS.
  const start = npmStartCommand();
  const flags = start.nodeArgs.slice(0, -1).join(' ');
  const command = values.server as 'compiled' | 'tsx';
  const extra = values['node-options']!;
  const server = await startServerProcess({ NODE_ENV: 'production', OPERATION_ALLOWLIST: '', ...start.env, NODE_OPTIONS: `${command === 'tsx' ? flags : ''} ${extra}`.trim() }, undefined, command);
  const status = (field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))![1]) / 1024;
  // utime + stime of the server (fields 14 and 15 of /proc/<pid>/stat, after the command's parentheses), in ms at 100 ticks/s.
  const cpuMs = () => {
    const stat = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8');
    const [utime, stime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number);
    return (utime! + stime!) * 10;
  };
  try {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const started = status('VmRSS');
    console.log(`| operation | connections | requests | server CPU ms per request | peak RSS MiB | RSS after MiB |\n|---|---:|---:|---:|---:|---:|\n| (started, idle) | | | | ${started.toFixed(0)} | ${started.toFixed(0)} |`);
    for (const operation of OPERATIONS) {
      for (const connections of values.connections!.split(',').map(Number)) {
        let peak = 0;
        const sampler = setInterval(() => (peak = Math.max(peak, status('VmRSS'))), 50);
        const cpuBefore = cpuMs();
        const result = await autocannon({
          url: server.url,
          connections,
          duration: Number(values.seconds),
          timeout: 300,
          requests: Array.from({ length: 64 }, (_, k) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify(operation.request(fixtures, k)) })),
        });
        clearInterval(sampler);
        const cpu = result.requests.total ? ((cpuMs() - cpuBefore) / result.requests.total).toFixed(1) : '–';
        if (result.non2xx || result.errors) throw new Error(`${operation.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        console.log(`| ${operation.title} | ${connections} | ${result.requests.total} | ${cpu} | ${peak.toFixed(0)} | ${status('VmRSS').toFixed(0)} |`);
      }
    }
    console.log(`RSS after start ${started.toFixed(0)} MiB, high-water mark ${status('VmHWM').toFixed(0)} MiB (${command === 'tsx' ? 'src/server.ts under tsx' : 'dist/src/server.js'}, ${Object.entries(start.env).map(([k, v]) => `${k}=${v} `).join('')}${flags}${extra ? ` ${extra}` : ''}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, N = ${N})`);
  } finally {
    await stopServerProcess(server);
  }
}
