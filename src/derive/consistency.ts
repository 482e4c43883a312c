/**
 * Consistency checks: a stored value that also follows from other stored values is derived again
 * and compared within the tolerance its printed digits (and its inputs' digits) allow. Each check
 * is a pure function from printed numbers to a verdict; the consistencyChecks query gathers the
 * numbers. Formulas and assumptions of each check live here, once.
 */
import { DerivationInputError, FARADAY_C_PER_MOL, gravimetricCapacityMAhPerG } from './capacity.js';

/** A printed number and the half unit of its last printed digit (5.907 → ±0.0005, 220 → ±0.5). */
export interface Printed {
  value: number;
  tolerance: number;
}

/**
 * Half a unit in the last digit of a number as stored (the digits a paper printed are typed as
 * printed, so a stored 80.28 stands for 80.275…80.285). Trailing zeros of an integer count as
 * significant (220 → ±0.5), the generous reading.
 */
export function digitTolerance(value: number): number {
  const text = String(Math.abs(value)); // "80.28", "220", "1.4e-16"
  const [mantissa, exponent = '0'] = text.split('e');
  const decimals = (mantissa!.split('.')[1] ?? '').length;
  return 0.5 * 10 ** (Number(exponent) - decimals);
}

export const printed = (value: number): Printed => ({ value, tolerance: digitTolerance(value) });

/**
 * f(x) and its tolerance by first-order propagation, Σ |∂f/∂xᵢ|·δxᵢ (central differences), so every
 * check states how far its derived value can move within its inputs' printed digits.
 */
export function propagate(f: (...x: number[]) => number, inputs: Printed[]): Printed {
  const x = inputs.map((i) => i.value);
  const value = f(...x);
  let tolerance = 0;
  inputs.forEach((input, i) => {
    if (input.tolerance === 0) return;
    const h = input.tolerance;
    const up = [...x];
    const down = [...x];
    up[i] = x[i]! + h;
    down[i] = x[i]! - h;
    tolerance += Math.abs((f(...up) - f(...down)) / 2);
  });
  return { value, tolerance };
}

export interface Verdict {
  derived: Printed;
  stored: Printed;
  /** stored − derived. */
  difference: number;
  /** Allowed |difference|: the derived value's propagated tolerance plus the stored value's digits. */
  tolerance: number;
  agrees: boolean;
}

export function compare(derived: Printed, stored: Printed): Verdict {
  const difference = stored.value - derived.value;
  const tolerance = derived.tolerance + stored.tolerance;
  // A relative epsilon so that floating-point noise at the boundary does not flip a verdict.
  return { derived, stored, difference, tolerance, agrees: Math.abs(difference) <= tolerance * (1 + 1e-9) };
}

/** The description of each check, for the query and the docs. */
export interface CheckDefinition {
  key: string;
  quantity: string;
  unit: string;
  formula: string;
  assumptions: string[];
}

export const O_SHARE_OF_HOLE: CheckDefinition = {
  key: 'o-share-of-hole',
  quantity: 'share of the extracted hole on O',
  unit: '%',
  formula: 'h_O = −n_O·Δq(O 2p) / Δx · 100 %',
  assumptions: ['each working ion removed leaves one hole (Δx holes per formula unit)', 'Δq(O 2p) per O, n_O oxygens per formula unit'],
};

/** Share of the holes from removing Δx working ions that sits on oxygen, % (PRMaterials 2020 Sec. III from Table III). */
export function oxygenShareOfHolePercent(oPopulationChangePerO: number, oxygensPerFormulaUnit: number, ionsRemoved: number): number {
  if (!(ionsRemoved > 0)) throw new DerivationInputError(`ions removed must be positive (got ${ionsRemoved})`);
  return (-oxygensPerFormulaUnit * oPopulationChangePerO * 100) / ionsRemoved;
}

export const SPIN_DEFICIT: CheckDefinition = {
  key: 'spin-deficit',
  quantity: 'spin-population deficit of the transition metal',
  unit: 'e',
  formula: 'δ = m_nominal − m, m_nominal = unpaired d electrons of low-spin octahedral Mⁿ⁺',
  assumptions: ['nominal moment of the oxidation state the formula implies (Na⁺, O²⁻), low-spin octahedral'],
};

/** First-row transition metals: group number, so d electrons = group − oxidation state. */
const GROUP: Readonly<Record<string, number>> = { Sc: 3, Ti: 4, V: 5, Cr: 6, Mn: 7, Fe: 8, Co: 9, Ni: 10, Cu: 11, Zn: 12 };
/** Unpaired electrons of dⁿ in a low-spin octahedral field (t2g before eg). */
const LOW_SPIN_UNPAIRED = [0, 1, 2, 3, 2, 1, 0, 1, 2, 1, 0];

/** Nominal spin moment (unpaired electrons) of a 3d metal in an oxidation state, low-spin octahedral. */
export function nominalLowSpinMoment(element: string, oxidationState: number): number {
  const group = GROUP[element];
  if (group === undefined) throw new DerivationInputError(`${element} is not a first-row transition metal`);
  const d = group - oxidationState;
  if (!(Number.isInteger(d) && d >= 0 && d <= 10)) throw new DerivationInputError(`${element}${oxidationState}+ has no d-electron count in 0…10`);
  return LOW_SPIN_UNPAIRED[d]!;
}

export const spinDeficit = (nominal: number, population: number): number => nominal - population;

export const CAPACITY_FROM_ELECTRONS: CheckDefinition = {
  key: 'capacity-from-electrons',
  quantity: 'capacity from electrons per formula unit',
  unit: 'mAh/g',
  formula: 'Q = n·F / (3.6·M)',
  assumptions: ['n electrons per formula unit of molar mass M (Faraday\'s law)'],
};

