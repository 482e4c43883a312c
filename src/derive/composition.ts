/**
 * Chemical formulas as papers write them (fractional subscripts, parentheses, "1/3" fractions)
 * → element amounts and molar mass. Parsing and standard atomic weights come from mf-parser;
 * this module only guards what it does not: isotope brackets and elements without a standard weight.
 */
import { LRUCache } from 'lru-cache';
import { MF } from 'mf-parser';

export class FormulaError extends Error {
  constructor(
    readonly formula: string,
    reason: string,
  ) {
    super(`cannot read formula "${formula}": ${reason}`);
  }
}

/** Trace text of the molar mass (maths: parseFormula's molarMassGPerMol). */
export const MOLAR_MASS_FORMULA = 'M = Σᵢ nᵢ·Aᵣ(i), standard atomic weights (IUPAC, via mf-parser)';

export interface Composition {
  /** Element → amount per formula unit as written (e.g. Li: 1.17). */
  amounts: Record<string, number>;
  /** Elements in alphabetical order (OPTIMADE `elements`). */
  elements: string[];
  /** Standard molar mass of one formula unit, g/mol. */
  molarMassGPerMol: number;
}

/**
 * Parsed formulas by text. A derived page parses the same few formulas for every material and
 * derivation (molar masses, capacities, voltage pairs): mf-parser was the largest share of its
 * CPU. Bounded, since formulas come from clients too; the compositions are frozen, so no caller
 * can change another's.
 */
const parsed = new LRUCache<string, Composition>({ max: 5000 });

export function parseFormula(formula: string): Composition {
  const cached = parsed.get(formula);
  if (cached) return cached;
  const composition = parseUncached(formula);
  Object.freeze(composition.amounts);
  Object.freeze(composition.elements);
  parsed.set(formula, Object.freeze(composition));
  return composition;
}

function parseUncached(formula: string): Composition {
  const trimmed = formula.trim();
  if (trimmed === '') throw new FormulaError(formula, 'it is empty');
  // mf-parser reads [..] as an isotope label; a cathode formula never means that.
  if (/[[\]{}]/.test(trimmed)) throw new FormulaError(formula, 'brackets are not allowed; use parentheses');
  if (/[^A-Za-z0-9().\/·\s]/.test(trimmed)) throw new FormulaError(formula, 'it contains characters other than elements, numbers, "/", "." and parentheses');
  // mf-parser reads a "." outside a number as a hydrate separator, so LiNiO.8Co0.1Mn0.1O2 (a letter
  // O typed for a zero) would silently become Li Ni Co0.8 Mn0.8 O17. Decimals need digits on both
  // sides; adducts are written with "·".
  const strayDot = /(?<!\d)\.|\.(?!\d)/.exec(trimmed);
  if (strayDot) {
    const before = trimmed.slice(0, strayDot.index);
    const hint = /O$/.test(before) && /^\.\d/.test(trimmed.slice(strayDot.index))
      ? ` (the letter O before "${trimmed.slice(strayDot.index, strayDot.index + 2)}" looks like a zero)`
      : /\d$/.test(before) || /^\.\d/.test(trimmed.slice(strayDot.index)) ? ' (write decimals with a digit on both sides, e.g. 0.2)' : ' (write an adduct with "·", e.g. CuSO4·5H2O)';
    throw new FormulaError(formula, `a "." at position ${strayDot.index + 1} is not inside a decimal number${hint}`);
  }
  // Adducts such as CuSO4·5H2O: mf-parser misreads the leading count of a part, so each part is
  // parsed on its own and scaled here.
  const parts = trimmed.replace(/\s+/g, '').split('·');
  const info = { mass: 0, atoms: {} as Record<string, number> };
  for (const part of parts) {
    const [, countText, body] = /^(\d+(?:\.\d+)?)?(.*)$/.exec(part)!;
    if (body === '') throw new FormulaError(formula, 'it has an empty part around "·"');
    const count = countText === undefined ? 1 : Number(countText);
    let partInfo: { mass: number; atoms: Record<string, number> };
    try {
      partInfo = new MF(body!).getInfo() as typeof partInfo;
    } catch (error) {
      throw new FormulaError(formula, (error as Error).message.split('\n')[0]!);
    }
    info.mass += count * partInfo.mass;
    for (const [element, amount] of Object.entries(partInfo.atoms)) info.atoms[element] = (info.atoms[element] ?? 0) + count * amount;
  }
  const amounts: Record<string, number> = {};
  for (const [element, amount] of Object.entries(info.atoms)) {
    if (!(amount > 0)) throw new FormulaError(formula, `amount of ${element} must be positive`);
    amounts[element] = roundAmount(amount);
  }
  const elements = Object.keys(amounts).sort();
  if (elements.length === 0) throw new FormulaError(formula, 'it names no element');
  if (!(info.mass > 0) || !Number.isFinite(info.mass)) {
    throw new FormulaError(formula, 'an element in it has no standard atomic weight');
  }
  return { amounts, elements, molarMassGPerMol: info.mass };
}

/** Fractions like 1/3 come back as 0.3333333333333333; keep 12 significant digits. */
function roundAmount(amount: number): number {
  return Number(amount.toPrecision(12));
}

/**
 * OPTIMADE-style reduced formula: elements alphabetically, amounts divided by their greatest
 * common divisor when all are integers; non-integer amounts are kept as written
 * (e.g. "Co0.08Li1.17Mn0.54Ni0.21O2").
 */
export function chemicalFormulaReduced(amounts: Record<string, number>): string {
  const elements = Object.keys(amounts).sort();
  const values = elements.map((e) => amounts[e]!);
  const allIntegers = values.every((v) => Number.isInteger(v));
  const divisor = allIntegers ? values.reduce((a, b) => gcd(a, b)) : 1;
  return elements
    .map((e, i) => {
      const n = values[i]! / divisor;
      return n === 1 ? e : `${e}${n}`;
    })
    .join('');
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
