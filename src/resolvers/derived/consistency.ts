/**
 * The consistencyChecks query: gathers the stored numbers each check of derive/consistency.ts
 * needs (a fixed number of statements, whatever the data size) and lists every comparison.
 */
import type { Coating, ComputedProperty, FamilyFact, FamilyFactMember, Material, MaterialFamily, Measurement, Structure } from '@prisma/client';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';
import { parseFormula } from '../../derive/composition.js';
import {
  AREAL_CAPACITY, arealCapacityMAhPerCm2, BRAGG, braggTwoThetaDeg, CAPACITY_FROM_ELECTRONS, capacityFromElectronsMAhPerG, capacityPassedMAh, capacityUnitOfCurrent, CHARGE_FROM_CURRENT, compare,
  DIFFUSIVITY_FROM_DEPTH, mean, nominalLowSpinMoment, O_SHARE_OF_HOLE, oxygenShareOfHolePercent, printed, propagate, randomWalkDiffusivityM2PerS,
  SERIES_AVERAGE, SPIN_DEFICIT, spinDeficit, TOTAL_ELECTRONS_SITE, XRAY_LINES_A, type CheckDefinition, type Printed, type Verdict,
} from '../../derive/consistency.js';
import { derived, factInput, type Derived, type DerivationInput } from '../../derive/quantity.js';
import { canonicalSite } from '../../derive/site.js';
import { computedInput, measuredInput, sameConditions, valueIn } from '../derived-support.js';

export interface ConsistencyCheckParent {
  check: string;
  /** The material the stored value is about; null for a family statement. */
  material: Material | null;
  family: MaterialFamily | null;
  /** For a family statement: the members it covers (to select it by one member's key). */
  memberIds?: number[];
  verdict: 'AGREES' | 'DISAGREES';
  derived: Derived;
  stored: DerivationInput;
  difference: number;
  tolerance: number;
  unit: string;
}

type FamilyFactRow = FamilyFact & { members: FamilyFactMember[]; family: MaterialFamily };

interface Rows {
  materials: Map<number, Material>;
  structures: Map<number, Structure>;
  /** Coatings by id, for the material a coating is made of. */
  coatings: Map<number, Coating>;
  computed: ComputedProperty[];
  measured: Measurement[];
  /** Family facts stating a series mean. */
  seriesMeans: FamilyFactRow[];
  /** Property keys of set-up parameters (vocabulary `setup`). */
  setupKeys: Set<string>;
}

/** What a comparison is about: a material, or a family for a series statement. */
type Subject = { material: Material } | { family: MaterialFamily };

/** One comparison as served: the derived side with its trace, the stored side with its source. */
function result(definition: CheckDefinition, subject: Subject, verdict: Verdict, inputs: DerivationInput[], stored: DerivationInput, extraAssumptions: string[] = [], unit = definition.unit): ConsistencyCheckParent {
  const material = 'material' in subject ? subject.material : null;
  const family = 'family' in subject ? subject.family : null;
  return {
    check: definition.key,
    material,
    family,
    verdict: verdict.agrees ? 'AGREES' : 'DISAGREES',
    derived: derived({
      quantity: `${definition.quantity} of ${material ? material.formula : family!.name}`,
      value: verdict.derived.value,
      unit,
      formula: definition.formula,
      inputs,
      assumptions: [...definition.assumptions, ...extraAssumptions, `± ${Number(verdict.derived.tolerance.toPrecision(3))} ${unit} from the inputs' tolerances (a printed ±, else the last printed digit; settings exact)`],
    }),
    stored,
    difference: verdict.difference,
    tolerance: verdict.tolerance,
    unit,
  };
}

interface StoredNumber {
  value: number | null;
  valueMax: number | null;
  uncertainty: number | null;
  unit: string;
  propertyKey: string;
  qualifier: string;
}

/**
 * A stored number in `unit` with the tolerance it allows, taken in its own unit (2 µm → ±0.5 µm →
 * ±5e-7 m): its printed ± where one is stated, else half a unit of its last printed digit. A
 * set-up parameter stated without "~" or ± (vocabulary `setup`: a current, a step duration, a
 * capacity limit) is a setting, exact as stated: "2.0" is stored as 2, and reading it as 2 ± 0.5
 * would let any disagreement pass.
 */
