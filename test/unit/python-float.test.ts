/** The battery explorer's float spelling (Python's repr), so an export of unchanged electrodes is the same bytes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pythonFloat } from '../../src/backup/export.js';

test('floats are spelt as Python repr spells them', () => {
  const cases: [number, string][] = [
    [0, '0.0'], [1, '1.0'], [-2, '-2.0'], [0.5, '0.5'], [3.9393611465517218, '3.9393611465517218'], [1368.4805523447967, '1368.4805523447967'],
    [0.0001, '0.0001'], [0.00001, '1e-05'], [1.5e-7, '1.5e-07'], [-2.5e-5, '-2.5e-05'], [1e15, '1000000000000000.0'], [1e16, '1e+16'], [1.2345e22, '1.2345e+22'],
    [0.08903311500000004, '0.08903311500000004'],
  ];
  for (const [n, text] of cases) assert.equal(pythonFloat(n), text, String(n));
  for (const [n] of cases) assert.equal(Number(pythonFloat(n)), n, 'it reads back as the same number');
});
