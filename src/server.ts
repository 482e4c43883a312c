/**
 * `npm start`: (migrations already applied by the start script) seed an empty database with
 * the papers' data, then serve GraphQL at /graphql on PORT (default 4000) and print the URLs to open.
 */
import { startApp } from './app.js';
import { FRONT_PAGE_LINKS } from './web/docs.js';
import { describeTarget } from './db/adapter.js';
import { createDatabaseOrExit } from './db/client.js';
import { announceServer } from './db/served-by.js';
import { countWrites } from './seed/load.js';
import { MP_SEED_DIR, SEED_DIR, seedDatabase } from './seed/run.js';
import { loadOperationAllowlist } from './security/allowlist.js';
import { loadSecurityConfig, SecurityConfigError } from './security/limits.js';

const port = Number(process.env.PORT ?? 4000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}

// Query limits and the allow-list are checked before anything starts: a bad value stops here.
let statementTimeoutMs: number;
try {
  const security = loadSecurityConfig(process.env, process.env.NODE_ENV === 'production');
  if (security.operationAllowlist) loadOperationAllowlist(security.operationAllowlist);
  statementTimeoutMs = security.limits.statementTimeoutMs;
} catch (error) {
  if (!(error instanceof SecurityConfigError)) throw error;
  console.error(`cathode-kb: ${error.message}`);
  process.exit(1);
}

// A bad DATABASE_URL or DATABASE_READ_REPLICA_URLS, or a folder in use, stops here with its message.
// PostgreSQL connections carry the requests' statement timeout (the first start's seed is made
// of short statements too).
const db = createDatabaseOrExit({ statementTimeoutMs });
if ((await db.prisma.paper.count()) === 0) {
  const started = performance.now();
  const report = await seedDatabase(db, SEED_DIR, { materialsProject: MP_SEED_DIR });
  console.log(`empty database: loaded seeds/ with the Materials Project export (${countWrites(report)} rows, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
} else if ((await db.prisma.insertionElectrode.count()) === 0) {
  // The first start loads the papers and the export in two transactions: one killed during the
  // export's leaves papers and no electrodes, and this start seeds nothing over existing papers.
  console.warn('warning: the database has papers but no Materials Project electrodes (a first start interrupted while loading them?): run `npm run seed` to load them');
}
const app = await startApp(db, port, { host: process.env.HOST });
console.log(`cathode-kb on ${describeTarget(db.target)}${db.replicaCount ? `, queries read from ${db.replicaCount} read replica${db.replicaCount > 1 ? 's' : ''}` : ''}${process.env.NODE_ENV === 'production' ? ' (production mode)' : ''}`);
// What to open in a browser; the endpoint line comes last (scripts/lib/server-process.ts waits for it).
const origin = new URL(app.url).origin;
console.log(`Front page: ${origin}/`);
for (const link of FRONT_PAGE_LINKS.filter((l) => l.href !== '/graphql')) console.log(`${link.label}: ${origin}${link.href}`);
// A command that may not open the embedded database while this process holds it (npm run ingest)
// finds this server through the folder instead.
if (db.target.kind === 'pglite') {
  const host = process.env.HOST && !['0.0.0.0', '::'].includes(process.env.HOST) ? process.env.HOST : '127.0.0.1';
  announceServer(db.target.dataDir, `http://${host.includes(':') ? `[${host}]` : host}:${app.port}`);
}
console.log(`GraphQL endpoint: ${app.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await app.close();
    await db.close();
    process.exit(0);
  });
}
