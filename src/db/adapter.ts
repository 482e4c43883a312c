/**
 * Which database: a PostgreSQL server when DATABASE_URL is a postgres:// URL, otherwise the
 * embedded PGlite (WASM PostgreSQL) stored in a folder, so a fresh clone needs no server.
 * Both speak the same SQL dialect and share one migration history.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { lockPGliteFolder } from './pglite-lock.js';

export const DEFAULT_PGLITE_DIR = 'data/pglite';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string };

/**
 * PGLITE_DATA_DIR set, or DATABASE_URL unset → embedded PGlite in that folder (default data/pglite);
 * DATABASE_URL=postgres(ql)://… → that server.
 */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const dataDir = env.PGLITE_DATA_DIR?.trim();
  const url = env.DATABASE_URL?.trim();
  if (dataDir || !url) return { kind: 'pglite', dataDir: path.resolve(dataDir || DEFAULT_PGLITE_DIR) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  throw new Error(`DATABASE_URL must be a postgresql://… URL (or unset for the embedded database), got "${url}"`);
}

/**
 * DATABASE_READ_REPLICA_URLS: comma-separated postgresql:// URLs of read replicas of the
 * DATABASE_URL server (streaming replicas kept by PostgreSQL itself). Empty when unset; refused
 * with the embedded database, which has no replicas.
 */
export function resolveReadReplicaUrls(target: DatabaseTarget, env: NodeJS.ProcessEnv = process.env): string[] {
  const urls = (env.DATABASE_READ_REPLICA_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (urls.length === 0) return [];
  if (target.kind !== 'postgres') throw new Error('DATABASE_READ_REPLICA_URLS needs DATABASE_URL to name the primary PostgreSQL server (the embedded database has no replicas)');
  for (const url of urls) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_READ_REPLICA_URLS must list postgresql://… URLs, got "${describeTarget({ kind: 'postgres', url })}"`);
  }
  return urls;
}

export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'postgres' ? target.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : `PGlite in ${target.dataDir}`;
}

/**
 * The embedded database in `dataDir`. Its buffer cache lives in this process's WebAssembly memory,
 * so it is sized down from PostgreSQL's 128MB to PGLITE_SHARED_BUFFERS (default 16MB; e.g. 64MB):
 * at 100k materials that kept the server under 512 MiB RSS and was no slower, since the OS file
 * cache still holds the data files (BENCHMARKS.md). One process at a time: see pglite-lock.ts.
 */
export const DEFAULT_PGLITE_SHARED_BUFFERS = '16MB';
export function openPGlite(dataDir: string, env: NodeJS.ProcessEnv = process.env): PGlite {
  mkdirSync(dataDir, { recursive: true });
  const sharedBuffers = env.PGLITE_SHARED_BUFFERS?.trim() || DEFAULT_PGLITE_SHARED_BUFFERS;
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers)) {
    throw new Error(`PGLITE_SHARED_BUFFERS must be a size such as 16MB, got "${sharedBuffers}"`);
  }
  const release = lockPGliteFolder(dataDir);
  try {
    const pglite = new PGlite(dataDir, { postgresqlconf: [`shared_buffers=${sharedBuffers}`] });
    const close = pglite.close.bind(pglite);
    pglite.close = () => close().finally(release);
    return pglite;
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * SHA-256 of each migration.sql in prisma/migrations: Prisma records the same hash as the
 * `checksum` of the migration's row in _prisma_migrations.
 */
function migrationChecksums(): Set<string> {
  const dir = path.resolve('prisma', 'migrations');
  return new Set(
    readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
      .map((d) => createHash('sha256').update(readFileSync(path.join(dir, d.name, 'migration.sql'))).digest('hex')),
  );
}

/**
 * A migration script as ONE multi-statement query, which PostgreSQL (and PGlite) runs as one
 * implicit transaction, followed in that transaction by the statement marking the migration
 * finished. Prisma itself records the start, runs the script and records the end in separate
 * statements (and adapter-pg even runs the script statement by statement), so a crash in between
 * left a half-applied migration marked failed, and every later deploy stopped at P3009. Now a row
 * still unfinished can only mean the script was rolled back with the crash, and
 * recoverInterruptedMigrations() marks it rolled back for deploy to apply it again.
 */
function atomicMigrationScript(script: string, checksums: Set<string>): string {
  const checksum = createHash('sha256').update(script).digest('hex');
  if (!checksums.has(checksum)) return script; // not a migration file (Prisma's own bookkeeping)
  return `${script}\n;\nUPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "checksum" = '${checksum}' AND "finished_at" IS NULL AND "rolled_back_at" IS NULL;`;
}

/**
 * pglite-prisma-adapter 0.6 starts `exec(script)` in executeScript without awaiting it, so
 * `prisma migrate deploy` reports success and exits before the migration SQL has run.
 * This factory awaits the script (and surfaces its errors) before answering, and runs it atomically.
 */
class MigrationSafePGliteFactory extends PrismaPGlite {
  constructor(private readonly pglite: PGlite) {
    super(pglite);
  }
  override async connect() {
    const adapter = await super.connect();
    const mapError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
    const checksums = migrationChecksums();
    adapter.executeScript = async (script: string) => {
      await this.pglite.exec(atomicMigrationScript(script, checksums)).catch(mapError);
    };
    return adapter;
  }
}

/** adapter-pg for the CLI, running each migration script atomically (see atomicMigrationScript). */
class MigrationSafePgFactory extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const queryable = adapter as unknown as { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never };
    const checksums = migrationChecksums();
    adapter.executeScript = async (script: string) => {
      await queryable.client.query(atomicMigrationScript(script, checksums)).catch((error: unknown) => queryable.onError(error));
    };
    return adapter;
  }
}

