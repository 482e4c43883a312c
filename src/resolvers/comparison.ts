/**
 * Cross-source comparison: every stored value of one property for the materials of one reduced
 * formula, from papers and database exports alike, each stating its method, the structure it refers
 * to and the working-ion content range, so unlike values are never silently compared (the NaMO3
 * paper's HSE06 ilmenite NaCrO3, Na1 → Na0.5, beside the Materials Project's mp-1076642_Na, Na1 → Na0).
 * A fixed number of statements whatever the number of values: materials by formula, their facts,
 * then structures, methods, electrodes and sources through the request's loaders.
 */
import type { ComputedProperty, ComputationalMethod, InsertionElectrode, Material, Measurement, Structure } from '@prisma/client';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { electrodeStoichiometry } from '../derive/electrode.js';
import { parseFormula } from '../derive/composition.js';
import { ErrorCode, UserInputError } from '../errors.js';
import { expectGlobalId, toGlobalId } from '../ids.js';
import { convertValue, isKnownUnit, unitsCompatible } from '../units.js';
import { reducedFormulaOf } from './electrode.js';
import { requireProperties } from './filters.js';

export interface PropertyComparisonParent {
  property: string;
  reducedFormula: string;
  unit: string;
  entries: ComparisonEntryParent[];
}

export interface IonContent {
  workingIon: Material['workingIon'] & string;
  discharged: number;
  charged: number;
  text: string;
}

export interface ComparisonEntryParent {
  value: number | null;
  valueMax: number | null;
  unit: string;
  kind: 'COMPUTED' | 'MEASURED';
  factId: string;
  source: { paperId: number; locator: string };
  material: Material;
  electrode: InsertionElectrode | null;
  method: string;
  computationalMethod: ComputationalMethod | null;
  structure: string | null;
  ionContent: IonContent | null;
  basis: string | null;
  note: string | null;
}

const amount = (x: number) => Number(x.toPrecision(6));
const ionText = (ion: string, discharged: number, charged: number) =>
  discharged === charged ? `${ion}${amount(discharged)}` : `${ion}${amount(discharged)} → ${ion}${amount(charged)}`;

/** Structure and ion-content range of a fact: its electrode's formulas, its own structure, or its material's structures. */
function whatItRefersTo(
  fact: { structureId: number | null; configuration?: string | null },
  material: Material,
  electrode: InsertionElectrode | null,
  structures: Structure[],
  formulas: { charge: string; discharge: string } | null,
): Pick<ComparisonEntryParent, 'structure' | 'ionContent' | 'basis'> {
  const ion = material.workingIon;
  if (electrode && formulas) {
    const s = electrodeStoichiometry({ workingIon: electrode.workingIon, formulaCharge: formulas.charge, formulaDischarge: formulas.discharge });
    const discharged = parseFormula(formulas.discharge).amounts[electrode.workingIon] ?? 0;
    const charged = s.chargeScale * (parseFormula(formulas.charge).amounts[electrode.workingIon] ?? 0);
    return {
      structure: `MP framework ${electrode.frameworkId} (${electrode.batteryFormula}), ${formulas.discharge} → ${formulas.charge}`,
      ionContent: { workingIon: electrode.workingIon, discharged, charged, text: ionText(electrode.workingIon, discharged, charged) },
      basis: "the electrode's formulas (per formula unit of the discharged material)",
    };
  }
  const configuration = fact.configuration ? ` (${fact.configuration})` : '';
  const own = fact.structureId === null ? undefined : structures.find((s) => s.id === fact.structureId);
  if (own) {
    return {
      structure: `${own.label}${own.spaceGroupSymbol ? ` ${own.spaceGroupSymbol}` : ''}${configuration}`,
      ionContent: ion && own.alkaliContent !== null ? { workingIon: ion, discharged: own.alkaliContent, charged: own.alkaliContent, text: ionText(ion, own.alkaliContent, own.alkaliContent) } : null,
      basis: "the fact's structure",
    };
  }
  const withContent = structures.filter((s) => s.alkaliContent !== null).sort((a, b) => b.alkaliContent! - a.alkaliContent!);
  if (withContent.length > 0) {
    const [hi, lo] = [withContent[0]!, withContent.at(-1)!];
    const sg = (s: Structure) => s.spaceGroupSymbol ?? s.label;
    return {
      structure: `${hi === lo ? sg(hi) : `${sg(hi)} → ${sg(lo)}`}${configuration}`,
      ionContent: ion ? { workingIon: ion, discharged: hi.alkaliContent!, charged: lo.alkaliContent!, text: ionText(ion, hi.alkaliContent!, lo.alkaliContent!) } : null,
      basis: "the material's structures (the fact names none)",
    };
  }
  return { structure: fact.configuration ?? null, ionContent: null, basis: null };
}

function methodText(method: ComputationalMethod | null, databaseName: string | null): string {
  if (!method) return 'not stated';
  return `${method.kind}${method.functional ? ` ${method.functional}` : ''}${databaseName ? ` (${databaseName})` : ''}`;
}

