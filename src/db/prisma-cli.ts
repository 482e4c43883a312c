/**
 * Runs the Prisma CLI against the database chosen by resolveDatabaseTarget().
 * Prisma 6.19 reads the schema's `url = env("DATABASE_URL")` before it looks at the driver
 * adapter, and when that is not a postgres URL it falls back to downloading a native engine
 * (impossible offline). For the embedded database we therefore pin PGLITE_DATA_DIR and give
 * the CLI a placeholder URL that is never connected to: prisma.config.ts uses the PGlite adapter.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openPGlite, resolveDatabaseTarget } from './adapter.js';

const target = resolveDatabaseTarget();
const env = { ...process.env };
if (target.kind === 'pglite') {
  env.PGLITE_DATA_DIR = target.dataDir;
  env.DATABASE_URL = 'postgresql://embedded-pglite.invalid/cathode_kb';
}
const prismaBin = createRequire(import.meta.url).resolve('prisma/build/index.js');
const args = process.argv.slice(2);

// With PGlite, `migrate deploy`/`migrate status` print their final verdict and then never exit
// (the CLI waits on the in-process database). Once a final verdict has been printed, give the
// CLI a moment to exit by itself, then end it and report the verdict's status.
const FINAL_VERDICTS: [RegExp, number][] = [
  [/No pending migrations to apply\.|All migrations have been successfully applied\.|Database schema is up to date!/, 0],
];

function runPrisma(): Promise<number> {
  const child = spawn(process.execPath, [prismaBin, ...args], { stdio: ['inherit', 'pipe', 'inherit'], env });
  let verdict: number | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (target.kind !== 'pglite' || verdict !== undefined) return;
    const text = chunk.toString('utf8');
    for (const [pattern, code] of FINAL_VERDICTS) {
      if (pattern.test(text)) {
        verdict = code;
        setTimeout(() => child.kill('SIGTERM'), 1500).unref();
      }
    }
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal && verdict !== undefined ? verdict : (code ?? 1))));
}

/**
 * Applied migrations recorded in the embedded database vs migration folders. Because the CLI is
 * ended rather than exiting by itself, `migrate deploy` is checked from outside once it is gone
 * (once in CI a test database was found without its tables after a reported success).
 */
async function missingMigrations(dataDir: string): Promise<string[]> {
  const folders = readdirSync(path.resolve('prisma', 'migrations'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const pglite = openPGlite(dataDir);
  try {
    const { rows } = await pglite.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    ).catch(() => ({ rows: [] as { migration_name: string }[] }));
    const applied = new Set(rows.map((r) => r.migration_name));
    return folders.filter((f) => !applied.has(f));
  } finally {
    await pglite.close();
  }
}

let status = await runPrisma();
if (status === 0 && target.kind === 'pglite' && args[0] === 'migrate' && args[1] === 'deploy') {
  let missing = await missingMigrations(target.dataDir);
  if (missing.length > 0) {
    console.error(`prisma-cli: migrate deploy reported success but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not recorded in ${target.dataDir}; running it again`);
    status = await runPrisma();
    missing = status === 0 ? await missingMigrations(target.dataDir) : missing;
    if (missing.length > 0) {
      console.error(`prisma-cli: migrations still missing in ${target.dataDir}: ${missing.join(', ')}`);
      status = 1;
    }
  }
}
process.exit(status);
