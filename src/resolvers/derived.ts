/**
 * Resolvers of derived fields: gather stored inputs through the request's DataLoaders, call the
 * pure derive/ modules, return values with their traces. Nothing here is stored.
 */
import type { ComputedProperty, Lattice, Material, Measurement, Reaction, Structure } from '@prisma/client';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { cRateOf, currentDensityMAPerG, gravimetricCapacityMAhPerG, impliedOneCMAPerG, specificEnergyWhPerKg } from '../derive/capacity.js';
import { chemicalFormulaReduced, parseFormula } from '../derive/composition.js';
import { comparePair, cyclesToRetention, SETUP_PROPERTIES, fadePerCycleFraction, migrationReversibility } from '../derive/degradation.js';
import { cellVolumeA3, completeCell, hexagonalToRhombohedral, rhombohedralToHexagonal, type LatticeSetting } from '../derive/lattice.js';
import { constantInput, derived, derivedInput, reported, unavailable, type Derived, type DerivationInput } from '../derive/quantity.js';
import { checkSpaceGroup } from '../derive/space-group.js';
import { assess, type Assessment, type StabilityInputs } from '../derive/stability.js';
import { averageVoltageV, voltageStep } from '../derive/voltage.js';
import { referenceKey } from '../db/loaders.js';
import { toGlobalId } from '../ids.js';
import { requireProperties } from './filters.js';
import { computedInput, guarded, inUnit, measuredInput, reactionEquation, sameConditions, valueIn } from './derived-support.js';

export interface VoltagePairParent {
  material: Material;
  discharged: Structure;
  charged: Structure;
  averageVoltage: Derived;
}
export interface CapacityFadeParent {
  retention: Measurement;
  endOfLifePercent: number;
}
export interface CoatingEffectParent {
  pristine: Measurement;
  coated: Measurement;
}
export interface TmMigrationParent {
  pristine: Structure;
  charged: Structure;
  discharged: Structure;
}
export interface DerivedLatticeParent {
  setting: LatticeSetting;
  a: Derived;
  c: Derived | null;
  alpha: Derived | null;
  volume: Derived;
  stored: Lattice | null;
}

const materialInput = (m: Material): DerivationInput => ({ name: 'formula', value: null, textValue: m.formula, unit: '', source: { paperId: m.paperId, locator: m.locator }, fact: { type: 'Material', id: m.id } });

function molarMass(m: Material): Derived {
  const composition = guarded('formula', () => parseFormula(m.formula));
  return derived({
    quantity: `molar mass of ${m.formula}`,
    value: composition.molarMassGPerMol,
    unit: 'g/mol',
    formula: 'M = Σᵢ nᵢ·Aᵣ(i), standard atomic weights (IUPAC, via mf-parser)',
    inputs: [materialInput(m)],
  });
}

async function theoreticalCapacity(context: Context, m: Material, ions: number): Promise<Derived> {
  const quantity = `theoretical gravimetric capacity for ${ions} ${m.workingIon ?? 'ion'} per formula unit`;
  const formula = 'Q = n·F / (3.6·M)  [mAh/g; F in C/mol, M in g/mol]';
  guarded('ionsExchanged', () => gravimetricCapacityMAhPerG(ions, 1));
  if (!m.workingIon) return unavailable({ quantity, unit: 'mAh/g', formula, reason: `${m.name} has no working ion (role ${m.role})` });
  const mass = molarMass(m);
  const content = parseFormula(m.formula).amounts[m.workingIon] ?? 0;
  if (ions > content + 1e-9) {
    return unavailable({ quantity, unit: 'mAh/g', formula, inputs: [materialInput(m)], reason: `${m.formula} holds ${content} ${m.workingIon} per formula unit, fewer than the ${ions} requested` });
  }
  const reportedRows = (await context.loaders.computedByMaterialId.load(m.id)).filter((c) => c.propertyKey === 'theoretical_capacity' && c.value !== null);
  const measuredRows = (await context.loaders.measurementsByMaterialId.load(m.id)).filter((c) => c.propertyKey === 'theoretical_capacity' && c.value !== null);
  return {
    ...derived({
      quantity,
      value: gravimetricCapacityMAhPerG(ions, mass.value!),
      unit: 'mAh/g',
      formula,
      inputs: [
        { name: 'n', value: ions, unit: '1', note: `${m.workingIon} ions exchanged per formula unit (argument ionsExchanged)` },
        constantInput('F', 96485.33212, 'C/mol', 'Faraday constant, CODATA 2018 (exact), from mathjs'),
        derivedInput('M', mass),
      ],
      assumptions: ['every exchanged ion transfers one electron', 'capacity per mass of the ion-rich (discharged) formula'],
    }),
    comparisons: [...reportedRows.map((r) => computedInput('reported Q', r)), ...measuredRows.map((r) => measuredInput('reported Q', r))],
  };
}