function printedIn(rows: Rows, row: StoredNumber, stored: number, unit: string): Printed {
  const tolerance = row.uncertainty !== null ? row.uncertainty : rows.setupKeys.has(row.propertyKey) && row.qualifier === 'EQ' ? 0 : printed(stored).tolerance;
  const at = (x: number) => valueIn({ value: x, unit: row.unit }, unit)!;
  return { value: at(stored), tolerance: Math.abs(at(stored + tolerance) - at(stored)) };
}
const value = (rows: Rows, row: StoredNumber, unit: string): Printed => printedIn(rows, row, row.value!, unit);
/** The upper end of a stored range, as printed. */
const valueMax = (rows: Rows, row: StoredNumber, unit: string): Printed => printedIn(rows, row, row.valueMax!, unit);

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
    const verdict = compare(propagate((q) => oxygenShareOfHolePercent(q, oxygens, ions), [value(rows, dq, 'e')]), value(rows, share, '%'));
    out.push(result(O_SHARE_OF_HOLE, { material }, verdict, [computedInput('Δq(O 2p)', dq), { name: 'n_O', value: oxygens, unit: '1', textValue: material.formula }, { name: 'Δx', value: ions, unit: '1', note: 'working ions removed in the modelled step' }], computedInput('h_O (stored)', share)));
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
      const verdict = compare(propagate((p) => spinDeficit(nominal, p), [value(rows, population, 'e')]), value(rows, deficit, 'e'));
      out.push(result(SPIN_DEFICIT, { material }, verdict, [
        { name: `m_nominal(${metal.element}${metal.oxidationState}+)`, value: nominal, unit: 'e', note: 'unpaired d electrons, low-spin octahedral' },
        computedInput(`m(${structure?.label ?? material.formula})`, population),
      ], computedInput('δ (stored)', deficit), [`population of ${structure?.label ?? 'the material'}`]));
    }
  }
  return out;
}

const CAPACITY_PROPERTIES = ['theoretical_capacity', 'discharge_capacity', 'charge_capacity'];

function capacityFromElectrons(rows: Rows): ConsistencyCheckParent[] {
  const out: ConsistencyCheckParent[] = [];
  const stored = [
    ...rows.computed.filter((c) => CAPACITY_PROPERTIES.includes(c.propertyKey) && c.value !== null).map((r) => ({ row: r, input: computedInput('Q (stored)', r) })),
    ...rows.measured.filter((c) => CAPACITY_PROPERTIES.includes(c.propertyKey) && c.value !== null).map((r) => ({ row: r, input: measuredInput('Q (stored)', r) })),
  ];
  for (const { row, input } of stored) {
    const material = rows.materials.get(row.materialId)!;
    if (!material.workingIon) continue;
    const composition = parseFormula(material.formula);
    const M = { name: 'M', value: composition.molarMassGPerMol, unit: 'g/mol', textValue: material.formula };
    // A theoretical capacity: every working ion of the formula.
    const electrons = composition.amounts[material.workingIon] ?? 0;
    if (row.propertyKey === 'theoretical_capacity' && electrons > 0) {
      const verdict = compare(propagate((n) => capacityFromElectronsMAhPerG(n, composition.molarMassGPerMol), [{ value: electrons, tolerance: 0 }]), value(rows, row, 'mAh/g'));
      out.push(result(CAPACITY_FROM_ELECTRONS, { material }, verdict, [{ name: 'n', value: electrons, unit: 'e', note: `every ${material.workingIon} of ${material.formula}` }, M], input));
    }
    // Any capacity beside a stored count of the electrons it stands for.
    const isCount = (c: ComputedProperty | Measurement) => c.materialId === row.materialId && c.propertyKey === 'exchanged_electrons' && c.site === TOTAL_ELECTRONS_SITE && c.value !== null;
    const counts = [
      ...rows.computed.filter(isCount).map((r) => ({ count: r as ComputedProperty | Measurement, n: computedInput('n', r) })),
      ...rows.measured.filter(isCount).map((r) => ({ count: r as ComputedProperty | Measurement, n: measuredInput('n', r) })),
    ];
    for (const { count, n } of counts) {
      const verdict = compare(propagate((x) => capacityFromElectronsMAhPerG(x, composition.molarMassGPerMol), [value(rows, count, 'e')]), value(rows, row, 'mAh/g'));
      out.push(result(CAPACITY_FROM_ELECTRONS, { material }, verdict, [n, M], input, [`n: the stored electrons per formula unit (${TOTAL_ELECTRONS_SITE}), M of ${material.formula} as stored`]));
    }
  }
  return out;
}

