/**
 * Loads a validated seed catalog into the database in ONE transaction, idempotently:
 * records are matched by key (materials, structures, coatings, methods) or by fingerprint
 * (facts), compared with what is stored, and only differences are written. Rows of a seeded
 * paper that are no longer in its file are removed. Running it twice writes nothing the second time.
 *
 * New rows are inserted in bulk (multi-row parameterised INSERTs in chunks under PostgreSQL's
 * bind-parameter limit), stored rows are looked up in maps, and stale rows are deleted by id in chunks, so a
 * paper file with tens of thousands of facts loads in a few dozen statements per table; changed
 * rows are still updated one by one (they are the exception).
 */
import { Prisma, type Better, type CellType, type FamilyAggregate, type PrismaClient, type PropertyKind, type PropertyValueType, type ValueOrigin, type ValueQualifier } from '@prisma/client';
import { chemicalFormulaReduced, parseFormula } from '../derive/composition.js';
import { convertValue } from '../units.js';
import type { z } from 'zod';
import type { conditionsSchema, SeedFile } from './schema.js';
import {
  computedIdentity,
  familyFactIdentity,
  fingerprint,
  measurementIdentity,
  rangeColumns,
  reactionIdentity,
  type SeedCatalog,
} from './validate.js';

export interface TableChanges {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  /** Rows a curator added or corrected through the API: seeding neither updates nor deletes them. */
  kept: number;
  /** One line per written row ("+", "~", "-" and what it is), for dry runs. */
  details: string[];
}
export type SeedReport = Record<string, TableChanges>;

type Tx = Prisma.TransactionClient;

export const enumValue = (s: string) => s.toUpperCase().replace(/-/g, '_');
export const toNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** The columns a stored fact (measurement or computed property) takes from its record; the seed loader and curation share them. */
export const factColumns = (record: { property: string; value?: number; valueMax?: number; textValue?: string; qualifier: string; uncertainty?: number; unit: string; site?: string; note?: string; locator: string; origin: string; originNote?: string }) => ({
  propertyKey: record.property, value: toNull(record.value), valueMax: toNull(record.valueMax), textValue: toNull(record.textValue),
  qualifier: enumValue(record.qualifier) as ValueQualifier, uncertainty: toNull(record.uncertainty), unit: record.unit, site: toNull(record.site),
  note: toNull(record.note), locator: record.locator, origin: enumValue(record.origin) as ValueOrigin, originNote: toNull(record.originNote),
});

/** A measurement's condition columns (`otherConditions` is the record's `other`, or null). */
export const conditionColumns = (c: z.infer<typeof conditionsSchema>) => ({
  temperatureC: toNull(c.temperatureC), cRate: toNull(c.cRate), chargeCRate: toNull(c.chargeCRate), oneCMAPerG: toNull(c.oneCMAPerG),
  currentDensityMAPerG: toNull(c.currentDensityMAPerG), voltageMinV: toNull(c.voltageMinV), voltageMaxV: toNull(c.voltageMaxV),
  cycleNumber: toNull(c.cycleNumber), cellType: c.cellType ? (enumValue(c.cellType) as CellType) : null, counterElectrode: toNull(c.counterElectrode),
  electrolyte: toNull(c.electrolyte), state: toNull(c.state), technique: toNull(c.technique), loadingMgPerCm2: toNull(c.loadingMgPerCm2),
  otherConditions: toNull(c.other) as Prisma.InputJsonValue | null,
});

/** Stable comparison of row contents (Json columns, arrays, nulls). */
function sameContent(stored: Record<string, unknown>, desired: Record<string, unknown>): boolean {
  return Object.keys(desired).every((k) => JSON.stringify(norm(stored[k])) === JSON.stringify(norm(desired[k])));
}
function norm(v: unknown): unknown {
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map(norm);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, norm(x)]));
  }
  return v;
}

/**
 * Bring one table in line with `desired` (identified by `idField`): create what is missing,
 * update what differs, delete stored rows in `scope` that are not desired.
 */
