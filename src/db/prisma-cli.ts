/**
 * Runs the Prisma CLI against the database chosen by resolveDatabaseTarget().
 * Prisma 6.19 reads the schema's `url = env("DATABASE_URL")` before it looks at the driver
 * adapter, and when that is not a postgres URL it falls back to downloading a native engine
 * (impossible offline). For the embedded database we therefore pin PGLITE_DATA_DIR and give
 * the CLI a placeholder URL that is never connected to: prisma.config.ts uses the PGlite adapter.
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { MIGRATION_CLI_TERMINATED, openPGlite, recoverInterruptedMigrations, resolveDatabaseTarget } from './adapter.js';

const target = resolveDatabaseTarget();
const env = { ...process.env };
if (target.kind === 'pglite') {
  env.PGLITE_DATA_DIR = target.dataDir;
  env.DATABASE_URL = 'postgresql://embedded-pglite.invalid/cathode_kb';
}
const prismaBin = createRequire(import.meta.url).resolve('prisma/build/index.js');
const args = process.argv.slice(2);
// `npm run migrate` is `migrate` alone: deploy; `npm run migrate -- resolve …` / `-- status` name another subcommand.
if (args.length === 1 && args[0] === 'migrate') args.push('deploy');

// `migrate deploy`/`migrate status` print their final verdict and then linger: 10 s on a timer of
// Prisma's schema engine, 10–20 s with PGlite (the adapter never closes it). Once a final verdict
// has been printed, end the CLI with SIGTERM: prisma.config.ts's adapter then closes the embedded
// database cleanly (PostgreSQL needs nothing) and exits with MIGRATION_CLI_TERMINATED, and the
// verdict is the status. If that hangs, the CLI is killed and the command fails.
const FINAL_VERDICTS: [RegExp, number][] = [
  [/No pending migrations to apply\.|All migrations have been successfully applied\.|Database schema is up to date!/, 0],
];
const END_AFTER_VERDICT_MS = 500;
const KILL_AFTER_TERM_MS = 30_000;

function runPrisma(): Promise<number> {
  const child = spawn(process.execPath, [prismaBin, ...args], { stdio: ['inherit', 'pipe', 'inherit'], env });
  let verdict: number | undefined;
  let killed = false;
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (verdict !== undefined) return;
    const text = chunk.toString('utf8');
    for (const [pattern, code] of FINAL_VERDICTS) {
      if (pattern.test(text)) {
        verdict = code;
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, KILL_AFTER_TERM_MS).unref();
        }, END_AFTER_VERDICT_MS).unref();
      }
    }
  });
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      if (killed) {
        console.error(`prisma-cli: the CLI did not end within ${KILL_AFTER_TERM_MS / 1000} s of its verdict and was killed`);
        resolve(1);
      } else if (code === MIGRATION_CLI_TERMINATED && verdict !== undefined) resolve(verdict);
      else resolve(code ?? 1);
    }),
  );
}

/**
 * Applied migrations recorded in the embedded database vs migration folders: `migrate deploy` is
 * checked from outside once the CLI is gone, since its verdict is printed before the database is
 * closed (a CLI that opened the folder twice once lost every migration after reporting success).
 */
async function missingMigrations(dataDir: string): Promise<string[]> {
  const folders = readdirSync(process.env.CATHODE_KB_MIGRATIONS_DIR || path.resolve('prisma', 'migrations'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const pglite = openPGlite(dataDir);
  try {
    const { rows } = await pglite
      .query<{ migration_name: string }>(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      .catch((error: { code?: string }) => {
        if (error.code === '42P01') return { rows: [] as { migration_name: string }[] }; // no _prisma_migrations table: nothing applied
        throw error;
      });
    const applied = new Set(rows.map((r) => r.migration_name));
    return folders.filter((f) => !applied.has(f));
  } finally {
    await pglite.close();
  }
}

/** Run statements on the target database in a connection of our own (closed before the CLI starts). */
async function withDatabase<T>(run: (query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }>) => Promise<T>): Promise<T> {
  if (target.kind === 'pglite') {
    const pglite = openPGlite(target.dataDir);
    try {
      return await run((sql, params) => pglite.query(sql, params));
    } finally {
      await pglite.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return await run((sql, params) => client.query(sql, params));
  } finally {
    await client.end();
  }
}

/**
 * `migrate resolve --rolled-back NAME` / `--applied NAME`, done here: Prisma 6.19 runs resolve only
 * on its native schema engine ("Could not find schema-engine binary"), which cannot be downloaded.
 */
async function resolveMigration(): Promise<number> {
  const flag = args.find((a) => a === '--rolled-back' || a === '--applied');
  const name = flag ? args[args.indexOf(flag) + 1] : undefined;
  const file = name ? path.resolve('prisma', 'migrations', name, 'migration.sql') : '';
  if (!flag || !name || !existsSync(file)) {
    console.error('usage: npm run migrate -- resolve --rolled-back <migration> | --applied <migration> (a folder in prisma/migrations)');
    return 2;
  }
  const changed = await withDatabase(async (query) => {
    if (flag === '--rolled-back') {
      return (await query(`UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = $1 AND "finished_at" IS NULL AND "rolled_back_at" IS NULL RETURNING 1`, [name])).rows.length;
    }
    const checksum = createHash('sha256').update(readFileSync(file)).digest('hex');
    const failed = await query(`UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "migration_name" = $1 AND "finished_at" IS NULL AND "rolled_back_at" IS NULL RETURNING 1`, [name]);
    if (failed.rows.length > 0) return 1;
    const applied = await query(`SELECT 1 FROM "_prisma_migrations" WHERE "migration_name" = $1 AND "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`, [name]);
    if (applied.rows.length > 0) return 0;
    await query(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count") VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), checksum, name],
    );
    return 1;
  });
  console.log(changed ? `Migration ${name} marked as ${flag === '--applied' ? 'applied' : 'rolled back'}.` : `Migration ${name} is not in a state to mark ${flag.slice(2)}: nothing changed.`);
  return 0;
}

let status: number;
if (args[0] === 'migrate' && args[1] === 'resolve') process.exit(await resolveMigration());
if (args[0] === 'migrate' && args[1] === 'deploy') {
  const interrupted = await withDatabase((query) => recoverInterruptedMigrations(query));
  for (const name of interrupted) {
    console.log(`prisma-cli: migration ${name} was interrupted (crash or kill) and rolled back with it; applying it again`);
  }
}
status = await runPrisma();
if (status === 0 && target.kind === 'pglite' && args[0] === 'migrate' && args[1] === 'deploy') {
  const missing = await missingMigrations(target.dataDir);
  if (missing.length > 0) {
    console.error(`prisma-cli: migrate deploy reported success but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not recorded in ${target.dataDir}`);
    status = 1;
  }
}
process.exit(status);
