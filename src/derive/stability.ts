/**
 * Stability verdicts from computed energies and bonding indicators, each criterion saying what it
 * used. Sign conventions follow the NaMO3 paper: ΔE(AFM−FM) > 0 → ferromagnetic (Tables I/II);
 * ΔE_reduction < 0 → stable against NaMO3 → NaMO2 + ½O2 (Table S4, Eq. S2); ΔH < 0 → stable
 * against a competing-phase combination (Table S5).
 */
import type { DerivationInput } from './quantity.js';

/** Peroxide O–O bond length used as the O2-evolution reference (a reference value, not from the stored papers). */
export const PEROXIDE_O_O_BOND_A = 1.55;
/** −IpCOHP within this fraction of the O2 molecule's counts as "an order of magnitude weaker". */
export const WEAK_O_O_FRACTION_OF_O2 = 0.1;

export type MagneticOrder = 'FM' | 'AFM' | 'NM';

export interface Criterion {
  key: string;
  question: string;
  /** One-sentence answer, with the numbers. */
  answer: string;
  /** true: points to stability; false: points to instability; null: informational or not evaluated. */
  favourable: boolean | null;
  evaluated: boolean;
  evidence: DerivationInput[];
}

export interface Assessment {
  verdict: 'STABLE' | 'UNSTABLE' | 'NOT_EVALUATED';
  summary: string;
  criteriaUsed: string[];
  criteria: Criterion[];
}

const fmt = (n: number, digits = 3) => Number(n.toFixed(digits)).toString();

export function magneticOrderOf(configuration: string): MagneticOrder {
  const order = configuration.trim().split(/\s+/).pop() ?? '';
  if (/AFM/i.test(order)) return 'AFM';
  if (/^FM$/i.test(order)) return 'FM';
  return 'NM';
}

export function orderFromDeltaE(deltaEAfmMinusFm: number): MagneticOrder | 'DEGENERATE' {
  if (deltaEAfmMinusFm > 0) return 'FM';
  if (deltaEAfmMinusFm < 0) return 'AFM';
  return 'DEGENERATE';
}

export interface RelativeEnergy {
  /** e.g. `R-3 FM`, `Pm-3m G-AFM`: polymorph, then magnetic configuration. */
  configuration: string;
  valueMeV: number;
  evidence: DerivationInput;
}

export interface GroundState {
  configuration: string;
  polymorph: string;
  order: MagneticOrder;
  /** Energy to the next configuration of the same polymorph, meV/f.u. (null if it has no other). */
  magneticMarginMeV: number | null;
  /** Energy to the lowest configuration of any other polymorph, meV/f.u. */
  polymorphMarginMeV: number | null;
  otherPolymorph: string | null;
}

export function groundState(entries: RelativeEnergy[]): GroundState | null {
  if (entries.length === 0) return null;
  const sorted = [...entries].sort((a, b) => a.valueMeV - b.valueMeV);
  const lowest = sorted[0]!;
  const polymorph = lowest.configuration.trim().split(/\s+/)[0]!;
  const samePolymorph = sorted.filter((e) => e !== lowest && e.configuration.trim().split(/\s+/)[0] === polymorph);
  const other = sorted.find((e) => e.configuration.trim().split(/\s+/)[0] !== polymorph);
  return {
    configuration: lowest.configuration,
    polymorph,
    order: magneticOrderOf(lowest.configuration),
    magneticMarginMeV: samePolymorph[0] ? samePolymorph[0].valueMeV - lowest.valueMeV : null,
    polymorphMarginMeV: other ? other.valueMeV - lowest.valueMeV : null,
    otherPolymorph: other ? other.configuration : null,
  };
}

export interface StabilityInputs {
  /** Table S3-style relative energies of polymorph/magnetic configurations. */
  relativeEnergies: RelativeEnergy[];
  /** ΔE(AFM−FM) of the ground-state polymorph at the same composition (Table I), meV/f.u. */
  deltaEAfmFm: { valueMeV: number; evidence: DerivationInput } | null;
  /** ΔE for NaMO3 → NaMO2 + ½O2, eV/f.u. */
  reductionEnthalpy: { valueEV: number; evidence: DerivationInput } | null;
  /** Competing-phase decompositions. */
  competingPhases: { equation: string; valueEV: number; evidence: DerivationInput }[];
  /** Shortest O–O distances (any structure of the material), Å. */
  shortestOODistances: { structure: string; valueA: number; evidence: DerivationInput }[];
  /** O–O −IpCOHP values of the material, eV, and the O2 molecule's for reference. */
  ooIpcohp: { structure: string; valueEV: number; evidence: DerivationInput }[];
  o2Ipcohp: { valueEV: number; evidence: DerivationInput } | null;
}