export async function syncTable<Row extends Record<string, unknown>>(
  report: SeedReport,
  table: string,
  idField: string,
  stored: ({ id: number } & Record<string, unknown>)[],
  desired: Row[],
  ops: {
    /**
     * Insert new rows (in chunks). Tables whose ids are needed later return the inserted rows'
     * ids with their `idField` value; the others return nothing.
     */
    createMany(rows: Row[]): Promise<{ id: number; ident: string }[] | void>;
    /** Update one row; a `{ count: 0 }` answer means a curator took the row over meanwhile (kept). */
    update(id: number, data: Row): Promise<unknown>;
    /** Delete rows; answers how many went (the others were curated meanwhile and stay). */
    remove(ids: number[]): Promise<number | undefined>;
  },
  options: { deleteStale?: boolean } = {},
): Promise<Map<string, number>> {
  const changes = (report[table] ??= emptyChanges());
  const byId = new Map(stored.map((r) => [String(r[idField]), r]));
  const ids = new Map<string, number>();
  const label = (row: Record<string, unknown>) => `${table} ${describeRow(row, idField)}`;
  const toCreate: Row[] = [];
  for (const row of desired) {
    const key = String(row[idField]);
    const existing = byId.get(key);
    if (!existing) {
      toCreate.push(row);
      ids.set(key, 0);
      changes.created += 1;
      changes.details.push(`+ ${label(row)}`);
    } else {
      ids.set(key, existing.id);
      if (isCurated(existing)) changes.kept += 1;
      else if (sameContent(existing, row)) changes.unchanged += 1;
      else if ((await ops.update(existing.id, row) as { count?: number } | undefined)?.count === 0) changes.kept += 1;
      else {
        changes.updated += 1;
        changes.details.push(`~ ${label(row)}`);
      }
    }
  }
  if (toCreate.length > 0) {
    const created = await ops.createMany(toCreate);
    for (const { id, ident } of created ?? []) ids.set(ident, id);
  }
  if (options.deleteStale !== false) {
    const staleRows = stored.filter((r) => !ids.has(String(r[idField])) && !isCurated(r));
    if (staleRows.length > 0) {
      const removed = (await ops.remove(staleRows.map((r) => r.id))) ?? staleRows.length;
      changes.deleted += removed;
      changes.kept += staleRows.length - removed;
      changes.details.push(...staleRows.map((r) => `- ${label(r)}`));
    }
  }
  return ids;
}

/** PostgreSQL allows 65535 bind parameters per statement; stay well below. */
const MAX_PARAMETERS = 30_000;

/** Split rows into chunks whose parameter count (rows × columns) stays under the limit. */
export function chunks<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** SQL type of each Prisma scalar type, for the explicit casts of bulk INSERT parameters. */
const SQL_TYPES: Record<string, string> = { Int: 'integer', Float: 'double precision', String: 'text', Boolean: 'boolean', DateTime: 'timestamp(3)', Json: 'jsonb', BigInt: 'bigint' };
const columnCache = new Map<string, Map<string, { cast: string; json: boolean }>>();

/**
 * Column name → SQL cast (enums by their type name) of a model, from Prisma's runtime DMMF. The
 * runtime DMMF does not say which fields are lists: a JS array value is cast to an array of the type.
 */
function columnsOf(model: Prisma.ModelName): Map<string, { cast: string; json: boolean }> {
  let columns = columnCache.get(model);
  if (!columns) {
    const fields = Prisma.dmmf.datamodel.models.find((m) => m.name === model)!.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
    columns = new Map(
      fields.map((f) => {
        const base = f.kind === 'enum' ? `"${f.type}"` : SQL_TYPES[f.type];
        if (!base) throw new Error(`bulk insert: no SQL type for ${model}.${f.name} (${f.type})`);
        return [f.dbName ?? f.name, { cast: base, json: f.type === 'Json' }];
      }),
    );
    columnCache.set(model, columns);
  }
  return columns;
}