/** Eq. (1) from stored total energies where a method has them for two alkali contents and the metal; else the reported value. */
async function averageVoltage(context: Context, m: Material, methodId: number | null = null, pair?: { discharged: Structure; charged: Structure }): Promise<Derived> {
  const quantity = `average ${m.workingIon ?? 'working-ion'} intercalation voltage of ${m.formula}`;
  const formula = 'V = −[E(x₁) − E(x₂) − (x₁ − x₂)·E(metal)] / ((x₁ − x₂)·e)  (Eq. 1, balanced for the ions removed)';
  if (!m.workingIon) return unavailable({ quantity, unit: 'V', formula, reason: `${m.name} has no working ion` });
  const computed = await context.loaders.computedByMaterialId.load(m.id);
  const structures = await context.loaders.structuresByMaterialId.load(m.id);
  const fromEnergies = await voltageFromEnergies(context, m, computed, structures, methodId, pair);
  if (fromEnergies) return fromEnergies;
  const measured = (await context.loaders.measurementsByMaterialId.load(m.id)).filter((r) => r.propertyKey === 'average_voltage' && r.value !== null && r.site === null);
  const reportedComputed = computed.filter((c) => c.propertyKey === 'average_voltage' && c.value !== null && c.site === null && (methodId === null || c.methodId === methodId));
  const comparisons = measured.map((r) => measuredInput('measured V', r));
  const first = reportedComputed[0];
  if (first) {
    const method = await context.loaders.methodById.load(first.methodId);
    return {
      ...reported({
        quantity,
        value: valueIn(first, 'V')!,
        unit: 'V',
        source: { paperId: first.paperId, locator: first.locator },
        fact: { type: 'ComputedProperty', id: first.id },
        formula: `reported value computed by the paper with ${formula}`,
        assumptions: [`total energies are not stored, so Eq. (1) cannot be re-evaluated; served as printed (method ${method?.key ?? first.methodId})`],
      }),
      comparisons: [...reportedComputed.slice(1).map((r) => computedInput('other computed V', r)), ...comparisons],
    };
  }
  const firstMeasured = measured[0];
  if (firstMeasured) {
    return {
      ...reported({ quantity, value: valueIn(firstMeasured, 'V')!, unit: 'V', source: { paperId: firstMeasured.paperId, locator: firstMeasured.locator }, fact: { type: 'Measurement', id: firstMeasured.id }, formula: 'reported measured value' }),
      comparisons: comparisons.slice(1),
    };
  }
  return unavailable({ quantity, unit: 'V', formula, reason: 'neither total energies at two alkali contents nor a reported average voltage are stored' });
}

async function voltageFromEnergies(
  context: Context,
  m: Material,
  computed: ComputedProperty[],
  structures: Structure[],
  methodId: number | null,
  pair?: { discharged: Structure; charged: Structure },
): Promise<Derived | null> {
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
  const metalRows = await context.loaders.referenceComputed.load(referenceKey('total_energy', m.workingIon!));
  const metal = metalRows.find((r) => r.methodId === eD.methodId && r.value !== null);
  if (!metal) return null;
  const x1 = ends.discharged.alkaliContent!;
  const x2 = ends.charged.alkaliContent!;
  return derived({
    quantity: `average ${m.workingIon} intercalation voltage ${ends.discharged.formula} → ${ends.charged.formula}`,
    value: averageVoltageV({ dischargedEV: valueIn(eD, 'eV/f.u.')!, chargedEV: valueIn(eC, 'eV/f.u.')!, workingIonMetalEVPerAtom: valueIn(metal, 'eV/f.u.')!, ionContentDischarged: x1, ionContentCharged: x2 }),
    unit: 'V',
    formula: 'V = −[E(x₁) − E(x₂) − (x₁ − x₂)·E(metal)] / ((x₁ − x₂)·e)  (Eq. 1, balanced for the ions removed)',
    inputs: [computedInput(`E(${ends.discharged.formula})`, eD), computedInput(`E(${ends.charged.formula})`, eC), computedInput(`E(${m.workingIon})`, metal), { name: 'x₁ − x₂', value: x1 - x2, unit: '1' }],
    assumptions: ['energies per formula unit of the host from one computational method', 'vs the working-ion metal'],
  });
}

