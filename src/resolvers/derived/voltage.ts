/** Voltages of a material and its voltage steps (pairs of structures at two working-ion contents). */
import type { ComputedProperty, Material, Measurement, Structure } from '@prisma/client';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';
import { FARADAY_C_PER_MOL, FARADAY_NOTE, SPECIFIC_ENERGY, THEORETICAL_CAPACITY, VOLUMETRIC_CAPACITY, VOLUMETRIC_ENERGY } from '../../derive/capacity.js';
import { MOLAR_MASS_FORMULA, parseFormula } from '../../derive/composition.js';
import { constantInput, derived, derivedInput, factSource, reported, unavailable, type Derived, type DerivationInput } from '../../derive/quantity.js';
import { AVERAGE_VOLTAGE, averageVoltageV, isAverageOrPlateauVoltage, VOLUME_CHANGE, voltageStep } from '../../derive/voltage.js';
import { computedInput, describeConditions, inUnit, measuredInput, REFERENCES, valueIn } from '../derived-support.js';
import { stabilityOf } from './stability.js';
import { valenceOf } from '../../derive/working-ion.js';
import { volumePerFormulaUnit } from './structure.js';

export interface VoltagePairParent {
  material: Material;
  discharged: Structure;
  charged: Structure;
  averageVoltage: Derived;
}

/** The voltage chosen for a material or step, and what it is for (the energy's default capacity follows from it). */
export interface VoltageChoice {
  voltage: Derived;
  /** The modelled step the voltage is for: its ion exchange is the energy's default. */
  step?: { ions: number; discharged: Structure; charged: Structure };
  /** The measurement the voltage was read from: its conditions pick a measured capacity. */
  measurement?: Measurement;
}

/**
 * Eq. (1) from stored total energies where a method has them for two alkali contents and the metal;
 * else the computed value the paper prints; else a measured average or plateau voltage. Every other
 * candidate (computed and measured) is served beside it.
 */
export async function chooseAverageVoltage(context: Context, m: Material, methodId: number | null = null, pair?: { discharged: Structure; charged: Structure }): Promise<VoltageChoice> {
  const quantity = `average ${m.workingIon ?? 'working-ion'} intercalation voltage of ${m.formula}`;
  const { unit, formula } = AVERAGE_VOLTAGE;
  if (!m.workingIon) return { voltage: unavailable({ quantity, unit, formula, reason: `${m.name} has no working ion` }) };
  const [computed, structures, measurements] = await Promise.all([
    context.loaders.computedByMaterialId.load(m.id),
    context.loaders.structuresByMaterialId.load(m.id),
    context.loaders.measurementsByMaterialId.load(m.id),
  ]);
  const reportedComputed = computed.filter((c) => c.propertyKey === 'average_voltage' && c.value !== null && c.site === null && (methodId === null || c.methodId === methodId));
  // Average voltages first (unqualified before qualified), then plateaus.
  const measured = measurements
    .filter((r) => r.value !== null && isAverageOrPlateauVoltage(r.propertyKey, r.site))
    .sort((a, b) => rank(a) - rank(b));
  const measuredCandidates = measured.map((r) => measuredInput(`measured V${r.site ? ` (${r.site})` : ''}`, r));
  const computedCandidates = (rows: ComputedProperty[]) => rows.map((r) => computedInput('computed V (printed)', r));
  const fromEnergies = await voltageFromEnergies(context, m, computed, structures, methodId, pair);
  if (fromEnergies) {
    return { voltage: { ...fromEnergies.voltage, comparisons: [...computedCandidates(reportedComputed), ...measuredCandidates] }, step: fromEnergies.step };
  }
  const first = reportedComputed[0];
  if (first) {
    const method = await context.loaders.methodById.load(first.methodId);
    const step = pair ? { ...pair, ions: pair.discharged.alkaliContent! - pair.charged.alkaliContent! } : modelledStep(structures, first.methodId);
    return {
      voltage: {
        ...reported({
          quantity,
          value: valueIn(first, 'V')!,
          unit,
          source: factSource(first),
          fact: { type: 'ComputedProperty', id: first.id },
          formula: `reported value computed by the paper with ${formula}`,
          assumptions: [
            `total energies are not stored, so Eq. (1) cannot be re-evaluated; served as printed (method ${method?.key ?? first.methodId})`,
            ...(step ? [`for the modelled step ${step.discharged.label} → ${step.charged.label} (Δx = ${step.ions})`] : []),
          ],
        }),
        comparisons: [...computedCandidates(reportedComputed.slice(1)), ...measuredCandidates],
      },
      step,
    };
  }
  const firstMeasured = measured[0];
  if (firstMeasured) {
    return {
      voltage: {
        ...reported({
          quantity,
          value: valueIn(firstMeasured, 'V')!,
          unit,
          source: factSource(firstMeasured),
          fact: { type: 'Measurement', id: firstMeasured.id },
          formula: firstMeasured.propertyKey === 'average_voltage' ? 'measured average voltage' : `measured plateau voltage (${firstMeasured.site})`,
          assumptions: measuredConditions(firstMeasured),
        }),
        comparisons: measuredCandidates.slice(1),
      },
      measurement: firstMeasured,
    };
  }
  return { voltage: unavailable({ quantity, unit, formula, reason: `no total energies at two ${m.workingIon} contents, no computed average voltage and no measured average or plateau voltage are stored for ${m.name}` }) };
}

