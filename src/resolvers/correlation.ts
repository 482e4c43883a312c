/**
 * Query.correlation: pick one value per material on each axis (validated against the vocabulary,
 * converted to one unit), then hand the points to derive/correlation. A constant number of SQL
 * statements whatever the number of materials; only the columns the statistics need are read, and
 * the materials of points, exclusions and gaps are loaded (in one batch) only when asked for.
 */
import type { ComputedProperty, Material, Measurement, Prisma } from '@prisma/client';
import pLimit from 'p-limit';
import type { CorrelationAxis, QueryCorrelationArgs, Resolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { correlate, type CorrelationResult } from '../derive/correlation.js';
import { ErrorCode, UserInputError } from '../errors.js';
import { unknownUnitMessage } from '../suggest.js';
import { isKnownUnit, unitsCompatible } from '../units.js';
import { requireKnownFamily, materialWhere, requireProperties } from './filters.js';
import { valueIn } from './derived-support.js';

/** The columns of a fact the correlation uses (values, units, where they are printed, what they are about). */
const FACT_COLUMNS = { id: true, materialId: true, value: true, unit: true, paperId: true, locator: true, site: true } as const;
type Fact = Pick<Measurement | ComputedProperty, keyof typeof FACT_COLUMNS> & ({ kind: 'MEASURED' } | { kind: 'COMPUTED'; configuration: string | null });

/** A material of the correlation: only what the statistics need; the rest is loaded when asked for. */
type MaterialRef = Pick<Material, 'id' | 'key'>;

export interface CorrelationPointParent {
  materialId: number;
  x: number;
  y: number;
  residual: number | null;
  xSource: { paperId: number; locator: string };
  ySource: { paperId: number; locator: string };
}

export interface CorrelationParent extends Omit<CorrelationResult, 'residuals'> {
  xUnit: string;
  yUnit: string;
  points: CorrelationPointParent[];
  excludedIds: number[];
  missingIds: number[];
}

/**
 * The facts of one axis for the materials matching `materials` (the correlation's filter, applied
 * in SQL as a relation filter rather than a list of ids, which would grow with the family and
 * hit the bind-parameter limit); facts of excluded materials are read but never used.
 */
async function axisValues(context: Context, axis: CorrelationAxis, name: 'x' | 'y', materials: Prisma.MaterialWhereInput) {
  const units = await requireProperties(context, [axis.property], `${name}.property`);
  const unit = axis.unit ?? units.get(axis.property)!;
  if (!isKnownUnit(unit)) throw new UserInputError(unknownUnitMessage(unit, units.get(axis.property)), ErrorCode.UNKNOWN_UNIT, `${name}.unit`);
  if (!unitsCompatible(unit, units.get(axis.property)!)) throw new UserInputError(`"${unit}" is not a unit of ${axis.property} (canonical ${units.get(axis.property)})`, ErrorCode.UNKNOWN_UNIT, `${name}.unit`);
  let methodId: number | undefined;
  if (axis.method) {
    methodId = (await context.loaders.methodByKey.load(axis.method))?.id;
    if (methodId === undefined) throw new UserInputError(`unknown method "${axis.method}"`, ErrorCode.BAD_USER_INPUT, `${name}.method`);
  }
  const where = { propertyKey: axis.property, material: materials, value: { not: null }, ...(axis.site != null ? { site: axis.site } : {}), ...(axis.locator != null ? { locator: axis.locator } : {}), ...(axis.alkaliContent != null ? { structure: { alkaliContent: axis.alkaliContent } } : {}) };
  const kind = axis.kind ?? 'ANY';
  const facts: Fact[] = [];
  if (kind !== 'MEASURED') {
    const rows = await context.prisma.computedProperty.findMany({ where: { ...where, ...(methodId !== undefined ? { methodId } : {}) }, select: { ...FACT_COLUMNS, configuration: true }, orderBy: { id: 'asc' } });
    // Tagged in place (the rows are this request's own): no copy of tens of thousands of rows.
    for (const r of rows) facts.push(Object.assign(r, { kind: 'COMPUTED' as const }));
  }
  if (kind !== 'COMPUTED' && methodId === undefined) {
    const rows = await context.prisma.measurement.findMany({ where, select: FACT_COLUMNS, orderBy: { id: 'asc' } });
    for (const r of rows) facts.push(Object.assign(r, { kind: 'MEASURED' as const }));
  }
  const byMaterial = new Map<number, Fact[]>();
  for (const f of facts) {
    const list = byMaterial.get(f.materialId);
    if (list) list.push(f);
    else byMaterial.set(f.materialId, [f]);
  }
  return { unit, byMaterial };
}

/** One value per material; several different values is ambiguous and the caller must narrow the axis. */
function single(facts: Fact[], unit: string, material: MaterialRef, axis: CorrelationAxis, name: string): { fact: Fact; converted: number } {
  const converted = facts.map((fact) => ({ fact, converted: valueIn(fact, unit)! }));
  if (converted.length > 1 && new Set(converted.map((f) => f.converted)).size > 1) {
    const list = converted.map(({ fact: f, converted: v }) => `${v} (${f.locator}${f.site ? `, ${f.site}` : ''}${f.kind === 'COMPUTED' && f.configuration ? `, ${f.configuration}` : ''})`).join('; ');
    throw new UserInputError(
      `${material.key} has ${converted.length} different ${axis.property} values on axis ${name}: ${list}. Narrow the axis with locator, site, method, kind or alkaliContent.`,
      ErrorCode.BAD_USER_INPUT,
      name,
    );
  }
  return converted[0]!;
}

/**
 * A correlation holds every fact of both axes of its materials at once (a whole family: tens of
 * thousands of rows at 100k materials, about 100 MB of objects while it runs). At most this many
 * run at the same time in one process; the others wait for a slot. The work is mostly JavaScript
 * on the one event-loop thread, so waiting costs little throughput, while eight at once needed
 * over 1 GB of heap in the 100k benchmark.
 */
export const MAX_CONCURRENT_CORRELATIONS = 2;
// p-limit queues in arrival order and hands a freed slot to the oldest waiter (a hand-written
// semaphore that let newcomers take a freed slot starved some requests for 20+ s at 100k).
export const withCorrelationSlot = pLimit(MAX_CONCURRENT_CORRELATIONS);

export function correlation(context: Context, args: QueryCorrelationArgs): Promise<CorrelationParent> {
  return withCorrelationSlot(() => computeCorrelation(context, args));
}

async function computeCorrelation(context: Context, args: QueryCorrelationArgs): Promise<CorrelationParent> {
  const filter = await materialWhere(context, args.filter);
  const materials = await context.prisma.material.findMany({ where: filter, select: { id: true, key: true }, orderBy: { id: 'asc' } });
  if (materials.length === 0) await requireKnownFamily(context, args.filter);
  const excludeKeys = new Set(args.exclude ?? []);
  if (excludeKeys.size > 0) {
    const known = await context.loaders.materialByKey.loadMany([...excludeKeys]);
    const unknown = [...excludeKeys].filter((_, i) => !known[i] || known[i] instanceof Error);
    if (unknown.length) throw new UserInputError(`unknown material key${unknown.length > 1 ? 's' : ''} in exclude: ${unknown.join(', ')}`, ErrorCode.BAD_USER_INPUT, 'exclude');
  }
  const included = materials.filter((m) => !excludeKeys.has(m.key));
  const [x, y] = await Promise.all([axisValues(context, args.x, 'x', filter), axisValues(context, args.y, 'y', filter)]);
  const points: CorrelationParent['points'] = [];
  const labels: string[] = [];
  const missingIds: number[] = [];
  for (const m of included) {
    const xs = x.byMaterial.get(m.id);
    const ys = y.byMaterial.get(m.id);
    if (!xs || !ys) {
      missingIds.push(m.id);
      continue;
    }
    const px = single(xs, x.unit, m, args.x, 'x');
    const py = single(ys, y.unit, m, args.y, 'y');
    points.push({ materialId: m.id, x: px.converted, y: py.converted, residual: null, xSource: { paperId: px.fact.paperId, locator: px.fact.locator }, ySource: { paperId: py.fact.paperId, locator: py.fact.locator } });
    labels.push(m.key);
  }
  const result = correlate(points.map((p, i) => ({ label: labels[i]!, x: p.x, y: p.y })));
  points.forEach((p, i) => (p.residual = result.residuals[i]!));
  return {
    n: result.n,
    pearsonR: result.pearsonR,
    spearmanRho: result.spearmanRho,
    slope: result.slope,
    intercept: result.intercept,
    rSquared: result.rSquared,
    xUnit: x.unit,
    yUnit: y.unit,
    points,
    excludedIds: materials.filter((m) => excludeKeys.has(m.key)).map((m) => m.id),
    missingIds,
    notes: [...result.notes, ...(missingIds.length ? [`${missingIds.length} material${missingIds.length > 1 ? 's' : ''} without a value on both axes left out`] : [])],
  };
}

/** Materials of a correlation by id, in order, through the request's loader (one statement for all). */
async function materialsById(context: Context, ids: number[]): Promise<Material[]> {
  return (await context.loaders.materialById.loadMany(ids)).filter((m): m is Material => m !== null && !(m instanceof Error));
}

/** The materials of points, exclusions and gaps are loaded only when the query asks for them. */
export const correlationResolvers: Resolvers = {
  Correlation: {
    excluded: (c, _args, context) => materialsById(context, c.excludedIds),
    missing: (c, _args, context) => materialsById(context, c.missingIds),
  },
  CorrelationPoint: {
    material: async (p, _args, { loaders }) => (await loaders.materialById.load(p.materialId))!,
  },
};
