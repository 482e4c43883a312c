/**
 * Space-group symbol vs number consistency, against the 230-group table of @chemistry/space-groups.
 * Papers write short symbols with subscripts in parentheses (`P2(1)/m`) or as plain digits.
 */
import { SpaceGroup } from '@chemistry/space-groups';

export interface SpaceGroupCheck {
  consistent: boolean;
  /** The table's Hermann–Mauguin symbol for the number, e.g. `R -3`. */
  expectedSymbol: string | null;
  /** Numbers whose symbol matches the one given. */
  numbersForSymbol: number[];
  message: string;
}

/** Symbol without spaces, with `2(1)` → `21`; monoclinic full symbols also in short form (`C 1 2/m 1` → `C2/m`). */
function normalisedForms(hm: string): string[] {
  const compact = hm.replace(/\(([0-9])\)/g, '$1').replace(/\s+/g, '');
  const tokens = hm.trim().split(/\s+/);
  const forms = [compact];
  if (tokens.length === 4 && tokens.filter((t) => t === '1').length === 2) {
    forms.push(tokens.filter((t) => t !== '1').join(''));
  }
  return forms;
}

let bySymbol: Map<string, number[]> | null = null;
function symbolIndex(): Map<string, number[]> {
  if (bySymbol) return bySymbol;
  bySymbol = new Map();
  for (let number = 1; number <= 230; number++) {
    const group = SpaceGroup.getById(number);
    if (!group) continue;
    for (const form of normalisedForms(group.hm)) {
      const list = bySymbol.get(form) ?? [];
      if (!list.includes(number)) list.push(number);
      bySymbol.set(form, list);
    }
  }
  return bySymbol;
}

export function checkSpaceGroup(symbol: string, number: number): SpaceGroupCheck {
  const group = Number.isInteger(number) && number >= 1 && number <= 230 ? SpaceGroup.getById(number) : null;
  const given = normalisedForms(symbol)[0]!;
  const numbersForSymbol = symbolIndex().get(given) ?? [];
  if (!group) {
    return { consistent: false, expectedSymbol: null, numbersForSymbol, message: `${number} is not a space-group number (1–230)` };
  }
  const consistent = numbersForSymbol.includes(number);
  return {
    consistent,
    expectedSymbol: group.hm,
    numbersForSymbol,
    message: consistent
      ? `${symbol} is space group ${number}`
      : `${symbol} does not match space group ${number} (${group.hm})` + (numbersForSymbol.length > 0 ? `; ${symbol} is number ${numbersForSymbol.join(' or ')}` : `; ${symbol} is not in the table`),
  };
}
