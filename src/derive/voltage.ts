/**
 * Average intercalation voltage from DFT total energies, and the quantities of one voltage step
 * between a discharged and a charged structure (the fields the Materials Project battery explorer
 * serves per step, with pymatgen's conventions: capacity per mass of the discharged formula).
 */
import { valenceOf } from './working-ion.js';
import { AVOGADRO_PER_MOL, DerivationInputError, energyDensityWhPerL, gravimetricCapacityMAhPerG, specificEnergyWhPerKg, volumetricCapacityMAhPerCm3 } from './capacity.js';

/** Trace text of the average voltage (maths: averageVoltageV). */
export const AVERAGE_VOLTAGE = {
  unit: 'V',
  formula: "V = −[E(x₁) − E(x₂) − (x₁ − x₂)·E(metal)] / ((x₁ − x₂)·z·e)  (Eq. 1, balanced for the ions removed, z the ion's valence)",
  assumptions: ['energies per formula unit of the host from one computational method', 'vs the working-ion metal'],
} as const;

/** A measured voltage that stands for the average of a (dis)charge: an average voltage, or a plateau. */
export function isAverageOrPlateauVoltage(propertyKey: string, site: string | null): boolean {
  return propertyKey === 'average_voltage' || (propertyKey === 'voltage' && site !== null && /plateau/i.test(site));
}

/**
 * V = −[E(A_x1 H) − E(A_x2 H) − (x1 − x2)·E(A)] / ((x1 − x2)·z·e), energies in eV per formula unit
 * of host H, E(A) per atom of the metallic working ion, z its valence (Mg²⁺ moves two electrons per
 * ion). For NaMO3 (x1 = 1, x2 = 0.5, z = 1) this is the paper's Eq. (1) with the Na reference
 * balanced for the 0.5 Na removed.
 */
export function averageVoltageV(energies: {
  dischargedEV: number;
  chargedEV: number;
  workingIonMetalEVPerAtom: number;
  ionContentDischarged: number;
  ionContentCharged: number;
  workingIonValence: number;
}): number {
  const dx = energies.ionContentDischarged - energies.ionContentCharged;
  if (!(dx > 0)) throw new DerivationInputError(`the discharged structure must hold more working ions than the charged one (x = ${energies.ionContentDischarged} vs ${energies.ionContentCharged})`);
  for (const [name, value] of Object.entries(energies)) {
    if (!Number.isFinite(value)) throw new DerivationInputError(`${name} must be a number (got ${value})`);
  }
  if (!(energies.workingIonValence > 0)) throw new DerivationInputError(`the working ion's valence must be positive (got ${energies.workingIonValence})`);
  return -(energies.dischargedEV - energies.chargedEV - dx * energies.workingIonMetalEVPerAtom) / (dx * energies.workingIonValence);
}

export interface StepEnd {
  /** Formula as written, e.g. `NaVO3`, `Na0.5VO3`. */
  formula: string;
  /** Element amounts per formula unit. */
  amounts: Record<string, number>;
  molarMassGPerMol: number;
  /** Cell volume per formula unit, Å³, when known. */
  volumePerFormulaUnitA3: number | null;
}

export interface VoltageStep {
  ionsExchangedPerFormulaUnit: number;
  /** Atomic fraction of the working ion in each formula (MP's fracA_discharge / fracA_charge). */
  workingIonFractionDischarge: number;
  workingIonFractionCharge: number;
  gravimetricCapacityMAhPerG: number;
  specificEnergyWhPerKg: number;
  volumetricCapacityMAhPerCm3: number | null;
  energyDensityWhPerL: number | null;
  /** (V_charge − V_discharge) / V_discharge per formula unit, as a fraction (not percent). */
  volumeChangeFraction: number | null;
  /** Density of the discharged phase, g/cm³. */
  dischargedDensityGPerCm3: number | null;
}

/** Trace text of a step's volume change (maths: voltageStep's volumeChangeFraction). */
export const VOLUME_CHANGE = {
  unit: '1',
  formula: 'ΔV/V = (V_f.u.(charged) − V_f.u.(discharged)) / V_f.u.(discharged)',
  assumptions: ['a signed fraction (0.05 = 5 % expansion); request unit "%" for percent'],
} as const;

/** Trace text of the working ion's atomic fraction in a formula (maths: atomicFraction). */
export const WORKING_ION_FRACTION = { unit: '1', formula: 'x(ion) / Σ x(all atoms)' } as const;

export function atomicFraction(amounts: Record<string, number>, element: string): number {
  const total = Object.values(amounts).reduce((a, b) => a + b, 0);
  return (amounts[element] ?? 0) / total;
}

export function voltageStep(discharged: StepEnd, charged: StepEnd, workingIon: string, averageVoltage: number): VoltageStep {
  const ions = (discharged.amounts[workingIon] ?? 0) - (charged.amounts[workingIon] ?? 0);
  if (!(ions > 0)) throw new DerivationInputError(`${discharged.formula} → ${charged.formula} removes no ${workingIon}`);
  const capacity = gravimetricCapacityMAhPerG(ions, discharged.molarMassGPerMol, valenceOf(workingIon));
  const bothVolumes = discharged.volumePerFormulaUnitA3 !== null && charged.volumePerFormulaUnitA3 !== null;
  const density = discharged.volumePerFormulaUnitA3 !== null ? discharged.molarMassGPerMol / (AVOGADRO_PER_MOL * discharged.volumePerFormulaUnitA3 * 1e-24) : null;
  const volumetric = density !== null ? volumetricCapacityMAhPerCm3(capacity, density) : null;
  return {
    ionsExchangedPerFormulaUnit: ions,
    workingIonFractionDischarge: atomicFraction(discharged.amounts, workingIon),
    workingIonFractionCharge: atomicFraction(charged.amounts, workingIon),
    gravimetricCapacityMAhPerG: capacity,
    specificEnergyWhPerKg: specificEnergyWhPerKg(averageVoltage, capacity),
    volumetricCapacityMAhPerCm3: volumetric,
    energyDensityWhPerL: volumetric !== null ? energyDensityWhPerL(averageVoltage, volumetric) : null,
    volumeChangeFraction: bothVolumes ? (charged.volumePerFormulaUnitA3! - discharged.volumePerFormulaUnitA3!) / discharged.volumePerFormulaUnitA3! : null,
    dischargedDensityGPerCm3: density,
  };
}
