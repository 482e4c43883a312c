/**
 * `npm run backup -- FILE [--force]`: a logical backup of the configured database (format in
 * format.ts) read in one consistent snapshot: one REPEATABLE READ, read-only transaction on
 * PostgreSQL; on the embedded database one transaction, during which PGlite (one connection)
 * runs nothing else. Tables are walked in keyset chunks, so a 60k-row table is never in memory.
 *
 * While `npm start` serves the embedded database (which one process at a time may open), the
 * backup is made by that server (GET /curation/backup, with the curator token in CURATOR_TOKEN).
 * The file is written beside FILE as FILE.partial, read back in full, and only then renamed: a
 * failed or cut-off backup never leaves a file that looks complete, nor replaces an older backup.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Prisma, type PrismaClient } from '@prisma/client';
import { describeTarget, resolveDatabaseTarget, type DatabaseTarget } from '../db/adapter.js';
import { createDatabase } from '../db/client.js';
import { curatorTokenForServer, runningServer, type RunningServer } from '../db/served-by.js';
import { BACKUP_FORMAT, BACKUP_VERSION, inspectBackup, type BackupHeader } from './format.js';
import { quoteIdent, readTables, type RawQueryable, type TableInfo } from './tables.js';
import { pathArgument } from './cli.js';

/** Rows per statement when walking a table. */
export const BACKUP_CHUNK_ROWS = 1000;

export const BACKUP_PATH = '/curation/backup';

/** Names of the migrations applied to the database, in order (none: an unmigrated database). */
export async function appliedMigrations(db: RawQueryable): Promise<string[]> {
  const [table] = await db.$queryRawUnsafe<{ exists: boolean }[]>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
  if (!table?.exists) return [];
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

/** Every row of `table` in primary-key order, `chunkRows` per statement (keyset: after the last key seen). */
async function* tableRows(db: RawQueryable, table: TableInfo, chunkRows: number): AsyncGenerator<string> {
  const key = table.primaryKey.map((c) => `t.${quoteIdent(c)}`).join(', ');
  const keyColumns = table.primaryKey.map((c, i) => `t.${quoteIdent(c)} AS "k${i}"`).join(', ');
  let after: unknown[] | null = null;
  for (;;) {
    const where: string = after ? `WHERE (${key}) > (${after.map((_, i) => `$${i + 1}`).join(', ')})` : '';
    const rows: Record<string, unknown>[] = await db.$queryRawUnsafe(
      `SELECT ${keyColumns}, to_jsonb(t)::text AS "row" FROM ${quoteIdent(table.name)} t ${where} ORDER BY ${key} LIMIT ${chunkRows}`,
      ...(after ?? []),
    );
    for (const r of rows) yield r.row as string;
    if (rows.length < chunkRows) return;
    const last = rows[rows.length - 1]!;
    after = table.primaryKey.map((_, i) => last[`k${i}`]);
  }
}

export interface BackupSummary {
  header: BackupHeader;
  rowCounts: Record<string, number>;
}

/** Write a gzip'd backup of the database `prisma` works on (`source`: its kind) to `out`. */
export async function writeBackup(prisma: PrismaClient, source: DatabaseTarget['kind'], out: Writable, options: { chunkRows?: number } = {}): Promise<BackupSummary> {
  const chunkRows = options.chunkRows ?? BACKUP_CHUNK_ROWS;
  const gzip = createGzip();
  const written = pipeline(gzip, out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await new Promise((resolve) => gzip.once('drain', resolve));
  };
  try {
    const summary = await prisma.$transaction(
      async (tx) => {
        // Before any read: the snapshot is taken at the first statement that reads.
        if (source === 'postgres') await tx.$executeRawUnsafe('SET TRANSACTION READ ONLY');
        // Floats as their shortest exact decimal (PostgreSQL 12+'s default, stated in case a server changed it).
        await tx.$executeRawUnsafe('SET LOCAL extra_float_digits = 3');
        const migrations = await appliedMigrations(tx);
        if (migrations.length === 0) throw new Error('the database has no migrations applied: there is nothing to back up');
        const tables = await readTables(tx);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          source,
          migrations,
          tables: tables.map((t) => ({ name: t.name, columns: t.columns, primaryKey: t.primaryKey })),
        };
        await write(JSON.stringify(header));
        const rowCounts: Record<string, number> = {};
        for (const table of tables) {
          let count = 0;
          const prefix = `{"table":${JSON.stringify(table.name)},"row":`;
          for await (const row of tableRows(tx, table, chunkRows)) {
            await write(`${prefix}${row}}`);
            count += 1;
          }
          rowCounts[table.name] = count;
        }
        await write(JSON.stringify({ end: true, rowCounts }));
        return { header, rowCounts };
      },
      { isolationLevel: source === 'postgres' ? Prisma.TransactionIsolationLevel.RepeatableRead : undefined, timeout: 3_600_000, maxWait: 60_000 },
    );
    gzip.end();
    await written;
    return summary;
  } catch (error) {
    gzip.destroy(error as Error);
    await written.catch(() => {});
    throw error;
  }
}

/** The embedded database is held by a running server: have it make the backup, with CURATOR_TOKEN. */
async function fetchBackupFromServer(server: RunningServer, dataDir: string, out: Writable): Promise<void> {
  const token = curatorTokenForServer(server, dataDir, 'to back it up through the server');
  const response = await fetch(new URL(BACKUP_PATH, server.url), { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(`${server.url} refused the backup (HTTP ${response.status}): ${body.error ?? response.statusText}`);
  }
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), out);
}

/**
 * Back up the configured database into `file` (through the running server for a served embedded
 * database), then read the file back in full before it takes its name. Answers what it holds.
 */
export async function backupToFile(file: string, options: { force?: boolean; target?: DatabaseTarget } = {}): Promise<BackupSummary & { via: string }> {
  if (existsSync(file) && !options.force) throw new Error(`${file} exists: choose another name, or pass --force to replace it`);
  const target = options.target ?? resolveDatabaseTarget();
  const partial = `${file}.partial`;
  try {
    let via: string;
    const server = target.kind === 'pglite' ? runningServer(target.dataDir) : null;
    if (target.kind === 'pglite' && !server && !existsSync(path.join(target.dataDir, 'PG_VERSION'))) {
      throw new Error(`there is no embedded database in ${target.dataDir} (set PGLITE_DATA_DIR or DATABASE_URL to the database to back up)`);
    }
    if (server) {
      await fetchBackupFromServer(server, target.kind === 'pglite' ? target.dataDir : '', createWriteStream(partial));
      via = `the server at ${server.url} (process ${server.pid})`;
    } else {
      const db = createDatabase(target);
      try {
        await writeBackup(db.prisma, target.kind, createWriteStream(partial));
      } finally {
        await db.close();
      }
      via = describeTarget(target);
    }
    const checked = await inspectBackup(partial);
    await rename(partial, file);
    return { ...checked, via };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { path: file, force } = pathArgument('npm run backup -- <file.jsonl.gz> [--force]', { force: true });
  try {
    const { rowCounts, header, via } = await backupToFile(file, { force });
    const total = Object.values(rowCounts).reduce((a, b) => a + b, 0);
    console.log(`backup of ${via} written to ${file} and read back: ${total} rows in ${header.tables.length} tables, ${header.migrations.length} migrations`);
  } catch (error) {
    console.error(`backup failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
