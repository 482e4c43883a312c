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

/** Ranks 1..n, tied values sharing the mean of the ranks they span. */
export function averagedRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
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
