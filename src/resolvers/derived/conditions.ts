/** Rate conditions of a measurement derived through the paper's 1C definition. */
import type { Measurement } from '@prisma/client';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import { cRateOf, currentDensityMAPerG, impliedOneCMAPerG } from '../../derive/capacity.js';
import { derived, reported, unavailable, type Derived, type DerivationInput } from '../../derive/quantity.js';
import { inUnit } from '../derived-support.js';

const conditionsSource = (m: Measurement) => ({ paperId: m.paperId, locator: m.locator });

/** The stored condition value as a comparison beside a derived one. */
const storedCondition = (m: Measurement, name: string, value: number | null, unit: string): DerivationInput[] =>
  value === null ? [] : [{ name, value, unit, source: conditionsSource(m), fact: { type: 'Measurement', id: m.id } }];

/**
 * A rate condition derived through the paper's 1C definition from the other one when both that
 * and 1C are stated (the printed value, if any, beside it); else the printed value.
 */
function viaOneC(
  m: Measurement,
  spec: {
    quantity: string;
    formula: string;
    unit: string;
    printed: { name: string; value: number | null };
    from: { name: string; value: number | null; unit: string };
    compute: (from: number, oneCMAPerG: number) => number;
  },
): Derived {
  const { quantity, formula, unit, printed, from } = spec;
  if (from.value !== null && m.oneCMAPerG !== null) {
    return {
      ...derived({
        quantity,
        value: spec.compute(from.value, m.oneCMAPerG),
        unit,
        formula,
        inputs: [...storedCondition(m, from.name, from.value, from.unit), ...storedCondition(m, '1C', m.oneCMAPerG, 'mA/g')],
        assumptions: [`1C = ${m.oneCMAPerG} mA/g as defined in the paper`],
      }),
      comparisons: storedCondition(m, `${printed.name} (printed)`, printed.value, unit),
    };
  }
  if (printed.value !== null) return reported({ quantity, value: printed.value, unit, source: conditionsSource(m), fact: { type: 'Measurement', id: m.id } });
  return unavailable({ quantity, unit, formula, reason: from.value === null ? 'no C-rate or current density is stated' : "the paper's 1C definition is not stored" });
}

/** I = n·(1C) from the stated C-rate, else the printed current density. */
function currentDensityOf(m: Measurement): Derived {
  return viaOneC(m, {
    quantity: 'current density',
    formula: 'I = n·(1C)',
    unit: 'mA/g',
    printed: { name: 'I', value: m.currentDensityMAPerG },
    from: { name: 'n', value: m.cRate, unit: 'C' },
    compute: currentDensityMAPerG,
  });
}

/** n = I / (1C) from the stated current density, else the printed C-rate. */
function cRateDerivedOf(m: Measurement): Derived {
  return viaOneC(m, {
    quantity: 'C-rate',
    formula: 'n = I / (1C)',
    unit: '1',
    printed: { name: 'n', value: m.cRate },
    from: { name: 'I', value: m.currentDensityMAPerG, unit: 'mA/g' },
    compute: cRateOf,
  });
}

function impliedOneCOf(m: Measurement): Derived {
  const quantity = '1C current density';
  if (m.currentDensityMAPerG !== null && m.cRate !== null) {
    const stated = m.oneCMAPerG !== null ? [{ name: '1C (stored)', value: m.oneCMAPerG, unit: 'mA/g', source: conditionsSource(m) }] : [];
    return {
      ...derived({
        quantity,
        value: impliedOneCMAPerG(m.currentDensityMAPerG, m.cRate),
        unit: 'mA/g',
        formula: '1C = I / n',
        inputs: [
          { name: 'I', value: m.currentDensityMAPerG, unit: 'mA/g', source: conditionsSource(m) },
          { name: 'n', value: m.cRate, unit: 'C', source: conditionsSource(m) },
        ],
        assumptions: ['the printed current density and C-rate describe the same test'],
      }),
      comparisons: stated,
    };
  }
  if (m.oneCMAPerG !== null) return reported({ quantity, value: m.oneCMAPerG, unit: 'mA/g', source: conditionsSource(m), fact: { type: 'Measurement', id: m.id } });
  return unavailable({ quantity, unit: 'mA/g', formula: '1C = I / n', reason: 'needs both a current density and a C-rate, or a stated 1C' });
}

export const conditionsResolvers: Resolvers = {
  Conditions: {
    currentDensity: (m, { unit }) => inUnit(currentDensityOf(m), unit),
    cRateDerived: (m) => cRateDerivedOf(m),
    impliedOneC: (m, { unit }) => inUnit(impliedOneCOf(m), unit),
  },
};
