/**
 * Argument handling for filters: validation against the vocabulary (clear errors for unknown
 * properties and units), Prisma `where` for material lists, and in-memory filters for the facts
 * of already-loaded materials (so filtered nested lists add no SQL).
 */
import type { ComputedProperty, FamilyFact, Measurement, Prisma, PropertyKey } from '@prisma/client';
import type {
  ComputedPropertyFilter,
  FamilyFactFilter,
  FloatRange,
  MaterialFilter,
  MeasurementFilter,
} from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { ErrorCode, UserInputError } from '../errors.js';
import { chemicalFormulaReduced, FormulaError, parseFormula } from '../derive/composition.js';
import { unknownFamilyMessage, unknownPropertyMessage, unknownUnitMessage } from '../suggest.js';
import { convertValue, isKnownUnit, UnitError } from '../units.js';
import { paperDoiKey } from '../db/loaders.js';
import { PYMATGEN_ATOMIC_MASS_G_PER_MOL } from '../derive/pymatgen-masses.js';
import { chemicalSystemElements, requireElements } from './electrode.js';

/** Every element symbol (118), for "only these elements" as "none of the others". */
const ALL_ELEMENTS = Object.keys(PYMATGEN_ATOMIC_MASS_G_PER_MOL);

/** Throws UNKNOWN_PROPERTY for any key not in the vocabulary; returns their canonical units. */
export async function requireProperties(context: Context, keys: readonly string[], argument: string): Promise<Map<string, string>> {
  const rows = await context.loaders.propertyKeyByKey.loadMany(keys);
  const units = new Map<string, string>();
  const unknown = keys.find((_, i) => !rows[i] || rows[i] instanceof Error);
  if (unknown !== undefined) {
    // Only on this error path: the whole vocabulary, for the suggestion.
    const known = await context.prisma.propertyKey.findMany({ select: { key: true } });
    throw new UserInputError(unknownPropertyMessage(unknown, known.map((k) => k.key)), ErrorCode.UNKNOWN_PROPERTY, argument);
  }
  keys.forEach((key, i) => units.set(key, (rows[i] as PropertyKey).canonicalUnit));
  return units;
}

export function toCanonical(value: number, unit: string, canonicalUnit: string, argument: string): number {
  if (!isKnownUnit(unit)) throw new UserInputError(unknownUnitMessage(unit, canonicalUnit), ErrorCode.UNKNOWN_UNIT, argument);
  try {
    return convertValue(value, unit, canonicalUnit);
  } catch (error) {
    if (error instanceof UnitError) throw new UserInputError(error.message, ErrorCode.UNKNOWN_UNIT, argument);
    throw error;
  }
}

/**
 * The filter's formula as ingest writes the column: any spelling of the same composition matches
 * (`NaVO3`, `Na2V2O6` → `NaO3V`), since a researcher types formulas as papers print them and
 * an exact-string miss would be a silent empty result.
 */
export function reducedFormula(formula: string): string {
  try {
    return chemicalFormulaReduced(parseFormula(formula).amounts);
  } catch (error) {
    if (error instanceof FormulaError) throw new UserInputError(`chemicalFormulaReduced: ${error.message}`, ErrorCode.BAD_USER_INPUT, 'filter.chemicalFormulaReduced');
    throw error;
  }
}

/**
 * A material filter naming a family that does not exist is refused (UNKNOWN_FAMILY, with the
 * closest known families) instead of answering an empty page. Families seen to exist are kept per
 * client: families are only ever added (by seeding), so a known one needs no statement on later
 * requests and a filtered page stays one statement (src/read).
 */
const knownFamilies = new WeakMap<object, Set<string>>();

export async function requireKnownFamily(context: Context, filter: MaterialFilter | null | undefined): Promise<void> {
  if (!filter?.family) return;
  const known = knownFamilies.get(context.prisma) ?? new Set<string>();
  knownFamilies.set(context.prisma, known);
  if (known.has(filter.family)) return;
  if (await context.loaders.familyByKey.load(filter.family)) {
    known.add(filter.family);
    return;
  }
  const families = await context.prisma.materialFamily.findMany({ select: { key: true, name: true } });
  throw new UserInputError(unknownFamilyMessage(filter.family, families), ErrorCode.UNKNOWN_FAMILY, 'filter.family');
}

