/**
 * Curation mutations. Each input is turned into a seeds/-format record and validated with the
 * same zod schemas as the seed files, then checked against the database (references, property,
 * unit, duplicates) and written with its CurationEvent in one transaction. Problems come back as
 * typed CurationErrors and nothing is written.
 */
import { Prisma, type PrismaClient } from '@prisma/client';
import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { curatorId } from './auth.js';
import type { Context } from '../context.js';
import { FormulaError, chemicalFormulaReduced, parseFormula } from '../derive/composition.js';
import type { CurationErrorCode } from '../__generated__/resolvers-types.js';
import { ErrorCode } from '../errors.js';
import { fromGlobalId } from '../ids.js';
import { conditionColumns, enumValue, factColumns, toNull } from '../seed/load.js';
import { computedSchema, materialSchema, measurementSchema, paperSchema } from '../seed/schema.js';
import { checkRange, computedIdentity, fingerprint, formulaWarning, measurementIdentity, siteRefusal, type PropertyRanges } from '../seed/validate.js';
import { unknownFamilyMessage, unknownPropertyMessage, unknownUnitMessage } from '../suggest.js';
import { convertValue, isKnownUnit, unitsCompatible } from '../units.js';

export type { CurationErrorCode };
export interface CurationError {
  path: string[];
  message: string;
  code: CurationErrorCode;
  /** With CONFLICT: the value stored now. */
  current?: { value: number | null; unit: string };
}

class Refused extends Error {
  constructor(readonly errors: CurationError[]) {
    super('curation input refused');
  }
}

const refuse = (path: string[], message: string, code: CurationErrorCode): never => {
  throw new Refused([{ path, message, code }]);
};

export function requireCurator(context: Context): string {
  if (!context.curator) {
    const message = context.curatorRefusal ? `${context.curatorRefusal}; curation needs a curator token` : 'curation needs a curator token: send "Authorization: Bearer <token>"';
    throw new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
  return curatorId(context.curator);
}

interface Outcome {
  errors: CurationError[];
  warnings: CurationError[];
}

/**
 * Run a mutation body; refusals become `{ errors }`, a duplicate key race becomes DUPLICATE. The body
 * may push warnings (stored anyway, e.g. an implausible value) into the array it is given.
 */
export async function curate<T extends object>(run: (warnings: CurationError[]) => Promise<T>): Promise<(T & Outcome) | Outcome> {
  const warnings: CurationError[] = [];
  try {
    return { ...(await run(warnings)), errors: [], warnings };
  } catch (error) {
    if (error instanceof Refused) return { errors: error.errors, warnings: [] };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { errors: [{ path: ['input'], message: 'the same record is already stored', code: 'DUPLICATE' }], warnings: [] };
    }
    throw error;
  }
}

/** A value against its property's bounds: refused outside the physical range, a warning outside the plausible one. */
function checkValueRange(property: { key: string; canonicalUnit: string } & PropertyRanges, canonicalValue: number, path: string[], warnings: CurationError[]) {
  const { error, warning } = checkRange(property.key, canonicalValue, property.canonicalUnit, property);
  if (error) refuse(path, error, 'OUT_OF_RANGE');
  if (warning) warnings.push({ path, message: warning, code: 'IMPLAUSIBLE' });
}

/** Validate a seeds/-format record with its zod schema; every issue becomes an INVALID error. */
function parseRecord<S extends z.ZodType>(schema: S, record: unknown): z.infer<S> {
  const result = schema.safeParse(record);
  if (!result.success) {
    throw new Refused(result.error.issues.map((i) => ({ path: ['input', ...i.path.map(String)], message: i.message, code: 'INVALID' as const })));
  }
  return result.data;
}