/**
 * Multi-row INSERT of new rows in chunks, through the transaction's client as one parameterised
 * statement per chunk (every parameter cast to its column's type). Prisma's createMany does the
 * same SQL but spends about three times as long preparing it per row, which dominates bulk loads.
 * With `returning`, gives back `{ id, ident }` of every inserted row (ident = that column's value).
 */
export async function insertRows(tx: Tx, model: Prisma.ModelName, rows: Record<string, unknown>[], returning?: string): Promise<{ id: number; ident: string }[]> {
  if (rows.length === 0) return [];
  const columns = columnsOf(model);
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (const name of names) if (!columns.has(name)) throw new Error(`bulk insert: ${model} has no column "${name}"`);
  const out: { id: number; ident: string }[] = [];
  for (const chunk of chunks(rows, names.length)) {
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = names.map((name) => {
        const column = columns.get(name)!;
        let value = row[name] ?? null;
        if (column.json && value !== null) value = JSON.stringify(value);
        // Numbers as their shortest round-trip text: Prisma's raw parameters keep only ~16
        // significant digits (3.9393611465517218 arrived as 3.939361146551722), so a re-seed saw a change.
        else if (column.cast === 'double precision' && typeof value === 'number') value = String(value);
        params.push(value);
        return `$${params.length}::${column.cast}${Array.isArray(value) ? '[]' : ''}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const sql = `INSERT INTO "${model}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES ${tuples.join(', ')}`;
    if (returning) out.push(...(await tx.$queryRawUnsafe<{ id: number; ident: string }[]>(`${sql} RETURNING "id", "${returning}" AS ident`, ...params)));
    else await tx.$executeRawUnsafe(sql, ...params);
  }
  return out;
}

/** Delete by id in chunks. */
export async function deleteChunked(ids: number[], remove: (chunk: number[]) => Promise<{ count: number }>): Promise<number> {
  let count = 0;
  for (const chunk of chunks(ids, 1)) count += (await remove(chunk)).count;
  return count;
}

const emptyChanges = (): TableChanges => ({ created: 0, updated: 0, deleted: 0, unchanged: 0, kept: 0, details: [] });

/** Rows added or corrected by a curator belong to the curation history, not to the seed files. */
const isCurated = (row: Record<string, unknown>) => row.curatedBy != null || row.correctedAt != null;
/**
 * The same test inside the UPDATE and DELETE of a fact: a correction that commits after this load
 * read the table must not be overwritten or deleted (PostgreSQL re-checks the predicate on the
 * row's newest version once the correction's lock is released).
 */
const UNCURATED = { curatedBy: null, correctedAt: null };

function describeRow(row: Record<string, unknown>, idField: string): string {
  if (typeof row.key === 'string') return row.key;
  if (typeof row.doi === 'string') return row.doi;
  if (typeof row.propertyKey === 'string') {
    const value = row.value ?? row.textValue;
    return `${row.propertyKey} = ${value}${row.unit ? ` ${row.unit}` : ''}${row.site ? ` [${row.site}]` : ''} (${row.locator})`;
  }
  return String(row[idField]);
}

export class DryRunRollback extends Error {
  constructor(readonly report: SeedReport) {
    super('dry run: rolled back');
  }
}

/**
 * Load a validated catalog in one transaction. With `dryRun` the same writes run and are then
 * rolled back, so the report says exactly what a real run would change.
 */
export async function loadSeedCatalog(prisma: PrismaClient, catalog: SeedCatalog, options: { dryRun?: boolean } = {}): Promise<SeedReport> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        // One load at a time: two simultaneous seeds or ingests would each insert the same new
        // paper and the later one fail on its DOI; queued, the second finds the first's rows.
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
        const report = await loadInTransaction(tx, catalog);
        if (options.dryRun) throw new DryRunRollback(report);
        return report;
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    // P2002 from Prisma's own statements, P2010 with SQLSTATE 23505 from the bulk INSERTs.
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === 'P2002' || (error.code === 'P2010' && error.meta?.code === '23505'))) {
      const fields = (error.meta?.target as string[] | undefined)?.join(', ') ?? /unique constraint "(\w+)"/.exec(error.message)?.[1] ?? 'a unique key';
      throw new SeedConflictError(`the load was rolled back: a record with the same ${fields} was added meanwhile (through the curation API?); nothing was written, run it again to see what remains to load`);
    }
    throw error;
  }
}

