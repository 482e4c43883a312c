import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { comparePair, cyclesToRetention, fadePerCycleFraction, migrationReversibility, type Better } from '../../src/derive/degradation.js';
import { SEED_DIR } from '../../src/seed/run.js';
import { validateSeedTexts } from '../../src/seed/validate.js';

/** A property's direction of improvement as the vocabulary declares it. */
const vocabulary = validateSeedTexts([{ file: 'vocabulary.yaml', text: readFileSync(path.join(SEED_DIR, 'vocabulary.yaml'), 'utf8') }]).vocabulary;
const better = (key: string): Better | null => {
  const entry = vocabulary.propertyKeys.find((p) => p.key === key);
  assert.ok(entry, `${key} is in the vocabulary`);
  return entry.better ? (entry.better.toUpperCase() as Better) : null;
};

test('pouch cells after 500 cycles (Yoon et al.): 79.2 % → 0.0466 %/cycle, 95.0 % → 0.0103 %/cycle', () => {
  assert.ok(Math.abs(fadePerCycleFraction(0.792, 500) * 100 - 0.04662) < 0.00005);
  assert.ok(Math.abs(fadePerCycleFraction(0.95, 500) * 100 - 0.010258) < 0.00005);
  // Applying the fade N times gives back the printed retention.
  assert.ok(Math.abs((1 - fadePerCycleFraction(0.792, 500)) ** 500 - 0.792) < 1e-12);
});

test('cycles to 80 %: the pristine pouch cell is already past it at 500, the coated one lasts ≈2175', () => {
  assert.ok(Math.abs(cyclesToRetention(0.792, 500) - 478.45) < 0.01);
  assert.ok(Math.abs(cyclesToRetention(0.95, 500) - 2175.17) < 0.01);
  assert.equal(cyclesToRetention(1, 100), Number.POSITIVE_INFINITY);
});

test('fade refuses percentages and non-positive cycle counts', () => {
  assert.throws(() => fadePerCycleFraction(79.2, 500), /fraction/);
  assert.throws(() => fadePerCycleFraction(0.9, 0), /positive integer/);
  assert.throws(() => cyclesToRetention(0.9, 100, 1.2), /end-of-life/);
});

test('coated vs pristine: retention up is better, DSC heat down is better, no verdict for unknown properties', () => {
  const retention = comparePair(better('capacity_retention'), 79.2, 95.0);
  assert.ok(Math.abs(retention.difference - 15.8) < 1e-9);
  assert.ok(Math.abs(retention.ratio! - 95.0 / 79.2) < 1e-12);
  assert.equal(retention.coatedBetter, true);
  const heat = comparePair(better('dsc_heat'), 786.3, 487.9);
  assert.equal(heat.coatedBetter, true);
  assert.ok(Math.abs(heat.difference + 298.4) < 1e-9);
  const onset = comparePair(better('dsc_onset_temperature'), 250.9, 269.5);
  assert.ok(Math.abs(onset.difference - 18.6) < 1e-9);
  assert.equal(onset.coatedBetter, true);
  assert.equal(comparePair(better('band_gap'), 1, 2).coatedBetter, null);
  assert.equal(comparePair(better('capacity_retention'), 0, 2).ratio, null);
});

test('TM migration in LMR-NMC (Gent et al.): 2.8 % → 9.0 % → 4.7 % is 69 % reversible', () => {
  const r = migrationReversibility({ pristinePercent: 2.8, chargedPercent: 9.0, dischargedPercent: 4.7 });
  assert.ok(Math.abs(r.migratedOnChargePoints - 6.2) < 1e-9);
  assert.ok(Math.abs(r.returnedOnDischargePoints - 4.3) < 1e-9);
  assert.ok(Math.abs(r.residualPoints - 1.9) < 1e-9);
  assert.ok(Math.abs(r.reversibleFraction! - 4.3 / 6.2) < 1e-12);
  assert.equal(migrationReversibility({ pristinePercent: 3, chargedPercent: 3, dischargedPercent: 3 }).reversibleFraction, null);
  assert.throws(() => migrationReversibility({ pristinePercent: -1, chargedPercent: 9, dischargedPercent: 4 }), /percentage/);
});
