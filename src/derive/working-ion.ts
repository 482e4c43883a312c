/**
 * The working ions the knowledge base knows, with their valence z (charge of the ion, electrons
 * transferred per ion inserted): the one place this is stated. Capacities scale with z
 * (Q = n·z·F/M) and Eq. (1) voltages divide by it. The Prisma and GraphQL `WorkingIon` enums list
 * the same symbols (test/unit/working-ion.test.ts checks they agree).
 */
export const WORKING_ION_VALENCE = {
  Li: 1,
  Na: 1,
  K: 1,
  Rb: 1,
  Cs: 1,
  Mg: 2,
  Ca: 2,
  Zn: 2,
  Al: 3,
  Y: 3,
} as const;

export type WorkingIonSymbol = keyof typeof WORKING_ION_VALENCE;

export const WORKING_IONS = Object.keys(WORKING_ION_VALENCE) as [WorkingIonSymbol, ...WorkingIonSymbol[]];

export function isWorkingIon(symbol: string): symbol is WorkingIonSymbol {
  return Object.hasOwn(WORKING_ION_VALENCE, symbol);
}

/** Valence z of a working ion; throws for a symbol that is not one. */
export function valenceOf(ion: string): number {
  if (!isWorkingIon(ion)) throw new RangeError(`"${ion}" is not a working ion (known: ${WORKING_IONS.join(', ')})`);
  return WORKING_ION_VALENCE[ion];
}