async function voltagePairs(context: Context, m: Material): Promise<VoltagePairParent[]> {
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

/** Volume per formula unit from the stored cells (Z known, or the hexagonal cell of an R lattice = 3 × rhombohedral Z). */
async function volumePerFormulaUnit(context: Context, s: Structure): Promise<Derived> {
  const quantity = `volume per formula unit of ${s.label}`;
  const formula = 'V_f.u. = V_cell / Z';
  const lattices = await context.loaders.latticesByStructureId.load(s.id);
  const withZ = lattices.find((l) => l.formulaUnitsPerCell !== null && latticeVolume(l).value !== null);
  if (withZ) {
    const v = latticeVolume(withZ);
    return derived({ quantity, value: v.value! / withZ.formulaUnitsPerCell!, unit: 'Å3', formula, inputs: [derivedInput('V_cell', v), { name: 'Z', value: withZ.formulaUnitsPerCell, unit: '1', source: { paperId: withZ.paperId, locator: withZ.locator } }] });
  }
  const rh = lattices.find((l) => l.setting === 'RHOMBOHEDRAL' && l.formulaUnitsPerCell !== null);
  const hex = lattices.find((l) => l.setting === 'HEXAGONAL' && latticeVolume(l).value !== null);
  if (rh && hex) {
    const v = latticeVolume(hex);
    return derived({
      quantity,
      value: v.value! / (3 * rh.formulaUnitsPerCell!),
      unit: 'Å3',
      formula: 'V_f.u. = V_hex / (3·Z_rh)',
      inputs: [derivedInput('V_hex', v), { name: 'Z_rh', value: rh.formulaUnitsPerCell, unit: '1', source: { paperId: rh.paperId, locator: rh.locator } }],
      assumptions: ['the hexagonal cell of an R-centred lattice holds three primitive rhombohedral cells'],
    });
  }
  return unavailable({ quantity, unit: 'Å3', formula, reason: lattices.length === 0 ? 'no cell parameters are stored' : 'the number of formula units per cell is not stored for any setting' });
}

function latticeVolume(l: Lattice): Derived {
  const quantity = `${l.setting.toLowerCase()} cell volume`;
  const cell = completeCell(l.setting as LatticeSetting, l);
  if ('cell' in cell) {
    const [a, b, c, alpha, beta, gamma] = cell.cell;
    return derived({
      quantity,
      value: cellVolumeA3(a, b, c, alpha, beta, gamma),
      unit: 'Å3',
      formula: 'V = a·b·c·√(1 − cos²α − cos²β − cos²γ + 2·cosα·cosβ·cosγ)',
      inputs: [
        ['a', l.aA],
        ['b', l.bA],
        ['c', l.cA],
        ['α', l.alphaDeg],
        ['β', l.betaDeg],
        ['γ', l.gammaDeg],
      ]
        .filter(([, v]) => v !== null)
        .map(([name, v]) => ({ name: name as string, value: v as number, unit: (name as string).match(/[abc]/) ? 'Å' : '°', source: { paperId: l.paperId, locator: l.locator } })),
      assumptions: [`parameters not printed follow from the ${l.setting.toLowerCase()} setting`],
    });
  }
  if (l.volumeA3 !== null) return reported({ quantity, value: l.volumeA3, unit: 'Å3', source: { paperId: l.paperId, locator: l.locator }, assumptions: [`cell parameter ${cell.missing} is not stored`] });
  return unavailable({ quantity, unit: 'Å3', formula: 'V = a·b·c·√(…)', reason: `cell parameter ${cell.missing} is not stored` });
}

async function convertedLattice(context: Context, s: Structure): Promise<DerivedLatticeParent | null> {
  if (!s.spaceGroupSymbol?.startsWith('R')) return null;
  const lattices = await context.loaders.latticesByStructureId.load(s.id);
  const hex = lattices.find((l) => l.setting === 'HEXAGONAL' && l.aA !== null && l.cA !== null);
  const rh = lattices.find((l) => l.setting === 'RHOMBOHEDRAL' && l.aA !== null && l.alphaDeg !== null);
  const src = (l: Lattice) => ({ paperId: l.paperId, locator: l.locator });
  if (hex) {
    const cell = hexagonalToRhombohedral({ aA: hex.aA!, cA: hex.cA! });
    const inputs: DerivationInput[] = [
      { name: 'a_hex', value: hex.aA, unit: 'Å', source: src(hex) },
      { name: 'c_hex', value: hex.cA, unit: 'Å', source: src(hex) },
    ];
    const a = derived({ quantity: 'rhombohedral a', value: cell.aA, unit: 'Å', formula: 'a_rh = a_hex·β/3, β = √(3 + (c_hex/a_hex)²)  (Eq. S1)', inputs });
    const alpha = derived({ quantity: 'rhombohedral α', value: cell.alphaDeg, unit: 'deg', formula: 'α_rh = 2·asin(3/(2β)), β = √(3 + (c_hex/a_hex)²)  (Eq. S1)', inputs });
    const volume = latticeVolume({ ...hex, setting: 'RHOMBOHEDRAL', aA: cell.aA, bA: null, cA: null, alphaDeg: cell.alphaDeg, betaDeg: null, gammaDeg: null, volumeA3: null });
    return { setting: 'RHOMBOHEDRAL', a, c: null, alpha, volume: { ...volume, inputs: [derivedInput('a_rh', a), derivedInput('α_rh', alpha)] }, stored: rh ?? null };
  }
  if (rh) {
    const cell = rhombohedralToHexagonal({ aA: rh.aA!, alphaDeg: rh.alphaDeg! });
    const inputs: DerivationInput[] = [
      { name: 'a_rh', value: rh.aA, unit: 'Å', source: src(rh) },
      { name: 'α_rh', value: rh.alphaDeg, unit: 'deg', source: src(rh) },
    ];
    const a = derived({ quantity: 'hexagonal a', value: cell.aA, unit: 'Å', formula: 'a_hex = 2·a_rh·sin(α/2)  (inverse of Eq. S1)', inputs });
    const c = derived({ quantity: 'hexagonal c', value: cell.cA, unit: 'Å', formula: 'c_hex = a_rh·√(3 + 6·cos α)  (inverse of Eq. S1)', inputs });
    const volume = latticeVolume({ ...rh, setting: 'HEXAGONAL', aA: cell.aA, bA: null, cA: cell.cA, alphaDeg: null, betaDeg: null, gammaDeg: null, volumeA3: null });
    return { setting: 'HEXAGONAL', a, c, alpha: null, volume: { ...volume, inputs: [derivedInput('a_hex', a), derivedInput('c_hex', c)] }, stored: null };
  }
  return null;
}

async function stabilityOf(context: Context, m: Material): Promise<Assessment> {
  const { loaders } = context;
  const [computed, structures, participations] = await Promise.all([
    loaders.computedByMaterialId.load(m.id),
    loaders.structuresByMaterialId.load(m.id),
    loaders.participationsByMaterialId.load(m.id),
  ]);
  const structureById = new Map(structures.map((s) => [s.id, s]));
  const of = (key: string) => computed.filter((c) => c.propertyKey === key && c.value !== null);
  const relative = of('relative_energy').filter((c) => c.configuration);
  const inputs: StabilityInputs = {
    relativeEnergies: relative.map((c) => ({ configuration: c.configuration!, valueMeV: valueIn(c, 'meV/f.u.')!, evidence: computedInput(`ΔE(${c.configuration})`, c) })),
    deltaEAfmFm: null,
    reductionEnthalpy: null,
    competingPhases: [],
    shortestOODistances: [],
    ooIpcohp: [],
    o2Ipcohp: null,
  };
  // ΔE(AFM−FM) of the ion-rich structure of the ground-state polymorph (Table I for R-3 Na1MO3).
  const groundPolymorph = [...relative].sort((a, b) => a.value! - b.value!)[0]?.configuration?.split(/\s+/)[0];
  const deltaRows = of('delta_e_afm_fm')
    .filter((c) => c.structureId !== null)
    .map((c) => ({ c, s: structureById.get(c.structureId!)! }))
    .filter(({ s }) => !groundPolymorph || s.spaceGroupSymbol === groundPolymorph)
    .sort((a, b) => (b.s.alkaliContent ?? 0) - (a.s.alkaliContent ?? 0));
  if (deltaRows[0]) inputs.deltaEAfmFm = { valueMeV: valueIn(deltaRows[0].c, 'meV/f.u.')!, evidence: computedInput(`ΔE(AFM−FM) ${deltaRows[0].s.label}`, deltaRows[0].c) };
  const reduction = of('reduction_enthalpy')[0];
  if (reduction) inputs.reductionEnthalpy = { valueEV: valueIn(reduction, 'eV/f.u.')!, evidence: computedInput('ΔE_reduction', reduction) };
  const reactionIds = [...new Set(participations.filter((p) => p.side === 'REACTANT').map((p) => p.reactionId))];
  const reactions = (await loaders.reactionById.loadMany(reactionIds)).filter((r): r is Reaction => r !== null && !(r instanceof Error));
  // All equations at once: one participants batch and one materials batch, whatever the count.
  const decompositions = reactions.filter((r) => r.propertyKey === 'decomposition_enthalpy');
  const equations = await Promise.all(decompositions.map((r) => reactionEquation(context, r)));
  decompositions.forEach((r, i) => {
    const equation = equations[i]!;
    inputs.competingPhases.push({ equation, valueEV: valueIn(r, 'eV')!, evidence: { name: `ΔH(${equation})`, value: r.value, unit: r.unit, source: { paperId: r.paperId, locator: r.locator }, fact: { type: 'Reaction', id: r.id } } });
  });
  const seen = new Set<string>();
  for (const c of of('o_o_distance').filter((c) => c.site?.toLowerCase().startsWith('shortest'))) {
    const label = c.structureId ? structureById.get(c.structureId)!.label : m.formula;
    if (seen.has(`${label}:${c.value}`)) continue; // the same distance printed in two tables
    seen.add(`${label}:${c.value}`);
    inputs.shortestOODistances.push({ structure: label, valueA: valueIn(c, 'Å')!, evidence: computedInput(`d(O–O) ${label}`, c) });
  }
  for (const c of of('neg_ipcohp').filter((c) => c.site === 'O–O')) {
    const label = c.structureId ? structureById.get(c.structureId)!.label : m.formula;
    inputs.ooIpcohp.push({ structure: label, valueEV: valueIn(c, 'eV')!, evidence: computedInput(`−IpCOHP(O–O) ${label}`, c) });
  }
  if (m.elements.includes('O') && m.formula !== 'O2') {
    const ipcohp = await loaders.referenceComputed.load(referenceKey('neg_ipcohp', 'O2'));
    const o2 = ipcohp.find((r) => r.value !== null);
    if (o2) inputs.o2Ipcohp = { valueEV: valueIn(o2, 'eV')!, evidence: computedInput('−IpCOHP(O2 molecule)', o2) };
  }
  return assess(inputs);
}

async function coatingPairs(context: Context, m: Material, properties: readonly string[] | null | undefined): Promise<CoatingEffectParent[]> {
  if (properties?.length) await requireProperties(context, properties, 'properties');
  const { loaders } = context;
  const pairsOf = async (pristine: Material, coated: Material) => {
    const [p, c] = await Promise.all([loaders.measurementsByMaterialId.load(pristine.id), loaders.measurementsByMaterialId.load(coated.id)]);
    const out: CoatingEffectParent[] = [];
    for (const cm of c) {
      if (cm.value === null) continue;
      if (properties?.length ? !properties.includes(cm.propertyKey) : SETUP_PROPERTIES.has(cm.propertyKey)) continue;
      const match = p.find((pm) => pm.value !== null && pm.propertyKey === cm.propertyKey && pm.site === cm.site && sameConditions(pm, cm));
      if (match) out.push({ pristine: match, coated: cm });
    }
    return out;
  };
  if (m.substrateId) {
    const substrate = await loaders.materialById.load(m.substrateId);
    return substrate ? pairsOf(substrate, m) : [];
  }
  const forms = await loaders.coatedFormsBySubstrateId.load(m.id);
  return (await Promise.all(forms.map((f) => pairsOf(m, f)))).flat();
}

async function tmMigration(context: Context, m: Material): Promise<TmMigrationParent | null> {
  const structures = (await context.loaders.structuresByMaterialId.load(m.id)).filter((s) => s.tmInLiLayerPercent !== null && s.state);
  const find = (pattern: RegExp) => structures.find((s) => pattern.test(s.state!));
  const pristine = find(/^pristine/i);
  const charged = find(/^charged/i);
  const discharged = find(/^discharged/i);
  return pristine && charged && discharged ? { pristine, charged, discharged } : null;
}

const tmInput = (name: string, s: Structure): DerivationInput => ({ name, value: s.tmInLiLayerPercent, unit: '%', source: { paperId: s.paperId, locator: s.locator }, fact: { type: 'Structure', id: s.id } });

export const derivedResolvers: Resolvers = {
  DerivedQuantity: {
    source: (d) => d.source ?? null,
    factId: (d) => (d.fact ? toGlobalId(d.fact.type, d.fact.id) : null),
    reason: (d) => d.reason ?? null,
    reportedValues: (d) => d.comparisons ?? [],
  },
  DerivationInput: {
    source: (i) => i.source ?? null,
    factId: (i) => (i.fact ? toGlobalId(i.fact.type, i.fact.id) : null),
    derivation: (i) => i.derivation ?? null,
    textValue: (i) => i.textValue ?? null,
    note: (i) => i.note ?? null,
  },
  Material: {
    nelements: (m) => m.elements.length,
    chemicalFormulaReduced: (m) => m.chemicalFormulaReduced ?? chemicalFormulaReduced(parseFormula(m.formula).amounts),
    composition: (m) => Object.entries(parseFormula(m.formula).amounts).map(([element, amount]) => ({ element, amount })),
    molarMass: (m, { unit }) => inUnit(molarMass(m), unit),
    theoreticalCapacity: async (m, { ionsExchanged, unit }, context) => inUnit(await theoreticalCapacity(context, m, ionsExchanged ?? 1), unit),
    averageVoltage: async (m, { unit }, context) => inUnit(await averageVoltage(context, m), unit),
    specificEnergy: async (m, { ionsExchanged, unit }, context) => {
      const ions = ionsExchanged ?? 1;
      const [voltage, capacity] = await Promise.all([averageVoltage(context, m), theoreticalCapacity(context, m, ions)]);
      const quantity = `theoretical specific energy for ${ions} ${m.workingIon ?? 'ion'} per formula unit`;
      const formula = 'E = V̄·Q  [V × mAh/g = Wh/kg]';
      const inputs = [derivedInput('V̄', voltage), derivedInput('Q', capacity)];
      if (voltage.value === null || capacity.value === null) {
        return inUnit(unavailable({ quantity, unit: 'Wh/kg', formula, inputs, reason: voltage.value === null ? `average voltage unavailable: ${voltage.reason}` : `capacity unavailable: ${capacity.reason}` }), unit);
      }
      return inUnit(derived({ quantity, value: specificEnergyWhPerKg(voltage.value, capacity.value), unit: 'Wh/kg', formula, inputs, assumptions: ['the average voltage holds over the whole capacity range'] }), unit);
    },
    voltagePairs: (m, _args, context) => voltagePairs(context, m),
    stability: (m, _args, context) => stabilityOf(context, m),
    capacityFade: async (m, { endOfLifePercent }, context) => {
      const eol = endOfLifePercent ?? 80;
      guarded('endOfLifePercent', () => cyclesToRetention(0.9, 1, eol / 100));
      return (await context.loaders.measurementsByMaterialId.load(m.id))
        .filter((r) => r.propertyKey === 'capacity_retention' && r.value !== null && r.cycleNumber !== null && r.cycleNumber > 0)
        .map((retention) => ({ retention, endOfLifePercent: eol }));
    },
    coatingEffects: (m, { properties }, context) => coatingPairs(context, m, properties),
    tmMigration: (m, _args, context) => tmMigration(context, m),
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
  CapacityFade: {
    fadePerCycle: (f, { unit }) => inUnit(fadeOf(f).fade, unit ?? '%'),
    cyclesToEndOfLife: (f) => fadeOf(f).cycles,
  },
  CoatingEffect: {
    property: async (e, _a, { loaders }) => (await loaders.propertyKeyByKey.load(e.coated.propertyKey))!,
    site: (e) => e.coated.site,
    difference: (e, { unit }) => inUnit(coatingComparison(e).difference, unit),
    ratio: (e) => coatingComparison(e).ratio,
    coatedBetter: (e) => coatingComparison(e).coatedBetter,
  },
  TmMigration: {
    migratedOnCharge: (t) => migration(t).migrated,
    returnedOnDischarge: (t) => migration(t).returned,
    residualAfterDischarge: (t) => migration(t).residual,
    reversibleFraction: (t, { unit }) => inUnit(migration(t).reversible, unit ?? '%'),
  },
  Lattice: {
    volume: (l, { unit }) => inUnit(latticeVolume(l), unit),
  },
  Structure: {
    volumePerFormulaUnit: async (s, { unit }, context) => inUnit(await volumePerFormulaUnit(context, s), unit),
    convertedLattice: (s, _a, context) => convertedLattice(context, s),
    spaceGroupCheck: (s) => (s.spaceGroupSymbol && s.spaceGroupNumber !== null ? checkSpaceGroup(s.spaceGroupSymbol, s.spaceGroupNumber) : null),
  },
  Conditions: {
    currentDensity: (m, { unit }) => inUnit(currentDensityOf(m), unit),
    cRateDerived: (m) => cRateDerivedOf(m),
    impliedOneC: (m, { unit }) => inUnit(impliedOneCOf(m), unit),
  },
};

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
  const mass = derived({ quantity: `molar mass of ${p.discharged.formula}`, value: parseFormula(p.discharged.formula).molarMassGPerMol, unit: 'g/mol', formula: 'M = Σᵢ nᵢ·Aᵣ(i)', inputs: [{ name: 'formula', value: null, textValue: p.discharged.formula, unit: '', source: { paperId: p.discharged.paperId, locator: p.discharged.locator }, fact: { type: 'Structure', id: p.discharged.id } }] });
  const dx: DerivationInput = { name: 'Δx', value: s.ionsExchangedPerFormulaUnit, unit: '1', note: `${ion} per formula unit: ${p.discharged.alkaliContent} → ${p.charged.alkaliContent}` };
  const gravimetricCapacity = derived({
    quantity: `gravimetric capacity ${p.discharged.formula} → ${p.charged.formula}`,
    value: s.gravimetricCapacityMAhPerG,
    unit: 'mAh/g',
    formula: 'Q = Δx·F / (3.6·M_discharged)',
    inputs: [dx, constantInput('F', 96485.33212, 'C/mol', 'Faraday constant, CODATA 2018, from mathjs'), derivedInput('M_discharged', mass)],
    assumptions: ['capacity per mass of the discharged (ion-rich) formula, as pymatgen does'],
  });
  const volumetricCapacity =
    s.volumetricCapacityMAhPerCm3 !== null
      ? derived({ quantity: 'volumetric capacity', value: s.volumetricCapacityMAhPerCm3, unit: 'mAh/cm3', formula: 'Q_vol = Q·ρ_discharged, ρ = M / (N_A·V_f.u.)', inputs: [derivedInput('Q', gravimetricCapacity), derivedInput('V_f.u.(discharged)', vD)] })
      : unavailable({ quantity: 'volumetric capacity', unit: 'mAh/cm3', formula: 'Q_vol = Q·ρ_discharged', inputs: [derivedInput('V_f.u.(discharged)', vD)], reason: `volume per formula unit of ${p.discharged.label} unavailable: ${vD.reason}` });
  const energyInputs = [derivedInput('V̄', voltage), derivedInput('Q', gravimetricCapacity)];
  const gravimetricEnergy =
    voltage.value !== null
      ? derived({ quantity: 'gravimetric energy', value: s.specificEnergyWhPerKg, unit: 'Wh/kg', formula: 'E = V̄·Q', inputs: energyInputs })
      : unavailable({ quantity: 'gravimetric energy', unit: 'Wh/kg', formula: 'E = V̄·Q', inputs: energyInputs, reason: `average voltage unavailable: ${voltage.reason}` });
  const volumetricEnergy =
    voltage.value !== null && s.energyDensityWhPerL !== null
      ? derived({ quantity: 'volumetric energy', value: s.energyDensityWhPerL, unit: 'Wh/L', formula: 'E_vol = V̄·Q_vol', inputs: [derivedInput('V̄', voltage), derivedInput('Q_vol', volumetricCapacity)] })
      : unavailable({ quantity: 'volumetric energy', unit: 'Wh/L', formula: 'E_vol = V̄·Q_vol', inputs: [derivedInput('V̄', voltage), derivedInput('Q_vol', volumetricCapacity)], reason: voltage.value === null ? `average voltage unavailable: ${voltage.reason}` : `volumetric capacity unavailable: ${volumetricCapacity.reason}` });
  const volumeChange =
    s.volumeChangeFraction !== null
      ? derived({ quantity: 'volume change on charge', value: s.volumeChangeFraction, unit: '1', formula: 'ΔV/V = (V_f.u.(charged) − V_f.u.(discharged)) / V_f.u.(discharged)', inputs: [derivedInput('V_f.u.(discharged)', vD), derivedInput('V_f.u.(charged)', vC)], assumptions: ['a signed fraction (0.05 = 5 % expansion); request unit "%" for percent'] })
      : unavailable({ quantity: 'volume change on charge', unit: '1', formula: 'ΔV/V = (V_charged − V_discharged) / V_discharged', inputs: [derivedInput('V_f.u.(discharged)', vD), derivedInput('V_f.u.(charged)', vC)], reason: [vD, vC].filter((v) => v.value === null).map((v) => `${v.quantity}: ${v.reason}`).join('; ') });
  return { step: s, gravimetricCapacity, volumetricCapacity, gravimetricEnergy, volumetricEnergy, volumeChange };
}

function fadeOf({ retention, endOfLifePercent }: CapacityFadeParent): { fade: Derived; cycles: Derived } {
  const r = valueIn(retention, '1')!;
  const n = retention.cycleNumber!;
  const inputs = [measuredInput(`R(${n})`, retention), { name: 'N', value: n, unit: 'cycle', source: { paperId: retention.paperId, locator: retention.locator } }];
  const assumptions = ['constant fade per cycle (geometric decay) from cycle 0 to N', 'retention relative to the cell\'s own initial capacity as printed'];
  if (!(r > 0 && r <= 1)) {
    const reason = `retention ${retention.value} ${retention.unit} is not in (0, 100 %]`;
    return { fade: unavailable({ quantity: 'capacity fade per cycle', unit: '1', formula: 'f = 1 − R^(1/N)', inputs, reason }), cycles: unavailable({ quantity: 'cycles to end of life', unit: 'cycle', formula: 'N·ln(EOL)/ln(R)', inputs, reason }) };
  }
  const fade = derived({ quantity: 'capacity fade per cycle', value: fadePerCycleFraction(r, n), unit: '1', formula: 'f = 1 − R^(1/N)', inputs, assumptions });
  const cycles = cyclesToRetention(r, n, endOfLifePercent / 100);
  return {
    fade,
    cycles: Number.isFinite(cycles)
      ? derived({ quantity: `cycles to ${endOfLifePercent} % retention`, value: cycles, unit: 'cycle', formula: 'N_EOL = N·ln(EOL)/ln(R)', inputs: [...inputs, { name: 'EOL', value: endOfLifePercent, unit: '%', note: 'end-of-life retention (argument endOfLifePercent)' }], assumptions })
      : unavailable({ quantity: `cycles to ${endOfLifePercent} % retention`, unit: 'cycle', formula: 'N_EOL = N·ln(EOL)/ln(R)', inputs, reason: 'no fade measured (100 % retention)' }),
  };
}

function coatingComparison({ pristine, coated }: CoatingEffectParent) {
  const p = pristine.value!;
  const c = valueIn(coated, pristine.unit)!;
  const cmp = comparePair(coated.propertyKey, p, c);
  const inputs = [measuredInput('pristine', pristine), measuredInput('coated', coated)];
  const assumptions = ['paired only because every stated condition is identical'];
  return {
    difference: derived({ quantity: `${coated.propertyKey} coated − pristine`, value: cmp.difference, unit: pristine.unit, formula: 'Δ = x_coated − x_pristine', inputs, assumptions }),
    ratio:
      cmp.ratio === null
        ? unavailable({ quantity: `${coated.propertyKey} coated / pristine`, unit: '1', formula: 'x_coated / x_pristine', inputs, reason: 'the pristine value is 0' })
        : derived({ quantity: `${coated.propertyKey} coated / pristine`, value: cmp.ratio, unit: '1', formula: 'r = x_coated / x_pristine', inputs, assumptions }),
    coatedBetter: cmp.coatedBetter,
  };
}

function migration(t: TmMigrationParent) {
  const r = migrationReversibility({ pristinePercent: t.pristine.tmInLiLayerPercent!, chargedPercent: t.charged.tmInLiLayerPercent!, dischargedPercent: t.discharged.tmInLiLayerPercent! });
  const p = tmInput('TM(pristine)', t.pristine);
  const c = tmInput('TM(charged)', t.charged);
  const d = tmInput('TM(discharged)', t.discharged);
  const assumptions = ['TM-in-Li-layer fractions from the refinements of three samples through the first cycle; a percentage-point difference'];
  const migrated = derived({ quantity: 'TM migrated into the Li layer on charge', value: r.migratedOnChargePoints, unit: '%', formula: 'TM(charged) − TM(pristine)', inputs: [c, p], assumptions });
  const returned = derived({ quantity: 'TM returned on discharge', value: r.returnedOnDischargePoints, unit: '%', formula: 'TM(charged) − TM(discharged)', inputs: [c, d], assumptions });
  return {
    migrated,
    returned,
    residual: derived({ quantity: 'TM left in the Li layer after discharge, above pristine', value: r.residualPoints, unit: '%', formula: 'TM(discharged) − TM(pristine)', inputs: [d, p], assumptions }),
    reversible:
      r.reversibleFraction === null
        ? unavailable({ quantity: 'reversible fraction of TM migration', unit: '1', formula: 'returned / migrated', inputs: [c, p, d], reason: 'no TM migrated on charge' })
        : derived({ quantity: 'reversible fraction of TM migration', value: r.reversibleFraction, unit: '1', formula: '[TM(charged) − TM(discharged)] / [TM(charged) − TM(pristine)]', inputs: [derivedInput('returned', returned), derivedInput('migrated', migrated)], assumptions }),
  };
}

const conditionsSource = (m: Measurement) => ({ paperId: m.paperId, locator: m.locator });

/** The stored condition value as a comparison beside a derived one. */
const storedCondition = (m: Measurement, name: string, value: number | null, unit: string): DerivationInput[] =>
  value === null ? [] : [{ name, value, unit, source: conditionsSource(m), fact: { type: 'Measurement', id: m.id } }];

/**
 * A rate condition derived through the paper's 1C definition from the other one when both that
 * and 1C are stated (the printed value, if any, beside it); else the printed value.
 */
function viaOneC(
  m: Measurement,
  spec: {
    quantity: string;
    formula: string;
    unit: string;
    printed: { name: string; value: number | null };
    from: { name: string; value: number | null; unit: string };
    compute: (from: number, oneCMAPerG: number) => number;
  },
): Derived {
  const { quantity, formula, unit, printed, from } = spec;
  if (from.value !== null && m.oneCMAPerG !== null) {
    return {
      ...derived({
        quantity,
        value: spec.compute(from.value, m.oneCMAPerG),
        unit,
        formula,
        inputs: [...storedCondition(m, from.name, from.value, from.unit), ...storedCondition(m, '1C', m.oneCMAPerG, 'mA/g')],
        assumptions: [`1C = ${m.oneCMAPerG} mA/g as defined in the paper`],
      }),
      comparisons: storedCondition(m, `${printed.name} (printed)`, printed.value, unit),
    };
  }
  if (printed.value !== null) return reported({ quantity, value: printed.value, unit, source: conditionsSource(m), fact: { type: 'Measurement', id: m.id } });
  return unavailable({ quantity, unit, formula, reason: from.value === null ? 'no C-rate or current density is stated' : "the paper's 1C definition is not stored" });
}

/** I = n·(1C) from the stated C-rate, else the printed current density. */
function currentDensityOf(m: Measurement): Derived {
  return viaOneC(m, {
    quantity: 'current density',
    formula: 'I = n·(1C)',
    unit: 'mA/g',
    printed: { name: 'I', value: m.currentDensityMAPerG },
    from: { name: 'n', value: m.cRate, unit: 'C' },
    compute: currentDensityMAPerG,
  });
}

/** n = I / (1C) from the stated current density, else the printed C-rate. */
function cRateDerivedOf(m: Measurement): Derived {
  return viaOneC(m, {
    quantity: 'C-rate',
    formula: 'n = I / (1C)',
    unit: '1',
    printed: { name: 'n', value: m.cRate },
    from: { name: 'I', value: m.currentDensityMAPerG, unit: 'mA/g' },
    compute: cRateOf,
  });
}

function impliedOneCOf(m: Measurement): Derived {
  const quantity = '1C current density';
  if (m.currentDensityMAPerG !== null && m.cRate !== null) {
    const stated = m.oneCMAPerG !== null ? [{ name: '1C (stored)', value: m.oneCMAPerG, unit: 'mA/g', source: conditionsSource(m) }] : [];
    return {
      ...derived({
        quantity,
        value: impliedOneCMAPerG(m.currentDensityMAPerG, m.cRate),
        unit: 'mA/g',
        formula: '1C = I / n',
        inputs: [
          { name: 'I', value: m.currentDensityMAPerG, unit: 'mA/g', source: conditionsSource(m) },
          { name: 'n', value: m.cRate, unit: 'C', source: conditionsSource(m) },
        ],
        assumptions: ['the printed current density and C-rate describe the same test'],
      }),
      comparisons: stated,
    };
  }
  if (m.oneCMAPerG !== null) return reported({ quantity, value: m.oneCMAPerG, unit: 'mA/g', source: conditionsSource(m), fact: { type: 'Measurement', id: m.id } });
  return unavailable({ quantity, unit: 'mA/g', formula: '1C = I / n', reason: 'needs both a current density and a C-rate, or a stated 1C' });
}
