/**
 * Runs the Prisma CLI against the database chosen by resolveDatabaseTarget().
 * Prisma 6.19 reads the schema's `url = env("DATABASE_URL")` before it looks at the driver
 * adapter, and when that is not a postgres URL it falls back to downloading a native engine
 * (impossible offline). For the embedded database we therefore pin PGLITE_DATA_DIR and give
 * the CLI a placeholder URL that is never connected to: prisma.config.ts uses the PGlite adapter.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolveDatabaseTarget } from './adapter.js';

const target = resolveDatabaseTarget();
const env = { ...process.env };
if (target.kind === 'pglite') {
  env.PGLITE_DATA_DIR = target.dataDir;
  env.DATABASE_URL = 'postgresql://embedded-pglite.invalid/cathode_kb';
}
const prismaBin = createRequire(import.meta.url).resolve('prisma/build/index.js');
const child = spawn(process.execPath, [prismaBin, ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'inherit'], env });

// With PGlite, `migrate deploy`/`migrate status` print their final verdict and then never exit
// (the CLI waits on the in-process database). Once a final verdict has been printed, give the
// CLI a moment to exit by itself, then end it and report the verdict's status.
const FINAL_VERDICTS: [RegExp, number][] = [
  [/No pending migrations to apply\.|All migrations have been successfully applied\.|Database schema is up to date!/, 0],
];
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
child.on('exit', (code, signal) => {
  process.exit(signal && verdict !== undefined ? verdict : (code ?? 1));
});
