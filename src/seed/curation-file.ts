/**
 * `curation.yaml`, the part of a dump (`npm run export`) that no paper file can say: which rows
 * curators added or corrected (`marks`) and the whole curation history (`events`), rows named by
 * their natural keys (DOI, material key, fact fingerprint) instead of database ids.
 *
 * Seeding a folder that holds one applies it after the paper files and the database export, in
 * one transaction: marks set the curated columns (so later seeds keep those rows), events are
 * inserted unless the same event is already stored. Applying it twice writes nothing the second time.
 */
import { readFile } from 'node:fs/promises';
import { Prisma, type PrismaClient } from '@prisma/client';
import { load as loadYaml, YAMLException } from 'js-yaml';
import { z } from 'zod';
import type { SeedReport } from './load.js';
import { CURATION_FILE } from './validate.js';

export { CURATION_FILE };

/** The column that names a row of each table curation touches. */
export const REFERENCE_COLUMN = { Paper: 'doi', Material: 'key', Measurement: 'fingerprint', ComputedProperty: 'fingerprint' } as const;
export type CuratedTable = keyof typeof REFERENCE_COLUMN;
const TABLES = Object.keys(REFERENCE_COLUMN) as [CuratedTable, ...CuratedTable[]];

const timestamp = z.iso.datetime({ offset: true });
const nullableNumber = z.number().finite().nullable();

const factMark = {
  fingerprint: z.string().min(1),
  curatedBy: z.string().nullable(),
  correctedAt: timestamp.nullable(),
  // A corrected fact's value as stored (its unit may differ from the one its file or export gives).
  value: nullableNumber,
  valueMax: nullableNumber,
  unit: z.string().min(1),
  canonicalValue: nullableNumber,
};

export const markSchema = z.discriminatedUnion('table', [
  z.strictObject({ table: z.literal('Paper'), doi: z.string().min(1), curatedBy: z.string().nullable(), seedFile: z.string().nullable() }),
  z.strictObject({ table: z.literal('Material'), key: z.string().min(1), curatedBy: z.string().nullable() }),
  z.strictObject({ table: z.literal('Measurement'), ...factMark }),
  z.strictObject({ table: z.literal('ComputedProperty'), ...factMark }),
]);
export type CurationMark = z.infer<typeof markSchema>;

/**
 * Which row an event is about: its natural key, or for a row that is gone (a retracted fact) the
 * fingerprint its RETRACT_FACT event recorded, or `missingId` when nothing names it any more.
 */
export const entitySchema = z
  .strictObject({
    table: z.enum(TABLES),
    doi: z.string().optional(),
    key: z.string().optional(),
    fingerprint: z.string().optional(),
    /** The row no longer exists: its fingerprint is from the RETRACT_FACT event, or only its old id is known. */
    gone: z.boolean().optional(),
    missingId: z.number().int().optional(),
  })
  .refine((e) => e.missingId !== undefined || e[REFERENCE_COLUMN[e.table]] !== undefined, { message: 'name the row by its natural key (doi, key or fingerprint) or missingId' });
export type EventEntity = z.infer<typeof entitySchema>;

export const eventSchema = z.strictObject({
  action: z.enum(['ADD_PAPER', 'ADD_MATERIAL', 'ADD_MEASUREMENT', 'ADD_COMPUTED_PROPERTY', 'CORRECT_VALUE', 'RETRACT_FACT']),
  entity: entitySchema,
  curator: z.string().min(1),
  reason: z.string().nullable(),
  before: z.json().nullable(),
  after: z.json().nullable(),
  createdAt: timestamp,
});
export type CurationEventRecord = z.infer<typeof eventSchema>;

export const curationFileSchema = z.strictObject({
  marks: z.array(markSchema).default([]),
  events: z.array(eventSchema).default([]),
});
export type CurationFile = z.infer<typeof curationFileSchema>;

export class CurationFileError extends Error {}

