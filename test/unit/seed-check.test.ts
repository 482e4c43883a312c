/**
 * Checking a paper's file before it is ingested: every problem of a file in one run (schema and
 * cross-checks together), a space-group number that does not match its symbol, and
 * `npm run seed:check -- FILE` on any file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { SEED_DIR } from '../../src/seed/run.js';
import { SeedValidationError, validateSeedTexts } from '../../src/seed/validate.js';

const vocabulary = { file: 'vocabulary.yaml', text: readFileSync(path.join(SEED_DIR, 'vocabulary.yaml'), 'utf8') };

/** A file with four problems of two kinds: two fail the schema, two only the cross-checks. */
const broken = `paper: {doi: 10.9999/check, title: T, journal: J, year: 2024}
materials:
  - {key: chk-a, name: A, formula: NaVO3, role: cathode, locator: Table 1}
  - {key: chk-b, name: B, formula: NaMnO3, role: cathode}
structures:
  - {key: chk-a-pnma, label: Pnma NaVO3, material: chk-a, formula: NaVO3, spaceGroupSymbol: Pnma, spaceGroupNumber: 58, locator: Table 2}
  - {key: chk-a-r3, label: R-3 NaVO3, material: chk-a, formula: NaVO3, spaceGroupSymbol: R-3, spaceGroupNumber: 148, locator: Table 2}
measurements:
  - {material: chk-a, property: discharge_capacity, value: 140, unit: mAh/gg, locator: Fig. 2}
  - {material: chk-a, property: discharge_capacity, value: 150, unit: mAh/g, locator: Fig. 3, temp: 25}
`;

function issuesOf(text: string): string[] {
  try {
    validateSeedTexts([vocabulary, { file: 'check.yaml', text }]);
    return [];
  } catch (error) {
    assert.ok(error instanceof SeedValidationError);
    return error.issues.map((i) => `${i.path}: ${i.reason}`);
  }
}

test("a file's schema problems and cross-check problems come in one report, with each record's own index", () => {
  const issues = issuesOf(broken);
  const expected = [
    /^materials\[1\]\.locator: /,
    /^measurements\[1\]: Unrecognized key: "temp"/,
    /^measurements\[0\]\.unit: unknown unit "mAh\/gg"; the closest known: "mAh\/g"/,
    /^structures\[0\]\.spaceGroupNumber: Pnma does not match space group 58 \(P n n m\); Pnma is number 62/,
  ];
  for (const pattern of expected) assert.ok(issues.some((i) => pattern.test(i)), `expected ${pattern} in:\n${issues.join('\n')}`);
  assert.equal(issues.length, expected.length, issues.join('\n'));
});

test('a space-group number matching its symbol passes, as do the curated seeds', () => {
  const fixed = broken.replace('spaceGroupNumber: 58', 'spaceGroupNumber: 62').replace('unit: mAh/gg', 'unit: mAh/g').replace(', temp: 25', '').replace('role: cathode}', 'role: cathode, locator: Table 1}').replace('role: cathode}', 'role: cathode, locator: Table 1}');
  assert.deepEqual(issuesOf(fixed), []);
});

test('npm run seed:check -- FILE validates that file against seeds/ and lists all its problems; exit 1', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-check-'));
  try {
    const file = path.join(dir, 'new-paper.yaml');
    writeFileSync(file, broken);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/seed/check.ts', file], { encoding: 'utf8', cwd: path.join(import.meta.dirname, '..', '..') });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /seed data rejected \(4 problems\)/);
    assert.match(run.stderr, /new-paper\.yaml: structures\[0\]\.spaceGroupNumber: Pnma does not match space group 58/);
    writeFileSync(file, readFileSync(path.join(SEED_DIR, 'gent2017-lmr-nmc.yaml'), 'utf8'));
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'src/seed/check.ts', file], { encoding: 'utf8', cwd: path.join(import.meta.dirname, '..', '..') });
    // The same paper under another name: its DOI and keys clash with seeds/gent2017-lmr-nmc.yaml.
    assert.equal(ok.status, 1);
    assert.match(ok.stderr, /new-paper\.yaml: paper\.doi: duplicate paper DOI/);
    const same = path.join(dir, 'gent2017-lmr-nmc.yaml');
    writeFileSync(same, readFileSync(path.join(SEED_DIR, 'gent2017-lmr-nmc.yaml'), 'utf8'));
    const replaced = spawnSync(process.execPath, ['--import', 'tsx', 'src/seed/check.ts', same], { encoding: 'utf8', cwd: path.join(import.meta.dirname, '..', '..') });
    assert.equal(replaced.status, 0, replaced.stderr);
    assert.match(replaced.stdout, /gent2017-lmr-nmc\.yaml: 8 materials/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
