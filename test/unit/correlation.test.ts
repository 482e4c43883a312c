import assert from 'node:assert/strict';
import { test } from 'node:test';
import { averagedRanks, correlate } from '../../src/derive/correlation.js';
import { ELF_MAX_AND_VOLTAGE } from '../fixtures/namo3-tables.js';

const points = ELF_MAX_AND_VOLTAGE.map(([label, x, y]) => ({ label, x, y }));

test('NaMO3: voltage falls as ELFmax rises once Co is left out (Spearman ρ = −1)', () => {
  const withoutCo = correlate(points.filter((p) => p.label !== 'Co'));
  assert.equal(withoutCo.n, 5);
  assert.ok(Math.abs(withoutCo.spearmanRho! + 1) < 1e-12);
  assert.ok(withoutCo.pearsonR! < -0.95, `r = ${withoutCo.pearsonR}`);
  assert.ok(withoutCo.slope! < 0);
});

test('NaMO3: with Co the trend is much weaker', () => {
  const all = correlate(points);
  const withoutCo = correlate(points.filter((p) => p.label !== 'Co'));
  assert.equal(all.n, 6);
  assert.ok(Math.abs(all.pearsonR!) < Math.abs(withoutCo.pearsonR!) - 0.2, `r all = ${all.pearsonR}, without Co = ${withoutCo.pearsonR}`);
  assert.ok(all.spearmanRho! > -1);
  // Co sits furthest below the fitted line.
  const coIndex = points.findIndex((p) => p.label === 'Co');
  const mostNegative = all.residuals.indexOf(Math.min(...all.residuals.map((r) => r!)));
  assert.equal(mostNegative, coIndex);
});

test('residuals are y minus the fitted line and sum to zero', () => {
  const r = correlate(points);
  points.forEach((p, i) => assert.ok(Math.abs(r.residuals[i]! - (p.y - (r.slope! * p.x + r.intercept!))) < 1e-12));
  assert.ok(Math.abs(r.residuals.reduce((a, b) => a! + b!, 0)!) < 1e-9);
});

test('averaged ranks agree with ranking by definition, ties, negatives and zeros included', () => {
  // By definition: a value's rank is 1 + the number of smaller values + half of its equal others.
  const byDefinition = (values: number[]) => values.map((v) => 1 + values.filter((w) => w < v).length + (values.filter((w) => w === v).length - 1) / 2);
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let round = 0; round < 50; round++) {
    const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () => [Math.round(random() * 8) - 4, random() * 100 - 50, 0, -0][Math.floor(random() * 4)]!);
    assert.deepEqual(averagedRanks(values), byDefinition(values));
  }
});

test('ties share averaged ranks', () => {
  assert.deepEqual(averagedRanks([10, 20, 20, 30]), [1, 2.5, 2.5, 4]);
  assert.deepEqual(averagedRanks([3, 1, 2]), [3, 1, 2]);
  const tied = correlate([
    { label: 'a', x: 1, y: 1 },
    { label: 'b', x: 2, y: 2 },
    { label: 'c', x: 2, y: 3 },
    { label: 'd', x: 3, y: 4 },
  ]);
  // Ranks x = [1, 2.5, 2.5, 4], y = [1, 2, 3, 4] → Pearson of ranks = 0.9487.
  assert.ok(Math.abs(tied.spearmanRho! - 0.948683) < 1e-6);
});

test('too few points or a constant axis give nulls with a note, not numbers', () => {
  const two = correlate(points.slice(0, 2));
  assert.equal(two.pearsonR, null);
  assert.match(two.notes[0]!, /at least 3/);
  const flat = correlate([
    { label: 'a', x: 1, y: 5 },
    { label: 'b', x: 2, y: 5 },
    { label: 'c', x: 3, y: 5 },
  ]);
  assert.equal(flat.pearsonR, null);
  assert.equal(flat.slope, 0);
  assert.match(flat.notes[0]!, /y is the same/);
  assert.throws(() => correlate([{ label: 'x', x: Number.NaN, y: 1 }]), /not a pair of numbers/);
});