export async function propertyComparison(
  context: Context,
  args: { property: string; formula?: string | null; materialId?: string | null; unit?: string | null },
): Promise<PropertyComparisonParent> {
  const { prisma, loaders } = context;
  const canonicalUnit = (await requireProperties(context, [args.property], 'property')).get(args.property)!;
  const unit = args.unit ?? canonicalUnit;
  if (!isKnownUnit(unit)) throw new UserInputError(`unknown unit "${unit}"`, ErrorCode.UNKNOWN_UNIT, 'unit');
  if (!unitsCompatible(unit, canonicalUnit)) throw new UserInputError(`${args.property} is in ${canonicalUnit}; "${unit}" cannot express it`, ErrorCode.UNKNOWN_UNIT, 'unit');
  let reducedFormula: string;
  if (args.materialId) {
    const material = await loaders.materialById.load(expectGlobalId(args.materialId, 'Material'));
    if (!material) throw new UserInputError(`no material with id "${args.materialId}"`, ErrorCode.INVALID_ID, 'materialId');
    reducedFormula = material.chemicalFormulaReduced ?? reducedFormulaOf(material.formula, 'materialId');
  } else if (args.formula) reducedFormula = reducedFormulaOf(args.formula, 'formula');
  else throw new UserInputError('give a formula (e.g. "NaCrO3") or a materialId', ErrorCode.BAD_USER_INPUT, 'formula');

  const materials = await loaders.materialsByReducedFormula.load(reducedFormula);
  const ids = materials.map((m) => m.id);
  const [computed, measured] = await Promise.all([
    prisma.computedProperty.findMany({ where: { materialId: { in: ids }, propertyKey: args.property }, orderBy: { id: 'asc' } }),
    prisma.measurement.findMany({ where: { materialId: { in: ids }, propertyKey: args.property }, orderBy: { id: 'asc' } }),
  ]);
  const byId = new Map(materials.map((m) => [m.id, m]));
  const needsStructures = [...new Set([...computed.filter((c) => c.electrodeId === null), ...measured].map((f) => f.materialId))];
  const [structureLists, methods, electrodes, sources] = await Promise.all([
    Promise.all(needsStructures.map((id) => loaders.structuresByMaterialId.load(id))),
    loaders.methodById.loadMany([...new Set(computed.map((c) => c.methodId))]),
    loaders.electrodeById.loadMany([...new Set(computed.flatMap((c) => (c.electrodeId === null ? [] : [c.electrodeId])))]),
    loaders.paperById.loadMany([...new Set([...computed, ...measured].map((f) => f.paperId))]),
  ]);
  const ok = <T,>(rows: (T | Error | null)[]) => rows.filter((r): r is T => r != null && !(r instanceof Error));
  const structuresOf = new Map(needsStructures.map((id, i) => [id, structureLists[i]!]));
  const methodOf = new Map(ok(methods).map((m) => [m.id, m]));
  const electrodeOf = new Map(ok(electrodes).map((e) => [e.id, e]));
  const sourceOf = new Map(ok(sources).map((p) => [p.id, p]));
  // Electrode formulas: the two ends' materials (one more batch).
  const ends = ok(await loaders.materialById.loadMany([...electrodeOf.values()].flatMap((e) => [e.chargedMaterialId, e.dischargedMaterialId])));
  const endOf = new Map(ends.map((m) => [m.id, m]));
  const convert = (value: number | null, from: string) => (value === null ? null : from === unit ? value : convertValue(value, from, unit));

  const entries: ComparisonEntryParent[] = [];
  for (const c of computed) {
    const material = byId.get(c.materialId)!;
    const electrode = c.electrodeId === null ? null : (electrodeOf.get(c.electrodeId) ?? null);
    const source = sourceOf.get(c.paperId);
    const formulas = electrode ? { charge: endOf.get(electrode.chargedMaterialId)!.formula, discharge: endOf.get(electrode.dischargedMaterialId)!.formula } : null;
    const method = methodOf.get(c.methodId) ?? null;
    entries.push({
      value: convert(c.value, c.unit), valueMax: convert(c.valueMax, c.unit), unit, kind: 'COMPUTED', factId: toGlobalId('ComputedProperty', c.id),
      source: { paperId: c.paperId, locator: c.locator }, material, electrode, computationalMethod: method,
      method: methodText(method, source?.kind === 'DATABASE' ? (source.datasetName ?? source.title) : null),
      ...whatItRefersTo(c, material, electrode, structuresOf.get(c.materialId) ?? [], formulas), note: c.note,
    });
  }
  for (const m of measured as Measurement[]) {
    const material = byId.get(m.materialId)!;
    entries.push({
      value: convert(m.value, m.unit), valueMax: convert(m.valueMax, m.unit), unit, kind: 'MEASURED', factId: toGlobalId('Measurement', m.id),
      source: { paperId: m.paperId, locator: m.locator }, material, electrode: null, computationalMethod: null,
      method: `measured${m.technique ? ` (${m.technique})` : ''}`, ...whatItRefersTo({ structureId: m.structureId }, material, null, structuresOf.get(m.materialId) ?? [], null), note: m.note,
    });
  }
  // Papers first, then database values; within a source kind, by value.
  const kindRank = (e: ComparisonEntryParent) => (sourceOf.get(e.source.paperId)?.kind === 'DATABASE' ? 1 : 0);
  entries.sort((a, b) => kindRank(a) - kindRank(b) || (a.value ?? Infinity) - (b.value ?? Infinity));
  return { property: args.property, reducedFormula, unit, entries };
}

export const comparisonResolvers: Resolvers = {
  Query: {
    propertyComparison: (_root, args, context) => propertyComparison(context, args),
  },
  PropertyComparison: {
    property: async (p, _args, { loaders }) => (await loaders.propertyKeyByKey.load(p.property))!,
  },
  Material: {
    sameReducedFormula: async (m, _args, { loaders }) => (m.chemicalFormulaReduced ? (await loaders.materialsByReducedFormula.load(m.chemicalFormulaReduced)).filter((x) => x.id !== m.id) : []),
    comparison: (m, { property, unit }, context) => propertyComparison(context, { property, materialId: toGlobalId('Material', m.id), unit }),
  },
};
