/**
 * Every electrode of the bundled Materials Project export re-derived with the functions the API
 * serves (src/derive/electrode.ts): capacity from the two formulas and the ion's valence
 * (n·z·F/M of the discharged formula), energy = V × capacity, and the ion's atomic fractions,
 * each within 1e-6 relative of MP's value (an independent implementation found ≤ 5e-8).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { gravimetricCapacityMAhPerG } from '../../src/derive/capacity.js';
import { rederiveElectrode, relativeDifference } from '../../src/derive/electrode.js';
import { MP_SEED_DIR } from '../../src/seed/run.js';
import { parseExplorerCsv } from '../../src/seed/materials-project.js';

const TOLERANCE = 1e-6;
const records = parseExplorerCsv(readFileSync(path.join(MP_SEED_DIR, 'insertion-electrodes.csv'), 'utf8'));

test('capacity, energies and ion fractions follow from the formulas for every MP electrode (≤ 1e-6)', () => {
  const worst = { capacity: 0, energy: 0, volumetricEnergy: 0, fraction: 0 };
  const failures: string[] = [];
  for (const r of records) {
    const v = r.values;
    const d = rederiveElectrode(r, v.averageVoltage!, v.volumetricCapacity);
    const diffs = {
      capacity: relativeDifference(d.gravimetricCapacityMAhPerG, v.gravimetricCapacity!),
      energy: relativeDifference(d.gravimetricEnergyWhPerKg, v.gravimetricEnergy!),
      volumetricEnergy: relativeDifference(d.volumetricEnergyWhPerL!, v.volumetricEnergy!),
      fraction: Math.max(relativeDifference(d.workingIonFractionCharge, v.atomicFractionCharge!), relativeDifference(d.workingIonFractionDischarge, v.atomicFractionDischarge!)),
    };
    for (const [k, diff] of Object.entries(diffs) as [keyof typeof worst, number][]) {
      worst[k] = Math.max(worst[k], diff);
      if (!(diff <= TOLERANCE)) failures.push(`${r.batteryId} ${k}: relative difference ${diff}`);
    }
  }
  assert.deepEqual(failures.slice(0, 20), [], `worst: ${JSON.stringify(worst)}`);
});

test('multivalent ions carry their valence: Mg (z = 2), Al and Y (z = 3)', () => {
  for (const [id, z] of [['mp-102_Mg', 2], ['mp-30_Al', 3], ['mp-567597_Y', 3]] as const) {
    const r = records.find((x) => x.batteryId === id)!;
    const d = rederiveElectrode(r, r.values.averageVoltage!);
    assert.equal(d.valence, z);
    assert.ok(relativeDifference(d.gravimetricCapacityMAhPerG, r.values.gravimetricCapacity!) <= TOLERANCE, id);
    // One electron per ion (the old assumption) would be z times too small.
    const monovalent = gravimetricCapacityMAhPerG(d.ionsExchangedPerFormulaUnit, d.dischargedMolarMassGPerMol, 1);
    assert.ok(relativeDifference(monovalent * z, r.values.gravimetricCapacity!) <= TOLERANCE, id);
  }
});

test('formulas with parentheses scale the framework: Rb(Cr5Te8)3 → RbCr5Te8 moves 2/3 Rb per RbCr5Te8', () => {
  const r = records.find((x) => x.batteryId === 'mp-975531_Rb')!;
  const d = rederiveElectrode(r, r.values.averageVoltage!);
  assert.ok(Math.abs(d.chargeScale - 1 / 3) < 1e-12);
  assert.ok(Math.abs(d.ionsExchangedPerFormulaUnit - 2 / 3) < 1e-12);
});
