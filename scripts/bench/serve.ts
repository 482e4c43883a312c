/**
 * The benchmark's server process: the real app (startApp from src/app.ts) on the configured
 * database (DATABASE_URL or PGLITE_DATA_DIR), and in the same process, on the same Prisma client,
 * a second express app with the floor routes (on plain SQL over the same connections, or Prisma):
 *
 *   POST /bench/floor/<operation>   same JSON body as the GraphQL request; answers the same JSON (one SQL statement) or the same bytes (a handler floor)
 *   GET  /bench/fixtures            ids and cursors to build requests from
 *   GET  /bench/stats               SQL statements so far, RSS, peak RSS, sampled memory peaks
 *   POST /bench/peaks/reset         start a new window for the sampled memory peaks
 *
 * and a reference GraphQL endpoint, the same app with the SQL-compiled read path off (every read
 * through the DataLoaders), whose bytes the runner compares. All listen on 127.0.0.1 (ports from
 * --port / --floor-port, default free ports) and are announced on stdout as
 * `BENCH_SERVER {"graphql": …, "reference": …, "floor": …}`. Run by scripts/bench/run.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { applyKeepAlive, startApp } from '../../src/app.js';
import { createDatabase } from '../../src/db/client.js';
import { parseArgs } from './data.js';
import { computeFixtures, OPERATIONS } from './operations.js';

const args = parseArgs(process.argv.slice(2));
const db = createDatabase();
const app = await startApp(db, Number(args.get('port') ?? 0), { host: '127.0.0.1' });
// The same app with every read through the resolvers' DataLoaders: what the SQL-compiled read
// path must answer byte for byte.
const reference = await startApp(db, 0, { host: '127.0.0.1', compiledReads: false });
const fixtures = await computeFixtures(db.prisma);

// Peak of each part of the process's memory, sampled every 50 ms (RSS includes PGlite's WASM
// heap, an ArrayBuffer, and the Prisma query compiler's).
const MiB = 2 ** 20;
const peaks = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
const sample = () => {
  const m = process.memoryUsage();
  for (const k of Object.keys(peaks) as (keyof typeof peaks)[]) peaks[k] = Math.max(peaks[k], m[k] / MiB);
};
sample();
setInterval(sample, 50).unref();

const floor = express();
floor.get('/bench/fixtures', (_req, res) => {
  res.json(fixtures);
});
// Start a new peak window (the runner reads peaks per operation and per side).
floor.post('/bench/peaks/reset', (_req, res) => {
  for (const k of Object.keys(peaks) as (keyof typeof peaks)[]) peaks[k] = 0;
  sample();
  res.json(peaks);
});
floor.get('/bench/stats', (_req, res) => {
  const memory = process.memoryUsage();
  res.json({
    statements: db.statementCount(),
    rssMiB: memory.rss / MiB,
    heapUsedMiB: memory.heapUsed / MiB,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    memory: Object.fromEntries(Object.entries(memory).map(([k, v]) => [k, v / MiB])),
    peaks,
  });
});
const sql = db.sqlFor(db.prisma)!;
for (const operation of OPERATIONS) {
  floor.post(`/bench/floor/${operation.name}`, express.json({ limit: '100kb' }), async (req, res) => {
    try {
      const variables = (req.body?.variables ?? {}) as Record<string, unknown>;
      // Apollo Server writes JSON.stringify(result) + "\n" as application/json; the SQL floor
      // passes the database's JSON text through as it is.
      let body: string;
      if (operation.sqlFloor) {
        const { text, values, prepared } = operation.sqlFloor(variables);
        body = (await sql.query<{ body: string }>(text, values, { prepared }))[0]!.body;
      } else {
        body = JSON.stringify(await operation.handlerFloor!(db.prisma, variables, sql));
      }
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(`${body}\n`);
    } catch (error) {
      console.error(`floor ${operation.name}:`, error);
      res.status(500).json({ error: String(error) });
    }
  });
}
const floorServer = http.createServer(floor);
applyKeepAlive(floorServer);
await new Promise<void>((resolve) => floorServer.listen(Number(args.get('floor-port') ?? 0), '127.0.0.1', resolve));
const floorPort = (floorServer.address() as AddressInfo).port;
console.log(`BENCH_SERVER ${JSON.stringify({ graphql: `http://127.0.0.1:${app.port}/graphql`, reference: `http://127.0.0.1:${reference.port}/graphql`, floor: `http://127.0.0.1:${floorPort}`, target: db.target.kind })}`);

const stop = async () => {
  floorServer.close();
  await Promise.all([app.close(), reference.close()]);
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