const rank = (r: Measurement) => (r.propertyKey === 'average_voltage' ? (r.site === null ? 0 : 1) : 2);

/** The conditions of a measured value, as assumptions of what derives from it. */
function measuredConditions(r: Measurement): string[] {
  const stated = describeConditions(r);
  return [stated ? `measured under ${stated}` : 'measured; the paper states no conditions for it'];
}

/** The one step a method models for a material (two working-ion contents), if it models exactly one. */
function modelledStep(structures: Structure[], methodId: number): VoltageChoice['step'] {
  const modelled = structures.filter((s) => s.methodId === methodId && s.alkaliContent !== null);
  const contents = [...new Set(modelled.map((s) => s.alkaliContent!))].sort((a, b) => b - a);
  if (contents.length !== 2) return undefined;
  const discharged = modelled.find((s) => s.alkaliContent === contents[0])!;
  const charged = modelled.find((s) => s.alkaliContent === contents[1])!;
  return { ions: contents[0]! - contents[1]!, discharged, charged };
}

export async function averageVoltage(context: Context, m: Material, methodId: number | null = null, pair?: { discharged: Structure; charged: Structure }): Promise<Derived> {
  return (await chooseAverageVoltage(context, m, methodId, pair)).voltage;
}

export async function voltageFromEnergies(
  context: Context,
  m: Material,
  computed: ComputedProperty[],
  structures: Structure[],
  methodId: number | null,
  pair?: { discharged: Structure; charged: Structure },
): Promise<{ voltage: Derived; step: NonNullable<VoltageChoice['step']> } | null> {
  const energyOf = (s: Structure) => computed.find((c) => c.propertyKey === 'total_energy' && c.structureId === s.id && c.value !== null && (methodId === null || c.methodId === methodId));
  let ends = pair;
  if (!ends) {
    const withEnergy = structures.filter((s) => s.alkaliContent !== null && energyOf(s));
    if (withEnergy.length < 2) return null;
    const sorted = [...withEnergy].sort((a, b) => b.alkaliContent! - a.alkaliContent!);
    if (sorted[0]!.alkaliContent === sorted.at(-1)!.alkaliContent) return null;
    ends = { discharged: sorted[0]!, charged: sorted.at(-1)! };
  }
  const eD = energyOf(ends.discharged);
  const eC = energyOf(ends.charged);
  if (!eD || !eC || eD.methodId !== eC.methodId) return null;
  const metalRows = await context.loaders.referenceComputed.load(REFERENCES.workingIonMetalEnergy(m)!);
  const metal = metalRows.find((r) => r.methodId === eD.methodId && r.value !== null);
  if (!metal) return null;
  const x1 = ends.discharged.alkaliContent!;
  const x2 = ends.charged.alkaliContent!;
  const voltage = derived({
    quantity: `average ${m.workingIon} intercalation voltage ${ends.discharged.formula} → ${ends.charged.formula}`,
    value: averageVoltageV({ dischargedEV: valueIn(eD, 'eV/f.u.')!, chargedEV: valueIn(eC, 'eV/f.u.')!, workingIonMetalEVPerAtom: valueIn(metal, 'eV/f.u.')!, ionContentDischarged: x1, ionContentCharged: x2, workingIonValence: valenceOf(m.workingIon!) }),
    unit: AVERAGE_VOLTAGE.unit,
    formula: AVERAGE_VOLTAGE.formula,
    inputs: [computedInput(`E(${ends.discharged.formula})`, eD), computedInput(`E(${ends.charged.formula})`, eC), computedInput(`E(${m.workingIon})`, metal), { name: 'x₁ − x₂', value: x1 - x2, unit: '1' }],
    assumptions: [...AVERAGE_VOLTAGE.assumptions],
  });
  return { voltage, step: { ...ends, ions: x1 - x2 } };
}