export async function readCurationFile(file: string): Promise<CurationFile> {
  let data: unknown;
  try {
    data = loadYaml(await readFile(file, 'utf8'));
  } catch (error) {
    if (error instanceof YAMLException) throw new CurationFileError(`${file}: not valid YAML: ${error.message}`);
    throw error;
  }
  const parsed = curationFileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    throw new CurationFileError(`${file} rejected (nothing written):\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

type Tx = Prisma.TransactionClient;

/** The mark's columns with their SQL casts (numbers go as text: Prisma's raw parameters keep ~16 digits). */
function markColumns(mark: CurationMark): [column: string, value: unknown, cast: string][] {
  switch (mark.table) {
    case 'Paper':
      return [['curatedBy', mark.curatedBy, 'text'], ['seedFile', mark.seedFile, 'text']];
    case 'Material':
      return [['curatedBy', mark.curatedBy, 'text']];
    default: {
      const float = (v: number | null) => (v === null ? null : String(v));
      return [
        ['curatedBy', mark.curatedBy, 'text'], ['correctedAt', mark.correctedAt, 'timestamp(3)'], ['value', float(mark.value), 'double precision'],
        ['valueMax', float(mark.valueMax), 'double precision'], ['unit', mark.unit, 'text'], ['canonicalValue', float(mark.canonicalValue), 'double precision'],
      ];
    }
  }
}

/** The natural key a mark names its row by. */
export const markReference = (mark: CurationMark): string => (mark.table === 'Paper' ? mark.doi : mark.table === 'Material' ? mark.key : mark.fingerprint);

/** Apply a curation file in one transaction; answers what it wrote, as the seed report does. */
export async function applyCurationFile(prisma: PrismaClient, curation: CurationFile): Promise<SeedReport> {
  return prisma.$transaction(async (tx) => {
    const report: SeedReport = {};
    const marks = (report['curation marks'] = { created: 0, updated: 0, deleted: 0, unchanged: 0, kept: 0, details: [] as string[] });
    const missing: string[] = [];
    for (const mark of curation.marks) {
      const columns = markColumns(mark);
      const params = [markReference(mark), ...columns.map(([, value]) => value)];
      const set = columns.map(([column, , cast], i) => `"${column}" = $${i + 2}::${cast}`).join(', ');
      const differs = columns.map(([column, , cast], i) => `"${column}" IS DISTINCT FROM $${i + 2}::${cast}`).join(' OR ');
      const table = `"${mark.table}"`;
      const where = `"${REFERENCE_COLUMN[mark.table]}" = $1`;
      const changed = await tx.$executeRawUnsafe(`UPDATE ${table} SET ${set} WHERE ${where} AND (${differs})`, ...params);
      if (changed > 0) {
        marks.updated += changed;
        marks.details.push(`~ ${mark.table} ${markReference(mark)}: curated columns`);
      } else if ((await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM ${table} WHERE ${where}`, params[0])).length === 0) missing.push(`${mark.table} ${markReference(mark)}`);
      else marks.unchanged += 1;
    }
    if (missing.length > 0) {
      throw new CurationFileError(`${CURATION_FILE} marks rows that the paper files and the export do not hold (nothing written): ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` … and ${missing.length - 10} more` : ''}`);
    }
    const events = (report.CurationEvent = { created: 0, updated: 0, deleted: 0, unchanged: 0, kept: 0, details: [] as string[] });
    const resolve = await entityResolver(tx);
    const stored = new Set((await tx.curationEvent.findMany()).map(eventIdentity));
    for (const e of curation.events) {
      const entityId = await resolve(e.entity, e.action === 'RETRACT_FACT');
      const row = {
        action: e.action, entityType: e.entity.table, entityId, curator: e.curator, reason: e.reason, createdAt: new Date(e.createdAt),
        // A retracted row's snapshot names the id it has here (the one its other events point at).
        before: e.action === 'RETRACT_FACT' && e.before && typeof e.before === 'object' && !Array.isArray(e.before) ? { ...e.before, id: entityId } : e.before,
        after: e.after,
      };
      if (stored.has(eventIdentity(row))) {
        events.unchanged += 1;
        continue;
      }
      await tx.curationEvent.create({ data: { ...row, before: row.before ?? Prisma.DbNull, after: row.after ?? Prisma.DbNull } });
      stored.add(eventIdentity(row));
      events.created += 1;
      events.details.push(`+ CurationEvent ${e.action} ${e.entity.table} by ${e.curator} at ${e.createdAt}`);
    }
    return report;
  }, { timeout: 600_000, maxWait: 60_000 });
}

/** Two events are the same when they say the same thing about the same row at the same time. */
const eventIdentity = (e: { action: string; entityType: string; entityId: number; curator: string; createdAt: Date }) =>
  `${e.action}\0${e.entityType}\0${e.entityId}\0${e.curator}\0${e.createdAt.toISOString()}`;

/**
 * Database id of an event's row. A row that is gone gets the id its RETRACT_FACT event already has
 * here (a second apply), else a fresh one from the table's sequence: never the id of a live row,
 * so its history is never shown on another fact.
 */
async function entityResolver(tx: Tx): Promise<(entity: EventEntity, retraction: boolean) => Promise<number>> {
  const goneIds = new Map<string, number>();
  for (const e of await tx.curationEvent.findMany({ where: { action: 'RETRACT_FACT' }, select: { entityType: true, entityId: true, before: true } })) {
    const print = (e.before as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof print === 'string') goneIds.set(`${e.entityType}\0${print}`, e.entityId);
  }
  return async (entity) => {
    const column = REFERENCE_COLUMN[entity.table];
    const reference = entity[column];
    if (reference !== undefined && !entity.gone) {
      const [row] = await tx.$queryRawUnsafe<{ id: number }[]>(`SELECT "id" FROM "${entity.table}" WHERE "${column}" = $1`, reference);
      if (!row) throw new CurationFileError(`${CURATION_FILE}: an event names ${entity.table} ${reference}, which the paper files and the export do not hold`);
      return row.id;
    }
    const name = `${entity.table}\0${reference ?? `#${entity.missingId}`}`;
    let id = goneIds.get(name);
    if (id === undefined) {
      const [next] = await tx.$queryRawUnsafe<{ id: number }[]>(`SELECT nextval(pg_get_serial_sequence('"${entity.table}"', 'id'))::int AS id`);
      id = next!.id;
      goneIds.set(name, id);
    }
    return id;
  };
}