export function magneticCriteria(input: Pick<StabilityInputs, 'relativeEnergies' | 'deltaEAfmFm'>): Criterion[] {
  const ground = groundState(input.relativeEnergies);
  const criteria: Criterion[] = [];
  criteria.push(
    ground
      ? {
          key: 'magnetic-ground-state-relative-energies',
          question: 'Which polymorph and magnetic configuration is lowest in energy?',
          answer:
            `${ground.configuration} is lowest` +
            (ground.magneticMarginMeV !== null ? `, ${fmt(ground.magneticMarginMeV)} meV/f.u. below the next ${ground.polymorph} configuration` : '') +
            (ground.polymorphMarginMeV !== null ? `; the lowest other polymorph (${ground.otherPolymorph}) lies ${fmt(ground.polymorphMarginMeV)} meV/f.u. higher` : '') +
            '.',
          favourable: null,
          evaluated: true,
          evidence: input.relativeEnergies.map((e) => e.evidence),
        }
      : notEvaluated('magnetic-ground-state-relative-energies', 'Which polymorph and magnetic configuration is lowest in energy?', 'no relative energies are stored for this material'),
  );
  const fromDeltaE = input.deltaEAfmFm ? orderFromDeltaE(input.deltaEAfmFm.valueMeV) : null;
  criteria.push(
    input.deltaEAfmFm
      ? {
          key: 'magnetic-ground-state-delta-e',
          question: 'What does the sign of ΔE(AFM−FM) say about the magnetic ground state?',
          answer: `ΔE(AFM−FM) = ${fmt(input.deltaEAfmFm.valueMeV)} meV/f.u. → ${fromDeltaE === 'DEGENERATE' ? 'FM and AFM degenerate' : fromDeltaE === 'FM' ? 'ferromagnetic (positive)' : 'antiferromagnetic (negative)'}.`,
          favourable: null,
          evaluated: true,
          evidence: [input.deltaEAfmFm.evidence],
        }
      : notEvaluated('magnetic-ground-state-delta-e', 'What does the sign of ΔE(AFM−FM) say about the magnetic ground state?', 'no ΔE(AFM−FM) is stored for the ground-state structure (e.g. a nonmagnetic d0 compound)'),
  );
  if (ground && fromDeltaE) {
    const agree = fromDeltaE === ground.order;
    criteria.push({
      key: 'magnetic-ground-state-agreement',
      question: 'Do the relative energies and ΔE(AFM−FM) agree on the magnetic ground state?',
      answer: agree
        ? `Yes: both give ${ground.order}.`
        : `No: the relative energies give ${ground.order} (${ground.configuration}) but ΔE(AFM−FM) gives ${fromDeltaE}; they may come from different functionals, so compare the methods.`,
      favourable: null,
      evaluated: true,
      evidence: [],
    });
  } else {
    criteria.push(notEvaluated('magnetic-ground-state-agreement', 'Do the relative energies and ΔE(AFM−FM) agree on the magnetic ground state?', 'needs both relative energies and ΔE(AFM−FM)'));
  }
  return criteria;
}

export function thermodynamicCriteria(input: Pick<StabilityInputs, 'reductionEnthalpy' | 'competingPhases'>): Criterion[] {
  const reduction = input.reductionEnthalpy;
  const criteria: Criterion[] = [
    reduction
      ? {
          key: 'reduction',
          question: 'Is it stable against reduction to the lower oxide with O2 release?',
          answer:
            reduction.valueEV < 0
              ? `Yes: ΔE_reduction = ${fmt(reduction.valueEV)} eV/f.u. < 0.`
              : `No: ΔE_reduction = ${fmt(reduction.valueEV)} eV/f.u. ≥ 0, so the reduced phase plus O2 is favoured.`,
          favourable: reduction.valueEV < 0,
          evaluated: true,
          evidence: [reduction.evidence],
        }
      : notEvaluated('reduction', 'Is it stable against reduction to the lower oxide with O2 release?', 'no reduction enthalpy is stored'),
  ];
  if (input.competingPhases.length > 0) {
    const winners = input.competingPhases.filter((p) => p.valueEV >= 0).sort((a, b) => b.valueEV - a.valueEV);
    const closest = [...input.competingPhases].sort((a, b) => b.valueEV - a.valueEV)[0]!;
    criteria.push({
      key: 'competing-phases',
      question: 'Is it stable against every competing-phase combination listed?',
      answer:
        winners.length === 0
          ? `Yes: all ${input.competingPhases.length} decompositions have ΔH < 0; the closest is ${closest.equation} (ΔH = ${fmt(closest.valueEV)} eV).`
          : `No: ${winners.map((w) => `${w.equation} (ΔH = ${fmt(w.valueEV)} eV)`).join('; ')} ${winners.length === 1 ? 'wins' : 'win'}.`,
      favourable: winners.length === 0,
      evaluated: true,
      evidence: input.competingPhases.map((p) => p.evidence),
    });
  } else {
    criteria.push(notEvaluated('competing-phases', 'Is it stable against every competing-phase combination listed?', 'no competing-phase reactions are stored'));
  }
  return criteria;
}

