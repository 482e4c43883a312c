import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFormula } from '../../src/derive/composition.js';
import {
  crystalDensityGPerCm3,
  cRateOf,
  currentDensityMAPerG,
  DerivationInputError,
  gravimetricCapacityMAhPerG,
  impliedOneCMAPerG,
  specificEnergyWhPerKg,
} from '../../src/derive/capacity.js';

test('NaVO3 exchanging one Na gives the paper\'s ≈220 mAh/g (Sec. III)', () => {
  const capacity = gravimetricCapacityMAhPerG(1, parseFormula('NaVO3').molarMassGPerMol, 1);
  assert.ok(Math.abs(capacity - 220) < 0.5, `${capacity}`);
});

test('capacity scales with the ions exchanged: 0.5 Na is half of 1 Na', () => {
  const m = parseFormula('NaVO3').molarMassGPerMol;
  assert.equal(gravimetricCapacityMAhPerG(0.5, m, 1), gravimetricCapacityMAhPerG(1, m, 1) / 2);
});

test('LiCoO2 textbook check: one Li per formula is ≈274 mAh/g', () => {
  const capacity = gravimetricCapacityMAhPerG(1, parseFormula('LiCoO2').molarMassGPerMol, 1);
  assert.ok(Math.abs(capacity - 273.8) < 0.3, `${capacity}`);
});

test('specific energy is V × mAh/g in Wh/kg', () => {
  assert.equal(specificEnergyWhPerKg(5.907, 220), 5.907 * 220);
});

test('7C with the Yoon paper\'s 1C = 220 mA/g is 1540 mA/g, and back', () => {
  assert.equal(currentDensityMAPerG(7, 220), 1540);
  assert.equal(cRateOf(1540, 220), 7);
});

test('4 mA/g printed as ~C/68 implies 1C ≈ 272 mA/g (Gent et al.)', () => {
  assert.equal(impliedOneCMAPerG(4, 1 / 68), 272);
  // With the C-rate stored to 3 significant digits (0.0147) the implied 1C is 272.1 mA/g.
  assert.ok(Math.abs(impliedOneCMAPerG(4, 0.0147) - 272) < 0.2);
});

test('crystal density of R-3 NaVO3 from its rhombohedral cell (Z = 2) is ≈3.68 g/cm³', () => {
  // Table S1: a_rh = 5.840 Å, α = 50.729° → V ≈ 110.0 Å³.
  const density = crystalDensityGPerCm3(parseFormula('NaVO3').molarMassGPerMol, 2, 110.0);
  assert.ok(Math.abs(density - 3.681) < 0.005, `${density}`);
});

test('zero, negative and non-numeric inputs are refused with a clear error', () => {
  assert.throws(() => gravimetricCapacityMAhPerG(0, 100, 1), DerivationInputError);
  assert.throws(() => gravimetricCapacityMAhPerG(1, -5, 1), /molar mass must be a positive number/);
  assert.throws(() => currentDensityMAPerG(Number.NaN, 220), /C-rate must be a positive number/);
  assert.throws(() => impliedOneCMAPerG(4, 0), /C-rate/);
});