const dropNulls = <T extends Record<string, unknown>>(o: T | null | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
const seedEnum = (v: string | null | undefined) => (v == null ? undefined : v.toLowerCase().replace(/_/g, '-'));

async function paperByDoi(prisma: PrismaClient | Prisma.TransactionClient, doi: string, path: string[]) {
  const paper = await prisma.paper.findFirst({ where: { doi: { equals: doi.trim(), mode: 'insensitive' } } });
  return paper ?? refuse(path, `no paper with DOI "${doi}"; add it with addPaper first`, 'UNKNOWN_REFERENCE');
}

async function event(tx: Prisma.TransactionClient, data: Prisma.CurationEventUncheckedCreateInput) {
  return tx.curationEvent.create({ data });
}

export async function addPaper(context: Context, input: Record<string, unknown>) {
  const curator = requireCurator(context);
  return curate(async (warnings) => {
    const paper = parseRecord(paperSchema, { ...dropNulls(input), doi: String(input.doi ?? '').trim() });
    return context.primary.$transaction(async (tx) => {
      const existing = await tx.paper.findFirst({ where: { doi: { equals: paper.doi, mode: 'insensitive' } } });
      if (existing) refuse(['input', 'doi'], `a paper with DOI ${paper.doi} is already stored`, 'DUPLICATE');
      const row = await tx.paper.create({ data: { ...paper, volume: toNull(paper.volume), pages: toNull(paper.pages), curatedBy: curator } });
      await event(tx, { action: 'ADD_PAPER', entityType: 'Paper', entityId: row.id, curator, after: paper });
      return { paper: row };
    });
  });
}

export async function addMaterial(context: Context, input: Record<string, unknown>) {
  const curator = requireCurator(context);
  return curate(async (warnings) => {
    const { paperDoi, substrateKey, coatingKey, role, ...rest } = dropNulls(input) as Record<string, string>;
    const record = parseRecord(materialSchema, { ...rest, role: seedEnum(role), substrate: substrateKey, coating: coatingKey });
    let composition;
    try {
      composition = parseFormula(record.formula);
    } catch (error) {
      if (error instanceof FormulaError) refuse(['input', 'formula'], error.message, 'INVALID');
      throw error;
    }
    if ((record.substrate == null) !== (record.coating == null)) refuse(['input'], 'a coated material names both substrateKey and coatingKey', 'INVALID');
    const formulaProblem = formulaWarning(composition!.amounts, record.role);
    if (formulaProblem) warnings.push({ path: ['input', 'formula'], message: formulaProblem, code: 'IMPLAUSIBLE' });
    return context.primary.$transaction(async (tx) => {
      const paper = await paperByDoi(tx, String(paperDoi), ['input', 'paperDoi']);
      if (await tx.material.findUnique({ where: { key: record.key } })) refuse(['input', 'key'], `material key "${record.key}" is taken`, 'DUPLICATE');
      if (record.family && !(await tx.materialFamily.findUnique({ where: { key: record.family } }))) {
        refuse(['input', 'family'], unknownFamilyMessage(record.family, await tx.materialFamily.findMany({ select: { key: true, name: true } })), 'UNKNOWN_REFERENCE');
      }
      const substrate = record.substrate ? await tx.material.findUnique({ where: { key: record.substrate } }) : null;
      if (record.substrate && !substrate) refuse(['input', 'substrateKey'], `unknown material "${record.substrate}"`, 'UNKNOWN_REFERENCE');
      const coating = record.coating ? await tx.coating.findUnique({ where: { key: record.coating } }) : null;
      if (record.coating && !coating) refuse(['input', 'coatingKey'], `unknown coating "${record.coating}"`, 'UNKNOWN_REFERENCE');
      const row = await tx.material.create({
        data: {
          key: record.key, name: record.name, formula: record.formula, elements: composition!.elements, nelements: composition!.elements.length,
          chemicalFormulaReduced: chemicalFormulaReduced(composition!.amounts), workingIon: record.workingIon, familyKey: record.family,
          role: enumValue(record.role) as never, materialsProjectId: toNull(record.materialsProjectId), description: toNull(record.description),
          paperId: paper.id, locator: record.locator, substrateId: substrate?.id ?? null, coatingId: coating?.id ?? null, curatedBy: curator,
        },
      });
      await event(tx, { action: 'ADD_MATERIAL', entityType: 'Material', entityId: row.id, curator, after: { ...record, paperDoi: paper.doi } });
      return { material: row };
    });
  });
}

type FactInput = Record<string, unknown> & { paperDoi: string; materialKey: string; structureKey?: string | null; property: string; unit: string };

/** Reference, property, unit and range checks shared by measurements and computed properties. */
async function checkFact(tx: Prisma.TransactionClient, record: { property: string; unit: string; value?: number; textValue?: string; valueMax?: number; qualifier: string; site?: string }, input: FactInput, warnings: CurationError[]) {
  const paper = await paperByDoi(tx, input.paperDoi, ['input', 'paperDoi']);
  const material = (await tx.material.findUnique({ where: { key: input.materialKey } })) ?? refuse(['input', 'materialKey'], `unknown material "${input.materialKey}"`, 'UNKNOWN_REFERENCE');
  let structureId: number | null = null;
  if (input.structureKey) {
    const structure = (await tx.structure.findUnique({ where: { key: input.structureKey } })) ?? refuse(['input', 'structureKey'], `unknown structure "${input.structureKey}"`, 'UNKNOWN_REFERENCE');
    if (structure.materialId !== material.id) refuse(['input', 'structureKey'], `structure "${input.structureKey}" belongs to another material`, 'UNKNOWN_REFERENCE');
    structureId = structure.id;
  }
  const property = (await tx.propertyKey.findUnique({ where: { key: record.property } })) ??
    refuse(['input', 'property'], unknownPropertyMessage(record.property, (await tx.propertyKey.findMany({ select: { key: true } })).map((k) => k.key)), 'UNKNOWN_PROPERTY');
  checkUnit(record.unit, property.canonicalUnit, ['input', 'unit']);
  const siteIssue = siteRefusal(property, record.site);
  if (siteIssue) refuse(['input', 'site'], siteIssue, 'INVALID');
  if (property.valueType === 'NUMBER' && record.value === undefined) refuse(['input', 'value'], `property "${record.property}" needs a numeric value`, 'INVALID');
  if (property.valueType === 'TEXT' && record.textValue === undefined) refuse(['input', 'textValue'], `property "${record.property}" needs a textValue`, 'INVALID');
  if ((record.qualifier === 'range') !== (record.valueMax !== undefined)) refuse(['input', 'valueMax'], 'a range has qualifier RANGE and both value and valueMax', 'INVALID');
  if (record.valueMax !== undefined && record.value !== undefined && record.valueMax < record.value) refuse(['input', 'valueMax'], 'valueMax is smaller than value', 'INVALID');
  const canonicalValue = record.value === undefined ? null : convertValue(record.value, record.unit, property.canonicalUnit);
  if (canonicalValue !== null) checkValueRange(property, canonicalValue, ['input', 'value'], warnings);
  if (record.valueMax !== undefined) checkValueRange(property, convertValue(record.valueMax, record.unit, property.canonicalUnit), ['input', 'valueMax'], warnings);
  return { paper, material, structureId, canonicalValue };
}

function checkUnit(unit: string, canonical: string, path: string[]) {
  if (!isKnownUnit(unit)) refuse(path, unknownUnitMessage(unit, canonical), 'UNKNOWN_UNIT');
  if (!unitsCompatible(unit, canonical)) refuse(path, `unit "${unit}" cannot be converted to the property's canonical unit "${canonical}"`, 'UNKNOWN_UNIT');
}

function factRecord(input: FactInput) {
  const { paperDoi: _p, materialKey, structureKey, qualifier, origin, conditions, conditionSources, methodKey, ...rest } = dropNulls(input) as Record<string, unknown>;
  const conds = dropNulls(conditions as Record<string, unknown> | null);
  if (conds.cellType) conds.cellType = seedEnum(conds.cellType as string);
  // The input's list of { field, … } becomes the seed format's map keyed by field.
  const fields = (conditionSources as { field: string }[] | undefined)?.map((c) => c.field) ?? [];
  const twice = fields.find((f, i) => fields.indexOf(f) !== i);
  if (twice) refuse(['input', 'conditionSources'], `condition "${twice}" is listed twice`, 'INVALID');
  const sources = (conditionSources as { field: string; origin?: string | null }[] | undefined)?.map(({ field, origin: o, ...at }) => [field, { ...dropNulls(at), origin: seedEnum(o) ?? 'printed' }]);
  return {
    ...rest, material: materialKey, structure: structureKey, qualifier: seedEnum(qualifier as string) ?? 'eq', origin: seedEnum(origin as string) ?? 'printed',
    ...(conditions !== undefined ? { conditions: conds } : {}), ...(sources ? { conditionSources: Object.fromEntries(sources) } : {}), ...(methodKey ? { method: methodKey } : {}),
  };
}

export async function addMeasurement(context: Context, input: FactInput) {
  const curator = requireCurator(context);
  return curate(async (warnings) => {
    const record = parseRecord(measurementSchema, factRecord(input));
    return context.primary.$transaction(async (tx) => {
      const { paper, material, structureId, canonicalValue } = await checkFact(tx, record, input, warnings);
      const print = fingerprint(paper.doi, measurementIdentity(record));
      if (await tx.measurement.findUnique({ where: { fingerprint: print } })) refuse(['input'], 'the same measurement (material, property, site, locator and conditions) is already stored; use correctValue to change its value', 'DUPLICATE');
      const c = record.conditions;
      const row = await tx.measurement.create({
        data: {
          fingerprint: print, materialId: material.id, structureId, paperId: paper.id, canonicalValue, curatedBy: curator, ...factColumns(record),
          ...conditionColumns(c), otherConditions: c.other === undefined ? Prisma.DbNull : (c.other as Prisma.InputJsonValue),
          conditionSources: record.conditionSources === undefined ? Prisma.DbNull : (record.conditionSources as Prisma.InputJsonValue),
        },
      });
      await event(tx, { action: 'ADD_MEASUREMENT', entityType: 'Measurement', entityId: row.id, curator, after: { ...record, paperDoi: paper.doi } as Prisma.InputJsonValue });
      return { measurement: row };
    });
  });
}

export async function addComputedProperty(context: Context, input: FactInput) {
  const curator = requireCurator(context);
  return curate(async (warnings) => {
    const record = parseRecord(computedSchema, factRecord(input));
    return context.primary.$transaction(async (tx) => {
      const { paper, material, structureId, canonicalValue } = await checkFact(tx, record, input, warnings);
      const method = (await tx.computationalMethod.findUnique({ where: { key: record.method } })) ?? refuse(['input', 'methodKey'], `unknown method "${record.method}"`, 'UNKNOWN_REFERENCE');
      const print = fingerprint(paper.doi, computedIdentity(record));
      if (await tx.computedProperty.findUnique({ where: { fingerprint: print } })) refuse(['input'], 'the same computed property is already stored; use correctValue to change its value', 'DUPLICATE');
      const row = await tx.computedProperty.create({
        data: { fingerprint: print, materialId: material.id, structureId, paperId: paper.id, canonicalValue, curatedBy: curator, methodId: method.id, configuration: toNull(record.configuration), ...factColumns(record) },
      });
      await event(tx, { action: 'ADD_COMPUTED_PROPERTY', entityType: 'ComputedProperty', entityId: row.id, curator, after: { ...record, paperDoi: paper.doi } as Prisma.InputJsonValue });
      return { computedProperty: row };
    });
  });
}

/** The Measurement or ComputedProperty a curation input's global ID names; INVALID for anything else. */
function factTarget(id: string, what: string): { type: 'Measurement' | 'ComputedProperty'; id: number } {
  let target: { type: string; id: number };
  try {
    target = fromGlobalId(id);
  } catch {
    return refuse(['input', 'id'], `"${id}" is not a valid ID`, 'INVALID');
  }
  if (target.type !== 'Measurement' && target.type !== 'ComputedProperty') refuse(['input', 'id'], `only a Measurement or ComputedProperty ${what}, not a ${target.type}`, 'INVALID');
  return target as { type: 'Measurement' | 'ComputedProperty'; id: number };
}

/** The table of a fact type (both have the value columns curation touches). */
const factTable = (tx: Prisma.TransactionClient, type: 'Measurement' | 'ComputedProperty') => (type === 'Measurement' ? tx.measurement : tx.computedProperty) as typeof tx.measurement;

/** A float as SQL text: Prisma's parameters keep ~16 significant digits, and MP's values have 17. */
const float = (v: number | null) => (v === null ? null : String(v));

/**
 * Compare-and-set on what was read: the UPDATE (with `data`) or DELETE matches only while the row
 * still holds the value, unit and valueMax read, so a concurrent correction or seed that changed it
 * since makes this match nothing (PostgreSQL re-checks the predicate on the row's newest version).
 * Raw SQL with the numbers as text: through Prisma's typed filter a 17-digit value (every Materials
 * Project value) arrived rounded, matched nothing, and could never be corrected.
 */
async function unchangedSinceRead(
  tx: Prisma.TransactionClient,
  type: 'Measurement' | 'ComputedProperty',
  row: { id: number; value: number | null; unit: string; valueMax: number | null },
  data?: { value: number; unit: string; canonicalValue: number; valueMax: number | null; correctedAt: Date },
): Promise<number> {
  const predicate = `"id" = $1 AND "value" IS NOT DISTINCT FROM $2::double precision AND "unit" = $3 AND "valueMax" IS NOT DISTINCT FROM $4::double precision`;
  const read = [row.id, float(row.value), row.unit, float(row.valueMax)];
  if (!data) return tx.$executeRawUnsafe(`DELETE FROM "${type}" WHERE ${predicate}`, ...read);
  return tx.$executeRawUnsafe(
    `UPDATE "${type}" SET "value" = $5::double precision, "unit" = $6, "canonicalValue" = $7::double precision, "valueMax" = $8::double precision, "correctedAt" = $9::timestamp(3) WHERE ${predicate}`,
    ...read, float(data.value), data.unit, float(data.canonicalValue), float(data.valueMax), data.correctedAt.toISOString(),
  );
}

export async function correctValue(context: Context, input: { id: string; value: number; unit?: string | null; expectedValue: number; reason: string }) {
  const curator = requireCurator(context);
  return curate(async (warnings) => {
    const target = factTarget(input.id, 'value can be corrected');
    if (!Number.isFinite(input.value)) refuse(['input', 'value'], 'the value must be a finite number', 'INVALID');
    if (input.reason.trim().length < 3) refuse(['input', 'reason'], 'say why the value changes (kept in the history)', 'INVALID');
    return context.primary.$transaction(async (tx) => {
      const table = factTable(tx, target.type);
      const row = (await table.findUnique({ where: { id: target.id } })) ?? refuse(['input', 'id'], `no ${target.type} with this ID`, 'NOT_FOUND');
      if (row.value === null) refuse(['input', 'id'], 'this fact has a text value, not a number', 'INVALID');
      if (row.value !== input.expectedValue) conflict(row);
      const unit = input.unit ?? row.unit;
      const property = (await tx.propertyKey.findUnique({ where: { key: row.propertyKey } }))!;
      checkUnit(unit, property.canonicalUnit, ['input', 'unit']);
      checkValueRange(property, convertValue(input.value, unit, property.canonicalUnit), ['input', 'value'], warnings);
      if (row.valueMax !== null && convertValue(row.valueMax, row.unit, unit) < input.value) refuse(['input', 'value'], 'the value would exceed the stored valueMax of this range', 'INVALID');
      const before = { value: row.value, unit: row.unit, canonicalValue: row.canonicalValue };
      const after = { value: input.value, unit, canonicalValue: convertValue(input.value, unit, property.canonicalUnit) };
      const data = { ...after, valueMax: row.valueMax === null ? null : convertValue(row.valueMax, row.unit, unit), correctedAt: new Date() };
      // Compare-and-set on what was read: a concurrent correction or seed that changed the row since
      // makes this match nothing (PostgreSQL re-checks the predicate on the row's newest version), so
      // `before` is always the value replaced and the history stays one chain.
      const count = await unchangedSinceRead(tx, target.type, row, data);
      if (count === 0) conflict((await table.findUnique({ where: { id: row.id } })) ?? refuse(['input', 'id'], `the ${target.type} was removed meanwhile`, 'NOT_FOUND'));
      const corrected = (await table.findUnique({ where: { id: row.id } }))!;
      const ev = await event(tx, { action: 'CORRECT_VALUE', entityType: target.type, entityId: row.id, curator, reason: input.reason.trim(), before, after });
      return { corrected: { ...corrected, __typename: target.type }, event: ev };
    });
  });
}

/**
 * Withdraw a wrong fact. The row goes (nothing else references a fact row); the RETRACT_FACT event
 * keeps all of it in `before`, fingerprint included, and the seed loader skips that fingerprint,
 * so the next `npm run seed` or ingest does not bring it back from the files.
 */
export async function retractFact(context: Context, input: { id: string; expectedValue?: number | null; reason: string }) {
  const curator = requireCurator(context);
  return curate(async () => {
    const target = factTarget(input.id, 'can be retracted');
    if (input.reason.trim().length < 3) refuse(['input', 'reason'], 'say why the fact is wrong (kept in the history)', 'INVALID');
    return context.primary.$transaction(async (tx) => {
      const table = factTable(tx, target.type);
      const row = (await table.findUnique({ where: { id: target.id } })) ?? refuse(['input', 'id'], `no ${target.type} with this ID (already retracted?)`, 'NOT_FOUND');
      if ((input.expectedValue ?? null) !== row.value) conflict(row);
      // Compare-and-delete on what was read, as correctValue does: a correction that committed
      // meanwhile makes this match nothing, and the curator is told the current value.
      const count = await unchangedSinceRead(tx, target.type, row);
      if (count === 0) conflict((await table.findUnique({ where: { id: row.id } })) ?? refuse(['input', 'id'], `the ${target.type} was removed meanwhile`, 'NOT_FOUND'));
      const ev = await event(tx, { action: 'RETRACT_FACT', entityType: target.type, entityId: row.id, curator, reason: input.reason.trim(), before: JSON.parse(JSON.stringify(row)) as Prisma.InputJsonValue });
      return { retractedId: input.id, event: ev };
    });
  });
}

/** The value changed since the curator read it: refuse with the current one, which they can re-check and correct. */
function conflict(current: { value: number | null; unit: string }): never {
  throw new Refused([{
    path: ['input', 'expectedValue'],
    message: `the stored value is now ${current.value} ${current.unit}, not the expectedValue given (someone corrected or re-seeded it meanwhile); check it and send the current value as expectedValue`,
    code: 'CONFLICT',
    current: { value: current.value, unit: current.unit },
  }]);
}