export async function voltagePairs(context: Context, m: Material): Promise<VoltagePairParent[]> {
  if (!m.workingIon) return [];
  const structures = (await context.loaders.structuresByMaterialId.load(m.id)).filter((s) => s.alkaliContent !== null && s.methodId !== null);
  const byMethod = new Map<number, Structure[]>();
  for (const s of structures) byMethod.set(s.methodId!, [...(byMethod.get(s.methodId!) ?? []), s]);
  const ends: { methodId: number; discharged: Structure; charged: Structure }[] = [];
  for (const [methodId, group] of byMethod) {
    const contents = [...new Set(group.map((s) => s.alkaliContent!))].sort((a, b) => b - a);
    for (let i = 0; i + 1 < contents.length; i++) {
      // One structure per content: the first stored (the paper's ground-state model for that step).
      ends.push({ methodId, discharged: group.find((s) => s.alkaliContent === contents[i])!, charged: group.find((s) => s.alkaliContent === contents[i + 1])! });
    }
  }
  // Voltages of all steps at once, so their loads share batches.
  const voltages = await Promise.all(ends.map((e) => averageVoltage(context, m, e.methodId, e)));
  return ends.map((e, i) => ({ material: m, discharged: e.discharged, charged: e.charged, averageVoltage: voltages[i]! }));
}


// Per-pair derivations are shared by several fields; compute once per pair object.
const stepCache = new WeakMap<VoltagePairParent, Promise<StepDerivations>>();
interface StepDerivations {
  step: ReturnType<typeof voltageStep>;
  gravimetricCapacity: Derived;
  volumetricCapacity: Derived;
  gravimetricEnergy: Derived;
  volumetricEnergy: Derived;
  volumeChange: Derived;
}
function step(context: Context, p: VoltagePairParent): Promise<StepDerivations> {
  let cached = stepCache.get(p);
  if (!cached) {
    cached = computeStep(context, p);
    stepCache.set(p, cached);
  }
  return cached;
}

