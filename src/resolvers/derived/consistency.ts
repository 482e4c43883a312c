/**
 * The consistencyChecks query: gathers the stored numbers each check of derive/consistency.ts
 * needs (a fixed number of statements, whatever the data size) and lists every comparison.
 */
import type { ComputedProperty, Material, Measurement, Structure } from '@prisma/client';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';
import { parseFormula } from '../../derive/composition.js';
import {
  BRAGG, braggTwoThetaDeg, CAPACITY_FROM_ELECTRONS, capacityFromElectronsMAhPerG, compare, nominalLowSpinMoment, O_SHARE_OF_HOLE, oxygenShareOfHolePercent,
  printed, propagate, SPIN_DEFICIT, spinDeficit, XRAY_LINES_A, type CheckDefinition, type Printed, type Verdict,
} from '../../derive/consistency.js';
import { derived, type Derived, type DerivationInput } from '../../derive/quantity.js';
import { computedInput, measuredInput, valueIn } from '../derived-support.js';

export interface ConsistencyCheckParent {
  check: string;
  material: Material;
  verdict: 'AGREES' | 'DISAGREES';
  derived: Derived;
  stored: DerivationInput;
  difference: number;
  tolerance: number;
  unit: string;
}

interface Rows {
  materials: Map<number, Material>;
  structures: Map<number, Structure>;
  computed: ComputedProperty[];
  measured: Measurement[];
}

/** One comparison as served: the derived side with its trace, the stored side with its source. */
function result(definition: CheckDefinition, material: Material, verdict: Verdict, inputs: DerivationInput[], stored: DerivationInput, extraAssumptions: string[] = []): ConsistencyCheckParent {
  return {
    check: definition.key,
    material,
    verdict: verdict.agrees ? 'AGREES' : 'DISAGREES',
    derived: derived({
      quantity: `${definition.quantity} of ${material.formula}`,
      value: verdict.derived.value,
      unit: definition.unit,
      formula: definition.formula,
      inputs,
      assumptions: [...definition.assumptions, ...extraAssumptions, `± ${Number(verdict.derived.tolerance.toPrecision(3))} ${definition.unit} from the inputs' printed digits`],
    }),
    stored,
    difference: verdict.difference,
    tolerance: verdict.tolerance,
    unit: definition.unit,
  };
}

const value = (row: { value: number | null; unit: string }, unit: string): Printed => printed(valueIn(row, unit)!);

/** Removed working ions of the step a method models (highest and lowest content). */
function modelledIonsRemoved(structures: Structure[]): number | null {
  const contents = structures.filter((s) => s.alkaliContent !== null && s.methodId !== null).map((s) => s.alkaliContent!);
  return contents.length >= 2 ? Math.max(...contents) - Math.min(...contents) : null;
}

/** Oxidation state of the one transition metal of a formula by charge balance (alkali +1, O −2). */
function metalOxidationState(formula: string): { element: string; oxidationState: number } | null {
  const amounts = parseFormula(formula).amounts;
  const alkali = ['Li', 'Na', 'K'].reduce((sum, e) => sum + (amounts[e] ?? 0), 0);
  const metals = Object.keys(amounts).filter((e) => !['Li', 'Na', 'K', 'O'].includes(e));
  if (metals.length !== 1 || amounts.O === undefined) return null;
  return { element: metals[0]!, oxidationState: (2 * amounts.O - alkali) / amounts[metals[0]!]! };
}

function oShareOfHole(rows: Rows): ConsistencyCheckParent[] {
  const out: ConsistencyCheckParent[] = [];
  for (const share of rows.computed.filter((c) => c.propertyKey === 'hole_fraction_on_oxygen' && c.value !== null)) {
    const material = rows.materials.get(share.materialId)!;
    const dq = rows.computed.find((c) => c.materialId === share.materialId && c.propertyKey === 'bader_population_change' && c.site === 'O 2p' && c.value !== null);
    const ions = modelledIonsRemoved([...rows.structures.values()].filter((s) => s.materialId === share.materialId));
    const oxygens = parseFormula(material.formula).amounts.O;
    if (!dq || ions === null || !oxygens) continue;
    const verdict = compare(propagate((q) => oxygenShareOfHolePercent(q, oxygens, ions), [value(dq, 'e')]), value(share, '%'));
    out.push(result(O_SHARE_OF_HOLE, material, verdict, [computedInput('Δq(O 2p)', dq), { name: 'n_O', value: oxygens, unit: '1', textValue: material.formula }, { name: 'Δx', value: ions, unit: '1', note: 'working ions removed in the modelled step' }], computedInput('h_O (stored)', share)));
  }
  return out;
}

function spinDeficits(rows: Rows): ConsistencyCheckParent[] {
  const out: ConsistencyCheckParent[] = [];
  for (const deficit of rows.computed.filter((c) => c.propertyKey === 'spin_population_deficit' && c.value !== null)) {
    const material = rows.materials.get(deficit.materialId)!;
    const metal = metalOxidationState(material.formula);
    if (!metal || !Number.isInteger(metal.oxidationState)) continue;
    const nominal = nominalLowSpinMoment(metal.element, metal.oxidationState);
    // Every stored population of the metal: the one the deficit is for should agree, others show which table it came from.
    for (const population of rows.computed.filter((c) => c.materialId === deficit.materialId && c.propertyKey === 'spin_population' && c.site === 'M' && c.value !== null)) {
      const structure = population.structureId !== null ? rows.structures.get(population.structureId) : undefined;
      const verdict = compare(propagate((p) => spinDeficit(nominal, p), [value(population, 'e')]), value(deficit, 'e'));
      out.push(result(SPIN_DEFICIT, material, verdict, [
        { name: `m_nominal(${metal.element}${metal.oxidationState}+)`, value: nominal, unit: 'e', note: 'unpaired d electrons, low-spin octahedral' },
        computedInput(`m(${structure?.label ?? material.formula})`, population),
      ], computedInput('δ (stored)', deficit), [`population of ${structure?.label ?? 'the material'}`]));
    }
  }
  return out;
}

