/**
 * Correlation between two properties across materials: Pearson r, Spearman ρ (ties get averaged
 * ranks), least-squares line and residuals. Statistics come from simple-statistics; ranking is
 * done here only because its rank correlation does not average ties.
 */
import { linearRegression, rSquared, sampleCorrelation } from 'simple-statistics';
import { DerivationInputError } from './capacity.js';

export interface Point {
  label: string;
  x: number;
  y: number;
}

export interface CorrelationResult {
  n: number;
  pearsonR: number | null;
  spearmanRho: number | null;
  slope: number | null;
  intercept: number | null;
  rSquared: number | null;
  /** y − (slope·x + intercept), in point order (null when no line can be fitted). */
  residuals: (number | null)[];
  /** Why a statistic is null. */
  notes: string[];
}

/**
 * Ranks 1..n, tied values sharing the mean of the ranks they span. The values are sorted as a
 * Float64Array (a numeric sort without a comparator: several times faster at a whole family's
 * tens of thousands of points); a value's ties are then the run between its first and last place.
 */
export function averagedRanks(values: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return values.map((v) => (firstIndex(sorted, v, false) + firstIndex(sorted, v, true) - 1) / 2 + 1);
}

/** Index in ascending `sorted` of the first element above v (`above`) or at least v; its length when none. */
function firstIndex(sorted: Float64Array, v: number, above: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v || (above && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isConstant = (values: readonly number[]) => values.every((v) => v === values[0]);

export function correlate(points: readonly Point[]): CorrelationResult {
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new DerivationInputError(`point ${p.label} is not a pair of numbers`);
  }
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const notes: string[] = [];
  const n = points.length;
  if (n < 3) {
    notes.push(`${n} point${n === 1 ? '' : 's'}: at least 3 are needed for a correlation`);
    return { n, pearsonR: null, spearmanRho: null, slope: null, intercept: null, rSquared: null, residuals: points.map(() => null), notes };
  }
  if (isConstant(xs) || isConstant(ys)) {
    notes.push(`${isConstant(xs) ? 'x' : 'y'} is the same for every point: the correlation is undefined`);
  }
  const defined = !isConstant(xs) && !isConstant(ys);
  const pearsonR = defined ? sampleCorrelation(xs, ys) : null;
  const spearmanRho = defined ? sampleCorrelation(averagedRanks(xs), averagedRanks(ys)) : null;
  const line = !isConstant(xs) ? linearRegression(points.map((p) => [p.x, p.y])) : null;
  const predict = line ? (x: number) => line.m * x + line.b : null;
  return {
    n,
    pearsonR,
    spearmanRho,
    slope: line ? line.m : null,
    intercept: line ? line.b : null,
    rSquared: line && predict && defined ? rSquared(points.map((p) => [p.x, p.y]), predict) : null,
    residuals: points.map((p) => (predict ? p.y - predict(p.x) : null)),
    notes,
  };
}
