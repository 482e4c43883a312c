/**
 * `npm run restore -- FILE`: a backup (format.ts) into an EMPTY database, the one PGLITE_DATA_DIR
 * (default data/pglite) or DATABASE_URL names, so a curated embedded database moves to PostgreSQL
 * with `DATABASE_URL=postgresql://… npm run restore -- FILE`.
 *
 * 1. The whole file is read and checked first (every line, the closing row counts), and its
 *    migrations must be the project's or an earlier prefix of them: a damaged file or one from a
 *    newer schema is refused before the target is touched.
 * 2. `migrate deploy` (src/db/prisma-cli.ts) brings the target to the backup's schema: for a
 *    backup from an earlier schema only the backup's migrations are applied first, and the later
 *    ones after the rows are in, so that their statements (an UPDATE filling a new column) run on
 *    the restored rows as they ran on the original database.
 * 3. One transaction, holding the seed loader's lock: refuse a target with any row; insert every
 *    row with its ids; fill the foreign keys of cycles (Material ↔ Coating) once all rows are in;
 *    set every sequence past its column's largest id. Any failure rolls it all back: the target
 *    stays empty. `npm start` then finds papers and seeds nothing over the restored rows.
 */
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeTarget, resolveDatabaseTarget, type DatabaseTarget } from '../db/adapter.js';
import { migrateDeploy } from '../db/admin.js';
import { createDatabase } from '../db/client.js';
import { runningServer } from '../db/served-by.js';
import { SEED_LOCK_KEY } from '../seed/load.js';
import { appliedMigrations } from './backup.js';
import { inspectBackup, readBackup, type BackupHeader } from './format.js';
import { deferredColumns, quoteIdent, readTables, type RawQueryable, type TableInfo } from './tables.js';
import { pathArgument } from './cli.js';

/** Rows per INSERT. */
export const RESTORE_BATCH_ROWS = 500;

/** A restore that was refused or failed; nothing was written to the target's tables unless `rowsWritten`. */
export class RestoreError extends Error {
  readonly rowsWritten: boolean;
  constructor(message: string, options: { rowsWritten?: boolean } = {}) {
    super(message);
    this.rowsWritten = options.rowsWritten ?? false;
  }
}

/** The project's migrations, in the order `migrate deploy` applies them. */
export function projectMigrations(dir = path.resolve('prisma', 'migrations')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

/** Refuse a backup whose schema this project cannot hold: its migrations must be a prefix of the project's. */
export function checkMigrations(header: BackupHeader, project: string[] = projectMigrations()): void {
  const newer = header.migrations.filter((m) => !project.includes(m));
  if (newer.length > 0) {
    throw new RestoreError(`the backup was made with a newer schema: its migration${newer.length > 1 ? 's' : ''} ${newer.join(', ')} ${newer.length > 1 ? 'are' : 'is'} not in prisma/migrations. Restore it with the cathode-kb version that made it (or a later one)`);
  }
  const mismatch = header.migrations.findIndex((m, i) => project[i] !== m);
  if (mismatch >= 0) throw new RestoreError(`the backup's migrations are not a prefix of the project's: it has ${header.migrations[mismatch]} where the project has ${project[mismatch]}`);
}

/** The header's tables and columns must exist in the target, and the target's required columns be in the backup. */
function checkTables(header: BackupHeader, tables: Map<string, TableInfo>): void {
  const problems: string[] = [];
  for (const t of header.tables) {
    const target = tables.get(t.name);
    if (!target) {
      problems.push(`table ${t.name} is not in the schema`);
      continue;
    }
    const unknown = t.columns.filter((c) => !target.columns.includes(c));
    if (unknown.length > 0) problems.push(`${t.name} has no column ${unknown.join(', ')}`);
    const missing = target.requiredColumns.filter((c) => !t.columns.includes(c));
    if (missing.length > 0) problems.push(`${t.name}.${missing.join(', ')} (required) is not in the backup`);
  }
  if (problems.length > 0) throw new RestoreError(`the backup does not fit the database's schema: ${problems.join('; ')}`);
}

/** Rows per application table, for the ones that have any. */
async function nonEmptyTables(db: RawQueryable, tables: TableInfo[]): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string; rows: number }[]>(
    tables.map((t) => `SELECT '${t.name.replaceAll("'", "''")}'::text AS name, (SELECT count(*) FROM ${quoteIdent(t.name)})::int AS rows`).join(' UNION ALL '),
  );
  return rows.filter((r) => r.rows > 0).map((r) => `${r.name}: ${r.rows} row${r.rows > 1 ? 's' : ''}`);
}

/**
 * A database error as one readable line. Prisma wraps a raw statement's error in P2010, with the
 * server's words in meta.message (PostgreSQL) or only in the driver adapter's cause (PGlite).
 */