/**
 * Before `migrate deploy`: a migration recorded as started but never finished was interrupted
 * (a crash or kill), and since its script and its completion commit together, nothing of it is in
 * the database. Mark it rolled back (what `prisma migrate resolve --rolled-back` does, which needs a
 * native engine here) so that deploy applies it again. Answers the names of the migrations so marked.
 */
export async function recoverInterruptedMigrations(query: (sql: string) => Promise<{ rows: unknown[] }>): Promise<string[]> {
  try {
    const { rows } = await query(
      `UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "finished_at" IS NULL AND "rolled_back_at" IS NULL RETURNING "migration_name"`,
    );
    return (rows as { migration_name: string }[]).map((r) => r.migration_name);
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return []; // no migration table yet: nothing applied
    throw error;
  }
}

/**
 * The Prisma CLI asks prisma.config.ts for its adapter twice per command; each call opening the
 * folder would start two PostgreSQL instances on the same files in one process, and one
 * initialising or writing under the other lost a whole `migrate deploy` (and once left a folder
 * that would not open). So the CLI process keeps one PGlite per folder, and one SIGTERM handler
 * (on globalThis, in case the config module is loaded twice).
 */
const migrationCli = ((globalThis as { cathodeKbMigrationCli?: { pglites: Map<string, PGlite>; endsOnSigterm: boolean } }).cathodeKbMigrationCli ??= {
  pglites: new Map(),
  endsOnSigterm: false,
});

/**
 * Exit status of the CLI when src/db/prisma-cli.ts ends it with SIGTERM after its verdict (128 + 15,
 * as for the signal). The CLI otherwise lingers after its verdict: 10 s on a timer of Prisma's
 * WebAssembly schema engine whatever the database, longer with PGlite, whose adapter is never closed.
 */
export const MIGRATION_CLI_TERMINATED = 143;

/**
 * Once per CLI process: on the wrapper's SIGTERM, close the embedded databases this process opened
 * (after the statement in progress, with a shutdown checkpoint; PostgreSQL needs nothing, the
 * server ends the connections with the process) and exit with MIGRATION_CLI_TERMINATED.
 */
function endCleanlyOnSigterm(): void {
  if (migrationCli.endsOnSigterm) return;
  migrationCli.endsOnSigterm = true;
  process.once('SIGTERM', () => {
    Promise.all([...migrationCli.pglites.values()].map((pglite) => pglite.close())).then(
      () => process.exit(MIGRATION_CLI_TERMINATED),
      (error: unknown) => {
        console.error('closing the embedded database failed:', error);
        process.exit(1);
      },
    );
  });
}

/** Adapter factory for the Prisma CLI (`migrate deploy`, `migrate diff`) — see prisma.config.ts. */
export async function createMigrationAdapter() {
  endCleanlyOnSigterm();
  const target = resolveDatabaseTarget();
  if (target.kind === 'postgres') return new MigrationSafePgFactory({ connectionString: target.url });
  let pglite = migrationCli.pglites.get(target.dataDir);
  if (!pglite) {
    pglite = openPGlite(target.dataDir);
    migrationCli.pglites.set(target.dataDir, pglite);
  }
  return new MigrationSafePGliteFactory(pglite);
}