function capacityFromElectrons(rows: Rows): ConsistencyCheckParent[] {
  const out: ConsistencyCheckParent[] = [];
  const stored = [
    ...rows.computed.filter((c) => c.propertyKey === 'theoretical_capacity' && c.value !== null).map((r) => ({ row: r, input: computedInput('Q (stored)', r) })),
    ...rows.measured.filter((c) => c.propertyKey === 'theoretical_capacity' && c.value !== null).map((r) => ({ row: r, input: measuredInput('Q (stored)', r) })),
  ];
  for (const { row, input } of stored) {
    const material = rows.materials.get(row.materialId)!;
    if (!material.workingIon) continue;
    const composition = parseFormula(material.formula);
    const electrons = composition.amounts[material.workingIon] ?? 0;
    if (!(electrons > 0)) continue;
    const verdict = compare(propagate((n) => capacityFromElectronsMAhPerG(n, composition.molarMassGPerMol), [{ value: electrons, tolerance: 0 }]), value(row, 'mAh/g'));
    out.push(result(CAPACITY_FROM_ELECTRONS, material, verdict, [{ name: 'n', value: electrons, unit: 'e', note: `every ${material.workingIon} of ${material.formula}` }, { name: 'M', value: composition.molarMassGPerMol, unit: 'g/mol', textValue: material.formula }], input));
  }
  return out;
}

/** The wavelength (Å) a diffraction measurement states: a number, or a named X-ray line. */
function wavelengthA(m: Measurement): number | null {
  const other = (m.otherConditions ?? {}) as Record<string, unknown>;
  if (typeof other.wavelengthA === 'number') return other.wavelengthA;
  return typeof other.radiation === 'string' ? (XRAY_LINES_A[other.radiation] ?? null) : null;
}

/** The reflections a peak is about, without a parenthesised qualifier ("… (Cu Kα equivalent)"). */
const reflection = (site: string | null) => (site ?? '').replace(/\s*\([^)]*\)\s*$/, '').trim();

function braggPairs(rows: Rows): ConsistencyCheckParent[] {
  const out: ConsistencyCheckParent[] = [];
  const peaks = rows.measured.filter((m) => m.propertyKey === 'peak_position' && m.value !== null && wavelengthA(m) !== null && m.site);
  for (const from of peaks) {
    for (const to of peaks) {
      if (to === from || to.materialId !== from.materialId || reflection(to.site) !== reflection(from.site) || wavelengthA(to) === wavelengthA(from)) continue;
      if (wavelengthA(from)! > wavelengthA(to)!) continue; // one direction per pair: shorter → longer wavelength
      const material = rows.materials.get(from.materialId)!;
      const [l1, l2] = [wavelengthA(from)!, wavelengthA(to)!];
      const verdict = compare(propagate((t) => braggTwoThetaDeg(t, l1, l2), [value(from, 'deg')]), value(to, 'deg'));
      out.push(result(BRAGG, material, verdict, [measuredInput('2θ₁', from), { name: 'λ₁', value: l1, unit: 'Å' }, { name: 'λ₂', value: l2, unit: 'Å' }], measuredInput('2θ₂ (stored)', to), [`reflections: ${reflection(from.site)}`]));
    }
  }
  return out;
}

const CHECKS_WIRED = [oShareOfHole, spinDeficits, capacityFromElectrons, braggPairs];
const PROPERTIES = ['hole_fraction_on_oxygen', 'bader_population_change', 'spin_population_deficit', 'spin_population', 'theoretical_capacity', 'peak_position'];

async function consistencyChecks(context: Context, materialKey: string | null | undefined, onlyDisagreements: boolean): Promise<ConsistencyCheckParent[]> {
  const { prisma } = context;
  const material = materialKey ? await prisma.material.findUnique({ where: { key: materialKey } }) : null;
  if (materialKey && !material) return [];
  const where = { propertyKey: { in: PROPERTIES }, ...(material ? { materialId: material.id } : {}) };
  const [computed, measured] = await Promise.all([prisma.computedProperty.findMany({ where, orderBy: { id: 'asc' } }), prisma.measurement.findMany({ where, orderBy: { id: 'asc' } })]);
  const materialIds = [...new Set([...computed, ...measured].map((r) => r.materialId))];
  const [materials, structures] = await Promise.all([
    prisma.material.findMany({ where: { id: { in: materialIds } } }),
    prisma.structure.findMany({ where: { materialId: { in: materialIds } } }),
  ]);
  const rows: Rows = { materials: new Map(materials.map((m) => [m.id, m])), structures: new Map(structures.map((s) => [s.id, s])), computed, measured };
  const all = CHECKS_WIRED.flatMap((check) => check(rows));
  return onlyDisagreements ? all.filter((c) => c.verdict === 'DISAGREES') : all;
}

export const consistencyResolvers: Resolvers = {
  Query: {
    consistencyChecks: (_root, { materialKey, onlyDisagreements }, context) => consistencyChecks(context, materialKey, onlyDisagreements ?? false),
  },
};
