/**
 * Property-based tests (fast-check) of the two parsers that read user and paper input:
 * chemical formulas (src/derive/composition.ts) and unit symbols (src/units.ts).
 * - any string: parseFormula returns or throws FormulaError, never anything else;
 * - generated valid formulas (elements with integer, decimal and fractional amounts, nested
 *   parentheses): the element set and amounts round-trip, and the molar mass is positive and
 *   the sum of the elements' masses;
 * - any strings: convertValue / isKnownUnit / unitsCompatible throw only UnitError.
 * Reproducible: FUZZ_SEED=<n> (default fixed), FUZZ_SCALE=<factor> for longer runs.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { FormulaError, parseFormula } from '../../src/derive/composition.js';
import { convertValue, isKnownUnit, KNOWN_UNITS, UnitError, unitsCompatible } from '../../src/units.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
let cases = 0;
const counted = <T extends unknown[]>(check: (...args: T) => void) => (...args: T) => {
  cases++;
  check(...args);
};

after(() => console.log(`# formula-fuzz: ${cases} generated cases (FUZZ_SEED=${SEED})`));

/** Runs `fn` and returns what it threw (undefined when it returned). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

// ------------------------------------------------------------------ formulas

const FORMULA_CHARS = 'ABCDEFGHIKLMNOPRSTUVWXYZabcdefghiklmnoprstuyz0123456789()./· []{}-+*,;:_';
const formulaLike = fc.string({ unit: fc.constantFrom(...FORMULA_CHARS.split('')), maxLength: 40 });

test('parseFormula on any string: a Composition or a FormulaError, never another exception', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    formulaLike,
    fc.constantFrom('(((((((((((((((((((((((((((((((((((((((((O', 'O' + ')'.repeat(50), 'Li1/0O2', 'Li0/0O', 'H1e400', 'Li99999999999999999999999O', 'NaVO3'.repeat(2000), '1/3', '(O)0', 'D2O', 'Og2', '\u0000', '\ud800'),
  );
  fc.assert(
    fc.property(
      anyText,
      counted((text: string) => {
        const error = thrown(() => {
          const c = parseFormula(text);
          assert.ok(c.elements.length > 0 && c.molarMassGPerMol > 0 && Number.isFinite(c.molarMassGPerMol), `bad composition for ${JSON.stringify(text)}`);
          for (const amount of Object.values(c.amounts)) assert.ok(amount > 0 && Number.isFinite(amount), `bad amount for ${JSON.stringify(text)}`);
        });
        if (error !== undefined && !(error instanceof FormulaError)) throw error;
      }),
    ),
    { numRuns: runs(3000), seed: SEED },
  );
});

/** Elements with a standard atomic weight, one- and two-letter, as cathode papers use them. */
const ELEMENTS = ['H', 'Li', 'B', 'C', 'N', 'O', 'F', 'Na', 'Mg', 'Al', 'Si', 'P', 'S', 'K', 'Ca', 'Ti', 'V', 'Cr', 'Mn', 'Fe', 'Co', 'Ni', 'Cu', 'Zn', 'Zr', 'Nb', 'Mo', 'La', 'W'];

/** An amount as a paper prints it, with its value: omitted (1), integer, decimal or fraction. */
const amount = fc.oneof(
  fc.constant({ text: '', value: 1 }),
  fc.integer({ min: 1, max: 24 }).map((n) => ({ text: String(n), value: n })),
  fc.integer({ min: 1, max: 9999 }).map((n) => ({ text: String(n / 1000), value: n / 1000 })),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([a, b]) => ({ text: `${a}/${b}`, value: a / b })),
);

interface Generated {
  text: string;
  amounts: Record<string, number>;
}

/** A formula tree: element terms and parenthesised groups with a multiplier, up to 3 levels. */
const formula: fc.Arbitrary<Generated> = fc.letrec<{ group: Generated; term: Generated }>((tie) => ({
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom(...ELEMENTS), amount).map(([element, a]) => ({ text: element + a.text, amounts: { [element]: a.value } })),
    fc.tuple(tie('group'), amount).map(([inner, a]) => ({
      text: `(${inner.text})${a.text}`,
      amounts: Object.fromEntries(Object.entries(inner.amounts).map(([e, v]) => [e, v * a.value])),
    })),
  ),
  group: fc.array(tie('term'), { minLength: 1, maxLength: 4 }).map((terms) => ({
    text: terms.map((t) => t.text).join(''),
    amounts: terms.reduce<Record<string, number>>((sum, t) => {
      for (const [e, v] of Object.entries(t.amounts)) sum[e] = (sum[e] ?? 0) + v;
      return sum;
    }, {}),
  })),
})).group;

const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-12);

