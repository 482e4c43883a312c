/** Rate conditions of a measurement derived through the paper's 1C definition. */
import type { Measurement } from '@prisma/client';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import { cRateOf, currentDensityMAPerG, impliedOneCMAPerG, RATE } from '../../derive/capacity.js';
import { derived, describeSource, reported, unavailable, type Derived, type DerivationInput } from '../../derive/quantity.js';
import { conditionSource, inUnit } from '../derived-support.js';

type RateField = 'cRate' | 'currentDensityMAPerG' | 'oneCMAPerG';

/** A stored condition as a trace input, with where that condition itself is printed (or how it was obtained). */
const storedCondition = (m: Measurement, field: RateField, name: string, unit: string): DerivationInput[] =>
  m[field] === null ? [] : [{ name, value: m[field], unit, source: conditionSource(m, field), fact: { type: 'Measurement', id: m.id } }];

/** A printed condition served as is. */
const reportedCondition = (m: Measurement, field: RateField, quantity: string, unit: string): Derived =>
  reported({ quantity, value: m[field]!, unit, source: conditionSource(m, field), fact: { type: 'Measurement', id: m.id } });

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
    printed: { name: string; field: RateField };
    from: { name: string; field: RateField; unit: string };
    compute: (from: number, oneCMAPerG: number) => number;
  },
): Derived {
  const { quantity, formula, unit, printed, from } = spec;
  const fromValue = m[from.field];
  if (fromValue !== null && m.oneCMAPerG !== null) {
    return {
      ...derived({
        quantity,
        value: spec.compute(fromValue, m.oneCMAPerG),
        unit,
        formula,
        inputs: [...storedCondition(m, from.field, from.name, from.unit), ...storedCondition(m, 'oneCMAPerG', '1C', 'mA/g')],
        assumptions: [`1C = ${m.oneCMAPerG} mA/g, ${describeSource(conditionSource(m, 'oneCMAPerG'))}`],
      }),
      comparisons: storedCondition(m, printed.field, `${printed.name} (stored)`, unit),
    };
  }
  if (m[printed.field] !== null) return reportedCondition(m, printed.field, quantity, unit);
  return unavailable({ quantity, unit, formula, reason: fromValue === null ? 'no C-rate or current density is stated' : "the paper's 1C definition is not stored" });
}

/** I = n·(1C) from the stated C-rate, else the printed current density. */
function currentDensityOf(m: Measurement): Derived {
  return viaOneC(m, {
    quantity: 'current density',
    formula: RATE.currentDensity,
    unit: 'mA/g',
    printed: { name: 'I', field: 'currentDensityMAPerG' },
    from: { name: 'n', field: 'cRate', unit: 'C' },
    compute: currentDensityMAPerG,
  });
}

/** n = I / (1C) from the stated current density, else the printed C-rate. */
function cRateDerivedOf(m: Measurement): Derived {
  return viaOneC(m, {
    quantity: 'C-rate',
    formula: RATE.cRate,
    unit: '1',
    printed: { name: 'n', field: 'cRate' },
    from: { name: 'I', field: 'currentDensityMAPerG', unit: 'mA/g' },
    compute: cRateOf,
  });
}

function impliedOneCOf(m: Measurement): Derived {
  const quantity = '1C current density';
  if (m.currentDensityMAPerG !== null && m.cRate !== null) {
    return {
      ...derived({
        quantity,
        value: impliedOneCMAPerG(m.currentDensityMAPerG, m.cRate),
        unit: 'mA/g',
        formula: RATE.oneC,
        inputs: [...storedCondition(m, 'currentDensityMAPerG', 'I', 'mA/g'), ...storedCondition(m, 'cRate', 'n', 'C')],
        assumptions: ['the stored current density and C-rate describe the same test'],
      }),
      comparisons: storedCondition(m, 'oneCMAPerG', '1C (stored)', 'mA/g'),
    };
  }
  if (m.oneCMAPerG !== null) return reportedCondition(m, 'oneCMAPerG', quantity, 'mA/g');
  return unavailable({ quantity, unit: 'mA/g', formula: RATE.oneC, reason: 'needs both a current density and a C-rate, or a stated 1C' });
}

export const conditionsResolvers: Resolvers = {
  Conditions: {
    currentDensity: (m, { unit }) => inUnit(currentDensityOf(m), unit),
    cRateDerived: (m) => cRateDerivedOf(m),
    impliedOneC: (m, { unit }) => inUnit(impliedOneCOf(m), unit),
  },
};
