/**
 * Insertion electrodes (database exports): the explorer-style list with filters, property sorts and
 * stable cursors (SQL built here from the validated filter: one statement per page, one for the
 * count), the electrode's stored values by field, and its re-derivations beside them.
 */
import { Prisma, type ComputedProperty, type InsertionElectrode } from '@prisma/client';
import type { InsertionElectrodeFilter, PropertyOrder, Resolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { FARADAY_C_PER_MOL, SPECIFIC_ENERGY, VOLUMETRIC_ENERGY } from '../derive/capacity.js';
import { chemicalFormulaReduced, parseFormula } from '../derive/composition.js';
import { ELECTRODE_CAPACITY_FORMULA, rederiveElectrode, relativeDifference, type ElectrodeRederivation } from '../derive/electrode.js';
import { constantInput, derived, derivedInput, unavailable, type Derived } from '../derive/quantity.js';
import { valenceOf } from '../derive/working-ion.js';
import { ErrorCode, UserInputError } from '../errors.js';
import { fromCursor, toCursor, toGlobalId } from '../ids.js';
import { ELECTRODE_VALUES } from '../seed/materials-project.js';
import { computedInput } from './derived-support.js';
import { requireProperties, toCanonical } from './filters.js';
import { checkPageSize, propertySort, toSortCursor } from './pagination.js';

export interface ElectrodeConnectionParent {
  rows: InsertionElectrode[];
  cursors: string[];
  where: Prisma.Sql;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface RederivationParent {
  property: string;
  quantity: string;
  reported: ComputedProperty;
  derived: Derived;
}

const ELEMENT = /^[A-Z][a-z]?$/;

export function requireElements(elements: readonly string[], argument: string): string[] {
  for (const element of elements) {
    if (!ELEMENT.test(element)) throw new UserInputError(`"${element}" is not an element symbol (e.g. "Ni")`, ErrorCode.BAD_USER_INPUT, argument);
  }
  return [...new Set(elements)].sort();
}

/** `Li-Ni-O` → ['Li', 'Ni', 'O']. */
export function chemicalSystemElements(system: string, argument: string): string[] {
  const parts = system.split('-').map((s) => s.trim());
  if (parts.some((p) => p === '')) throw new UserInputError(`chemical system "${system}" must be element symbols joined by "-", e.g. "Li-Ni-O"`, ErrorCode.BAD_USER_INPUT, argument);
  return requireElements(parts, argument);
}

/** A formula as written (`NaCrO3`) or reduced (`CrNaO3`) → its OPTIMADE reduced formula. */
export function reducedFormulaOf(formula: string, argument: string): string {
  try {
    return chemicalFormulaReduced(parseFormula(formula).amounts);
  } catch (error) {
    throw new UserInputError((error as Error).message, ErrorCode.BAD_USER_INPUT, argument);
  }
}

/** SQL conditions on `e` (InsertionElectrode) joined with `c`/`d` (charged/discharged Material). */
async function electrodeConditions(context: Context, filter: InsertionElectrodeFilter | null | undefined): Promise<Prisma.Sql> {
  const and: Prisma.Sql[] = [];
  if (filter?.workingIon) and.push(Prisma.sql`e."workingIon" = ${filter.workingIon}::"WorkingIon"`);
  if (filter?.workingIons?.length) and.push(Prisma.sql`e."workingIon"::text = ANY(${filter.workingIons}::text[])`);
  if (filter?.elements?.length) and.push(Prisma.sql`e."elements" @> ${requireElements(filter.elements, 'filter.elements')}::text[]`);
  if (filter?.elementsOnly?.length) and.push(Prisma.sql`e."elements" <@ ${requireElements(filter.elementsOnly, 'filter.elementsOnly')}::text[]`);
  if (filter?.chemicalSystem) {
    const elements = chemicalSystemElements(filter.chemicalSystem, 'filter.chemicalSystem');
    and.push(Prisma.sql`e."elements" @> ${elements}::text[] AND e."elements" <@ ${elements}::text[]`);
  }
  if (filter?.reducedFormula) {
    const reduced = reducedFormulaOf(filter.reducedFormula, 'filter.reducedFormula');
    and.push(Prisma.sql`(c."chemicalFormulaReduced" = ${reduced} OR d."chemicalFormulaReduced" = ${reduced})`);
  }
  if (filter?.formulaContains) {
    const needle = filter.formulaContains.trim();
    and.push(Prisma.sql`(strpos(c."formula", ${needle}) > 0 OR strpos(d."formula", ${needle}) > 0 OR strpos(e."batteryFormula", ${needle}) > 0)`);
  }
  if (filter?.numSteps) {
    const { min, max } = filter.numSteps;
    if (min != null) and.push(Prisma.sql`e."numSteps" >= ${min}`);
    if (max != null) and.push(Prisma.sql`e."numSteps" <= ${max}`);
  }
  if (filter?.sourceKind) and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Paper" p WHERE p."id" = e."paperId" AND p."kind" = ${filter.sourceKind}::"SourceKind")`);
  if (filter?.propertyRanges?.length) {
    const units = await requireProperties(context, filter.propertyRanges.map((r) => r.property), 'filter.propertyRanges.property');
    for (const range of filter.propertyRanges) {
      const canonicalUnit = units.get(range.property)!;
      const unit = range.unit ?? canonicalUnit;
      const bounds: Prisma.Sql[] = [Prisma.sql`f."canonicalValue" IS NOT NULL`];
      // Bounds as text (Prisma's raw number parameters keep ~16 significant digits).
      if (range.min != null) bounds.push(Prisma.sql`f."canonicalValue" >= ${String(toCanonical(range.min, unit, canonicalUnit, 'filter.propertyRanges.unit'))}::double precision`);
      if (range.max != null) bounds.push(Prisma.sql`f."canonicalValue" <= ${String(toCanonical(range.max, unit, canonicalUnit, 'filter.propertyRanges.unit'))}::double precision`);
      and.push(Prisma.sql`EXISTS (SELECT 1 FROM "ComputedProperty" f WHERE f."electrodeId" = e."id" AND f."propertyKey" = ${range.property} AND ${Prisma.join(bounds, ' AND ')})`);
    }
  }
  return and.length === 0 ? Prisma.sql`TRUE` : Prisma.join(and, ' AND ');
}

const FROM_ELECTRODES = Prisma.sql`"InsertionElectrode" e JOIN "Material" c ON c."id" = e."chargedMaterialId" JOIN "Material" d ON d."id" = e."dischargedMaterialId"`;

export async function pageOfElectrodes(
  context: Context,
  args: { filter?: InsertionElectrodeFilter | null; orderBy?: PropertyOrder | null; first?: number | null; after?: string | null },
): Promise<ElectrodeConnectionParent> {
  const first = args.first ?? 20;
  checkPageSize(first);
  const where = await electrodeConditions(context, args.filter);
  let page: { id: number; v: number | null }[];
  let cursorOf: (row: { id: number; v: number | null }) => string;
  if (args.orderBy) {
    const sort = await propertySort(context, args.orderBy, Prisma.sql`e."id"`, (agg) =>
      Prisma.sql`(SELECT ${agg}(f."canonicalValue") FROM "ComputedProperty" f WHERE f."electrodeId" = e."id" AND f."propertyKey" = ${args.orderBy!.property})`, args.after);
    page = await context.prisma.$queryRaw<{ id: number; v: number | null }[]>`
      SELECT id, v FROM (SELECT e."id" AS id, ${sort.value} AS v FROM ${FROM_ELECTRODES} WHERE ${where}) s
      WHERE ${sort.afterSql} ${sort.orderSql} LIMIT ${first + 1}`;
    cursorOf = (row) => toSortCursor(sort.order, row.v, row.id);
  } else {
    const afterId = args.after == null ? 0 : fromCursor(args.after);
    page = await context.prisma.$queryRaw<{ id: number; v: number | null }[]>`
      SELECT e."id" AS id, NULL::double precision AS v FROM ${FROM_ELECTRODES} WHERE ${where} AND e."id" > ${afterId} ORDER BY e."id" LIMIT ${first + 1}`;
    cursorOf = (row) => toCursor(row.id);
  }
  const shown = page.slice(0, first);
  const rows = await context.loaders.electrodeById.loadMany(shown.map((r) => r.id));
  return {
    rows: rows.filter((r): r is InsertionElectrode => r != null && !(r instanceof Error)),
    cursors: shown.map(cursorOf),
    where,
    hasNextPage: page.length > first,
    hasPreviousPage: args.after != null,
  };
}

async function electrodeValue(context: Context, e: InsertionElectrode, v: (typeof ELECTRODE_VALUES)[number]): Promise<ComputedProperty | null> {
  const materialId = v.end === 'charged' ? e.chargedMaterialId : e.dischargedMaterialId;
  const rows = await context.loaders.computedByElectrodeId.load(e.id);
  return rows.find((r) => r.propertyKey === v.property && r.materialId === materialId) ?? null;
}

const valueSpec = (field: string) => ELECTRODE_VALUES.find((v) => v.field === field)!;

/** Capacity, energies and fractions derived from the formulas beside the stored values. */
async function rederivations(context: Context, e: InsertionElectrode): Promise<RederivationParent[]> {
  const [charged, discharged] = await Promise.all([context.loaders.materialById.load(e.chargedMaterialId), context.loaders.materialById.load(e.dischargedMaterialId)]);
  const value = (field: string) => electrodeValue(context, e, valueSpec(field));
  const [voltage, capacity, volCapacity, energy, volEnergy, fracCharge, fracDischarge] = (await Promise.all(
    ['averageVoltage', 'gravimetricCapacity', 'volumetricCapacity', 'gravimetricEnergy', 'volumetricEnergy', 'atomicFractionCharge', 'atomicFractionDischarge'].map(value),
  )) as (ComputedProperty | null)[];
  const ends = { workingIon: e.workingIon, formulaCharge: charged!.formula, formulaDischarge: discharged!.formula };
  let r: ElectrodeRederivation | null = null;
  let reason = '';
  try {
    r = rederiveElectrode(ends, voltage?.value ?? 0, volCapacity?.value ?? null);
  } catch (error) {
    reason = (error as Error).message;
  }
  const z = valenceOf(e.workingIon);
  const out: RederivationParent[] = [];
  const add = (property: string, quantity: string, reported: ComputedProperty | null | undefined, make: (r: ElectrodeRederivation) => Derived, unit: string, formula: string) => {
    if (!reported) return;
    out.push({ property, quantity, reported, derived: r ? make(r) : unavailable({ quantity, unit, formula, reason }) });
  };
  const capacityFormula = ELECTRODE_CAPACITY_FORMULA;
  const capacityOf = (r: ElectrodeRederivation) =>
    derived({
      quantity: `gravimetric capacity of ${ends.formulaDischarge} → ${ends.formulaCharge}`,
      value: r.gravimetricCapacityMAhPerG,
      unit: 'mAh/g',
      formula: capacityFormula,
      inputs: [
        // z rides in n's note: a fourth input would lengthen every trace the cost model counts.
        { name: 'n', value: r.ionsExchangedPerFormulaUnit, unit: '1', note: `${e.workingIon} exchanged per formula unit of ${ends.formulaDischarge} (s = ${Number(r.chargeScale.toPrecision(12))}); each carries z = ${z} (src/derive/working-ion.ts)` },
        constantInput('F', FARADAY_C_PER_MOL, 'C/mol', 'Faraday constant, CODATA 2018 (exact), from mathjs; F/3.6 = 26,801.48 mAh/mol'),
        { name: `M(${ends.formulaDischarge})`, value: r.dischargedMolarMassGPerMol, unit: 'g/mol', note: "pymatgen's atomic masses (src/derive/pymatgen-masses.ts), the convention of MP's values" },
      ],
      assumptions: ["pymatgen's conventions: capacity per mass of the discharged (ion-rich) formula", `each ${e.workingIon} ion carries z = ${z} charge${z === 1 ? '' : 's'}`],
    });
  add('theoretical_capacity', 'gravimetric capacity', capacity, capacityOf, 'mAh/g', capacityFormula);
  add('specific_energy', 'gravimetric energy', energy, (r) =>
    derived({
      quantity: 'gravimetric energy', value: r.gravimetricEnergyWhPerKg, unit: 'Wh/kg', formula: SPECIFIC_ENERGY.formula,
      inputs: [computedInput('V̄', voltage!), derivedInput('Q', capacityOf(r))],
    }), SPECIFIC_ENERGY.unit, SPECIFIC_ENERGY.formula);
  if (volCapacity) {
    add('energy_density', 'volumetric energy', volEnergy, (r) =>
      derived({ quantity: 'volumetric energy', value: r.volumetricEnergyWhPerL, unit: 'Wh/L', formula: VOLUMETRIC_ENERGY.formula, inputs: [computedInput('V̄', voltage!), computedInput('Q_vol', volCapacity)] }), VOLUMETRIC_ENERGY.unit, VOLUMETRIC_ENERGY.formula);
  }
  const fraction = (formula: string, value: (r: ElectrodeRederivation) => number) => (r: ElectrodeRederivation) =>
    derived({ quantity: `atomic fraction of ${e.workingIon} in ${formula}`, value: value(r), unit: '1', formula: `x(${e.workingIon}) / Σ x(all atoms) in ${formula}`, inputs: [{ name: 'formula', value: null, textValue: formula, unit: '1' }] });
  add('working_ion_fraction', 'atomic fraction at charge', fracCharge, fraction(ends.formulaCharge, (r) => r.workingIonFractionCharge), '1', 'x(ion) / Σ x');
  add('working_ion_fraction', 'atomic fraction at discharge', fracDischarge, fraction(ends.formulaDischarge, (r) => r.workingIonFractionDischarge), '1', 'x(ion) / Σ x');
  return out;
}

export const electrodeResolvers: Resolvers = {
  Query: {
    insertionElectrodes: (_root, args, context) => pageOfElectrodes(context, args),
    insertionElectrode: (_root, { batteryId }, { loaders }) => loaders.electrodeByBatteryId.load(batteryId.trim()),
  },
  InsertionElectrodeConnection: {
    edges: (parent) => parent.rows.map((node, i) => ({ cursor: parent.cursors[i]!, node })),
    pageInfo: (parent) => ({
      hasNextPage: parent.hasNextPage,
      hasPreviousPage: parent.hasPreviousPage,
      startCursor: parent.cursors[0] ?? null,
      endCursor: parent.cursors.at(-1) ?? null,
    }),
    totalCount: async (parent, _args, { prisma }) =>
      Number((await prisma.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS n FROM ${FROM_ELECTRODES} WHERE ${parent.where}`)[0]!.n),
  },
  InsertionElectrode: {
    id: (e) => toGlobalId('InsertionElectrode', e.id),
    workingIonValence: (e) => valenceOf(e.workingIon),
    chemicalSystem: (e) => e.elements.join('-'),
    charged: async (e, _args, { loaders }) => (await loaders.materialById.load(e.chargedMaterialId))!,
    discharged: async (e, _args, { loaders }) => (await loaders.materialById.load(e.dischargedMaterialId))!,
    formulaCharge: async (e, _args, { loaders }) => (await loaders.materialById.load(e.chargedMaterialId))!.formula,
    formulaDischarge: async (e, _args, { loaders }) => (await loaders.materialById.load(e.dischargedMaterialId))!.formula,
    ...Object.fromEntries(ELECTRODE_VALUES.map((v) => [v.field, (e: InsertionElectrode, _args: unknown, context: Context) => electrodeValue(context, e, v)])),
    values: (e, _args, { loaders }) => loaders.computedByElectrodeId.load(e.id),
    rederivations: (e, _args, context) => rederivations(context, e),
    source: (e) => ({ paperId: e.paperId, locator: e.locator }),
  },
  Rederivation: {
    property: async (r, _args, { loaders }) => (await loaders.propertyKeyByKey.load(r.property))!,
    relativeDifference: (r) => (r.derived.value === null || r.reported.value === null ? null : relativeDifference(r.derived.value, r.reported.value)),
  },
  Material: {
    insertionElectrodes: (m, _args, { loaders }) => loaders.electrodesByMaterialId.load(m.id),
  },
  ComputedProperty: {
    electrode: (c, _args, { loaders }) => (c.electrodeId ? loaders.electrodeById.load(c.electrodeId) : null),
  },
};
