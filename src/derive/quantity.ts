/**
 * A derived number and how it was obtained. Pure data: the derive/ modules build these, the
 * GraphQL layer only serialises them (and converts units on request).
 */

export type ValueOrigin = 'PRINTED' | 'INFERRED' | 'COMPUTED' | 'READ_OFF_FIGURE';

/** Where a stored input is printed, and whether the curator obtained it from there rather than read it. */
export interface FactSource {
  paperId: number;
  locator: string;
  /** PRINTED when absent. */
  origin?: ValueOrigin;
  originNote?: string | null;
}

const ORIGIN_VERB: Record<ValueOrigin, string> = {
  PRINTED: 'printed in',
  INFERRED: 'inferred by the curator from',
  COMPUTED: 'computed by the curator from',
  READ_OFF_FIGURE: 'read off by the curator from',
};

/** "printed in Table II" / "inferred by the curator from Fig. 2 (4 mA/g printed as ~C/68)": for trace text. */
export function describeSource(source: FactSource): string {
  const origin = source.origin ?? 'PRINTED';
  return `${ORIGIN_VERB[origin]} ${source.locator}${origin !== 'PRINTED' && source.originNote ? ` (${source.originNote})` : ''}`;
}

/** A stored row an input was read from, for clients to fetch it by global ID. */
export interface FactRef {
  type: 'Measurement' | 'ComputedProperty' | 'Structure' | 'Reaction' | 'Material' | 'FamilyFact';
  id: number;
}

export interface DerivationInput {
  /** Symbol or short name, e.g. `M(NaVO3)`, `R500`. */
  name: string;
  value: number | null;
  textValue?: string;
  unit: string;
  /** Stored input: where it is printed. */
  source?: FactSource;
  fact?: FactRef;
  /** Derived input: its own derivation. */
  derivation?: Derived;
  /** Physical constant or reference value: which one. */
  note?: string;
}

export type DerivationStatus = 'DERIVED' | 'REPORTED' | 'UNAVAILABLE';

export interface Derived {
  /** What was derived, e.g. `theoretical gravimetric capacity`. */
  quantity: string;
  /** null when status is UNAVAILABLE (see `reason`). */
  value: number | null;
  unit: string;
  status: DerivationStatus;
  formula: string;
  inputs: DerivationInput[];
  assumptions: string[];
  reason?: string;
  /** For REPORTED values: where the value itself is printed. */
  source?: FactSource;
  fact?: FactRef;
  /** Values printed in papers for the same quantity, served beside the derived one for comparison. */
  comparisons?: DerivationInput[];
}

export function derived(fields: Omit<Derived, 'status' | 'assumptions' | 'inputs'> & Partial<Pick<Derived, 'assumptions' | 'inputs'>>): Derived {
  if (fields.value !== null && !Number.isFinite(fields.value)) {
    return unavailable({ ...fields, reason: `the formula gave a non-finite result (${fields.value})` });
  }
  return { assumptions: [], inputs: [], ...fields, status: 'DERIVED' };
}

export function unavailable(fields: { quantity: string; unit: string; formula: string; reason: string; inputs?: DerivationInput[]; assumptions?: string[] }): Derived {
  return { inputs: [], assumptions: [], ...fields, value: null, status: 'UNAVAILABLE' };
}

/** A value served as printed in a paper, flagged as such. */
export function reported(fields: { quantity: string; value: number; unit: string; source: FactSource; fact?: FactRef; formula?: string; assumptions?: string[]; inputs?: DerivationInput[] }): Derived {
  return { inputs: [], assumptions: [], formula: 'reported value (not recomputed)', ...fields, status: 'REPORTED' };
}

/** An input read from a stored fact. */
export function factInput(name: string, row: { id: number; value: number | null; unit: string } & FactSource, type: FactRef['type']): DerivationInput {
  return { name, value: row.value, unit: row.unit, source: factSource(row), fact: { type, id: row.id } };
}

/** The source of a stored row, with its origin when it has one. */
export function factSource(row: FactSource): FactSource {
  return { paperId: row.paperId, locator: row.locator, ...(row.origin ? { origin: row.origin, originNote: row.originNote ?? null } : {}) };
}

/** A derived value used as an input of another derivation. */
export function derivedInput(name: string, d: Derived): DerivationInput {
  return { name, value: d.value, unit: d.unit, derivation: d };
}

/** A physical constant or a reference value (with where it comes from). */
export function constantInput(name: string, value: number, unit: string, note: string): DerivationInput {
  return { name, value, unit, note };
}
