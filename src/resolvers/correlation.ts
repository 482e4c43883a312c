/**
 * Query.correlation: pick one value per material on each axis (validated against the vocabulary,
 * converted to one unit), then hand the points to derive/correlation. A constant number of SQL
 * statements whatever the number of materials; only the columns the statistics need are read, and
 * the materials of points, exclusions and gaps are loaded (in one batch) only when asked for.
 */
import type { ComputedProperty, Material, Measurement, Prisma } from '@prisma/client';
import pLimit from 'p-limit';
import type { CorrelationAxis, MaterialFilter, QueryCorrelationArgs, Resolvers } from '../__generated__/resolvers-types.js';
import { sqlOf, type Context } from '../context.js';
import { correlate, type CorrelationResult } from '../derive/correlation.js';
import { ErrorCode, UserInputError } from '../errors.js';
import { unknownUnitMessage } from '../suggest.js';
import { isKnownUnit, unitsCompatible } from '../units.js';
import { NotCompilable } from '../read/compile.js';
import { materialFilterSql } from '../read/index.js';
import { requireKnownFamily, materialWhere, requireProperties } from './filters.js';
import { valueIn } from './derived-support.js';

/** What the correlation reads of a fact: its value and unit, where it is printed, what it is about. */
type Fact = Pick<Measurement | ComputedProperty, 'materialId' | 'value' | 'unit' | 'paperId' | 'locator' | 'site'> & ({ kind: 'MEASURED' } | { kind: 'COMPUTED'; configuration: string | null });

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

/** An axis checked against the vocabulary: its unit, and its method's id when it names one. */
async function checkedAxis(context: Context, axis: CorrelationAxis, name: 'x' | 'y') {
  const units = await requireProperties(context, [axis.property], `${name}.property`);
  const unit = axis.unit ?? units.get(axis.property)!;
  if (!isKnownUnit(unit)) throw new UserInputError(unknownUnitMessage(unit, units.get(axis.property)), ErrorCode.UNKNOWN_UNIT, `${name}.unit`);
  if (!unitsCompatible(unit, units.get(axis.property)!)) throw new UserInputError(`"${unit}" is not a unit of ${axis.property} (canonical ${units.get(axis.property)})`, ErrorCode.UNKNOWN_UNIT, `${name}.unit`);
  let methodId: number | undefined;
  if (axis.method) {
    methodId = (await context.loaders.methodByKey.load(axis.method))?.id;
    if (methodId === undefined) throw new UserInputError(`unknown method "${axis.method}"`, ErrorCode.BAD_USER_INPUT, `${name}.method`);
  }
  return { axis, unit, methodId };
}
type CheckedAxis = Awaited<ReturnType<typeof checkedAxis>>;

/** A fact as the database sends it: [materialId, value, unit, paperId, locator, site, configuration]. */
type FactTuple = [number, number, string, number, string, string | null, string | null];

/**
 * One axis's facts of the chosen materials (`chosen`: conditions on the material row `a`) as JSON
 * lists built by the database, computed and measured, each in id order; `'[]'` for a kind the
 * axis leaves out. Facts of excluded materials are read but never used.
 */
function axisFactsSql({ axis, methodId }: CheckedAxis, chosen: string, param: (value: unknown, cast?: string) => string): [computed: string, measured: string] {
  const where = [`f."propertyKey" = ${param(axis.property)}`, 'f.value IS NOT NULL', chosen];
  if (axis.site != null) where.push(`f.site = ${param(axis.site)}`);
  if (axis.locator != null) where.push(`f.locator = ${param(axis.locator)}`);
  if (axis.alkaliContent != null) where.push(`EXISTS (SELECT 1 FROM "Structure" s WHERE s.id = f."structureId" AND s."alkaliContent" = ${param(axis.alkaliContent, '::float8')})`);
  // Arrays, not objects: a third of the text, and the database builds them faster.
  const facts = (table: string, configuration: string, conditions: string[]) =>
    `(SELECT coalesce(json_agg(json_build_array(f."materialId", f.value, f.unit, f."paperId", f.locator, f.site, ${configuration}) ORDER BY f.id), '[]'::json) FROM "${table}" f JOIN "Material" a ON a.id = f."materialId" WHERE ${conditions.join(' AND ')})`;
  const kind = axis.kind ?? 'ANY';
  const computed = kind === 'MEASURED' ? `'[]'::json` : facts('ComputedProperty', 'f.configuration', methodId === undefined ? where : [...where, `f."methodId" = ${param(methodId, '::int')}`]);
  // A method is a computation's: an axis naming one has no measured facts.
  const measured = kind === 'COMPUTED' || methodId !== undefined ? `'[]'::json` : facts('Measurement', 'NULL', where);
  return [computed, measured];
}

