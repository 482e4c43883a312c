/**
 * Units as written in seed files and GraphQL arguments, mapped onto mathjs units.
 * Seeds keep the symbol the paper used; conversion and dimension checks go through mathjs
 * so no resolver carries its own conversion factor.
 */
import type { Unit } from 'mathjs';
import { math } from './math.js';

const { createUnit, unit: mathUnit } = math;

// Counts that mathjs has no unit for: electrons (Bader/spin populations), Bohr magnetons.
// They are dimensionless in SI terms but must not be confused with each other or with percent,
// so each gets its own base dimension.
createUnit('electron', { aliases: ['electrons'] });
createUnit('bohrMagneton', { aliases: ['muB'] });
// Plain ratios get an explicit base ("unity") so percent, ppm and fractions convert among
// themselves but never into a physical quantity.
createUnit('unity');
createUnit('pct', '0.01 unity');
createUnit('partsPerMillion', '1e-6 unity');

/** Symbol accepted in data → mathjs expression. */
const UNIT_ALIASES: Record<string, string> = {
  '1': 'unity',
  'dimensionless': 'unity',
  '%': 'pct',
  'ppm': 'partsPerMillion',
  'V': 'V',
  'mV': 'mV',
  'eV': 'eV',
  'meV': 'meV',
  'eV/f.u.': 'eV',
  'meV/f.u.': 'meV',
  'eV/atom': 'eV',
  'kJ/mol': 'kJ',
  'J/m2': 'J/m^2',
  'GPa': 'GPa',
  'MPa': 'MPa',
  'L': 'L',
  'eV/Å': 'eV/angstrom',
  'Å': 'angstrom',
  'nm': 'nm',
  'µm': 'um',
  'μm': 'um',
  'mm': 'mm',
  'cm': 'cm',
  'm': 'm',
  'deg': 'deg',
  '°': 'deg',
  '°C': 'degC',
  'K': 'K',
  'h': 'h',
  'min': 'min',
  's': 's',
  'fs': 'fs',
  'mAh/g': 'mA h/g',
  'mAh': 'mA h',
  'mAh/cm2': 'mA h/cm^2',
  'mAh/cm3': 'mA h/cm^3',
  'Wh/kg': 'W h/kg',
  'kWh/kg': 'kW h/kg',
  'Wh/g': 'W h/g',
  'J/kg': 'J/kg',
  'kJ/kg': 'kJ/kg',
  'Ah/kg': 'A h/kg',
  'Ah/g': 'A h/g',
  'C/g': 'C/g',
  'A/g': 'A/g',
  'A/kg': 'A/kg',
  'Wh/cm3': 'W h/cm^3',
  'g/mol': 'g/mol',
  'kg/mol': 'kg/mol',
  'Å3': 'angstrom^3',
  'Å^3': 'angstrom^3',
  'nm3': 'nm^3',
  'cm3': 'cm^3',
  'Wh/L': 'W h/L',
  'mA/g': 'mA/g',
  'mA/cm2': 'mA/cm^2',
  'mg/cm2': 'mg/cm^2',
  'g/cm3': 'g/cm^3',
  'g/Ah': 'g/(A h)',
  'J/g': 'J/g',
  'm2/s': 'm^2/s',
  'cm2/s': 'cm^2/s',
  'm2/g': 'm^2/g',
  'M': 'mol/L',
  'mol/L': 'mol/L',
  'mL': 'mL',
  'µL': 'uL',
  'μL': 'uL',
  'g': 'g',
  'mg': 'mg',
  'mL/h': 'mL/h',
  'e': 'electron',
  'e/f.u.': 'electron',
  'μB': 'bohrMagneton',
  'µB': 'bohrMagneton',
  'kV': 'kV',
  'keV': 'keV',
  'MHz': 'MHz',
  'Hz': 'Hz',
  'wt%': 'pct',
  'vol%': 'pct',
  'mol%': 'pct',
  'at%': 'pct',
};

export const KNOWN_UNITS: readonly string[] = Object.keys(UNIT_ALIASES);

export class UnitError extends Error {}

function toMath(symbol: string, value = 1): Unit {
  // Own keys only: "constructor" or "__proto__" are not units (the prototype's would reach mathjs).
  const expr = Object.hasOwn(UNIT_ALIASES, symbol) ? UNIT_ALIASES[symbol] : undefined;
  if (expr === undefined) {
    throw new UnitError(`unknown unit "${symbol}"; known units: ${KNOWN_UNITS.join(', ')}`);
  }
  return mathUnit(value, expr);
}

export function isKnownUnit(symbol: string): boolean {
  return Object.hasOwn(UNIT_ALIASES, symbol);
}

/** True when a value in `from` can be expressed in `to`. */
export function unitsCompatible(from: string, to: string): boolean {
  if (!isKnownUnit(from) || !isKnownUnit(to)) return false;
  return toMath(from).equalBase(toMath(to));
}

/** Convert a value between two data unit symbols, or throw UnitError saying why not. */
export function convertValue(value: number, from: string, to: string): number {
  if (from === to) return value;
  const source = toMath(from, value);
  const target = toMath(to);
  if (!source.equalBase(target)) {
    throw new UnitError(`cannot convert "${from}" to "${to}": they measure different quantities`);
  }
  // Round off binary noise (0.95 %→1 gives 0.9500000000000001) beyond any printed precision.
  return Number(source.toNumber(UNIT_ALIASES[to]!).toPrecision(12));
}