/** Capacities a current passes per gram or per cm², and the currents that pass them. */
const PASSED_CAPACITY_PROPERTIES = ['discharge_capacity', 'charge_capacity', 'areal_capacity'];
const CURRENT_PROPERTIES = ['current_density', 'areal_current_density'];

function currentTimesTime(rows: Rows): ConsistencyCheckParent[] {
  const out: ConsistencyCheckParent[] = [];
  const numeric = (keys: string[]) => rows.measured.filter((m) => keys.includes(m.propertyKey) && m.value !== null);
  const currents = numeric(CURRENT_PROPERTIES);
  const durations = numeric(['step_duration']);
  for (const capacity of numeric(PASSED_CAPACITY_PROPERTIES)) {
    const material = rows.materials.get(capacity.materialId)!;
    const same = (m: Measurement) => m.materialId === capacity.materialId && sameConditions(m, capacity);
    for (const current of currents.filter((c) => same(c) && capacityUnitOfCurrent(c.unit) !== null)) {
      const unit = capacityUnitOfCurrent(current.unit)!;
      for (const duration of durations.filter(same)) {
        const verdict = compare(propagate(capacityPassedMAh, [value(rows, current, current.unit), value(rows, duration, 'h')]), value(rows, capacity, unit));
        out.push(result(CHARGE_FROM_CURRENT, { material }, verdict, [measuredInput('I', current), measuredInput('t', duration)], measuredInput('Q (stored)', capacity),
          [`I: ${current.site ?? current.propertyKey}; t: ${duration.site ?? 'step'}; Q: ${capacity.site ?? capacity.propertyKey}`], unit));
      }
    }
  }
  return out;
}

/** The active-material share of a composite electrode (a mass fraction whose site names the active material). */
const ACTIVE_SHARE = /active material/i;

function arealCapacity(rows: Rows): ConsistencyCheckParent[] {
  const out: ConsistencyCheckParent[] = [];
  const numeric = (key: string) => rows.measured.filter((m) => m.propertyKey === key && m.value !== null);
  for (const stored of numeric('areal_capacity')) {
    const material = rows.materials.get(stored.materialId)!;
    const ofMaterial = (m: Measurement) => m.materialId === stored.materialId;
    // The specific capacity of the same material in the same kind of cell (its own test conditions).
    const capacities = numeric('discharge_capacity').filter((m) => ofMaterial(m) && m.unit.endsWith('/g') && m.cellType !== null && m.cellType === stored.cellType);
    const fractions = numeric('mass_fraction').filter((m) => ofMaterial(m) && ACTIVE_SHARE.test(m.site ?? ''));
    for (const loading of numeric('electrode_loading').filter((m) => ofMaterial(m) && sameConditions(m, stored))) {
      for (const capacity of capacities) {
        // Both readings of the loading: as active material, and as the composite holding each stored active share.
        const readings: [Measurement | null, string][] = [[null, 'the loading read as active material (w = 1)'], ...fractions.map((w): [Measurement, string] => [w, `the loading read as the composite electrode, ${w.value} ${w.unit} active`])];
        for (const [w, reading] of readings) {
          const inputs = [value(rows, loading, 'mg/cm2'), value(rows, capacity, 'mAh/g'), ...(w ? [value(rows, w, '1')] : [])];
          const verdict = compare(propagate((m, q, f = 1) => arealCapacityMAhPerCm2(m, q, f), inputs), value(rows, stored, 'mAh/cm2'));
          out.push(result(AREAL_CAPACITY, { material }, verdict, [measuredInput('m_A', loading), measuredInput('Q', capacity), ...(w ? [measuredInput('w', w)] : [])], measuredInput('Q_A (stored)', stored), [reading]));
        }
      }
    }
  }
  return out;
}

