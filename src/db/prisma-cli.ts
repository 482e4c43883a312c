/**
 * Runs the Prisma CLI against the database chosen by resolveDatabaseTarget().
 * Prisma 6.19 reads the schema's `url = env("DATABASE_URL")` before it looks at the driver
 * adapter, and when that is not a postgres URL it falls back to downloading a native engine
 * (impossible offline). For the embedded database we therefore pin PGLITE_DATA_DIR and give
 * the CLI a placeholder URL that is never connected to: prisma.config.ts uses the PGlite adapter.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolveDatabaseTarget } from './adapter.js';

const target = resolveDatabaseTarget();
const env = { ...process.env };
if (target.kind === 'pglite') {
  env.PGLITE_DATA_DIR = target.dataDir;
  env.DATABASE_URL = 'postgresql://embedded-pglite.invalid/cathode_kb';
}
const prismaBin = createRequire(import.meta.url).resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [prismaBin, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
