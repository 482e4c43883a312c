/**
 * Malformed ingest files, generated: random damage to a real paper file (broken YAML, deleted or
 * duplicated lines, bad units, negative or non-numeric values, unknown elements, duplicate DOIs)
 * must be refused with SeedValidationError listing file/path/reason, or accepted if harmless:
 * never another exception. Counts are printed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { SEED_DIR } from '../../src/seed/run.js';
import { SeedValidationError, validateSeedTexts } from '../../src/seed/validate.js';

const vocabulary = { file: 'vocabulary.yaml', text: readFileSync(path.join(SEED_DIR, 'vocabulary.yaml'), 'utf8') };
const FILE = 'gent2017-lmr-nmc.yaml';
const original = readFileSync(path.join(SEED_DIR, FILE), 'utf8');
const lines = original.split('\n');

type Damage = (text: string[]) => string[];
const at = (i: number, n: number) => Math.abs(i) % n;
const replaceIn = (pattern: RegExp, replacement: string) => (ls: string[], i: number) => {
  const candidates = ls.map((l, k) => [l, k] as const).filter(([l]) => pattern.test(l));
  if (candidates.length === 0) return ls;
  const [, k] = candidates[at(i, candidates.length)]!;
  const copy = [...ls];
  copy[k] = copy[k]!.replace(pattern, replacement);
  return copy;
};

const damage = fc.oneof(
  fc.nat().map((i): Damage => (ls) => ls.filter((_, k) => k !== at(i, ls.length))),
  fc.nat().map((i): Damage => (ls) => [...ls.slice(0, at(i, ls.length)), ls[at(i, ls.length)]!, ...ls.slice(at(i, ls.length))]),
  fc.tuple(fc.nat(), fc.string({ maxLength: 8 })).map(([i, s]): Damage => (ls) => {
    const k = at(i, ls.length);
    const copy = [...ls];
    copy[k] = `${copy[k]!.slice(0, 4)}${s}${copy[k]!.slice(4)}`;
    return copy;
  }),
  fc.tuple(fc.nat(), fc.constantFrom('mAh/gram', 'furlong', '', 'V/V/V', '%%', 'mA h g-1')).map(([i, u]): Damage => (ls) => replaceIn(/unit: [^,}\n]+/, `unit: ${u}`)(ls, i)),
  fc.tuple(fc.nat(), fc.constantFrom('-1', '-250', '.nan', 'NaN', '1e999', 'ten', '"12"')).map(([i, v]): Damage => (ls) => replaceIn(/value: [-0-9.]+/, `value: ${v}`)(ls, i)),
  fc.tuple(fc.nat(), fc.constantFrom('Xx', 'Q', 'Li[6]', '(', '1/0', 'ni')).map(([i, e]): Damage => (ls) => replaceIn(/formula: ([A-Z][a-z]?)/, `formula: ${e}`)(ls, i)),
  fc.nat().map((i): Damage => (ls) => replaceIn(/key: ([a-z0-9-]+)/, 'key: gent-lmr-nmc')(ls, i)),
  fc.nat().map((i): Damage => (ls) => replaceIn(/locator: .+/, 'locator: ""')(ls, i)),
);

test('generated damage to a paper file is refused cleanly or harmless, never a crash', () => {
  let refused = 0;
  let accepted = 0;
  fc.assert(
    fc.property(fc.array(damage, { minLength: 1, maxLength: 3 }), (damages) => {
      const text = damages.reduce((ls, d) => d(ls), lines).join('\n');
      try {
        validateSeedTexts([vocabulary, { file: FILE, text }]);
        accepted++;
      } catch (error) {
        if (!(error instanceof SeedValidationError)) throw error;
        assert.ok(error.issues.length > 0 && error.issues.every((i) => i.file && i.reason.length > 5), JSON.stringify(error.issues.slice(0, 3)));
        refused++;
      }
    }),
    { numRuns: 600, seed: 20261123 },
  );
  console.log(`# ingest corpus: ${refused + accepted} damaged files, ${refused} refused with file/path/reason, ${accepted} harmless`);
  assert.ok(refused > accepted, 'most damage is caught');
});

test('the same paper twice (duplicate DOI) and a second vocabulary key are refused', () => {
  assert.throws(() => validateSeedTexts([vocabulary, { file: FILE, text: original }, { file: 'copy.yaml', text: original }]), (error: unknown) => {
    assert.ok(error instanceof SeedValidationError);
    assert.ok(error.issues.some((i) => /duplicate paper DOI/.test(i.reason)));
    return true;
  });
});
