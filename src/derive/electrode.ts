/**
 * An insertion electrode's capacity, energy and ion fractions from its two end formulas, the
 * working ion's valence and the average voltage, with pymatgen's conventions (what the Materials
 * Project battery explorer serves, `InsertionElectrode` in pymatgen.apps.battery):
 * - both ends are expressed per framework (the formula without the working ion): the charged
 *   formula is scaled by s so that its framework equals the discharged one's;
 * - n = x(discharged) − s·x(charged) ions move per discharged formula unit, each carrying z charges;
 * - capacity per mass of the discharged formula: Q = n·z·F / (3.6·M_discharged), F/3.6 = 26,801.48 mAh/mol,
 *   with pymatgen's atomic masses (src/derive/pymatgen-masses.ts);
 * - energy = V̄ × Q (per mass and, with MP's volumetric capacity, per volume);
 * - the ion's atomic fraction at each end = x / (atoms per formula unit).
 */
import { DerivationInputError, gravimetricCapacityMAhPerG, specificEnergyWhPerKg } from './capacity.js';
import { parseFormula } from './composition.js';
import { PYMATGEN_ATOMIC_MASS_G_PER_MOL } from './pymatgen-masses.js';
import { atomicFraction } from './voltage.js';
import { valenceOf } from './working-ion.js';

/** Relative tolerance for "the same framework" when the two ends' formulas are compared. */
const FRAMEWORK_TOLERANCE = 1e-6;

/** Trace text of an electrode's re-derived capacity (the maths: rederiveElectrode). */
export const ELECTRODE_CAPACITY_FORMULA = 'Q = n·z·F / (3.6·M_discharged), n = x(discharged) − s·x(charged) per discharged formula unit (s scales the charged framework onto the discharged one)';

export interface ElectrodeEnds {
  workingIon: string;
  /** Ion-poor end as printed, e.g. `CrO3`, `Rb(Cr5Te8)3`. */
  formulaCharge: string;
  /** Ion-rich end as printed, e.g. `NaCrO3`, `RbCr5Te8`. */
  formulaDischarge: string;
}

export interface ElectrodeStoichiometry {
  valence: number;
  /** Charged formula × this = the discharged formula's framework. */
  chargeScale: number;
  ionsExchangedPerFormulaUnit: number;
  /** Molar mass of the discharged formula with pymatgen's atomic masses. */
  dischargedMolarMassGPerMol: number;
  workingIonFractionCharge: number;
  workingIonFractionDischarge: number;
  /** Framework (formula without the working ion) of the discharged formula, element → amount. */
  framework: Record<string, number>;
}

/** Molar mass with pymatgen's atomic masses (the convention of MP's values). */
export function pymatgenMolarMassGPerMol(amounts: Record<string, number>): number {
  let mass = 0;
  for (const [element, amount] of Object.entries(amounts)) {
    const atomic = PYMATGEN_ATOMIC_MASS_G_PER_MOL[element];
    if (atomic === undefined) throw new DerivationInputError(`no atomic mass for element "${element}"`);
    mass += amount * atomic;
  }
  return mass;
}

const without = (amounts: Record<string, number>, element: string) => Object.fromEntries(Object.entries(amounts).filter(([e]) => e !== element));

/**
 * The stoichiometry of an electrode. Throws DerivationInputError when the charged formula is not a
 * sub-composition of the discharged one (other framework, or no fewer working ions), and
 * FormulaError for an unreadable formula.
 */
export function electrodeStoichiometry(ends: ElectrodeEnds): ElectrodeStoichiometry {
  const valence = valenceOf(ends.workingIon);
  const charge = parseFormula(ends.formulaCharge).amounts;
  const discharge = parseFormula(ends.formulaDischarge).amounts;
  const ion = ends.workingIon;
  const frameCharge = without(charge, ion);
  const frameDischarge = without(discharge, ion);
  const elements = Object.keys(frameDischarge);
  const notSub = (why: string) =>
    new DerivationInputError(`charge formula ${ends.formulaCharge} is not a sub-composition of discharge formula ${ends.formulaDischarge}: ${why}`);
  if (elements.length === 0) throw notSub(`the discharged formula has no framework besides ${ion}`);
  const sameElements = Object.keys(frameCharge).length === elements.length && elements.every((e) => e in frameCharge);
  if (!sameElements) throw notSub(`their frameworks have different elements (${Object.keys(frameCharge).sort().join('-')} vs ${[...elements].sort().join('-')})`);
  const scale = frameDischarge[elements[0]!]! / frameCharge[elements[0]!]!;
  for (const e of elements) {
    if (Math.abs(frameCharge[e]! * scale - frameDischarge[e]!) > FRAMEWORK_TOLERANCE * frameDischarge[e]!) {
      throw notSub(`their frameworks are not in the same proportions (${e})`);
    }
  }
  const ions = (discharge[ion] ?? 0) - scale * (charge[ion] ?? 0);
  if (!(ions > FRAMEWORK_TOLERANCE)) throw notSub(`the charged end does not hold fewer ${ion} per framework`);
  return {
    valence,
    chargeScale: scale,
    ionsExchangedPerFormulaUnit: ions,
    dischargedMolarMassGPerMol: pymatgenMolarMassGPerMol(discharge),
    workingIonFractionCharge: atomicFraction(charge, ion),
    workingIonFractionDischarge: atomicFraction(discharge, ion),
    framework: frameDischarge,
  };
}

export interface ElectrodeRederivation extends ElectrodeStoichiometry {
  gravimetricCapacityMAhPerG: number;
  gravimetricEnergyWhPerKg: number;
  /** V̄ × the given volumetric capacity (null without one). */
  volumetricEnergyWhPerL: number | null;
}

/** Capacity, energies and fractions of an electrode from its formulas, valence and voltage. */
export function rederiveElectrode(ends: ElectrodeEnds, averageVoltageV: number, volumetricCapacityMAhPerCm3: number | null = null): ElectrodeRederivation {
  const s = electrodeStoichiometry(ends);
  const capacity = gravimetricCapacityMAhPerG(s.ionsExchangedPerFormulaUnit, s.dischargedMolarMassGPerMol, s.valence);
  return {
    ...s,
    gravimetricCapacityMAhPerG: capacity,
    gravimetricEnergyWhPerKg: specificEnergyWhPerKg(averageVoltageV, capacity),
    volumetricEnergyWhPerL: volumetricCapacityMAhPerCm3 === null ? null : averageVoltageV * volumetricCapacityMAhPerCm3,
  };
}

/** |derived − reported| / |reported| (absolute difference when the reported value is 0). */
export function relativeDifference(derived: number, reported: number): number {
  return reported === 0 ? Math.abs(derived) : Math.abs(derived - reported) / Math.abs(reported);
}
