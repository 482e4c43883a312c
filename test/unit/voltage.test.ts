import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFormula } from '../../src/derive/composition.js';
import { hexagonalVolumeA3 } from '../../src/derive/lattice.js';
import { atomicFraction, averageVoltageV, voltageStep } from '../../src/derive/voltage.js';

test('Eq. (1), balanced for 0.5 Na: energies 1 eV apart per 0.5 Na above the Na reference give the right voltage', () => {
  // E(Na0.5MO3) + 0.5·E(Na) − E(Na1MO3) = 0.5 × 5.907 eV  ⇒  V = 5.907 V.
  const eNa = -1.3;
  const eCharged = -40;
  const eDischarged = eCharged + 0.5 * eNa - 0.5 * 5.907;
  const v = averageVoltageV({ dischargedEV: eDischarged, chargedEV: eCharged, workingIonMetalEVPerAtom: eNa, ionContentDischarged: 1, ionContentCharged: 0.5, workingIonValence: 1 });
  assert.ok(Math.abs(v - 5.907) < 1e-12, `${v}`);
});

test('Eq. (1) refuses a step that removes no working ion', () => {
  assert.throws(() => averageVoltageV({ dischargedEV: -40, chargedEV: -38, workingIonMetalEVPerAtom: -1.3, ionContentDischarged: 0.5, ionContentCharged: 0.5, workingIonValence: 1 }), /must hold more working ions/);
});

test('NaVO3 → Na0.5VO3 step: half of the 220 mAh/g, energy at Table III\'s 5.907 V, volumetric only with both volumes', () => {
  const d = parseFormula('NaVO3');
  const c = parseFormula('Na0.5VO3');
  // hexagonal cell from Table S1 holds 6 formula units; P-31m: Table S2 cell, formula units not printed.
  const vD = hexagonalVolumeA3({ aA: 5.003, cA: 15.225 }) / 6;
  const step = voltageStep(
    { formula: 'NaVO3', amounts: d.amounts, molarMassGPerMol: d.molarMassGPerMol, volumePerFormulaUnitA3: vD },
    { formula: 'Na0.5VO3', amounts: c.amounts, molarMassGPerMol: c.molarMassGPerMol, volumePerFormulaUnitA3: null },
    'Na',
    5.907,
  );
  assert.equal(step.ionsExchangedPerFormulaUnit, 0.5);
  assert.ok(Math.abs(step.gravimetricCapacityMAhPerG - 109.9) < 0.1, `${step.gravimetricCapacityMAhPerG}`);
  assert.ok(Math.abs(step.specificEnergyWhPerKg - 5.907 * step.gravimetricCapacityMAhPerG) < 1e-9);
  assert.equal(step.workingIonFractionDischarge, 0.2);
  assert.ok(Math.abs(step.workingIonFractionCharge - 0.5 / 4.5) < 1e-12);
  assert.ok(step.volumetricCapacityMAhPerCm3 !== null && Math.abs(step.volumetricCapacityMAhPerCm3 - 404.6) < 1, `${step.volumetricCapacityMAhPerCm3}`);
  assert.equal(step.volumeChangeFraction, null);
});

test('volume change is a signed fraction of the discharged volume', () => {
  const d = parseFormula('LiCoO2');
  const c = parseFormula('Li0.5CoO2');
  const step = voltageStep(
    { formula: 'LiCoO2', amounts: d.amounts, molarMassGPerMol: d.molarMassGPerMol, volumePerFormulaUnitA3: 32 },
    { formula: 'Li0.5CoO2', amounts: c.amounts, molarMassGPerMol: c.molarMassGPerMol, volumePerFormulaUnitA3: 32.8 },
    'Li',
    3.9,
  );
  assert.ok(Math.abs(step.volumeChangeFraction! - 0.025) < 1e-12);
});

test('atomic fraction of the working ion', () => {
  assert.equal(atomicFraction({ Na: 1, V: 1, O: 3 }, 'Na'), 0.2);
  assert.equal(atomicFraction({ V: 1, O: 3 }, 'Na'), 0);
});
