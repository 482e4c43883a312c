import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convertValue, isKnownUnit, UnitError, unitsCompatible } from '../../src/units.js';

test('converts between the units papers print', () => {
  assert.equal(convertValue(4500, 'mV', 'V'), 4.5);
  assert.equal(convertValue(84.814, 'meV/f.u.', 'eV/f.u.'), 0.084814);
  assert.equal(convertValue(250.9, '°C', 'K'), 524.05);
  assert.equal(convertValue(95, '%', '1'), 0.95);
  assert.equal(convertValue(1.4e-16, 'm2/s', 'cm2/s'), 1.4e-12);
  assert.equal(convertValue(2.401, 'Å', 'nm'), 0.2401);
});

test('refuses conversions between different quantities', () => {
  assert.throws(() => convertValue(1, 'V', 'eV'), UnitError);
  assert.throws(() => convertValue(1, 'mAh/g', 'J/g'), /different quantities/);
  assert.equal(unitsCompatible('e', 'μB'), false);
  assert.equal(unitsCompatible('%', 'ppm'), true);
});

test('unknown unit symbols are named in the error', () => {
  assert.equal(isKnownUnit('furlong'), false);
  assert.throws(() => convertValue(1, 'furlong', 'nm'), /unknown unit "furlong"/);
});
