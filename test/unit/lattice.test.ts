import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TABLE_S1 } from '../fixtures/namo3-tables.js';
import {
  hexagonalToRhombohedral,
  hexagonalVolumeA3,
  rhombohedralToHexagonal,
  rhombohedralVolumeA3,
} from '../../src/derive/lattice.js';


// The printed inputs are themselves rounded to ±0.0005 Å, so the tolerance is what that rounding
// propagates to (evaluated at the corners of the input box) plus the outputs' own ±0.0005.
const HALF_DIGIT = 0.0005;
for (const [name, aHex, cHex, aRh, alphaRh] of TABLE_S1) {
  test(`Eq. S1 reproduces Table S1's rhombohedral cell of ${name} within the printed precision`, () => {
    const corners = [-1, 1].flatMap((da) => [-1, 1].map((dc) => hexagonalToRhombohedral({ aA: aHex + da * HALF_DIGIT, cA: cHex + dc * HALF_DIGIT })));
    const within = (value: number, values: number[]) => value >= Math.min(...values) - HALF_DIGIT && value <= Math.max(...values) + HALF_DIGIT;
    const rh = hexagonalToRhombohedral({ aA: aHex, cA: cHex });
    assert.ok(within(aRh, corners.map((c) => c.aA)), `a_rh ${rh.aA} vs printed ${aRh}`);
    assert.ok(within(alphaRh, corners.map((c) => c.alphaDeg)), `α_rh ${rh.alphaDeg} vs printed ${alphaRh}`);
    // And the propagated band is narrow: 0.002 Å and 0.01°.
    assert.ok(Math.abs(rh.aA - aRh) < 0.002 && Math.abs(rh.alphaDeg - alphaRh) < 0.01);
  });
}

test('rhombohedral → hexagonal inverts Eq. S1, and the hexagonal cell is 3 rhombohedral cells', () => {
  const hex = { aA: 5.003, cA: 15.225 };
  const rh = hexagonalToRhombohedral(hex);
  const back = rhombohedralToHexagonal(rh);
  assert.ok(Math.abs(back.aA - hex.aA) < 1e-9 && Math.abs(back.cA - hex.cA) < 1e-9);
  assert.ok(Math.abs(hexagonalVolumeA3(hex) / rhombohedralVolumeA3(rh) - 3) < 1e-9);
});

test('non-positive lengths and impossible angles are refused', () => {
  assert.throws(() => hexagonalToRhombohedral({ aA: 0, cA: 15 }), /a_hex must be a positive length/);
  assert.throws(() => hexagonalToRhombohedral({ aA: 5, cA: -1 }), /c_hex must be a positive length/);
  assert.throws(() => rhombohedralToHexagonal({ aA: 5, alphaDeg: 130 }), /between 0° and 120°/);
});
