/** "Closest known" suggestions (src/suggest.ts) for what a client typed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestKnown, unknownFamilyMessage, unknownPropertyMessage, unknownUnitMessage } from '../../src/suggest.js';

const properties = ['average_voltage', 'capacity_retention', 'charge_capacity', 'discharge_capacity', 'elf_max', 'theoretical_capacity'];

test('a misspelt key gets the near ones, best first; case does not count', () => {
  assert.deepEqual(closestKnown('capacity_retension', properties), ['capacity_retention']);
  assert.deepEqual(closestKnown('ELF_MAX', properties), ['elf_max']);
  assert.deepEqual(closestKnown('discharge_capacty', properties).slice(0, 2), ['discharge_capacity', 'charge_capacity']);
});

test('a part of a name finds the names containing it; nothing near gives nothing', () => {
  assert.deepEqual(closestKnown('capacity', properties), ['charge_capacity', 'capacity_retention', 'discharge_capacity']);
  assert.deepEqual(closestKnown('unobtainium', properties), []);
  assert.deepEqual(closestKnown('', properties), []);
});

test('messages: property keys, families by key or name, units among those of the same quantity', () => {
  assert.equal(unknownPropertyMessage('elfmax', properties), 'unknown property "elfmax"; the closest known: "elf_max"; query propertyKeys for the vocabulary');
  const families = [
    { key: 'ilmenite-namo3', name: 'Ilmenite-type NaMO3' },
    { key: 'layered-namo2', name: 'Layered NaMO2' },
  ];
  assert.match(unknownFamilyMessage('NaMO3', families), /^unknown family "NaMO3"; the closest known: "ilmenite-namo3"/);
  assert.match(unknownUnitMessage('mv', 'V'), /^unknown unit "mv"; the closest known: "mV"/);
  assert.match(unknownUnitMessage('mAh/gg', 'mAh/g'), /the closest known: "mAh\/g"/);
  assert.doesNotMatch(unknownUnitMessage('mAh/gg', 'mAh/g'), /"mV"|"V"/, 'only units of a capacity');
});

test('a huge name is not echoed whole', () => {
  const message = unknownFamilyMessage('x'.repeat(90_000), [{ key: 'ilmenite-namo3', name: 'Ilmenite-type NaMO3' }]);
  assert.ok(message.length < 200, message.slice(0, 300));
});
