/**
 * The content of a knowledge base without its database ids, to compare two databases row for
 * row: every column of every application table, ids left out, each foreign key replaced by the
 * referenced row's natural key (its single-column unique key: DOI, material key, fingerprint,
 * battery id …), a curation event's (entityType, entityId) by the row it names, or for a
 * retracted row by the fingerprint its RETRACT_FACT event recorded. Generic over the schema
 * (tables, keys and sequences from the database's catalog), so a new table or column is compared
 * without edits here.
 */
import type { PrismaClient } from '@prisma/client';
import { quoteIdent, readTables } from '../../src/backup/tables.js';

type Row = Record<string, unknown>;

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Row).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  return value;
};

export async function knowledgeBaseContent(prisma: PrismaClient): Promise<Record<string, string[]>> {
  await prisma.$executeRawUnsafe('SET extra_float_digits = 3');
  const tables = await readTables(prisma);
  const uniques = await prisma.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT c.relname::text AS "table", a.attname::text AS "column"
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
      WHERE i.indisunique AND NOT i.indisprimary AND i.indnatts = 1 AND c.relname = ANY($1::text[])`,
    tables.map((t) => t.name),
  );
  const rows = new Map<string, Row[]>();
  for (const t of tables) {
    const result = await prisma.$queryRawUnsafe<{ row: Row }[]>(`SELECT to_jsonb(t) AS row FROM ${quoteIdent(t.name)} t`);
    rows.set(t.name, result.map((r) => r.row));
  }
  // Natural key of a row by table and id (tables referenced by a foreign key all have one).
  const naturalKey = new Map<string, Map<unknown, string>>();
  for (const t of tables) {
    const column = uniques.find((u) => u.table === t.name)?.column;
    if (column && t.primaryKey.length === 1) naturalKey.set(t.name, new Map(rows.get(t.name)!.map((r) => [r[t.primaryKey[0]!], String(r[column])])));
  }
  const surrogate = new Set(tables.filter((t) => t.sequences.length > 0).map((t) => t.name));
  const refer = (table: string, id: unknown) => {
    if (id === null || id === undefined) return null;
    // A table keyed by a natural key (PropertyKey, MaterialFamily) is referenced by it.
    if (!surrogate.has(table)) return `${table}:${id}`;
    const key = naturalKey.get(table)?.get(id);
    if (key === undefined) throw new Error(`${table} ${id} is referenced but has no natural key or row`);
    return `${table}:${key}`;
  };
  const retracted = new Map<string, string>();
  for (const e of rows.get('CurationEvent') ?? []) {
    const print = (e.before as Row | null)?.fingerprint;
    if (e.action === 'RETRACT_FACT' && typeof print === 'string') retracted.set(`${e.entityType}:${e.entityId}`, `${e.entityType}:retracted ${print}`);
  }
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const sequenced = new Set(t.sequences.map((s) => s.column));
    out[t.name] = rows
      .get(t.name)!
      .map((row) => {
        const copy: Row = { ...row };
        for (const fk of t.foreignKeys) for (const c of fk.columns) copy[c] = refer(fk.references, row[c]);
        for (const c of sequenced) delete copy[c];
        if (t.name === 'CurationEvent') {
          const name = `${row.entityType}:${row.entityId}`;
          copy.entityId = naturalKey.get(String(row.entityType))?.has(row.entityId) ? refer(String(row.entityType), row.entityId) : (retracted.get(name) ?? `${row.entityType}:missing`);
          // A retracted row's snapshot keeps its own id, which differs between databases.
          if (copy.before && typeof copy.before === 'object') copy.before = { ...(copy.before as Row), id: undefined };
        }
        return JSON.stringify(canonical(copy));
      })
      .sort();
  }
  return out;
}