function databaseMessage(error: unknown): string {
  const meta = (error as { meta?: { message?: string; code?: string; driverAdapterError?: { cause?: Record<string, unknown> } } }).meta;
  const cause = meta?.driverAdapterError?.cause;
  const message = [cause?.originalMessage, cause?.message, meta?.message].find((m): m is string => typeof m === 'string' && m !== 'undefined');
  const code = [cause?.originalCode, cause?.code, meta?.code].find((c): c is string => typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c));
  if (message) return `${message}${code ? ` (SQLSTATE ${code})` : ''}`;
  return (error as Error).message?.split('\n').filter(Boolean).pop() ?? String(error);
}

async function restoreRows(tx: RawQueryable, file: string, header: BackupHeader, tables: Map<string, TableInfo>): Promise<Record<string, number>> {
  const order = header.tables.map((t) => t.name);
  const columnsOf = new Map(header.tables.map((t) => [t.name, t.columns]));
  const deferredOf = new Map(order.map((name) => [name, deferredColumns(tables.get(name)!, order)]));
  /** Per table: primary key and deferred values of the rows that have any. */
  const deferredRows = new Map<string, Record<string, unknown>[]>();
  const rowCounts: Record<string, number> = Object.fromEntries(order.map((n) => [n, 0]));
  let batch: Record<string, unknown>[] = [];
  let batchTable = '';
  let firstLine = 0;
  let lastLine = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const columns = columnsOf.get(batchTable)!.map(quoteIdent).join(', ');
    try {
      await tx.$executeRawUnsafe(`INSERT INTO ${quoteIdent(batchTable)} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${quoteIdent(batchTable)}, $1::jsonb)`, JSON.stringify(batch));
    } catch (error) {
      throw new RestoreError(`rows of ${batchTable} at lines ${firstLine}–${lastLine} of the backup cannot be inserted: ${databaseMessage(error)}`);
    }
    rowCounts[batchTable]! += batch.length;
    batch = [];
  };
  const { rows } = await readBackup(file);
  for await (const { table, row, lineNumber } of rows) {
    if (table !== batchTable || batch.length >= RESTORE_BATCH_ROWS) {
      await flush();
      batchTable = table;
      firstLine = lineNumber;
    }
    lastLine = lineNumber;
    const deferred = deferredOf.get(table)!;
    if (deferred.some((c) => row[c] !== null && row[c] !== undefined)) {
      const info = tables.get(table)!;
      const later = Object.fromEntries([...info.primaryKey, ...deferred].map((c) => [c, row[c] ?? null]));
      (deferredRows.get(table) ?? deferredRows.set(table, []).get(table)!).push(later);
      for (const c of deferred) row[c] = null;
    }
    batch.push(row);
  }
  await flush();
  for (const [table, values] of deferredRows) {
    const info = tables.get(table)!;
    const set = deferredOf.get(table)!.map((c) => `${quoteIdent(c)} = r.${quoteIdent(c)}`).join(', ');
    const match = info.primaryKey.map((c) => `t.${quoteIdent(c)} = r.${quoteIdent(c)}`).join(' AND ');
    for (let i = 0; i < values.length; i += RESTORE_BATCH_ROWS) {
      try {
        await tx.$executeRawUnsafe(`UPDATE ${quoteIdent(table)} AS t SET ${set} FROM jsonb_populate_recordset(NULL::${quoteIdent(table)}, $1::jsonb) AS r WHERE ${match}`, JSON.stringify(values.slice(i, i + RESTORE_BATCH_ROWS)));
      } catch (error) {
        throw new RestoreError(`the references ${deferredOf.get(table)!.join(', ')} of ${table} cannot be restored: ${databaseMessage(error)}`);
      }
    }
  }
  return rowCounts;
}

/** Every sequence continues after the largest value of its column (a new row gets a fresh id). */
async function resetSequences(tx: RawQueryable, tables: TableInfo[]): Promise<void> {
  for (const table of tables) {
    for (const { column, sequence } of table.sequences) {
      await tx.$queryRawUnsafe(`SELECT setval($1::regclass, COALESCE((SELECT max(${quoteIdent(column)}) FROM ${quoteIdent(table.name)}), 0) + 1, false)::text AS next`, sequence);
    }
  }
}

function migrationEnv(target: DatabaseTarget, migrationsDir?: string): NodeJS.ProcessEnv {
  const env = target.kind === 'postgres' ? { ...process.env, DATABASE_URL: target.url, PGLITE_DATA_DIR: '' } : { ...process.env, PGLITE_DATA_DIR: target.dataDir };
  return { ...env, CATHODE_KB_MIGRATIONS_DIR: migrationsDir ?? '' };
}