export async function materialWhere(context: Context, filter: MaterialFilter | null | undefined): Promise<Prisma.MaterialWhereInput> {
  if (!filter) return {};
  const and: Prisma.MaterialWhereInput[] = [];
  if (filter.elements?.length) {
    for (const element of filter.elements) {
      if (!/^[A-Z][a-z]?$/.test(element)) {
        throw new UserInputError(`"${element}" is not an element symbol (e.g. "Ni")`, ErrorCode.BAD_USER_INPUT, 'filter.elements');
      }
    }
    and.push({ elements: { hasEvery: filter.elements } });
  }
  if (filter.nelements) {
    const { min, max } = filter.nelements;
    if (min != null && max != null && min > max) throw new UserInputError(`nelements: min ${min} is above max ${max}`, ErrorCode.BAD_USER_INPUT, 'filter.nelements');
    and.push({ nelements: { ...(min != null ? { gte: min } : {}), ...(max != null ? { lte: max } : {}) } });
  }
  if (filter.elementsOnly?.length) {
    const allowed = new Set(requireElements(filter.elementsOnly, 'filter.elementsOnly'));
    and.push({ NOT: { elements: { hasSome: ALL_ELEMENTS.filter((e) => !allowed.has(e)) } } });
  }
  if (filter.chemicalSystem) and.push({ elements: { equals: chemicalSystemElements(filter.chemicalSystem, 'filter.chemicalSystem') } });
  if (filter.formulaContains) and.push({ formula: { contains: filter.formulaContains.trim() } });
  if (filter.sourceKind) and.push({ paper: { kind: filter.sourceKind } });
  if (filter.chemicalFormulaReduced) and.push({ chemicalFormulaReduced: reducedFormula(filter.chemicalFormulaReduced) });
  if (filter.workingIon) and.push({ workingIon: filter.workingIon });
  if (filter.family) and.push({ familyKey: filter.family });
  if (filter.role) and.push({ role: filter.role });
  if (filter.hasCoating != null) and.push(filter.hasCoating ? { coatingId: { not: null } } : { coatingId: null });
  if (filter.paperDoi) {
    const paper = { doi: { equals: filter.paperDoi, mode: 'insensitive' as const } };
    and.push({ OR: [{ paper }, { measurements: { some: { paper } } }, { computed: { some: { paper } } }] });
  }
  if (filter.propertyRanges?.length) {
    const units = await requireProperties(context, filter.propertyRanges.map((r) => r.property), 'filter.propertyRanges.property');
    for (const range of filter.propertyRanges) {
      const canonicalUnit = units.get(range.property)!;
      const unit = range.unit ?? canonicalUnit;
      const canonicalValue: Prisma.FloatNullableFilter = {};
      if (range.min != null) canonicalValue.gte = toCanonical(range.min, unit, canonicalUnit, 'filter.propertyRanges.unit');
      if (range.max != null) canonicalValue.lte = toCanonical(range.max, unit, canonicalUnit, 'filter.propertyRanges.unit');
      const fact = { propertyKey: range.property, canonicalValue: range.min == null && range.max == null ? { not: null } : canonicalValue };
      const kind = range.kind ?? 'ANY';
      const options: Prisma.MaterialWhereInput[] = [];
      if (kind !== 'MEASURED') options.push({ computed: { some: fact } });
      if (kind !== 'COMPUTED') options.push({ measurements: { some: fact } });
      and.push({ OR: options });
    }
  }
  return and.length === 0 ? {} : { AND: and };
}

const inRange = (value: number | null, range: FloatRange | null | undefined) =>
  !range || (value != null && (range.min == null || value >= range.min) && (range.max == null || value <= range.max));
const containsText = (value: string | null, needle: string | null | undefined) =>
  !needle || (value != null && value.toLowerCase().includes(needle.toLowerCase()));

export async function filterMeasurements(context: Context, rows: Measurement[], filter: MeasurementFilter | null | undefined): Promise<Measurement[]> {
  if (!filter) return rows;
  if (filter.properties) await requireProperties(context, filter.properties, 'filter.properties');
  const properties = filter.properties ? new Set(filter.properties) : null;
  return rows.filter(
    (m) =>
      (!properties || properties.has(m.propertyKey)) &&
      inRange(m.temperatureC, filter.temperatureC) &&
      inRange(m.cRate, filter.cRate) &&
      (filter.cycleNumber == null || m.cycleNumber === filter.cycleNumber) &&
      (filter.cellType == null || m.cellType === filter.cellType) &&
      containsText(m.state, filter.state) &&
      (!filter.technique || m.technique?.toLowerCase() === filter.technique.toLowerCase()),
  );
}

export async function filterComputed(
  context: Context,
  rows: ComputedProperty[],
  filter: ComputedPropertyFilter | null | undefined,
): Promise<ComputedProperty[]> {
  if (!filter) return rows;
  if (filter.properties) await requireProperties(context, filter.properties, 'filter.properties');
  const properties = filter.properties ? new Set(filter.properties) : null;
  const methodId = filter.method ? (await context.loaders.methodByKey.load(filter.method))?.id : undefined;
  if (filter.method && methodId === undefined) {
    throw new UserInputError(`unknown method "${filter.method}"`, ErrorCode.BAD_USER_INPUT, 'filter.method');
  }
  return rows.filter(
    (c) =>
      (!properties || properties.has(c.propertyKey)) &&
      (methodId === undefined || c.methodId === methodId) &&
      containsText(c.configuration, filter.configuration),
  );
}

export async function filterFamilyFacts(context: Context, rows: FamilyFact[], filter: FamilyFactFilter | null | undefined): Promise<FamilyFact[]> {
  if (!filter) return rows;
  if (filter.properties) await requireProperties(context, filter.properties, 'filter.properties');
  const properties = filter.properties ? new Set(filter.properties) : null;
  const paperId = filter.paperDoi ? (await context.loaders.paperByDoi.load(paperDoiKey(filter.paperDoi)))?.id ?? null : undefined;
  return rows.filter((g) => (!properties || properties.has(g.propertyKey)) && (paperId === undefined || g.paperId === paperId));
}