export function oxygenEvolutionCriteria(input: Pick<StabilityInputs, 'shortestOODistances' | 'ooIpcohp' | 'o2Ipcohp'>): Criterion[] {
  const criteria: Criterion[] = [];
  const distances = input.shortestOODistances;
  if (distances.length > 0) {
    const shortest = distances.reduce((a, b) => (b.valueA < a.valueA ? b : a));
    criteria.push({
      key: 'o-o-distance',
      question: `Do O ions come close to a peroxide bond (≈${PEROXIDE_O_O_BOND_A} Å)?`,
      answer:
        shortest.valueA > PEROXIDE_O_O_BOND_A
          ? `No: the shortest O–O distance is ${fmt(shortest.valueA)} Å (${shortest.structure}), ${fmt(shortest.valueA - PEROXIDE_O_O_BOND_A, 2)} Å longer.`
          : `Yes: the shortest O–O distance is ${fmt(shortest.valueA)} Å (${shortest.structure}).`,
      favourable: shortest.valueA > PEROXIDE_O_O_BOND_A,
      evaluated: true,
      evidence: [...distances.map((d) => d.evidence), { name: 'd(O–O) peroxide', value: PEROXIDE_O_O_BOND_A, unit: 'Å', note: 'reference peroxide O–O bond length (assumption, not from the stored papers)' }],
    });
  } else {
    criteria.push(notEvaluated('o-o-distance', `Do O ions come close to a peroxide bond (≈${PEROXIDE_O_O_BOND_A} Å)?`, 'no shortest O–O distance is stored'));
  }
  if (input.ooIpcohp.length > 0 && input.o2Ipcohp) {
    const o2 = input.o2Ipcohp.valueEV;
    const strongest = input.ooIpcohp.reduce((a, b) => (b.valueEV > a.valueEV ? b : a));
    const weak = strongest.valueEV <= WEAK_O_O_FRACTION_OF_O2 * o2;
    criteria.push({
      key: 'o-o-ipcohp',
      question: 'Is O–O bonding weak compared with the O2 molecule (−IpCOHP)?',
      answer: weak
        ? `Yes: the largest O–O −IpCOHP is ${fmt(strongest.valueEV)} eV (${strongest.structure}), ≤ ${WEAK_O_O_FRACTION_OF_O2 * 100} % of O2's ${fmt(o2)} eV${strongest.valueEV < 0 ? ' and antibonding' : ''}.`
        : `No: the largest O–O −IpCOHP is ${fmt(strongest.valueEV)} eV (${strongest.structure}), more than ${WEAK_O_O_FRACTION_OF_O2 * 100} % of O2's ${fmt(o2)} eV.`,
      favourable: weak,
      evaluated: true,
      evidence: [...input.ooIpcohp.map((v) => v.evidence), input.o2Ipcohp.evidence],
    });
  } else {
    criteria.push(
      notEvaluated(
        'o-o-ipcohp',
        'Is O–O bonding weak compared with the O2 molecule (−IpCOHP)?',
        input.o2Ipcohp ? 'no O–O −IpCOHP value is stored for this material (curves printed only as a figure)' : 'the O2 reference −IpCOHP is not stored',
      ),
    );
  }
  return criteria;
}

function notEvaluated(key: string, question: string, reason: string): Criterion {
  return { key, question, answer: `Not evaluated: ${reason}.`, favourable: null, evaluated: false, evidence: [] };
}

export function assess(input: StabilityInputs): Assessment {
  const criteria = [...magneticCriteria(input), ...thermodynamicCriteria(input), ...oxygenEvolutionCriteria(input)];
  const judged = criteria.filter((c) => c.evaluated && c.favourable !== null);
  const failed = judged.filter((c) => c.favourable === false);
  const verdict = judged.length === 0 ? 'NOT_EVALUATED' : failed.length > 0 ? 'UNSTABLE' : 'STABLE';
  const summary =
    verdict === 'NOT_EVALUATED'
      ? 'No stability criterion could be evaluated from the stored facts.'
      : verdict === 'STABLE'
        ? `Stable on all ${judged.length} criteria evaluated (${judged.map((c) => c.key).join(', ')}).`
        : `Unstable on ${failed.map((c) => c.key).join(', ')}${judged.length > failed.length ? `; favourable on ${judged.filter((c) => c.favourable).map((c) => c.key).join(', ')}` : ''}.`;
  return { verdict, summary, criteriaUsed: criteria.filter((c) => c.evaluated).map((c) => c.key), criteria };
}
