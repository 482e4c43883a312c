/**
 * The backup file: gzip'd JSON Lines, readable with `zcat` and any JSON tool, independent of the
 * database it came from (PGlite or PostgreSQL):
 *
 *   line 1   {"format":"cathode-kb-backup","version":1,"createdAt":…,"source":"pglite"|"postgres",
 *             "migrations":[applied migration names],"tables":[{"name","columns","primaryKey"}…]}
 *   then     {"table":"Paper","row":{…every column…}} for every row, table by table in foreign-key
 *            order, each table in primary-key order; values as PostgreSQL's to_jsonb gives them
 *            (timestamps ISO 8601 without zone, floats in their shortest exact form)
 *   last     {"end":true,"rowCounts":{"Paper":12,…}}
 *
 * The last line makes a truncated file detectable even when it was cut at a line boundary.
 * readBackupLines() checks the structure line by line; inspectBackup() reads a whole file.
 */
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';

export const BACKUP_FORMAT = 'cathode-kb-backup';
export const BACKUP_VERSION = 1;

/** A file that is not a complete, well-formed backup; the message says what is wrong. */
export class BackupFileError extends Error {}

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()).min(1), primaryKey: z.array(z.string()).min(1) })),
});
export type BackupHeader = z.infer<typeof headerSchema>;

const rowLineSchema = z.object({ table: z.string(), row: z.record(z.string(), z.unknown()) }).strict();
const endLineSchema = z.object({ end: z.literal(true), rowCounts: z.record(z.string(), z.number().int().nonnegative()) }).strict();

export type BackupLine = { kind: 'row'; table: string; row: Record<string, unknown>; lineNumber: number };

/** Lines of a backup file, gzip'd or (after a `gunzip`) plain; a damaged gzip stream throws BackupFileError. */
async function* textLines(file: string): AsyncGenerator<string> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new BackupFileError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const magic = Buffer.alloc(2);
  await handle.read(magic, 0, 2, 0);
  await handle.close();
  const gzipped = magic[0] === 0x1f && magic[1] === 0x8b;
  const source = createReadStream(file);
  const text = gzipped ? pipeline(source, createGunzip(), () => {}) : source;
  text.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
  } catch (error) {
    throw new BackupFileError(`${file} is damaged or truncated (${(error as Error).message}): not a complete gzip'd backup`);
  }
  if (rest !== '') yield rest;
}

function parseLine(text: string, lineNumber: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BackupFileError(`line ${lineNumber} of the backup is not valid JSON: the file is damaged`);
  }
}

function readHeader(text: string | undefined): BackupHeader {
  const value = text === undefined ? undefined : (() => { try { return JSON.parse(text) as unknown; } catch { return undefined; } })();
  const format = (value as { format?: unknown } | undefined)?.format;
  if (format !== BACKUP_FORMAT) throw new BackupFileError(`not a cathode-kb backup: its first line must be the header {"format":"${BACKUP_FORMAT}",…}`);
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupFileError(`the backup is in format version ${version}, written by a newer cathode-kb; this one reads version ${BACKUP_VERSION}: restore it with the newer version`);
  }
  const header = headerSchema.safeParse(value);
  if (!header.success) throw new BackupFileError(`the backup's header is malformed: ${header.error.issues.map((i) => `${i.path.join('.') || 'header'}: ${i.message}`).join('; ')}`);
  if (header.data.version !== BACKUP_VERSION) throw new BackupFileError(`unknown backup format version ${header.data.version}`);
  return header.data;
}

/**
 * The header, then every row line checked against it (known table, tables in the header's order,
 * known columns), ending with the closing line's row counts compared to the rows read: a file cut
 * anywhere, or with a line changed, is refused with the line it fails at.
 */
export async function readBackup(file: string): Promise<{ header: BackupHeader; rows: AsyncGenerator<BackupLine> }> {
  const lines = textLines(file);
  const first = await lines.next();
  const header = readHeader(first.done ? undefined : first.value);
  async function* rows(): AsyncGenerator<BackupLine> {
    const order = header.tables.map((t) => t.name);
    const columns = new Map(header.tables.map((t) => [t.name, new Set(t.columns)]));
    const counts = new Map<string, number>();
    let position = 0;
    let lineNumber = 1;
    let ended = false;
    for await (const text of lines) {
      lineNumber += 1;
      if (ended) throw new BackupFileError(`line ${lineNumber} follows the backup's closing line: the file is damaged`);
      const value = parseLine(text, lineNumber);
      const end = endLineSchema.safeParse(value);
      if (end.success) {
        for (const table of order) {
          const expected = end.data.rowCounts[table] ?? 0;
          if ((counts.get(table) ?? 0) !== expected) throw new BackupFileError(`the backup says ${table} has ${expected} rows but holds ${counts.get(table) ?? 0}: the file is damaged`);
        }
        ended = true;
        continue;
      }
      const line = rowLineSchema.safeParse(value);
      if (!line.success) throw new BackupFileError(`line ${lineNumber} of the backup is neither a row {"table","row"} nor the closing line: the file is damaged`);
      const { table, row } = line.data;
      const at = order.indexOf(table, position);
      if (at < 0) throw new BackupFileError(`line ${lineNumber}: ${order.includes(table) ? `a row of ${table} after rows of ${order[position]}: the file is out of order` : `table ${table} is not in the header`}`);
      position = at;
      const unknown = Object.keys(row).filter((c) => !columns.get(table)!.has(c));
      if (unknown.length > 0) throw new BackupFileError(`line ${lineNumber}: ${table} has no column ${unknown.join(', ')} in the header`);
      counts.set(table, (counts.get(table) ?? 0) + 1);
      yield { kind: 'row', table, row, lineNumber };
    }
    if (!ended) throw new BackupFileError(`the backup ends at line ${lineNumber} without its closing line: it is truncated`);
  }
  return { header, rows: rows() };
}

/** Read a whole backup file, checking every line; answers its header and rows per table. */
export async function inspectBackup(file: string): Promise<{ header: BackupHeader; rowCounts: Record<string, number> }> {
  const { header, rows } = await readBackup(file);
  const rowCounts: Record<string, number> = Object.fromEntries(header.tables.map((t) => [t.name, 0]));
  for await (const line of rows) rowCounts[line.table]! += 1;
  return { header, rowCounts };
}
