import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { SEED_DIR } from '../../src/seed/run.js';
import { SeedValidationError, validateSeedTexts } from '../../src/seed/validate.js';

const vocabulary = { file: 'vocabulary.yaml', text: readFileSync(path.join(SEED_DIR, 'vocabulary.yaml'), 'utf8') };
const paper = 'paper: {doi: 10.9999/test, title: T, journal: J, year: 2024}\n';

function issuesOf(text: string, extra: { file: string; text: string }[] = []): string[] {
  try {
    validateSeedTexts([vocabulary, { file: 't.yaml', text }, ...extra]);
    return [];
  } catch (error) {
    assert.ok(error instanceof SeedValidationError);
    return error.issues.map((i) => `${i.file}: ${i.path}: ${i.reason}`);
  }
}

test('the curated seeds validate', () => {
  const files = ['gent2017-lmr-nmc.yaml', 'prmaterials2020-ilmenite-namo3.yaml', 'yoon2021-coxb-ncm811.yaml'];
  const catalog = validateSeedTexts([vocabulary, ...files.map((f) => ({ file: f, text: readFileSync(path.join(SEED_DIR, f), 'utf8') }))]);
  assert.equal(catalog.papers.length, 3);
});

const material = 'materials:\n  - {key: t-x, name: X, formula: LiCoO2, role: cathode, locator: Table 1}\n';
const cases: [string, string, string][] = [
  ['missing locator', `${paper}materials:\n  - {key: t-x, name: X, formula: LiCoO2, role: cathode}\n`, 't.yaml: materials[0].locator: Invalid input: expected string, received undefined'],
  ['unknown element in a formula', `${paper}materials:\n  - {key: t-x, name: X, formula: LiXxO2, role: cathode, locator: T}\n`, 't.yaml: materials[0].formula: cannot read formula "LiXxO2": Unknown element: Xx'],
  ['unknown unit', `${paper}${material}measurements:\n  - {material: t-x, property: discharge_capacity, value: 140, unit: mAh/kg/s, locator: T}\n`, 't.yaml: measurements[0].unit: unknown unit "mAh/kg/s"'],
  ['negative capacity', `${paper}${material}measurements:\n  - {material: t-x, property: discharge_capacity, value: -1, unit: mAh/g, locator: T}\n`, 't.yaml: measurements[0].value: -1 mAh/g is impossible for "discharge_capacity" (at least 0 mAh/g); check the value and its unit'],
  ['capacity retention of 150 %', `${paper}${material}measurements:\n  - {material: t-x, property: capacity_retention, value: 150, unit: "%", locator: T}\n`, 't.yaml: measurements[0].value: 150 % is impossible for "capacity_retention" (0 to 120 %); check the value and its unit'],
  ['a retention range ending past the bound', `${paper}${material}measurements:\n  - {material: t-x, property: capacity_retention, value: 0.9, valueMax: 1.3, qualifier: range, unit: "1", locator: T}\n`, 't.yaml: measurements[0].valueMax: 130 % is impossible for "capacity_retention" (0 to 120 %); check the value and its unit'],
  ['voltage window upside down', `${paper}${material}measurements:\n  - {material: t-x, property: discharge_capacity, value: 140, unit: mAh/g, locator: T, conditions: {voltageMinV: 4.4, voltageMaxV: 3.0}}\n`, 't.yaml: measurements[0].conditions.voltageMinV: voltageMinV must be below voltageMaxV (the lower and upper cut-off of the window)'],
  ['blank locator', `${paper}${material}measurements:\n  - {material: t-x, property: discharge_capacity, value: 140, unit: mAh/g, locator: "  "}\n`, 't.yaml: measurements[0].locator: the locator ("Table III", "Fig. 3d": where in the paper the fact is) must not be blank'],
  ['a letter O for a zero in a formula', `${paper}materials:\n  - {key: t-x, name: X, formula: LiNiO.8Co0.1Mn0.1O2, role: cathode, locator: T}\n`, 't.yaml: materials[0].formula: cannot read formula "LiNiO.8Co0.1Mn0.1O2": a "." at position 6 is not inside a decimal number (the letter O before ".8" looks like a zero)'],
  ['a NUL character', `${paper}${material}measurements:\n  - {material: t-x, property: discharge_capacity, value: 140, unit: mAh/g, locator: T, note: "a\\0b"}\n`, 't.yaml: measurements[0].note: contains a control character (e.g. NUL); remove it'],
  ['a note past the size limit', `${paper}${material}measurements:\n  - {material: t-x, property: discharge_capacity, value: 140, unit: mAh/g, locator: T, note: ${'x'.repeat(10_001)}}\n`, 't.yaml: measurements[0].note: at most 10000 characters'],
  ['unknown material reference', `${paper}measurements:\n  - {material: nope, property: discharge_capacity, value: 1, unit: mAh/g, locator: T}\n`, 't.yaml: measurements[0].material: unknown material "nope"'],
  ['unknown field', `${paper}${material}measurements:\n  - {material: t-x, property: discharge_capacity, value: 1, unit: mAh/g, locator: T, temp: 25}\n`, 't.yaml: measurements[0]: Unrecognized key: "temp"'],
  ['duplicate record', `${paper}${material}measurements:\n  - {material: t-x, property: discharge_capacity, value: 1, unit: mAh/g, locator: T}\n  - {material: t-x, property: discharge_capacity, value: 2, unit: mAh/g, locator: T}\n`, 't.yaml: measurements[1]: duplicate record: same fact as measurements[0]'],
  ['a family fact in an unknown family', `${paper}familyFacts:\n  - {family: nope, aggregate: mean, property: average_voltage, value: 4, unit: V, locator: T}\n`, 't.yaml: familyFacts[0].family: unknown family "nope"'],
  ['a family fact whose member is in another family', `${paper}materials:\n  - {key: t-x, name: X, formula: LiCoO2, role: cathode, family: layered-limo2, locator: T}\nfamilyFacts:\n  - {family: ilmenite-namo3, members: [t-x], aggregate: mean, property: average_voltage, value: 4, unit: V, locator: T}\n`, 't.yaml: familyFacts[0].members[0]: material "t-x" is in family "layered-limo2", not "ilmenite-namo3"'],
  ['a family fact with an unknown aggregate', `${paper}familyFacts:\n  - {family: layered-limo2, aggregate: median, property: average_voltage, value: 4, unit: V, locator: T}\n`, 't.yaml: familyFacts[0].aggregate: Invalid option'],
  ['a family fact in a unit its property cannot take', `${paper}familyFacts:\n  - {family: layered-limo2, aggregate: typical, property: average_voltage, value: 4, unit: mAh/g, locator: T}\n`, 't.yaml: familyFacts[0].unit: unit "mAh/g" cannot be converted'],
  ['an inferred value without saying how', `${paper}${material}measurements:\n  - {material: t-x, property: discharge_capacity, value: 1, unit: mAh/g, locator: T, origin: inferred}\n`, 't.yaml: measurements[0].originNote: a value that is not printed (origin inferred, computed or read-off-figure) needs an originNote saying how'],
  ['a source for a condition not stated', `${paper}${material}measurements:\n  - {material: t-x, property: discharge_capacity, value: 1, unit: mAh/g, locator: T, conditionSources: {oneCMAPerG: {locator: Methods}}}\n`, 't.yaml: measurements[0].conditionSources: conditionSources names a condition the measurement does not state'],
  ['a source for an unknown condition', `${paper}${material}measurements:\n  - {material: t-x, property: discharge_capacity, value: 1, unit: mAh/g, locator: T, conditions: {cRate: 1}, conditionSources: {cRatio: {locator: Methods}}}\n`, 't.yaml: measurements[0].conditionSources: Unrecognized key: "cRatio"'],
  ['bad DOI', 'paper: {doi: nope, title: T, journal: J, year: 2024}\n', 't.yaml: paper.doi: a DOI looks like 10.1038/s41467-017-02041-x'],
];
for (const [name, text, expected] of cases) {
  test(`rejects ${name} with file, path and reason`, () => {
    const issues = issuesOf(text);
    assert.ok(issues.some((i) => i.startsWith(expected)), `expected "${expected}" in:\n${issues.join('\n')}`);
  });
}