/** Arbitrary constant naming the seed loader's advisory lock. */
export const SEED_LOCK_KEY = 0x5eed_cafe;

/** A load that collided with a concurrent write of the same record; nothing was written. */
export class SeedConflictError extends Error {}

async function loadInTransaction(tx: Tx, catalog: SeedCatalog): Promise<SeedReport> {
  const report: SeedReport = {};
  const files = catalog.papers.map((p) => p.data);

  // Vocabulary: property keys and families are shared; they are only added or updated.
  const propertyKeys = [...catalog.vocabulary.propertyKeys, ...files.flatMap((f) => f.propertyKeys)];
  const canonicalUnit = new Map(propertyKeys.map((p) => [p.key, p.canonicalUnit]));
  await syncKeyed(report, 'PropertyKey', await tx.propertyKey.findMany(), propertyKeys.map((p) => ({
    key: p.key, label: p.label, canonicalUnit: p.canonicalUnit, valueType: enumValue(p.valueType) as PropertyValueType, kind: enumValue(p.kind) as PropertyKind,
    description: p.description, better: p.better ? (enumValue(p.better) as Better) : null, setup: p.setup, usedBy: [...p.usedBy], sites: p.sites ?? [], ...rangeColumns(p),
  })), (data) => tx.propertyKey.create({ data: data as never }), (key, data) => tx.propertyKey.update({ where: { key }, data: data as never }));
  const families = [...catalog.vocabulary.families, ...files.flatMap((f) => f.families)];
  await syncKeyed(report, 'MaterialFamily', await tx.materialFamily.findMany(), families,
    (data) => tx.materialFamily.create({ data }), (key, data) => tx.materialFamily.update({ where: { key }, data }));

  // Papers
  const paperIds = await syncTable(report, 'Paper', 'doi', await tx.paper.findMany({ where: { doi: { in: files.map((f) => f.paper.doi) } } }),
    catalog.papers.map(({ file, data }) => ({ ...data.paper, volume: toNull(data.paper.volume), pages: toNull(data.paper.pages), seedFile: file })),
    { createMany: (rows) => insertRows(tx, 'Paper', rows, 'doi'), update: (id, data) => tx.paper.update({ where: { id }, data }), remove: async () => undefined },
    { deleteStale: false });
  const paperIdOf = (f: SeedFile) => paperIds.get(f.paper.doi)!;
  const seededPaperIds = [...paperIds.values()];
  const inSeededPapers = { paperId: { in: seededPaperIds } };

  // Methods
  const storedMethods = await tx.computationalMethod.findMany({ where: inSeededPapers });
  const methodIds = await syncTable(report, 'ComputationalMethod', 'key', storedMethods,
    files.flatMap((f) => f.methods.map((m) => ({
      key: m.key, kind: m.kind, functional: toNull(m.functional), code: toNull(m.code), hubbardU: toNull(m.hubbardU) as Prisma.InputJsonValue | null,
      exchangeMixing: toNull(m.exchangeMixing), cutoffEV: toNull(m.cutoffEV), kMesh: toNull(m.kMesh), forceToleranceEVPerA: toNull(m.forceToleranceEVPerA),
      energyToleranceEV: toNull(m.energyToleranceEV), supercell: toNull(m.supercell), parameters: toNull(m.parameters) as Prisma.InputJsonValue | null,
      description: m.description, paperId: paperIdOf(f), locator: m.locator,
    }))),
    { createMany: (rows) => insertRows(tx, 'ComputationalMethod', rows, 'key'), update: (id, data) => tx.computationalMethod.update({ where: { id }, data: data as never }), remove: async () => undefined },
    { deleteStale: false });

  // Materials first without their coating links (coatings point back at materials).
  const storedMaterials = await tx.material.findMany({ where: inSeededPapers });
  const materialRow = (f: SeedFile, m: SeedFile['materials'][number]) => {
    const composition = parseFormula(m.formula);
    return {
    key: m.key, name: m.name, formula: m.formula, elements: composition.elements, nelements: composition.elements.length,
    chemicalFormulaReduced: chemicalFormulaReduced(composition.amounts), workingIon: m.workingIon,
    familyKey: m.family, role: enumValue(m.role), materialsProjectId: toNull(m.materialsProjectId), description: toNull(m.description),
    paperId: paperIdOf(f), locator: m.locator,
    };
  };
  const materialIds = await syncTable(report, 'Material', 'key', storedMaterials,
    files.flatMap((f) => f.materials.map((m) => materialRow(f, m))),
    { createMany: (rows) => insertRows(tx, 'Material', rows, 'key'), update: (id, data) => tx.material.update({ where: { id }, data: data as never }), remove: async () => undefined },
    { deleteStale: false });
  const materialId = (k: string) => materialIds.get(k)!;

  const storedCoatings = await tx.coating.findMany({ where: inSeededPapers });
  const coatingIds = await syncTable(report, 'Coating', 'key', storedCoatings,
    files.flatMap((f) => f.coatings.map((c) => ({
      key: c.key, name: c.name, formula: c.formula, materialId: c.material ? materialId(c.material) : null, morphology: toNull(c.morphology),
      thicknessNm: c.thickness ? convertValue(c.thickness.value, c.thickness.unit, 'nm') : null,
      thicknessQualifier: c.thickness ? enumValue(c.thickness.qualifier) : null,
      synthesisRoute: toNull(c.synthesisRoute), infusesGrainBoundaries: c.infusesGrainBoundaries,
      infusionDepthUm: c.infusionDepth ? convertValue(c.infusionDepth.value, c.infusionDepth.unit, 'µm') : null,
      infusionDepthMaxUm: c.infusionDepth?.valueMax !== undefined ? convertValue(c.infusionDepth.valueMax, c.infusionDepth.unit, 'µm') : null,
      infusionDepthQualifier: c.infusionDepth ? enumValue(c.infusionDepth.qualifier) : null,
      description: toNull(c.description), paperId: paperIdOf(f), locator: c.locator,
    }))),
    { createMany: (rows) => insertRows(tx, 'Coating', rows, 'key'), update: (id, data) => tx.coating.update({ where: { id }, data: data as never }), remove: async () => undefined },
    { deleteStale: false });

  // Coated material = substrate + coating. New materials were inserted without links, so only
  // those that need one are written; all link changes go out in one UPDATE … FROM (VALUES …) per chunk.
  const storedMaterialByKey = new Map(storedMaterials.map((s) => [s.key, s]));
  const links: { id: number; substrateId: number | null; coatingId: number | null }[] = [];
  for (const f of files) {
    for (const m of f.materials) {
      const want = { substrateId: m.substrate ? materialId(m.substrate) : null, coatingId: m.coating ? coatingIds.get(m.coating)! : null };
      const stored = storedMaterialByKey.get(m.key);
      if (!stored ? want.substrateId !== null || want.coatingId !== null : stored.substrateId !== want.substrateId || stored.coatingId !== want.coatingId) {
        links.push({ id: materialId(m.key), ...want });
        if (stored) report.Material!.updated += sameContent(stored, materialRow(f, m)) ? 1 : 0;
      }
    }
  }
  for (const chunk of chunks(links, 3)) {
    const values = Prisma.join(chunk.map((l) => Prisma.sql`(${l.id}::int, ${l.substrateId}::int, ${l.coatingId}::int)`));
    await tx.$executeRaw`UPDATE "Material" AS m SET "substrateId" = v.s, "coatingId" = v.c FROM (VALUES ${values}) AS v(id, s, c) WHERE m.id = v.id`;
  }

  // Structures and their lattices
  const storedStructures = await tx.structure.findMany({ where: inSeededPapers });
  const structureIds = await syncTable(report, 'Structure', 'key', storedStructures,
    files.flatMap((f) => f.structures.map((s) => ({
      key: s.key, materialId: materialId(s.material), label: s.label, formula: s.formula, alkaliContent: toNull(s.alkaliContent),
      spaceGroupSymbol: toNull(s.spaceGroupSymbol), spaceGroupNumber: toNull(s.spaceGroupNumber), magneticOrdering: toNull(s.magneticOrdering),
      state: toNull(s.state), methodId: s.method ? methodIds.get(s.method)! : null, cationMixingPercent: toNull(s.cationMixingPercent),
      tmInLiLayerPercent: toNull(s.tmInLiLayerPercent), note: toNull(s.note), paperId: paperIdOf(f), locator: s.locator,
    }))),
    { createMany: (rows) => insertRows(tx, 'Structure', rows, 'key'), update: (id, data) => tx.structure.update({ where: { id }, data }), remove: async () => undefined },
    { deleteStale: false });
  await syncTable(report, 'Lattice', 'ident',
    (await tx.lattice.findMany({ where: inSeededPapers })).map((l) => ({ ...l, ident: `${l.structureId}/${l.setting}` })),
    files.flatMap((f) => f.structures.flatMap((s) => s.lattices.map((l) => {
      const structureId = structureIds.get(s.key)!;
      const setting = enumValue(l.setting);
      return {
        ident: `${structureId}/${setting}`, structureId, setting, aA: toNull(l.aA), bA: toNull(l.bA), cA: toNull(l.cA),
        alphaDeg: toNull(l.alphaDeg), betaDeg: toNull(l.betaDeg), gammaDeg: toNull(l.gammaDeg), volumeA3: toNull(l.volumeA3),
        formulaUnitsPerCell: toNull(l.formulaUnitsPerCell), paperId: paperIdOf(f), locator: l.locator,
      };
    }))),
    {
      createMany: async (rows) => void (await insertRows(tx, 'Lattice', rows.map(({ ident: _, ...data }) => data))),
      update: (id, { ident: _, ...data }) => tx.lattice.update({ where: { id }, data: data as never }),
      remove: (ids) => deleteChunked(ids, (chunk) => tx.lattice.deleteMany({ where: { id: { in: chunk } } })),
    });

  const canonical = (property: string, value: number | undefined, unit: string) =>
    value === undefined ? null : convertValue(value, unit, canonicalUnit.get(property)!);
  const factValue = (f: SeedFile, x: SeedFile['measurements'][number] | SeedFile['computed'][number]) => ({
    materialId: materialId(x.material), structureId: x.structure ? structureIds.get(x.structure)! : null, ...factColumns(x),
    canonicalValue: canonical(x.property, x.value, x.unit), paperId: paperIdOf(f),
  });

  // Facts a curator retracted stay retracted: read after the stored rows, so a retraction that
  // commits in between is either seen here or its row was already among the stored ones.
  const storedMeasurements = await tx.measurement.findMany({ where: inSeededPapers });
  const storedComputed = await tx.computedProperty.findMany({ where: inSeededPapers });
  const retracted = await retractedFingerprints(tx);
  const notRetracted = <R extends { fingerprint: string }>(table: string, rows: R[]) =>
    rows.filter((r) => {
      if (!retracted.has(r.fingerprint)) return true;
      const changes = (report[table] ??= emptyChanges());
      changes.kept += 1;
      changes.details.push(`= ${table} ${r.fingerprint.slice(0, 12)}… stays retracted by a curator`);
      return false;
    });

  // Measurements
  await syncTable(report, 'Measurement', 'fingerprint', storedMeasurements,
    notRetracted('Measurement', files.flatMap((f) => f.measurements.map((m) => ({
      fingerprint: fingerprint(f.paper.doi, measurementIdentity(m)), ...factValue(f, m), ...conditionColumns(m.conditions),
      conditionSources: toNull(m.conditionSources) as Prisma.InputJsonValue | null,
    })))),
    {
      createMany: async (rows) => void (await insertRows(tx, 'Measurement', rows)),
      update: (id, data) => tx.measurement.updateMany({ where: { id, ...UNCURATED }, data: data as never }),
      remove: (ids) => deleteChunked(ids, (chunk) => tx.measurement.deleteMany({ where: { id: { in: chunk }, ...UNCURATED } })),
    });

  // Computed properties
  await syncTable(report, 'ComputedProperty', 'fingerprint', storedComputed,
    notRetracted('ComputedProperty', files.flatMap((f) => f.computed.map((c) => ({
      fingerprint: fingerprint(f.paper.doi, computedIdentity(c)), ...factValue(f, c), configuration: toNull(c.configuration), methodId: methodIds.get(c.method)!,
    })))),
    {
      createMany: async (rows) => void (await insertRows(tx, 'ComputedProperty', rows)),
      update: (id, data) => tx.computedProperty.updateMany({ where: { id, ...UNCURATED }, data: data as never }),
      remove: (ids) => deleteChunked(ids, (chunk) => tx.computedProperty.deleteMany({ where: { id: { in: chunk }, ...UNCURATED } })),
    });

  // Reactions with their participants
  const reactionSeeds = files.flatMap((f) => f.reactions.map((r) => ({ f, r, print: fingerprint(f.paper.doi, reactionIdentity(r)) })));
  const reactionIds = await syncTable(report, 'Reaction', 'fingerprint', await tx.reaction.findMany({ where: inSeededPapers }),
    reactionSeeds.map(({ f, r, print }) => ({
      fingerprint: print, propertyKey: r.property, value: r.value, unit: r.unit, canonicalValue: canonical(r.property, r.value, r.unit)!,
      methodId: r.method ? methodIds.get(r.method)! : null, note: toNull(r.note), paperId: paperIdOf(f), locator: r.locator,
    })),
    {
      createMany: (rows) => insertRows(tx, 'Reaction', rows, 'fingerprint'),
      update: (id, data) => tx.reaction.update({ where: { id }, data }),
      remove: (ids) => deleteChunked(ids, (chunk) => tx.reaction.deleteMany({ where: { id: { in: chunk } } })),
    });
  await syncTable(report, 'ReactionParticipant', 'ident',
    (await tx.reactionParticipant.findMany({ where: { reactionId: { in: [...reactionIds.values()] } } })).map((p) => ({ ...p, ident: `${p.reactionId}/${p.side}/${p.position}` })),
    reactionSeeds.flatMap(({ r, print }) => {
      const reactionId = reactionIds.get(print)!;
      const rows = (side: 'REACTANT' | 'PRODUCT', list: typeof r.reactants) =>
        list.map((p, position) => ({ ident: `${reactionId}/${side}/${position}`, reactionId, side, position, materialId: materialId(p.material), coefficient: p.coefficient }));
      return [...rows('REACTANT', r.reactants), ...rows('PRODUCT', r.products)];
    }),
    {
      createMany: async (rows) => void (await insertRows(tx, 'ReactionParticipant', rows.map(({ ident: _, ...data }) => data))),
      update: (id, { ident: _, ...data }) => tx.reactionParticipant.update({ where: { id }, data }),
      remove: (ids) => deleteChunked(ids, (chunk) => tx.reactionParticipant.deleteMany({ where: { id: { in: chunk } } })),
    });

  // Family facts. Members are part of a fact's identity, so only new facts get member rows
  // (a changed member list is a new fact; the old one goes, its members by cascade).
  const familyFactSeeds = files.flatMap((f) => f.familyFacts.map((g) => ({ f, g, print: fingerprint(f.paper.doi, familyFactIdentity(g)) })));
  const storedFamilyFacts = await tx.familyFact.findMany({ where: inSeededPapers });
  const familyFactIds = await syncTable(report, 'FamilyFact', 'fingerprint', storedFamilyFacts,
    familyFactSeeds.map(({ f, g, print }) => ({
      fingerprint: print, familyKey: g.family, aggregate: enumValue(g.aggregate) as FamilyAggregate, ...factColumns(g),
      canonicalValue: canonical(g.property, g.value, g.unit), methodId: g.method ? methodIds.get(g.method)! : null, paperId: paperIdOf(f),
    })),
    {
      createMany: (rows) => insertRows(tx, 'FamilyFact', rows, 'fingerprint'),
      update: (id, data) => tx.familyFact.update({ where: { id }, data }),
      remove: (ids) => deleteChunked(ids, (chunk) => tx.familyFact.deleteMany({ where: { id: { in: chunk } } })),
    });
  const storedFamilyFactPrints = new Set(storedFamilyFacts.map((g) => g.fingerprint));
  const newMembers = familyFactSeeds
    .filter(({ print }) => !storedFamilyFactPrints.has(print))
    .flatMap(({ g, print }) => g.members.map((m) => ({ familyFactId: familyFactIds.get(print)!, materialId: materialId(m) })));
  await insertRows(tx, 'FamilyFactMember', newMembers);
  if (newMembers.length > 0) (report.FamilyFactMember ??= emptyChanges()).created += newMembers.length;

  // Finally drop structures, coatings, materials and methods of seeded papers that left the files
  // (facts pointing at them are gone by now). The stale rows are those read at the start that are
  // no longer desired (rows created since are all desired); materials added by a curator stay.
  const staleIds = <T extends { id: number; key: string }>(stored: T[], ids: Map<string, number>, keepRow: (row: T) => boolean = () => false) =>
    stored.filter((r) => !ids.has(r.key) && !keepRow(r)).map((r) => r.id);
  const staleMaterials = staleIds(storedMaterials, materialIds, (r) => r.curatedBy !== null);
  await removeStale(report, 'Structure', () => deleteChunked(staleIds(storedStructures, structureIds), (chunk) => tx.structure.deleteMany({ where: { id: { in: chunk } } })));
  for (const chunk of chunks(staleMaterials, 1)) await tx.material.updateMany({ where: { id: { in: chunk } }, data: { coatingId: null, substrateId: null } });
  await removeStale(report, 'Coating', () => deleteChunked(staleIds(storedCoatings, coatingIds), (chunk) => tx.coating.deleteMany({ where: { id: { in: chunk } } })));
  await removeStale(report, 'Material', () => deleteChunked(staleMaterials, (chunk) => tx.material.deleteMany({ where: { id: { in: chunk } } })));
  await removeStale(report, 'ComputationalMethod', () => deleteChunked(staleIds(storedMethods, methodIds), (chunk) => tx.computationalMethod.deleteMany({ where: { id: { in: chunk } } })));
  return report;
}

