/**
 * `npm run bench:rss`: peak resident memory of a production server (dist/src/server.js as
 * `npm start` runs it, heap cap --max-old-space-size=384) under the costliest query the limits
 * admit, sent by 16 clients at once for a while, on a fresh embedded database seeded from seeds/. Prints the figures and
 * whether the peak stays within the budget (RSS_BUDGET_MIB, default 640 MiB: the 384 MiB heap
 * cap plus the embedded PostgreSQL's WebAssembly memory and Node's own).
 *
 * The query: a `materials` page with every list under it, its page size the largest whose cost
 * (src/security/cost.ts) is within GRAPHQL_MAX_COST (5000). Exit code 1 past the budget.
 *
 *   npm run bench:rss [-- --seconds 20 --clients 16]
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { parse, type OperationDefinitionNode } from 'graphql';
import { migrateDeploy } from '../src/db/admin.js';
import { buildSchema } from '../src/schema.js';
import { operationCost } from '../src/security/cost.js';
import { DEFAULT_QUERY_LIMITS } from '../src/security/limits.js';
import { startServerProcess, stopServerProcess } from './lib/server-process.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, clients: { type: 'string', default: '16' } } });
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const budgetMiB = Number(process.env.RSS_BUDGET_MIB ?? 640);

const page = (n: number) => `{ materials(first: ${n}) { edges { node {
  key name formula chemicalFormulaReduced source { locator paper { doi title journal year } }
  measurements { value valueMax unit qualifier note source { locator paper { doi title } } conditions { cRate temperatureC cellType voltageMinV voltageMaxV } }
  computedProperties { value unit source { locator paper { doi } } }
  structures { label formula spaceGroupSymbol spaceGroupNumber lattices { aA bA cA } }
} } } }`;

const schema = buildSchema();
const costOf = (query: string) => {
  const document = parse(query);
  return operationCost(schema, document, document.definitions[0] as OperationDefinitionNode);
};
let first = 1;
while (first < 100 && costOf(page(first + 1)) <= DEFAULT_QUERY_LIMITS.maxCost) first++;
const query = page(first);
const cost = costOf(query);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-rss-'));
migrateDeploy({ ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' });
// As `npm start` runs it: built, then its node command with its flags (the heap cap among them).
const server = await startServerProcess({ PGLITE_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production', NODE_OPTIONS: '' }, undefined, 'compiled');
const rssMiB = (field: 'VmRSS' | 'VmHWM') => {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]) / 1024;
};
try {
  const check = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await check.json()) as { data?: { materials: { edges: unknown[] } }; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`the query is refused: ${JSON.stringify(body.errors)}`);
  const bytes = JSON.stringify(body).length;
  const idle = rssMiB('VmRSS');
  let peakSampled = idle;
  const sampler = setInterval(() => {
    peakSampled = Math.max(peakSampled, rssMiB('VmRSS'));
  }, 100);
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    connections: clients,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  clearInterval(sampler);
  const hwm = rssMiB('VmHWM');
  const after = rssMiB('VmRSS');
  console.log(`query: materials(first: ${first}) with every nested list, cost ${cost} of ${DEFAULT_QUERY_LIMITS.maxCost}; ${body.data.materials.edges.length} materials, ${(bytes / 1024).toFixed(0)} kB per answer`);
  console.log(`${clients} clients for ${seconds} s: ${result.requests.total} requests (${result.non2xx} non-2xx, ${result.errors} errors), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  console.log(`RSS: idle ${idle.toFixed(0)} MiB, peak ${Math.max(hwm, peakSampled).toFixed(0)} MiB (VmHWM), ${after.toFixed(0)} MiB after; budget ${budgetMiB} MiB`);
  if (Math.max(hwm, peakSampled) > budgetMiB) process.exitCode = 1;
} finally {
  await stopServerProcess(server);
  rmSync(dataDir, { recursive: true, force: true });
}