export const capacityFromElectronsMAhPerG = (electrons: number, molarMassGPerMol: number): number => gravimetricCapacityMAhPerG(electrons, molarMassGPerMol, 1);

/** The site of a stored electron count that stands for the whole capacity (not a part of it). */
export const TOTAL_ELECTRONS_SITE = 'total per formula unit';

/** Electrons per formula unit a capacity stands for: n = 3.6·Q·M / F. */
export const electronsFromCapacity = (capacityMAhPerG: number, molarMassGPerMol: number): number => (3.6 * capacityMAhPerG * molarMassGPerMol) / FARADAY_C_PER_MOL;

export const CHARGE_FROM_CURRENT: CheckDefinition = {
  key: 'current-times-time',
  quantity: 'capacity passed at constant current',
  unit: 'mAh/g',
  formula: 'Q = I·t',
  assumptions: ['constant current over the whole step', 'current, duration and capacity stated under the same conditions'],
};

/**
 * The capacity a constant current passes in a step, per gram or per cm² alike: Q (mAh/g) = I (mA/g) × t (h),
 * Q (mAh/cm²) = I (mA/cm²) × t (h).
 */
export const capacityPassedMAh = (currentMA: number, hours: number): number => currentMA * hours;

/** The capacity unit a current unit passes in hours (mA/g → mAh/g, mA/cm2 → mAh/cm2); null if not a current. */
export function capacityUnitOfCurrent(currentUnit: string): string | null {
  const match = /^mA(\/.+)?$/.exec(currentUnit);
  return match ? `mAh${match[1] ?? ''}` : null;
}

export const AREAL_CAPACITY: CheckDefinition = {
  key: 'areal-capacity',
  quantity: 'areal capacity from loading and specific capacity',
  unit: 'mAh/cm2',
  formula: 'Q_A = m_A·w·Q  (w = 1: the loading is active material)',
  assumptions: ['the specific capacity is per gram of active material', 'loading and areal capacity stated for the same electrode'],
};

/** Q_A (mAh/cm²) = m_A (mg/cm²) / 1000 × w × Q (mAh/g), w the active mass fraction of the loading (1 when the loading is active material). */
export function arealCapacityMAhPerCm2(loadingMgPerCm2: number, capacityMAhPerG: number, activeMassFraction = 1): number {
  if (!(activeMassFraction > 0 && activeMassFraction <= 1)) throw new DerivationInputError(`active mass fraction must be in (0, 1] (got ${activeMassFraction})`);
  return (loadingMgPerCm2 / 1000) * activeMassFraction * capacityMAhPerG;
}

export const DIFFUSIVITY_FROM_DEPTH: CheckDefinition = {
  key: 'diffusivity-from-depth',
  quantity: 'diffusivity from penetration depth and time',
  unit: 'm2/s',
  formula: 'D = L² / (2·d·t), d = 2 (2D random walk)',
  assumptions: ['mean-square displacement ⟨L²⟩ = 2·d·D·t of a random walk in d dimensions', 'L the penetration depth, t the duration of the step that infused the species'],
};

/** D = L² / (2·d·t) in m²/s, depth in m and time in s. */
export function randomWalkDiffusivityM2PerS(depthM: number, timeS: number, dimensions = 2): number {
  if (!(depthM > 0 && timeS > 0)) throw new DerivationInputError('depth and time must be positive');
  return (depthM * depthM) / (2 * dimensions * timeS);
}

export const BRAGG: CheckDefinition = {
  key: 'bragg-wavelength',
  quantity: 'diffraction angle at another wavelength',
  unit: 'deg',
  formula: '2θ₂ = 2·asin(λ₂/λ₁ · sin(2θ₁/2))  (Bragg: the same d spacing)',
  assumptions: ['the same reflection (same d spacing) at both wavelengths'],
};

/** The 2θ (deg) of the same reflection at wavelength λ₂, from 2θ₁ at λ₁ (same units for λ). */
export function braggTwoThetaDeg(twoThetaDeg: number, fromWavelength: number, toWavelength: number): number {
  const s = (toWavelength / fromWavelength) * Math.sin((twoThetaDeg * Math.PI) / 360);
  if (!(s > 0 && s <= 1)) throw new DerivationInputError(`no reflection at λ = ${toWavelength}: sin θ would be ${s}`);
  return (Math.asin(s) * 360) / Math.PI;
}

/** X-ray lines the papers name instead of a number (Å). Cu Kα: the Kα1/Kα2 weighted mean. */
export const XRAY_LINES_A: Readonly<Record<string, number>> = { 'Cu Kα': 1.5418, 'Mo Kα': 0.7107 };

export const SERIES_AVERAGE: CheckDefinition = {
  key: 'series-average',
  quantity: 'average over the members of a series',
  unit: '',
  formula: 'x̄ = Σ xᵢ / N',
  assumptions: ['an unweighted mean over every member the statement covers, each member\'s own value of the property at the same site'],
};

export function mean(values: number[]): number {
  if (values.length === 0) throw new DerivationInputError('a mean needs at least one value');
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Every check, in the order the query lists them. */
export const CHECKS: readonly CheckDefinition[] = [O_SHARE_OF_HOLE, SPIN_DEFICIT, CAPACITY_FROM_ELECTRONS, CHARGE_FROM_CURRENT, AREAL_CAPACITY, DIFFUSIVITY_FROM_DEPTH, BRAGG, SERIES_AVERAGE];