async function computeStep(context: Context, p: VoltagePairParent): Promise<StepDerivations> {
  const ion = p.material.workingIon!;
  const [vD, vC] = await Promise.all([volumePerFormulaUnit(context, p.discharged), volumePerFormulaUnit(context, p.charged)]);
  const end = (s: Structure, v: Derived) => {
    const c = parseFormula(s.formula);
    return { formula: s.formula, amounts: c.amounts, molarMassGPerMol: c.molarMassGPerMol, volumePerFormulaUnitA3: v.value };
  };
  const voltage = p.averageVoltage;
  const s = voltageStep(end(p.discharged, vD), end(p.charged, vC), ion, voltage.value ?? 0);
  const mass = derived({ quantity: `molar mass of ${p.discharged.formula}`, value: parseFormula(p.discharged.formula).molarMassGPerMol, unit: 'g/mol', formula: MOLAR_MASS_FORMULA, inputs: [{ name: 'formula', value: null, textValue: p.discharged.formula, unit: '', source: { paperId: p.discharged.paperId, locator: p.discharged.locator }, fact: { type: 'Structure', id: p.discharged.id } }] });
  const dx: DerivationInput = { name: 'Δx', value: s.ionsExchangedPerFormulaUnit, unit: '1', note: `${ion} per formula unit: ${p.discharged.alkaliContent} → ${p.charged.alkaliContent}; each carries z = ${valenceOf(ion)} (src/derive/working-ion.ts)` };
  const gravimetricCapacity = derived({
    quantity: `gravimetric capacity ${p.discharged.formula} → ${p.charged.formula}`,
    value: s.gravimetricCapacityMAhPerG,
    unit: 'mAh/g',
    formula: THEORETICAL_CAPACITY.stepFormula,
    inputs: [dx, constantInput('F', FARADAY_C_PER_MOL, 'C/mol', FARADAY_NOTE), derivedInput('M_discharged', mass)],
    assumptions: [...THEORETICAL_CAPACITY.assumptions],
  });
  const volumetricCapacity =
    s.volumetricCapacityMAhPerCm3 !== null
      ? derived({ quantity: 'volumetric capacity', value: s.volumetricCapacityMAhPerCm3, ...VOLUMETRIC_CAPACITY, inputs: [derivedInput('Q', gravimetricCapacity), derivedInput('V_f.u.(discharged)', vD)] })
      : unavailable({ quantity: 'volumetric capacity', ...VOLUMETRIC_CAPACITY, inputs: [derivedInput('V_f.u.(discharged)', vD)], reason: `volume per formula unit of ${p.discharged.label} unavailable: ${vD.reason}` });
  const energyInputs = [derivedInput('V̄', voltage), derivedInput('Q', gravimetricCapacity)];
  const gravimetricEnergy =
    voltage.value !== null
      ? derived({ quantity: 'gravimetric energy', value: s.specificEnergyWhPerKg, unit: SPECIFIC_ENERGY.unit, formula: SPECIFIC_ENERGY.formula, inputs: energyInputs })
      : unavailable({ quantity: 'gravimetric energy', unit: SPECIFIC_ENERGY.unit, formula: SPECIFIC_ENERGY.formula, inputs: energyInputs, reason: `average voltage unavailable: ${voltage.reason}` });
  const volumetricEnergyInputs = [derivedInput('V̄', voltage), derivedInput('Q_vol', volumetricCapacity)];
  const volumetricEnergy =
    voltage.value !== null && s.energyDensityWhPerL !== null
      ? derived({ quantity: 'volumetric energy', value: s.energyDensityWhPerL, ...VOLUMETRIC_ENERGY, inputs: volumetricEnergyInputs })
      : unavailable({ quantity: 'volumetric energy', ...VOLUMETRIC_ENERGY, inputs: volumetricEnergyInputs, reason: voltage.value === null ? `average voltage unavailable: ${voltage.reason}` : `volumetric capacity unavailable: ${volumetricCapacity.reason}` });
  const volumeInputs = [derivedInput('V_f.u.(discharged)', vD), derivedInput('V_f.u.(charged)', vC)];
  const volumeChange =
    s.volumeChangeFraction !== null
      ? derived({ quantity: 'volume change on charge', value: s.volumeChangeFraction, unit: VOLUME_CHANGE.unit, formula: VOLUME_CHANGE.formula, inputs: volumeInputs, assumptions: [...VOLUME_CHANGE.assumptions] })
      : unavailable({ quantity: 'volume change on charge', unit: VOLUME_CHANGE.unit, formula: VOLUME_CHANGE.formula, inputs: volumeInputs, reason: [vD, vC].filter((v) => v.value === null).map((v) => `${v.quantity}: ${v.reason}`).join('; ') });
  return { step: s, gravimetricCapacity, volumetricCapacity, gravimetricEnergy, volumetricEnergy, volumeChange };
}

export const voltageResolvers: Resolvers = {
  Material: {
    averageVoltage: async (m, { unit }, context) => inUnit(await averageVoltage(context, m), unit),
    voltagePairs: (m, _args, context) => voltagePairs(context, m),
  },
  VoltagePair: {
    formulaDischarge: (p) => p.discharged.formula,
    formulaCharge: (p) => p.charged.formula,
    workingIon: (p) => p.material.workingIon!,
    workingIonFractionDischarge: async (p, _a, context) => (await step(context, p)).step.workingIonFractionDischarge,
    workingIonFractionCharge: async (p, _a, context) => (await step(context, p)).step.workingIonFractionCharge,
    ionsExchangedPerFormulaUnit: async (p, _a, context) => (await step(context, p)).step.ionsExchangedPerFormulaUnit,
    averageVoltage: (p, { unit }) => inUnit(p.averageVoltage, unit),
    gravimetricCapacity: async (p, { unit }, context) => inUnit((await step(context, p)).gravimetricCapacity, unit),
    volumetricCapacity: async (p, { unit }, context) => inUnit((await step(context, p)).volumetricCapacity, unit),
    gravimetricEnergy: async (p, { unit }, context) => inUnit((await step(context, p)).gravimetricEnergy, unit),
    volumetricEnergy: async (p, { unit }, context) => inUnit((await step(context, p)).volumetricEnergy, unit),
    volumeChange: async (p, { unit }, context) => inUnit((await step(context, p)).volumeChange, unit),
    stability: (p, _a, context) => stabilityOf(context, p.material),
    measuredAverageVoltages: async (p, _a, context) => (await context.loaders.measurementsByMaterialId.load(p.material.id)).filter((r) => r.propertyKey === 'average_voltage'),
  },
};