async function removeStale(report: SeedReport, table: string, run: () => Promise<number>) {
  const count = await run();
  report[table]!.deleted += count;
}

/** Tables keyed by a string primary key (vocabulary): add or update, never delete. */
async function syncKeyed<Row extends { key: string }>(
  report: SeedReport,
  table: string,
  stored: Row[],
  desired: Row[],
  create: (row: Row) => Promise<unknown>,
  update: (key: string, row: Row) => Promise<unknown>,
) {
  const changes = (report[table] ??= emptyChanges());
  const byKey = new Map(stored.map((r) => [r.key, r]));
  for (const row of desired) {
    const existing = byKey.get(row.key);
    if (!existing) {
      await create(row);
      changes.created += 1;
      changes.details.push(`+ ${table} ${row.key}`);
    } else if (sameContent(existing, row)) changes.unchanged += 1;
    else {
      await update(row.key, row);
      changes.updated += 1;
      changes.details.push(`~ ${table} ${row.key}`);
    }
  }
}

/** Total rows written (created + updated + deleted) in a report. */
export function countWrites(report: SeedReport): number {
  return Object.values(report).reduce((n, c) => n + c.created + c.updated + c.deleted, 0);
}

/** Fingerprints of the facts curators retracted (RETRACT_FACT events keep the whole row in `before`). */
export async function retractedFingerprints(tx: Prisma.TransactionClient): Promise<Set<string>> {
  const events = await tx.curationEvent.findMany({ where: { action: 'RETRACT_FACT' }, select: { before: true } });
  return new Set(events.map((e) => (e.before as { fingerprint?: unknown } | null)?.fingerprint).filter((f): f is string => typeof f === 'string'));
}
