/**
 * Degradation relations: capacity fade per cycle, projected cycle life, coated-vs-pristine
 * comparisons of paired measurements, and reversibility of transition-metal migration.
 */
import { DerivationInputError } from './capacity.js';

/** Trace texts of the fade relations below (maths: fadePerCycleFraction, cyclesToRetention). */
export const CAPACITY_FADE = {
  formula: 'f = 1 − R^(1/N)',
  cyclesFormula: 'N_EOL = N·ln(EOL)/ln(R)',
  assumptions: ['constant fade per cycle (geometric decay) from cycle 0 to N', "retention relative to the cell's own initial capacity as printed"],
} as const;

/**
 * Constant per-cycle fade f that leaves retention R after N cycles: R = (1 − f)^N, so
 * f = 1 − R^(1/N). R as a fraction (0.792 for 79.2 %).
 */
export function fadePerCycleFraction(retentionFraction: number, cycles: number): number {
  if (!(retentionFraction > 0 && retentionFraction <= 1)) throw new DerivationInputError(`retention must be in (0, 1] as a fraction (got ${retentionFraction})`);
  if (!(Number.isInteger(cycles) && cycles > 0)) throw new DerivationInputError(`cycle count must be a positive integer (got ${cycles})`);
  return 1 - retentionFraction ** (1 / cycles);
}

/** Cycles until retention reaches `endOfLife` (default 80 %) at the same constant fade: N·ln(EOL)/ln(R). */
export function cyclesToRetention(retentionFraction: number, cycles: number, endOfLifeFraction = 0.8): number {
  const fade = fadePerCycleFraction(retentionFraction, cycles);
  if (!(endOfLifeFraction > 0 && endOfLifeFraction < 1)) throw new DerivationInputError(`end-of-life retention must be in (0, 1) (got ${endOfLifeFraction})`);
  if (fade === 0) return Number.POSITIVE_INFINITY;
  return Math.log(endOfLifeFraction) / Math.log(1 - fade);
}

/** Which direction is better for a property (its vocabulary entry's `better`), when a coating changes it. */
export type Better = 'HIGHER' | 'LOWER';

export interface PairComparison {
  /** coated − pristine, in the pair's unit. */
  difference: number;
  /** coated / pristine (null when pristine is 0). */
  ratio: number | null;
  /** true when the coated value is better in the property's improvement direction; null if none is defined or equal. */
  coatedBetter: boolean | null;
}

/** Trace texts of a coated-vs-pristine pair (maths: comparePair). */
export const COATING_PAIR = {
  differenceFormula: 'Δ = x_coated − x_pristine',
  ratioFormula: 'r = x_coated / x_pristine',
  assumptions: ['paired only because every stated condition is identical'],
} as const;

export function comparePair(direction: Better | null | undefined, pristine: number, coated: number): PairComparison {
  const difference = coated - pristine;
  return {
    difference,
    ratio: pristine === 0 ? null : coated / pristine,
    coatedBetter: direction == null || difference === 0 ? null : direction === 'HIGHER' ? difference > 0 : difference < 0,
  };
}

export interface MigrationStates {
  /** TM fraction in the Li layer, percent, in the pristine, charged and discharged states. */
  pristinePercent: number;
  chargedPercent: number;
  dischargedPercent: number;
}

export interface MigrationReversibility {
  /** Percentage points that moved into the Li layer on charge. */
  migratedOnChargePoints: number;
  /** Percentage points that moved back on discharge. */
  returnedOnDischargePoints: number;
  /** Still in the Li layer after discharge beyond the pristine level, points. */
  residualPoints: number;
  /** returned / migrated, as a fraction (null when nothing migrated). */
  reversibleFraction: number | null;
}

/** Trace texts of TM migration through the first cycle (maths: migrationReversibility). */
export const TM_MIGRATION = {
  migratedFormula: 'TM(charged) − TM(pristine)',
  returnedFormula: 'TM(charged) − TM(discharged)',
  residualFormula: 'TM(discharged) − TM(pristine)',
  reversibleFormula: '[TM(charged) − TM(discharged)] / [TM(charged) − TM(pristine)]',
  assumptions: ['TM-in-Li-layer fractions from the refinements of three samples through the first cycle; a percentage-point difference'],
} as const;

export function migrationReversibility(states: MigrationStates): MigrationReversibility {
  for (const [name, value] of Object.entries(states)) {
    if (!(value >= 0 && value <= 100)) throw new DerivationInputError(`${name} must be a percentage in [0, 100] (got ${value})`);
  }
  const migrated = states.chargedPercent - states.pristinePercent;
  const returned = states.chargedPercent - states.dischargedPercent;
  return {
    migratedOnChargePoints: migrated,
    returnedOnDischargePoints: returned,
    residualPoints: states.dischargedPercent - states.pristinePercent,
    reversibleFraction: migrated > 0 ? returned / migrated : null,
  };
}