test('rejects a DOI or material key defined in two files', () => {
  const issues = issuesOf(`${paper}${material}`, [{ file: 'u.yaml', text: `${paper}${material}` }]);
  assert.ok(issues.includes('u.yaml: paper.doi: duplicate paper DOI "10.9999/test" (already defined in t.yaml)'), issues.join('\n'));
  assert.ok(issues.includes('u.yaml: materials[0].key: duplicate material "t-x" (already defined in t.yaml)'), issues.join('\n'));
});

test('implausible values and formulas load with a warning naming file, path and the usual range', () => {
  const text = `${paper}materials:\n  - {key: t-x, name: X, formula: LiCoO20, role: cathode, locator: T}\nmeasurements:\n  - {material: t-x, property: average_voltage, value: 3.4, unit: mV, locator: T}\n  - {material: t-x, property: average_voltage, value: 3.4, unit: V, locator: T2}\n`;
  const catalog = validateSeedTexts([vocabulary, { file: 't.yaml', text }]);
  assert.deepEqual(catalog.warnings.map((w) => `${w.file}: ${w.path}: ${w.reason}`), [
    't.yaml: materials[0].formula: O20: more than 16 atoms of an element per formula unit is unusual; check for a doubled digit or a missing decimal point',
    't.yaml: measurements[0].value: 0.0034 V is unusual for "average_voltage" (usually 1 to 6 V); check the value and its unit',
  ]);
});

test('a seed file past the size limit is refused before it is read', async () => {
  const { mkdtempSync, writeFileSync, truncateSync } = await import('node:fs');
  const os = await import('node:os');
  const { readSeedText } = await import('../../src/seed/validate.js');
  const { MAX_SEED_FILE_BYTES } = await import('../../src/seed/schema.js');
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-big-')), 'big.yaml');
  writeFileSync(file, paper);
  truncateSync(file, MAX_SEED_FILE_BYTES + 1);
  await assert.rejects(readSeedText(file), /big\.yaml: \(file\): the file is 64\.0 MiB; at most 64 MiB per file/);
});
