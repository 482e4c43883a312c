import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chemicalFormulaReduced, FormulaError, parseFormula } from '../../src/derive/composition.js';

test('reads fractional subscripts as written (LMR-NMC of Gent 2017)', () => {
  const c = parseFormula('Li1.17Ni0.21Co0.08Mn0.54O2');
  assert.deepEqual(c.amounts, { Co: 0.08, Li: 1.17, Mn: 0.54, Ni: 0.21, O: 2 });
  assert.deepEqual(c.elements, ['Co', 'Li', 'Mn', 'Ni', 'O']);
});

test('reads parentheses and "1/3" fractions', () => {
  assert.deepEqual(parseFormula('(Ni0.21Co0.08Mn0.54)(OH)2').amounts, { Co: 0.08, H: 2, Mn: 0.54, Ni: 0.21, O: 2 });
  assert.deepEqual(parseFormula('LiNi1/3Co1/3Mn1/3O2').amounts, { Co: 0.333333333333, Li: 1, Mn: 0.333333333333, Ni: 0.333333333333, O: 2 });
  assert.deepEqual(parseFormula('Co2.2B').amounts, { B: 1, Co: 2.2 });
});

test('molar mass of NaVO3 from standard atomic weights, ±0.01 g/mol', () => {
  // 22.990 + 50.942 + 3 × 15.999 = 121.929 g/mol
  assert.ok(Math.abs(parseFormula('NaVO3').molarMassGPerMol - 121.929) < 0.01);
});

test('rejects malformed formulas, unknown elements and isotope brackets with the reason', () => {
  assert.throws(() => parseFormula('NaVO3)'), FormulaError);
  assert.throws(() => parseFormula('Xx2O'), /Unknown element/);
  assert.throws(() => parseFormula('Li[6Li]O'), /brackets are not allowed/);
  assert.throws(() => parseFormula(''), /empty/);
  assert.throws(() => parseFormula('Og2'), /no standard atomic weight/);
});

test('reduced formula: alphabetical, integer amounts divided by their gcd', () => {
  assert.equal(chemicalFormulaReduced({ Na: 2, V: 6, O: 16 }), 'Na1O8V3'.replace('Na1', 'Na'));
  assert.equal(chemicalFormulaReduced(parseFormula('Li1.17Ni0.21Co0.08Mn0.54O2').amounts), 'Co0.08Li1.17Mn0.54Ni0.21O2');
});

test('adducts: CuSO4·5H2O is CuS O9 H10 (each part parsed and scaled)', () => {
  const c = parseFormula('CuSO4·5H2O');
  assert.deepEqual(c.amounts, { Cu: 1, S: 1, O: 9, H: 10 });
  assert.ok(Math.abs(c.molarMassGPerMol - 249.68) < 0.02, `${c.molarMassGPerMol}`);
  assert.throws(() => parseFormula('CuSO4·'), /empty part/);
});

test('a "." outside a decimal number is refused, not read as a hydrate separator', () => {
  assert.throws(() => parseFormula('LiNiO.8Co0.1Mn0.1O2'), /not inside a decimal number \(the letter O before "\.8" looks like a zero\)/);
  assert.throws(() => parseFormula('Li1.2Ni.2Mn.6O2'), /digit on both sides/);
  assert.throws(() => parseFormula('CuSO4.5H2O'.replace('4.5', '4.')), /not inside a decimal number/);
  assert.throws(() => parseFormula('LiCoO2.'), /not inside a decimal number/);
  assert.deepEqual(parseFormula('LiNi0.8Co0.1Mn0.1O2').amounts, { Li: 1, Ni: 0.8, Co: 0.1, Mn: 0.1, O: 2 });
});
