/**
 * Query.correlation: pick one value per material on each axis (validated against the vocabulary,
 * converted to one unit), then hand the points to derive/correlation. A constant number of SQL
 * statements whatever the number of materials.
 */
import type { ComputedProperty, Material, Measurement } from '@prisma/client';
import type { CorrelationAxis, QueryCorrelationArgs } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { correlate, type CorrelationResult } from '../derive/correlation.js';
import { ErrorCode, UserInputError } from '../errors.js';
import { isKnownUnit, unitsCompatible } from '../units.js';
import { materialWhere, requireProperties } from './filters.js';
import { valueIn } from './derived-support.js';

type Fact = (Measurement & { kind: 'MEASURED' }) | (ComputedProperty & { kind: 'COMPUTED' });

export interface CorrelationPointParent {
  material: Material;
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
  excluded: Material[];
  missing: Material[];
}

async function axisValues(context: Context, axis: CorrelationAxis, name: 'x' | 'y', materialIds: number[]) {
  const units = await requireProperties(context, [axis.property], `${name}.property`);
  const unit = axis.unit ?? units.get(axis.property)!;
  if (!isKnownUnit(unit)) throw new UserInputError(`unknown unit "${unit}"`, ErrorCode.UNKNOWN_UNIT, `${name}.unit`);
  if (!unitsCompatible(unit, units.get(axis.property)!)) throw new UserInputError(`"${unit}" is not a unit of ${axis.property} (canonical ${units.get(axis.property)})`, ErrorCode.UNKNOWN_UNIT, `${name}.unit`);
  let methodId: number | undefined;
  if (axis.method) {
    methodId = (await context.loaders.methodByKey.load(axis.method))?.id;
    if (methodId === undefined) throw new UserInputError(`unknown method "${axis.method}"`, ErrorCode.BAD_USER_INPUT, `${name}.method`);
  }
  const where = { propertyKey: axis.property, materialId: { in: materialIds }, value: { not: null }, ...(axis.site != null ? { site: axis.site } : {}), ...(axis.locator != null ? { locator: axis.locator } : {}), ...(axis.alkaliContent != null ? { structure: { alkaliContent: axis.alkaliContent } } : {}) };
  const kind = axis.kind ?? 'ANY';
  const facts: Fact[] = [];
  if (kind !== 'MEASURED') facts.push(...(await context.prisma.computedProperty.findMany({ where: { ...where, ...(methodId !== undefined ? { methodId } : {}) }, orderBy: { id: 'asc' } })).map((r) => ({ ...r, kind: 'COMPUTED' as const })));
  if (kind !== 'COMPUTED' && methodId === undefined) facts.push(...(await context.prisma.measurement.findMany({ where, orderBy: { id: 'asc' } })).map((r) => ({ ...r, kind: 'MEASURED' as const })));
  const byMaterial = new Map<number, Fact[]>();
  for (const f of facts) byMaterial.set(f.materialId, [...(byMaterial.get(f.materialId) ?? []), f]);
  return { unit, byMaterial };
}

/** One value per material; several different values is ambiguous and the caller must narrow the axis. */
function single(facts: Fact[], unit: string, material: Material, axis: CorrelationAxis, name: string): Fact & { converted: number } {
  const converted = facts.map((f) => ({ ...f, converted: valueIn(f, unit)! }));
  const distinct = [...new Set(converted.map((f) => f.converted))];
  if (distinct.length > 1) {
    const list = converted.map((f) => `${f.converted} (${f.locator}${f.site ? `, ${f.site}` : ''}${f.kind === 'COMPUTED' && f.configuration ? `, ${f.configuration}` : ''})`).join('; ');
    throw new UserInputError(
      `${material.key} has ${converted.length} different ${axis.property} values on axis ${name}: ${list}. Narrow the axis with locator, site, method, kind or alkaliContent.`,
      ErrorCode.BAD_USER_INPUT,
      name,
    );
  }
  return converted[0]!;
}

export async function correlation(context: Context, args: QueryCorrelationArgs): Promise<CorrelationParent> {
  const materials = await context.prisma.material.findMany({ where: await materialWhere(context, args.filter), orderBy: { id: 'asc' } });
  const excludeKeys = new Set(args.exclude ?? []);
  if (excludeKeys.size > 0) {
    const known = await context.loaders.materialByKey.loadMany([...excludeKeys]);
    const unknown = [...excludeKeys].filter((_, i) => !known[i] || known[i] instanceof Error);
    if (unknown.length) throw new UserInputError(`unknown material key${unknown.length > 1 ? 's' : ''} in exclude: ${unknown.join(', ')}`, ErrorCode.BAD_USER_INPUT, 'exclude');
  }
  const included = materials.filter((m) => !excludeKeys.has(m.key));
  const ids = included.map((m) => m.id);
  const [x, y] = await Promise.all([axisValues(context, args.x, 'x', ids), axisValues(context, args.y, 'y', ids)]);
  const points: CorrelationParent['points'] = [];
  const missing: Material[] = [];
  for (const m of included) {
    const xs = x.byMaterial.get(m.id);
    const ys = y.byMaterial.get(m.id);
    if (!xs || !ys) {
      missing.push(m);
      continue;
    }
    const px = single(xs, x.unit, m, args.x, 'x');
    const py = single(ys, y.unit, m, args.y, 'y');
    points.push({ material: m, x: px.converted, y: py.converted, residual: null, xSource: { paperId: px.paperId, locator: px.locator }, ySource: { paperId: py.paperId, locator: py.locator } });
  }
  const result = correlate(points.map((p) => ({ label: p.material.key, x: p.x, y: p.y })));
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
    excluded: materials.filter((m) => excludeKeys.has(m.key)),
    missing,
    notes: [...result.notes, ...(missing.length ? [`${missing.length} material${missing.length > 1 ? 's' : ''} without a value on both axes left out`] : [])],
  };
}
