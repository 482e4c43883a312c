/**
 * The application tables a backup holds and how to walk them: which tables from the Prisma
 * schema (its DMMF, so a new model is backed up without edits here), and their columns, primary
 * keys, foreign keys and sequences from the database's own catalog (the generated client's DMMF
 * carries names only, and the catalog is what the rows must satisfy anyway).
 */
import { Prisma } from '@prisma/client';

/** Anything that runs a raw statement: a PrismaClient or an interactive transaction's client. */
export interface RawQueryable {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface TableInfo {
  name: string;
  /** In the table's column order. */
  columns: string[];
  /** Columns that must be given (NOT NULL without a default). */
  requiredColumns: string[];
  notNullColumns: string[];
  primaryKey: string[];
  /** Foreign keys: local columns → referenced table. */
  foreignKeys: { columns: string[]; references: string }[];
  /** Columns filled from a sequence (autoincrement ids), with the sequence's name. */
  sequences: { column: string; sequence: string }[];
}

/** The tables of the Prisma schema's models (their database names). */
export function applicationTableNames(): string[] {
  return Prisma.dmmf.datamodel.models.map((m) => m.dbName ?? m.name);
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Catalog facts of every application table, in foreign-key order (see foreignKeyOrder). */
export async function readTables(db: RawQueryable, names: string[] = applicationTableNames()): Promise<TableInfo[]> {
  const missing = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT n AS name FROM unnest($1::text[]) AS n WHERE to_regclass(quote_ident(n)) IS NULL`, names);
  if (missing.length > 0) throw new Error(`the database lacks the tables ${missing.map((m) => m.name).join(', ')}: run npm run migrate first`);
  const columns = await db.$queryRawUnsafe<{ table: string; column: string; notNull: boolean; hasDefault: boolean; sequence: string | null }[]>(
    `SELECT c.relname::text AS "table", a.attname::text AS "column", a.attnotnull AS "notNull", a.atthasdef AS "hasDefault",
            pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.oid = ANY (SELECT to_regclass(quote_ident(n)) FROM unnest($1::text[]) AS n) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    names,
  );
  const keys = await db.$queryRawUnsafe<{ table: string; kind: string; columns: string[]; references: string | null }[]>(
    `SELECT c.relname::text AS "table", k.contype::text AS kind,
            ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, i)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.i) AS columns,
            r.relname::text AS "references"
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_class r ON r.oid = k.confrelid
      WHERE k.contype IN ('p', 'f') AND c.oid = ANY (SELECT to_regclass(quote_ident(n)) FROM unnest($1::text[]) AS n)
      ORDER BY c.relname, k.conname`,
    names,
  );
  const tables = names.map((name): TableInfo => {
    const own = columns.filter((c) => c.table === name);
    const primaryKey = keys.find((k) => k.table === name && k.kind === 'p')?.columns;
    if (!primaryKey) throw new Error(`table ${name} has no primary key: a backup walks every table in key order`);
    return {
      name,
      columns: own.map((c) => c.column),
      requiredColumns: own.filter((c) => c.notNull && !c.hasDefault).map((c) => c.column),
      notNullColumns: own.filter((c) => c.notNull).map((c) => c.column),
      primaryKey,
      foreignKeys: keys.filter((k) => k.table === name && k.kind === 'f').map((k) => ({ columns: k.columns, references: k.references! })),
      sequences: own.filter((c) => c.sequence).map((c) => ({ column: c.column, sequence: c.sequence! })),
    };
  });
  return foreignKeyOrder(tables);
}

/**
 * Referenced tables before the tables referring to them, in schema order otherwise. Where foreign
 * keys form a cycle (Material ↔ Coating, Material's substrate) the order cannot satisfy them all:
 * the restore then fills those (nullable) columns once every table is in (deferredColumns).
 */
export function foreignKeyOrder(tables: TableInfo[]): TableInfo[] {
  const ordered: TableInfo[] = [];
  const remaining = [...tables];
  const done = new Set<string>();
  const unmet = (t: TableInfo) => t.foreignKeys.filter((fk) => fk.references !== t.name && !done.has(fk.references) && tables.some((o) => o.name === fk.references));
  while (remaining.length > 0) {
    // A table with every reference met; failing that (a cycle), the first whose unmet references are all nullable.
    const ready = remaining.findIndex((t) => unmet(t).length === 0);
    const nullable = remaining.findIndex((t) => unmet(t).every((fk) => fk.columns.every((c) => !t.notNullColumns.includes(c))));
    const index = ready >= 0 ? ready : Math.max(nullable, 0);
    const next = remaining.splice(index, 1)[0]!;
    ordered.push(next);
    done.add(next.name);
  }
  return ordered;
}

/**
 * Foreign-key columns of `table` that point at a table not yet restored when `table`'s rows are
 * inserted (itself, or one later in `order`): inserted as NULL and set once every row is in.
 * Throws if such a column is NOT NULL: no order of inserts could restore it.
 */
export function deferredColumns(table: TableInfo, order: string[]): string[] {
  const position = order.indexOf(table.name);
  const deferred = table.foreignKeys.filter((fk) => order.indexOf(fk.references) >= position).flatMap((fk) => fk.columns);
  const required = deferred.filter((c) => table.notNullColumns.includes(c));
  if (required.length > 0) throw new Error(`table ${table.name}: the foreign key column${required.length > 1 ? 's' : ''} ${required.join(', ')} cannot be filled after the rows they point at (a NOT NULL cycle)`);
  return [...new Set(deferred)];
}