/** A synthesis step that infused the species (its site names the infusion): the time it had to diffuse. */
const INFUSION_STEP = /infus/i;

function diffusivityFromDepth(rows: Rows): ConsistencyCheckParent[] {
  const out: ConsistencyCheckParent[] = [];
  const diffusivities = [
    ...rows.computed.filter((c) => c.propertyKey === 'diffusivity' && c.value !== null).map((r) => ({ row: r, input: (name: string) => computedInput(name, r) })),
    ...rows.measured.filter((c) => c.propertyKey === 'diffusivity' && c.value !== null).map((r) => ({ row: r, input: (name: string) => measuredInput(name, r) })),
  ];
  for (const { row, input } of diffusivities) {
    const species = rows.materials.get(row.materialId)!;
    // The depth is stored on the species itself or on the material it coats and infuses.
    const host = (m: Measurement) => m.materialId === species.id || rows.coatings.get(rows.materials.get(m.materialId)?.coatingId ?? -1)?.materialId === species.id;
    for (const depth of rows.measured.filter((m) => m.propertyKey === 'infusion_depth' && m.value !== null && host(m))) {
      for (const time of rows.measured.filter((m) => m.propertyKey === 'synthesis_time' && m.value !== null && m.materialId === depth.materialId && INFUSION_STEP.test(m.site ?? ''))) {
        const D = (l: number, t: number) => randomWalkDiffusivityM2PerS(l, t, 2);
        const ends: [string, Printed, Printed, Printed][] = [['lower', value(rows, depth, 'm'), value(rows, time, 's'), value(rows, row, 'm2/s')]];
        if (depth.valueMax !== null && row.valueMax !== null) ends.push(['upper', valueMax(rows, depth, 'm'), value(rows, time, 's'), valueMax(rows, row, 'm2/s')]);
        for (const [end, L, t, stored] of ends) {
          const verdict = compare(propagate(D, [L, t]), stored);
          const storedInput = { ...input(`D (stored, ${end} end)`), value: stored.value };
          out.push(result(DIFFUSIVITY_FROM_DEPTH, { material: species }, verdict, [{ ...measuredInput('L', depth), value: L.value, unit: 'm' }, { ...measuredInput('t', time), value: t.value, unit: 's' }], storedInput,
            [`${end} ends of the printed ranges`, `t: ${time.site}`]));
        }
      }
    }
  }
  return out;
}