function migrate(target: DatabaseTarget, migrationsDir?: string): void {
  try {
    migrateDeploy(migrationEnv(target, migrationsDir));
  } catch (error) {
    throw new RestoreError(`the target could not be migrated: ${(error as Error).message}`);
  }
}

/** Migrations already applied to the target (none for a folder or database not yet migrated). */
async function targetMigrations(target: DatabaseTarget): Promise<string[]> {
  if (target.kind === 'pglite' && !existsSync(path.join(target.dataDir, 'PG_VERSION'))) return [];
  const db = createDatabase(target, []);
  try {
    return await appliedMigrations(db.prisma);
  } finally {
    await db.close();
  }
}

/** A folder holding the project's first migrations only (those `names`), for `migrate deploy` up to the backup's schema. */
function migrationPrefix(names: string[]): string {
  const source = path.resolve('prisma', 'migrations');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-migrations-'));
  for (const name of names) cpSync(path.join(source, name), path.join(dir, name), { recursive: true });
  copyFileSync(path.join(source, 'migration_lock.toml'), path.join(dir, 'migration_lock.toml'));
  return dir;
}

export interface RestoreSummary {
  header: BackupHeader;
  rowCounts: Record<string, number>;
}

/** Restore `file` into the empty database `target`; see the module comment. */
export async function restoreFromFile(file: string, target: DatabaseTarget = resolveDatabaseTarget()): Promise<RestoreSummary> {
  const { header, rowCounts: expected } = await inspectBackup(file);
  checkMigrations(header);
  if (target.kind === 'pglite') {
    const server = runningServer(target.dataDir);
    if (server) throw new RestoreError(`the embedded database in ${target.dataDir} is served by process ${server.pid} at ${server.url}: a restore needs an empty database no server holds; stop it, or restore into another folder (PGLITE_DATA_DIR)`);
  }
  // An earlier schema's backup goes in at that schema, unless the target is past it already.
  const older = header.migrations.length < projectMigrations().length;
  const staged = older && (await targetMigrations(target)).every((m) => header.migrations.includes(m));
  if (staged) {
    const prefix = migrationPrefix(header.migrations);
    try {
      migrate(target, prefix);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  } else {
    migrate(target);
  }
  let db;
  try {
    db = createDatabase(target, []);
  } catch (error) {
    throw new RestoreError((error as Error).message);
  }
  let rowCounts: Record<string, number>;
  try {
    rowCounts = await db.prisma.$transaction(
      async (tx) => {
        // Queued behind (and blocking) a seed or ingest, so none can fill the target meanwhile.
        await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`);
        const tables = await readTables(tx);
        const byName = new Map(tables.map((t) => [t.name, t]));
        checkTables(header, byName);
        const filled = await nonEmptyTables(tx, tables);
        if (filled.length > 0) {
          throw new RestoreError(`${describeTarget(target)} is not empty (${filled.join(', ')}): a backup is restored only into an empty database, so nothing in it is overwritten. Restore into a new folder (PGLITE_DATA_DIR) or an empty PostgreSQL database`);
        }
        const restored = await restoreRows(tx, file, header, byName);
        for (const [table, count] of Object.entries(expected)) {
          if (restored[table] !== count) throw new RestoreError(`${table}: the backup holds ${count} rows but ${restored[table]} were restored (the file changed during the restore?)`);
        }
        await resetSequences(tx, tables);
        return restored;
      },
      { timeout: 3_600_000, maxWait: 60_000 },
    );
  } finally {
    await db.close();
  }
  if (staged) {
    try {
      migrateDeploy(migrationEnv(target));
    } catch (error) {
      throw new RestoreError(`the rows are restored at the backup's schema, but the later migrations failed (run npm run migrate once the cause is fixed): ${(error as Error).message}`, { rowsWritten: true });
    }
  }
  return { header, rowCounts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { path: file } = pathArgument('npm run restore -- <backup.jsonl.gz>   (into the empty database PGLITE_DATA_DIR or DATABASE_URL names)');
  let target: DatabaseTarget;
  try {
    target = resolveDatabaseTarget();
  } catch (error) {
    console.error(`restore refused: ${(error as Error).message}`);
    process.exit(1);
  }
  try {
    const { rowCounts, header } = await restoreFromFile(file, target);
    const total = Object.values(rowCounts).reduce((a, b) => a + b, 0);
    console.log(`restored ${total} rows in ${header.tables.length} tables from ${file} (made ${header.createdAt} on ${header.source}) into ${describeTarget(target)}`);
  } catch (error) {
    const written = error instanceof RestoreError && error.rowsWritten;
    console.error(`restore ${written ? 'incomplete' : 'refused'}: ${error instanceof Error ? error.message : error}${written ? '' : `\nnothing was written to ${describeTarget(target)}`}`);
    process.exitCode = 1;
  }
}
