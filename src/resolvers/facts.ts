/**
 * The facts connection (Query.facts) and the Fact fields shared by Measurement and
 * ComputedProperty: kind, and value/valueMax/uncertainty in a requested unit. The same filter and
 * page reader serve GET /export/facts.* (src/web/export.ts), which walks the pages to the end.
 */
import type { ComputedProperty, Measurement, Prisma } from '@prisma/client';
import type { FactFilter } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { paperDoiKey } from '../db/loaders.js';
import { ErrorCode, UserInputError } from '../errors.js';
import { fromFactCursor, toFactCursor, type FactCursor } from '../ids.js';
import { convertValue, isKnownUnit, unitsCompatible } from '../units.js';
import { materialWhere, requireProperties } from './filters.js';
import { MAX_PAGE_SIZE } from './pagination.js';

export type FactRow = (Measurement & { __typename: 'Measurement' }) | (ComputedProperty & { __typename: 'ComputedProperty' });

/** Where clauses per table; null: the filter leaves that kind out entirely. */
export interface FactWheres {
  measured: Prisma.MeasurementWhereInput | null;
  computed: Prisma.ComputedPropertyWhereInput | null;
}

export interface FactConnectionParent {
  rows: FactRow[];
  wheres: FactWheres;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

const isSet = (value: unknown) => value !== null && value !== undefined;

/** Validates a FactFilter (unknown property, paper, material or method keys are errors) into where clauses. */
export async function factWheres(context: Context, filter: FactFilter | null | undefined): Promise<FactWheres> {
  const f = filter ?? {};
  const kind = f.kind ?? 'ANY';
  const and: Prisma.MeasurementWhereInput[] = [];
  if (f.properties?.length) {
    await requireProperties(context, f.properties, 'filter.properties');
    and.push({ propertyKey: { in: [...f.properties] } });
  }
  if (f.material) and.push({ material: await materialWhere(context, f.material) });
  if (f.materialKeys?.length) {
    const found = await context.loaders.materialByKey.loadMany(f.materialKeys);
    const unknown = f.materialKeys.filter((_, i) => !found[i] || found[i] instanceof Error);
    if (unknown.length > 0) throw new UserInputError(`unknown material key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`, ErrorCode.BAD_USER_INPUT, 'filter.materialKeys');
    and.push({ materialId: { in: found.map((m) => (m as { id: number }).id) } });
  }
  if (f.paperDoi) {
    const paper = await context.loaders.paperByDoi.load(paperDoiKey(f.paperDoi));
    if (!paper) throw new UserInputError(`no paper with DOI "${f.paperDoi}"; query papers for the stored DOIs`, ErrorCode.BAD_USER_INPUT, 'filter.paperDoi');
    and.push({ paperId: paper.id });
  }
  if (f.locator) and.push({ locator: f.locator });

  let computed: Prisma.ComputedPropertyWhereInput | null = kind === 'MEASURED' ? null : { AND: [...(and as Prisma.ComputedPropertyWhereInput[])] };
  let measured: Prisma.MeasurementWhereInput | null = kind === 'COMPUTED' ? null : { AND: [...and] };
  if (f.method) {
    const method = await context.loaders.methodByKey.load(f.method);
    if (!method) throw new UserInputError(`unknown method "${f.method}"`, ErrorCode.BAD_USER_INPUT, 'filter.method');
    measured = null;
    if (computed) computed = { AND: [computed, { methodId: method.id }] };
  }
  const c = f.conditions;
  if (c && Object.values(c).some(isSet)) {
    computed = null;
    if (measured) {
      const range = (r: { min?: number | null; max?: number | null } | null | undefined) => (r ? { ...(isSet(r.min) ? { gte: r.min! } : {}), ...(isSet(r.max) ? { lte: r.max! } : {}) } : undefined);
      measured = {
        AND: [
          measured,
          {
            ...(c.temperatureC ? { temperatureC: range(c.temperatureC) } : {}),
            ...(c.cRate ? { cRate: range(c.cRate) } : {}),
            ...(isSet(c.cycleNumber) ? { cycleNumber: c.cycleNumber! } : {}),
            ...(c.cellType ? { cellType: c.cellType } : {}),
            ...(c.state ? { state: { contains: c.state, mode: 'insensitive' as const } } : {}),
            ...(c.technique ? { technique: { equals: c.technique, mode: 'insensitive' as const } } : {}),
          },
        ],
      };
    }
  }
  return { measured, computed };
}

/**
 * Up to `size` facts after `after` (measurements by id, then computed properties by id), and
 * whether more follow: at most two statements, each on an index of the table's id.
 */
export async function readFacts({ prisma }: Context, wheres: FactWheres, size: number, after?: FactCursor): Promise<{ rows: FactRow[]; hasMore: boolean }> {
  const rows: FactRow[] = [];
  if (wheres.measured && after?.kind !== 'COMPUTED') {
    const where = after ? { AND: [wheres.measured, { id: { gt: after.id } }] } : wheres.measured;
    const found = await prisma.measurement.findMany({ where, orderBy: { id: 'asc' }, take: size + 1 });
    if (found.length > size) return { rows: found.slice(0, size).map((r) => ({ ...r, __typename: 'Measurement' as const })), hasMore: true };
    rows.push(...found.map((r) => ({ ...r, __typename: 'Measurement' as const })));
  }
  if (wheres.computed) {
    const remaining = size - rows.length;
    const where = after?.kind === 'COMPUTED' ? { AND: [wheres.computed, { id: { gt: after.id } }] } : wheres.computed;
    const found = await prisma.computedProperty.findMany({ where, orderBy: { id: 'asc' }, take: remaining + 1 });
    rows.push(...found.slice(0, remaining).map((r) => ({ ...r, __typename: 'ComputedProperty' as const })));
    return { rows, hasMore: found.length > remaining };
  }
  return { rows, hasMore: false };
}

export const factCursor = (row: FactRow) => toFactCursor({ kind: row.__typename === 'Measurement' ? 'MEASURED' : 'COMPUTED', id: row.id });

export async function pageOfFacts(context: Context, filter: FactFilter | null | undefined, first: number, after: string | null | undefined): Promise<FactConnectionParent> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new UserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}; GET /export/facts.csv streams any number of facts`, ErrorCode.PAGE_SIZE_EXCEEDED, 'first');
  }
  const cursor = after == null ? undefined : fromFactCursor(after);
  const wheres = await factWheres(context, filter);
  const { rows, hasMore } = await readFacts(context, wheres, first, cursor);
  return { rows, wheres, hasNextPage: hasMore, hasPreviousPage: cursor !== undefined };
}

/** A stored number in `unit` (validated against the stored unit); `difference` converts an interval (uncertainty). */
export function factNumber(row: { unit: string; propertyKey: string }, value: number | null, unit: string | null | undefined, difference = false): number | null {
  if (!unit || unit === row.unit) return value;
  if (!isKnownUnit(unit)) throw new UserInputError(`unknown unit "${unit}"`, ErrorCode.UNKNOWN_UNIT, 'unit');
  if (!unitsCompatible(row.unit, unit)) throw new UserInputError(`cannot express ${row.propertyKey} (stored in ${row.unit}) in "${unit}": they measure different quantities`, ErrorCode.UNKNOWN_UNIT, 'unit');
  if (value === null) return null;
  return difference ? convertValue(value, row.unit, unit) - convertValue(0, row.unit, unit) : convertValue(value, row.unit, unit);
}

const factFields = <K extends 'MEASURED' | 'COMPUTED'>(kind: K) => ({
  kind: () => kind,
  value: (row: Measurement | ComputedProperty, { unit }: { unit?: string | null }) => factNumber(row, row.value, unit),
  valueMax: (row: Measurement | ComputedProperty, { unit }: { unit?: string | null }) => factNumber(row, row.valueMax, unit),
  uncertainty: (row: Measurement | ComputedProperty, { unit }: { unit?: string | null }) => factNumber(row, row.uncertainty, unit, true),
});

export const factResolvers = {
  Query: {
    facts: (_root: unknown, { filter, first, after }: { filter?: FactFilter | null; first?: number | null; after?: string | null }, context: Context) =>
      pageOfFacts(context, filter, first ?? 20, after),
  },
  Fact: {
    __resolveType: (row: Measurement | ComputedProperty) => ('methodId' in row ? 'ComputedProperty' : 'Measurement'),
  },
  FactConnection: {
    edges: (parent: FactConnectionParent) => parent.rows.map((node) => ({ cursor: factCursor(node), node })),
    pageInfo: (parent: FactConnectionParent) => ({
      hasNextPage: parent.hasNextPage,
      hasPreviousPage: parent.hasPreviousPage,
      startCursor: parent.rows[0] ? factCursor(parent.rows[0]) : null,
      endCursor: parent.rows.length > 0 ? factCursor(parent.rows[parent.rows.length - 1]!) : null,
    }),
    totalCount: async (parent: FactConnectionParent, _args: unknown, { prisma }: Context) =>
      (parent.wheres.measured ? await prisma.measurement.count({ where: parent.wheres.measured }) : 0) +
      (parent.wheres.computed ? await prisma.computedProperty.count({ where: parent.wheres.computed }) : 0),
  },
  Measurement: factFields('MEASURED'),
  ComputedProperty: factFields('COMPUTED'),
};
