/**
 * Glue between stored rows and the derive/ modules: unit conversion of derived values on request,
 * evidence built from rows, and the pick of one stored value among several.
 */
import type { ComputedProperty, Material, Measurement, Reaction, ReactionParticipant } from '@prisma/client';
import type { Context } from '../context.js';
import { referenceKey } from '../db/loaders.js';
import { DerivationInputError } from '../derive/capacity.js';
import { FormulaError } from '../derive/composition.js';
import { factInput, type Derived, type DerivationInput, type FactSource, type ValueOrigin } from '../derive/quantity.js';
import { enumValue } from '../seed/load.js';
import { ErrorCode, UserInputError } from '../errors.js';
import { unknownUnitMessage } from '../suggest.js';
import { convertValue, isKnownUnit, unitsCompatible, UnitError } from '../units.js';

/**
 * The reference values the derivations read (loaders.referenceComputed keys) for a material:
 * the working-ion metal's total energy (average voltage, Eq. 1) and the O2 molecule's −IpCOHP
 * (stability). Listed here so a page's inputs can be loaded ahead (src/read/derived-inputs.ts).
 */
export const REFERENCES = {
  workingIonMetalEnergy: (m: Pick<Material, 'workingIon'>) => (m.workingIon ? referenceKey('total_energy', m.workingIon) : null),
  o2Ipcohp: () => referenceKey('neg_ipcohp', 'O2'),
};

/** Unit errors of derived values, raised by their `value` field alone (see inUnit). */
const unitErrors = new WeakMap<Derived, UserInputError>();

/**
 * Express a derived value in the requested unit (validated; conversion by the units module).
 * A unit it cannot be expressed in gives the quantity UNAVAILABLE with the reason, and the error
 * is raised on its `value` only (derivedValue): the rest of the object and every other field of
 * a list stay, instead of a non-null error nulling the whole list.
 */
export function inUnit(d: Derived, unit: string | null | undefined, argument = 'unit'): Derived {
  if (!unit || unit === d.unit) return d;
  let problem: string | null = null;
  if (!isKnownUnit(unit)) problem = unknownUnitMessage(unit, d.unit);
  else if (!unitsCompatible(d.unit, unit)) problem = `cannot express ${d.quantity} (${d.unit}) in "${unit}"`;
  else {
    try {
      return { ...d, unit, value: d.value === null ? null : convertValue(d.value, d.unit, unit) };
    } catch (error) {
      if (!(error instanceof UnitError)) throw error;
      problem = error.message;
    }
  }
  const refused: Derived = { ...d, unit, value: null, status: 'UNAVAILABLE', reason: problem };
  unitErrors.set(refused, new UserInputError(problem, ErrorCode.UNKNOWN_UNIT, argument));
  return refused;
}

/** DerivedQuantity.value: the number, or the error of a unit it could not be expressed in. */
export function derivedValue(d: Derived): number | null {
  const error = unitErrors.get(d);
  if (error) throw error;
  return d.value;
}

/** A stored value expressed in `unit`, or null if it has no numeric value. */
export function valueIn(row: { value: number | null; unit: string }, unit: string): number | null {
  if (row.value === null) return null;
  return row.unit === unit ? row.value : convertValue(row.value, row.unit, unit);
}

export const computedInput = (name: string, row: ComputedProperty): DerivationInput => factInput(name, row, 'ComputedProperty');
export const measuredInput = (name: string, row: Measurement): DerivationInput => factInput(name, row, 'Measurement');

/** Run a pure derivation; bad argument values become client errors instead of internal ones. */
export function guarded<T>(argument: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DerivationInputError || error instanceof FormulaError) throw new UserInputError(error.message, ErrorCode.BAD_USER_INPUT, argument);
    throw error;
  }
}

/** "3 NaVO3 → Na2V3O7 + 0.5 Na2O + 0.75 O2" from participant rows, through the loaders. */
export async function reactionEquation(context: Context, reaction: Reaction): Promise<string> {
  const participants = await context.loaders.participantsByReactionId.load(reaction.id);
  const materials = await context.loaders.materialById.loadMany(participants.map((p) => p.materialId));
  const rows = materials.map((m) => (m instanceof Error ? null : m));
  const formulas = rows.map((m) => m?.formula ?? '?');
  // Polymorphs share a formula (NaVO3 → NaVO3): name them instead.
  const clash = (i: number) => formulas.filter((f) => f === formulas[i]).length > 1;
  const term = (p: ReactionParticipant, i: number) => {
    const formula = clash(i) ? (rows[i]?.name ?? formulas[i]!) : formulas[i]!;
    return `${p.coefficient === 1 ? '' : `${Number(p.coefficient.toPrecision(6))} `}${formula}`;
  };
  const side = (s: ReactionParticipant['side']) =>
    participants
      .map((p, i) => [p, i] as const)
      .filter(([p]) => p.side === s)
      .map(([p, i]) => term(p, i))
      .join(' + ');
  return `${side('REACTANT')} → ${side('PRODUCT')}`;
}

interface StoredConditionSource {
  origin?: string;
  originNote?: string;
  locator?: string;
}

/** Each stated condition's source: its own locator and origin where stored, else the measurement's locator, printed. */
export function conditionSourcesOf(m: Measurement): Record<string, FactSource> {
  const stored = (m.conditionSources ?? {}) as Record<string, StoredConditionSource>;
  return Object.fromEntries(
    Object.entries(stored).map(([field, c]) => [
      field,
      { paperId: m.paperId, locator: c.locator ?? m.locator, origin: enumValue(c.origin ?? 'printed') as ValueOrigin, originNote: c.originNote ?? null },
    ]),
  );
}

/** Where one condition of a measurement comes from (the measurement's own locator unless stored otherwise). */
export function conditionSource(m: Measurement, field: string): FactSource {
  return conditionSourcesOf(m)[field] ?? { paperId: m.paperId, locator: m.locator };
}

/** Stated conditions in words ("0.1C, 25 °C, cycle 1, COIN_HALF_CELL"), for traces; '' when none is stated. */
export function describeConditions(m: Measurement): string {
  const parts: (string | null)[] = [
    m.cRate !== null ? `${Number(m.cRate.toPrecision(4))}C` : null,
    m.currentDensityMAPerG !== null ? `${m.currentDensityMAPerG} mA/g` : null,
    m.temperatureC !== null ? `${m.temperatureC} °C` : null,
    m.voltageMinV !== null || m.voltageMaxV !== null ? `${m.voltageMinV ?? '?'}–${m.voltageMaxV ?? '?'} V` : null,
    m.cycleNumber !== null ? `cycle ${m.cycleNumber}` : null,
    m.cellType, m.counterElectrode ? `vs ${m.counterElectrode}` : null, m.state, m.technique,
  ];
  return parts.filter((p) => p !== null).join(', ');
}

/** Whether two measurements were made under the same conditions (every condition column and the extra ones). */
export function sameConditions(a: Measurement, b: Measurement): boolean {
  const columns = [
    'temperatureC', 'cRate', 'chargeCRate', 'oneCMAPerG', 'currentDensityMAPerG', 'voltageMinV', 'voltageMaxV', 'cycleNumber',
    'cellType', 'counterElectrode', 'electrolyte', 'state', 'technique', 'loadingMgPerCm2',
  ] as const;
  return columns.every((c) => a[c] === b[c]) && canonicalJson(a.otherConditions) === canonicalJson(b.otherConditions);
}

function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.keys(value as object).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
