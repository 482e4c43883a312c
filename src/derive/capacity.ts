/**
 * Charge and energy per mass and volume, and C-rate ↔ current density. Constants come from
 * mathjs (CODATA 2018 exact values), not typed-in digits.
 */
import { math } from '../math.js';

const { avogadro, faraday } = math;

export const FARADAY_C_PER_MOL = faraday.toNumber('C / mol');
export const AVOGADRO_PER_MOL = avogadro.toNumber('mol^-1');
/** 1 mAh = 3.6 C. */
const COULOMB_PER_MAH = 3.6;
const CM3_PER_A3 = 1e-24;

export class DerivationInputError extends Error {}

/** Trace text of the theoretical capacity (the resolvers quote it; the maths is gravimetricCapacityMAhPerG). */
export const THEORETICAL_CAPACITY = {
  unit: 'mAh/g',
  formula: "Q = n·z·F / (3.6·M)  [mAh/g; z the ion's valence, F in C/mol, M in g/mol]",
  stepFormula: 'Q = Δx·z·F / (3.6·M_discharged)',
  assumptions: ['capacity per mass of the ion-rich (discharged) formula, as pymatgen does'],
} as const;

/** The Faraday constant as a trace input. */
export const FARADAY_NOTE = 'Faraday constant, CODATA 2018 (exact), from mathjs';

/** Trace text of the specific energy (maths: specificEnergyWhPerKg). */
export const SPECIFIC_ENERGY = {
  unit: 'Wh/kg',
  formula: 'E = V̄·Q  [V × mAh/g = Wh/kg]',
  assumptions: ['the average voltage holds over the whole capacity range'],
} as const;

/**
 * Material roles that store charge in a cell. A capacity of anything else (an electrolyte salt such
 * as LiPF6, a competing phase, a precursor or reference) would be a number without a meaning.
 */
export const ELECTROCHEMICALLY_ACTIVE_ROLES: ReadonlySet<string> = new Set(['CATHODE', 'COATED_CATHODE', 'ANODE']);

/** Why no capacity is derived for a material of this role, or null when one is. */
export function capacityNotApplicable(name: string, role: string): string | null {
  if (ELECTROCHEMICALLY_ACTIVE_ROLES.has(role)) return null;
  const as = role.toLowerCase().replace(/_/g, ' ');
  return `${name} is stored as ${/^[aeio]/.test(as) ? 'an' : 'a'} ${as}, not an electrochemically active electrode material (roles ${[...ELECTROCHEMICALLY_ACTIVE_ROLES].join(', ')}), so it has no capacity`;
}

function requirePositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw new DerivationInputError(`${name} must be a positive number (got ${value})`);
}

/**
 * Theoretical gravimetric capacity: Q = n·z·F / (3.6·M) in mAh/g for n working ions of valence z
 * (src/derive/working-ion.ts: Li 1, Mg 2, Al 3 …) exchanged per formula unit of molar mass M (g/mol).
 */
export function gravimetricCapacityMAhPerG(ionsPerFormulaUnit: number, molarMassGPerMol: number, valence: number): number {
  requirePositive('ions exchanged per formula unit', ionsPerFormulaUnit);
  requirePositive('molar mass', molarMassGPerMol);
  requirePositive('valence of the working ion', valence);
  return (ionsPerFormulaUnit * valence * FARADAY_C_PER_MOL) / (COULOMB_PER_MAH * molarMassGPerMol);
}

/** Density of a crystal from its cell: ρ = Z·M / (N_A·V), g/cm³. */
export function crystalDensityGPerCm3(molarMassGPerMol: number, formulaUnitsPerCell: number, cellVolumeA3: number): number {
  requirePositive('molar mass', molarMassGPerMol);
  requirePositive('formula units per cell', formulaUnitsPerCell);
  requirePositive('cell volume', cellVolumeA3);
  return (formulaUnitsPerCell * molarMassGPerMol) / (AVOGADRO_PER_MOL * cellVolumeA3 * CM3_PER_A3);
}

/** Trace text of the volumetric capacity (maths: volumetricCapacityMAhPerCm3 with the discharged phase's density). */
export const VOLUMETRIC_CAPACITY = { unit: 'mAh/cm3', formula: 'Q_vol = Q·ρ_discharged, ρ = M / (N_A·V_f.u.)' } as const;

/** Trace text of the volumetric energy (maths: energyDensityWhPerL). */
export const VOLUMETRIC_ENERGY = { unit: 'Wh/L', formula: 'E_vol = V̄·Q_vol' } as const;

/** Volumetric capacity, mAh/cm³, from gravimetric capacity and density. */
export function volumetricCapacityMAhPerCm3(capacityMAhPerG: number, densityGPerCm3: number): number {
  requirePositive('density', densityGPerCm3);
  return capacityMAhPerG * densityGPerCm3;
}

/** Specific energy: V × mAh/g = mWh/g = Wh/kg. */
export function specificEnergyWhPerKg(averageVoltageV: number, capacityMAhPerG: number): number {
  if (!Number.isFinite(averageVoltageV)) throw new DerivationInputError(`average voltage must be a number (got ${averageVoltageV})`);
  requirePositive('capacity', capacityMAhPerG);
  return averageVoltageV * capacityMAhPerG;
}

/** Energy density: V × mAh/cm³ = Wh/L. */
export function energyDensityWhPerL(averageVoltageV: number, capacityMAhPerCm3: number): number {
  return averageVoltageV * capacityMAhPerCm3;
}

/** Trace formulas of the rate relations below, in the symbols the traces name their inputs with. */
export const RATE = {
  currentDensity: 'I = n·(1C)',
  cRate: 'n = I / (1C)',
  oneC: '1C = I / n',
} as const;

/** Current density for a C-rate with a paper's definition of 1C: I = n·(1C). */
export function currentDensityMAPerG(cRate: number, oneCMAPerG: number): number {
  requirePositive('C-rate', cRate);
  requirePositive('1C current density', oneCMAPerG);
  return cRate * oneCMAPerG;
}

/** C-rate of a current density: n = I / (1C). */
export function cRateOf(currentDensity: number, oneCMAPerG: number): number {
  requirePositive('current density', currentDensity);
  requirePositive('1C current density', oneCMAPerG);
  return currentDensity / oneCMAPerG;
}

/** The 1C a paper implies when it prints both a current density and a C-rate: 1C = I / n. */
export function impliedOneCMAPerG(currentDensity: number, cRate: number): number {
  requirePositive('current density', currentDensity);
  requirePositive('C-rate', cRate);
  return currentDensity / cRate;
}