/** The species a site is about ("O (per O)", "O 2p" → "O"; "M–O, Na1MO3 → …" → "M–O"), for matching a series statement with its members' values. */
const siteSpecies = (site: string | null) => canonicalSite(site ?? '').split(/[\s,(]/)[0]!;

function seriesAverages(rows: Rows): ConsistencyCheckParent[] {
  const out: ConsistencyCheckParent[] = [];
  for (const fact of rows.seriesMeans) {
    // A computed statement is compared with the members' computed values, an experimental one with measured ones.
    const candidates: (ComputedProperty | Measurement)[] = fact.methodId !== null ? rows.computed : rows.measured;
    const own = fact.members.map((member) => candidates.filter((c) => c.materialId === member.materialId && c.propertyKey === fact.propertyKey && c.value !== null && siteSpecies(c.site) === siteSpecies(fact.site)));
    if (own.length === 0 || own.some((values) => values.length !== 1)) continue; // a member without (or with several) own values: no mean to take
    const values = own.map((v) => v[0]!);
    const verdict = compare(propagate((...x) => mean(x), values.map((v) => value(rows, v, fact.unit))), value(rows, fact, fact.unit));
    const inputs = values.map((v) => factInput(`x(${rows.materials.get(v.materialId)!.formula})`, v, fact.methodId !== null ? 'ComputedProperty' : 'Measurement'));
    const check = result(SERIES_AVERAGE, { family: fact.family }, verdict, inputs, factInput('x̄ (stored)', fact, 'FamilyFact'), [`${fact.propertyKey} at ${fact.site ?? 'the site stated'} over ${values.length} members`], fact.unit);
    out.push({ ...check, memberIds: fact.members.map((m) => m.materialId) });
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
      // Both ends when both sides are printed as ranges (9–11° ↔ 20–23°).
      const ends: [string, Printed, Printed][] = [['lower', value(rows, from, 'deg'), value(rows, to, 'deg')]];
      if (from.valueMax !== null && to.valueMax !== null) ends.push(['upper', valueMax(rows, from, 'deg'), valueMax(rows, to, 'deg')]);
      for (const [end, t1, t2] of ends) {
        const verdict = compare(propagate((t) => braggTwoThetaDeg(t, l1, l2), [t1]), t2);
        const range = ends.length > 1 ? [`${end} ends of the printed ranges`] : [];
        out.push(result(BRAGG, { material }, verdict, [{ ...measuredInput('2θ₁', from), value: t1.value }, { name: 'λ₁', value: l1, unit: 'Å' }, { name: 'λ₂', value: l2, unit: 'Å' }],
          { ...measuredInput('2θ₂ (stored)', to), value: t2.value }, [`reflections: ${reflection(from.site)}`, ...range]));
      }
    }
  }
  return out;
}

/** In the order of CHECKS (derive/consistency.ts). */
const CHECKS_WIRED = [oShareOfHole, spinDeficits, capacityFromElectrons, currentTimesTime, arealCapacity, diffusivityFromDepth, braggPairs, seriesAverages];

async function consistencyChecks(context: Context, materialKey: string | null | undefined, onlyDisagreements: boolean): Promise<ConsistencyCheckParent[]> {
  const { prisma } = context;
  const [material, keys, seriesMeans] = await Promise.all([
    materialKey ? prisma.material.findUnique({ where: { key: materialKey } }) : null,
    // Which properties the checks read is declared in the vocabulary (usedBy: consistencyChecks).
    prisma.propertyKey.findMany({ where: { usedBy: { has: 'consistencyChecks' } }, select: { key: true, setup: true } }),
    prisma.familyFact.findMany({ where: { aggregate: 'MEAN', value: { not: null } }, include: { members: true, family: true }, orderBy: { id: 'asc' } }),
  ]);
  if (materialKey && !material) return [];
  const where = { propertyKey: { in: [...new Set([...keys.map((k) => k.key), ...seriesMeans.map((f) => f.propertyKey)])] } };
  const [computed, measured] = await Promise.all([prisma.computedProperty.findMany({ where, orderBy: { id: 'asc' } }), prisma.measurement.findMany({ where, orderBy: { id: 'asc' } })]);
  const materialIds = [...new Set([...computed, ...measured].map((r) => r.materialId))];
  const [materials, structures, coatings] = await Promise.all([
    prisma.material.findMany({ where: { id: { in: materialIds } } }),
    prisma.structure.findMany({ where: { materialId: { in: materialIds } } }),
    prisma.coating.findMany({ where: { materialId: { in: materialIds } } }),
  ]);
  const rows: Rows = {
    materials: new Map(materials.map((m) => [m.id, m])), structures: new Map(structures.map((s) => [s.id, s])), coatings: new Map(coatings.map((c) => [c.id, c])),
    computed, measured, seriesMeans, setupKeys: new Set(keys.filter((k) => k.setup).map((k) => k.key)),
  };
  const about = (c: ConsistencyCheckParent) => !material || c.material?.id === material.id || (c.memberIds ?? []).includes(material.id);
  const all = CHECKS_WIRED.flatMap((check) => check(rows)).filter(about);
  return onlyDisagreements ? all.filter((c) => c.verdict === 'DISAGREES') : all;
}

export const consistencyResolvers: Resolvers = {
  Query: {
    consistencyChecks: (_root, { materialKey, onlyDisagreements }, context) => consistencyChecks(context, materialKey, onlyDisagreements ?? false),
  },
};