test('generated formulas round-trip their elements and amounts, with a positive, additive molar mass', () => {
  const elementMass = new Map(ELEMENTS.map((e) => [e, parseFormula(e).molarMassGPerMol]));
  fc.assert(
    fc.property(
      formula,
      counted((generated: Generated) => {
        const c = parseFormula(generated.text);
        const expectedElements = Object.keys(generated.amounts).sort();
        assert.deepEqual(c.elements, expectedElements, generated.text);
        for (const element of expectedElements) {
          // parseFormula keeps 12 significant digits.
          assert.ok(close(c.amounts[element]!, generated.amounts[element]!, 1e-10), `${generated.text}: ${element} ${c.amounts[element]} ≠ ${generated.amounts[element]}`);
        }
        const expectedMass = expectedElements.reduce((m, e) => m + generated.amounts[e]! * elementMass.get(e)!, 0);
        assert.ok(c.molarMassGPerMol > 0 && Number.isFinite(c.molarMassGPerMol), generated.text);
        assert.ok(close(c.molarMassGPerMol, expectedMass, 1e-9), `${generated.text}: molar mass ${c.molarMassGPerMol} ≠ Σ ${expectedMass}`);
      }),
    ),
    { numRuns: runs(3000), seed: SEED },
  );
});

test('whitespace around and inside a formula does not change it', () => {
  fc.assert(
    fc.property(
      formula,
      fc.array(fc.nat(), { maxLength: 3 }),
      counted((generated: Generated, cuts: number[]) => {
        // A space only between terms (after a closing parenthesis or before an element symbol).
        const boundaries = [...generated.text.matchAll(/(?=[A-Z(])/g)].map((m) => m.index!).filter((i) => i > 0);
        let spaced = generated.text;
        for (const cut of [...new Set(cuts.map((c) => boundaries[c % Math.max(boundaries.length, 1)]).filter((i) => i !== undefined))].sort((a, b) => b - a)) {
          spaced = `${spaced.slice(0, cut)} ${spaced.slice(cut)}`;
        }
        assert.deepEqual(parseFormula(`  ${spaced}\t`), parseFormula(generated.text), JSON.stringify(spaced));
      }),
    ),
    { numRuns: runs(1000), seed: SEED + 1 },
  );
});

// ------------------------------------------------------------------ units

const unitText = fc.oneof(
  fc.constantFrom(...KNOWN_UNITS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'kg', 'm', 'V^2', '1/0', 'mA*h/g', ' V', 'v', 'pct', 'unity', 'bohrMagneton', 'Infinity', 'NaN', '', '%%'),
);
const value = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY, -1e300));

test('units: isKnownUnit answers a boolean, own vocabulary only, for any string', () => {
  fc.assert(
    fc.property(
      unitText,
      counted((symbol: string) => {
        const known = isKnownUnit(symbol);
        assert.equal(typeof known, 'boolean');
        assert.equal(known, KNOWN_UNITS.includes(symbol), JSON.stringify(symbol));
      }),
    ),
    { numRuns: runs(2000), seed: SEED },
  );
});

test('units: convertValue and unitsCompatible throw only UnitError, and known compatible units convert back', () => {
  fc.assert(
    fc.property(
      value,
      unitText,
      unitText,
      counted((v: number, from: string, to: string) => {
        const compatible = thrown(() => unitsCompatible(from, to));
        if (compatible !== undefined) throw compatible;
        const error = thrown(() => {
          const converted = convertValue(v, from, to);
          assert.equal(typeof converted, 'number');
          if (Number.isFinite(v) && Math.abs(v) < 1e100 && Math.abs(v) > 1e-100 && isKnownUnit(from) && isKnownUnit(to)) {
            const back = convertValue(converted, to, from);
            // 12 significant digits each way, and offset units (°C ↔ K) lose a little more.
            assert.ok(close(back, v, 1e-6) || Math.abs(back - v) < 1e-6, `${v} ${from} → ${converted} ${to} → ${back}`);
          }
        });
        if (error !== undefined && !(error instanceof UnitError)) throw error;
        if (error === undefined && from !== to) assert.ok(unitsCompatible(from, to), `${from} → ${to} converted but is not compatible`);
      }),
    ),
    { numRuns: runs(3000), seed: SEED },
  );
});

test('units: any value converts between compatible known units and back', () => {
  const pairs = KNOWN_UNITS.flatMap((from) => KNOWN_UNITS.filter((to) => unitsCompatible(from, to)).map((to) => [from, to] as const));
  assert.ok(pairs.length > KNOWN_UNITS.length, 'some units must be compatible with others');
  fc.assert(
    fc.property(
      fc.constantFrom(...pairs),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      counted(([from, to]: readonly [string, string], v: number) => {
        const converted = convertValue(v, from, to);
        assert.ok(Number.isFinite(converted), `${v} ${from} → ${converted} ${to}`);
        const back = convertValue(converted, to, from);
        assert.ok(Math.abs(back - v) <= 1e-6 * Math.max(1, Math.abs(v)), `${v} ${from} → ${converted} ${to} → ${back}`);
      }),
    ),
    { numRuns: runs(2000), seed: SEED },
  );
});