/**
 * The correlation's materials (id order) and both axes' facts in one statement, whatever the
 * family's size: the rows arrive as JSON the database built (parsed once), not as tens of
 * thousands of result rows mapped one by one, which cost several times the server CPU and most
 * of the request's memory at 100k materials. The filter is SQL when src/read compiles it, else
 * the materials' ids from Prisma (`where`, the same filter), sent as one array parameter. Sent as plain SQL: through Prisma's
 * raw queries the statement was compiled anew on every request.
 */
async function readCorrelation(context: Context, filter: MaterialFilter | null | undefined, where: Prisma.MaterialWhereInput, x: CheckedAxis, y: CheckedAxis) {
  const values: unknown[] = [];
  const param = (value: unknown, cast = '') => {
    values.push(value);
    return `$${values.length}${cast}`;
  };
  let chosen: string;
  try {
    chosen = ['true', ...materialFilterSql(filter, values)('a')].join(' AND ');
  } catch (error) {
    if (!(error instanceof NotCompilable)) throw error;
    values.length = 0;
    const ids = await context.prisma.material.findMany({ where, select: { id: true } });
    chosen = `a.id = ANY(${param(ids.map((m) => m.id), '::int[]')})`;
  }
  const [xc, xm] = axisFactsSql(x, chosen, param);
  const [yc, ym] = axisFactsSql(y, chosen, param);
  const text = `SELECT (SELECT coalesce(json_agg(json_build_array(a.id, a.key) ORDER BY a.id), '[]'::json) FROM "Material" a WHERE ${chosen}) AS materials, ${xc} AS xc, ${xm} AS xm, ${yc} AS yc, ${ym} AS ym`;
  type Lists = { materials: [number, string][]; xc: FactTuple[]; xm: FactTuple[]; yc: FactTuple[]; ym: FactTuple[] };
  const [row] = await sqlOf(context).query<Lists>(text, values);
  const { materials, xc: xComputed, xm: xMeasured, yc: yComputed, ym: yMeasured } = row!;
  return { materials: materials.map(([id, key]): MaterialRef => ({ id, key })), x: byMaterial(xComputed, xMeasured), y: byMaterial(yComputed, yMeasured) };
}

/** Facts grouped by material, computed ones first, each in the order read. */
function byMaterial(computed: FactTuple[], measured: FactTuple[]): Map<number, Fact[]> {
  const grouped = new Map<number, Fact[]>();
  const add = (fact: Fact) => {
    const facts = grouped.get(fact.materialId);
    if (facts) facts.push(fact);
    else grouped.set(fact.materialId, [fact]);
  };
  for (const [materialId, value, unit, paperId, locator, site, configuration] of computed) add({ materialId, value, unit, paperId, locator, site, kind: 'COMPUTED', configuration });
  for (const [materialId, value, unit, paperId, locator, site] of measured) add({ materialId, value, unit, paperId, locator, site, kind: 'MEASURED' });
  return grouped;
}

/** One value per material; several different values is ambiguous and the caller must narrow the axis. */
function single(facts: Fact[], unit: string, material: MaterialRef, axis: CorrelationAxis, name: string): { fact: Fact; converted: number } {
  // One fact per material and axis is the usual case: no list to compare.
  if (facts.length === 1) return { fact: facts[0]!, converted: valueIn(facts[0]!, unit)! };
  const converted = facts.map((fact) => ({ fact, converted: valueIn(fact, unit)! }));
  if (new Set(converted.map((f) => f.converted)).size > 1) {
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
  // The checks in the order the answer's errors have always come: filter, family, exclusions, axes.
  const where = await materialWhere(context, args.filter);
  await requireKnownFamily(context, args.filter);
  const excludeKeys = new Set(args.exclude ?? []);
  if (excludeKeys.size > 0) {
    const known = await context.loaders.materialByKey.loadMany([...excludeKeys]);
    const unknown = [...excludeKeys].filter((_, i) => !known[i] || known[i] instanceof Error);
    if (unknown.length) throw new UserInputError(`unknown material key${unknown.length > 1 ? 's' : ''} in exclude: ${unknown.join(', ')}`, ErrorCode.BAD_USER_INPUT, 'exclude');
  }
  const [xAxis, yAxis] = await Promise.all([checkedAxis(context, args.x, 'x'), checkedAxis(context, args.y, 'y')]);
  const { materials, x, y } = await readCorrelation(context, args.filter, where, xAxis, yAxis);
  const included = materials.filter((m) => !excludeKeys.has(m.key));
  const points: CorrelationParent['points'] = [];
  const labels: string[] = [];
  const missingIds: number[] = [];
  for (const m of included) {
    const xs = x.get(m.id);
    const ys = y.get(m.id);
    if (!xs || !ys) {
      missingIds.push(m.id);
      continue;
    }
    const px = single(xs, xAxis.unit, m, args.x, 'x');
    const py = single(ys, yAxis.unit, m, args.y, 'y');
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
    xUnit: xAxis.unit,
    yUnit: yAxis.unit,
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
