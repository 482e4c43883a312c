/**
 * The 10× electrode set of `npm run bench:electrodes` (scripts/bench/electrode-data.ts): copies of the
 * real rows under new, valid battery ids, deterministic, with E = V̄ × Q kept. Pinned on the MP fixture.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseExplorerCsv } from '../../src/seed/materials-project.js';
import { copiedBatteryId, syntheticElectrodes } from '../../scripts/bench/electrode-data.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'materials-project', 'insertion-electrodes.csv');
const real = parseExplorerCsv(readFileSync(FIXTURE, 'utf8'));

test('copy 0 is the real rows; later copies get new battery ids that MP never issues and keep the formulas', () => {
  const rows = syntheticElectrodes(real, 3);
  assert.equal(rows.length, 3 * real.length);
  assert.deepEqual(rows.slice(0, real.length), real);
  assert.equal(copiedBatteryId('mp-1076642_Na', 1), 'mpb-1076642_Na');
  assert.equal(new Set(rows.map((r) => r.batteryId)).size, rows.length, 'battery ids are unique');
  for (const r of rows) assert.match(r.batteryId, /^[a-z]+-\d+_[A-Z][a-z]?$/);
  const copy = rows[real.length]!;
  assert.equal(copy.formulaDischarge, real[0]!.formulaDischarge);
  assert.equal(copy.values.gravimetricCapacity, real[0]!.values.gravimetricCapacity, 'capacity follows from the formulas: unchanged');
});

test('voltages move by at most 10 %, energies with them (E = V̄ × Q holds to 1e-12), the same on every run', () => {
  const [a, b] = [syntheticElectrodes(real, 2), syntheticElectrodes(real, 2)];
  assert.deepEqual(a, b);
  real.forEach((r, i) => {
    const c = a[real.length + i]!;
    const factor = c.values.averageVoltage! / r.values.averageVoltage!;
    assert.ok(factor >= 0.9 && factor <= 1.1, `${r.batteryId}: factor ${factor}`);
    if (r.values.gravimetricEnergy) assert.ok(Math.abs(c.values.gravimetricEnergy! / r.values.gravimetricEnergy - factor) < 1e-12);
  });
  assert.throws(() => syntheticElectrodes(real, 0), /copies must be/);
});
