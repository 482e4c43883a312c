/** factNumber: a stored fact's value, range end or uncertainty in a requested unit (Fact.value(unit:), the export's unit=). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { factNumber } from '../../src/resolvers/facts.js';

const temperature = { unit: '°C', propertyKey: 'synthesis_temperature' };
const capacity = { unit: 'mAh/g', propertyKey: 'discharge_capacity' };

test('a value converts to a compatible unit (215 mAh/g = 0.215 Ah/g; 120 °C = 393.15 K)', () => {
  assert.equal(factNumber(capacity, 215, 'Ah/g'), 0.215);
  assert.equal(factNumber(temperature, 120, 'K'), 393.15);
  assert.equal(factNumber(capacity, 215, null), 215);
  assert.equal(factNumber(capacity, null, 'Ah/g'), null);
});

test('an uncertainty converts as an interval: ±2 °C is ±2 K, ±5 mAh/g is ±0.005 Ah/g', () => {
  assert.equal(factNumber(temperature, 2, 'K', true), 2);
  assert.ok(Math.abs(factNumber(capacity, 5, 'Ah/g', true)! - 0.005) < 1e-15);
});

test('an unknown or incompatible unit is a client error naming the property and the stored unit', () => {
  assert.throws(() => factNumber(capacity, 215, 'V'), (e: any) => e.extensions.code === 'UNKNOWN_UNIT' && /discharge_capacity \(stored in mAh\/g\)/.test(e.message));
  assert.throws(() => factNumber(capacity, 215, 'furlong'), (e: any) => e.extensions.code === 'UNKNOWN_UNIT' && /unknown unit "furlong"/.test(e.message));
  // Checked even when the fact has no number, so a wrong unit never passes silently.
  assert.throws(() => factNumber(capacity, null, 'V'), (e: any) => e.extensions.code === 'UNKNOWN_UNIT');
});
