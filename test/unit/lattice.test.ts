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

test('general cell volume agrees with the hexagonal and rhombohedral formulas; settings fill implied parameters', async () => {
  const { cellVolumeA3, completeCell } = await import('../../src/derive/lattice.js');
  assert.ok(Math.abs(cellVolumeA3(5.003, 5.003, 15.225, 90, 90, 120) - hexagonalVolumeA3({ aA: 5.003, cA: 15.225 })) < 1e-9);
  assert.ok(Math.abs(cellVolumeA3(5.84, 5.84, 5.84, 50.729, 50.729, 50.729) - rhombohedralVolumeA3({ aA: 5.84, alphaDeg: 50.729 })) < 1e-9);
  const none = { aA: null, bA: null, cA: null, alphaDeg: null, betaDeg: null, gammaDeg: null };
  assert.deepEqual(completeCell('HEXAGONAL', { ...none, aA: 4.933, cA: 4.715 }), { cell: [4.933, 4.933, 4.715, 90, 90, 120] });
  assert.deepEqual(completeCell('MONOCLINIC', { ...none, aA: 5, bA: 8, cA: 5 }), { missing: 'β' });
  assert.throws(() => cellVolumeA3(1, 1, 1, 130, 130, 130), /do not form a cell/);
});
