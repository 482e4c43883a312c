/**
 * Trigonal cells: hexagonal ↔ rhombohedral settings and cell volumes.
 * Eq. (S1) of the NaMO3 paper (Phys. Rev. Materials 4, 015401, Supplement):
 *   β = √(3 + (c_hex/a_hex)²),  a_rh = a_hex·β/3,  α_rh = 2·asin(3/(2β)).
 */

export interface HexagonalCell {
  aA: number;
  cA: number;
}

export interface RhombohedralCell {
  aA: number;
  alphaDeg: number;
}

const DEG = Math.PI / 180;

function requirePositive(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a positive length, got ${value}`);
}

/** Eq. (S1): the primitive rhombohedral cell of an R-centred hexagonal cell. */
export function hexagonalToRhombohedral({ aA, cA }: HexagonalCell): RhombohedralCell {
  requirePositive('a_hex', aA);
  requirePositive('c_hex', cA);
  const beta = Math.sqrt(3 + (cA / aA) ** 2);
  return { aA: (aA * beta) / 3, alphaDeg: (2 * Math.asin(3 / (2 * beta))) / DEG };
}

/** Inverse of Eq. (S1): a_hex = 2·a_rh·sin(α/2), c_hex = a_rh·√(3 + 6·cos α). */
export function rhombohedralToHexagonal({ aA, alphaDeg }: RhombohedralCell): HexagonalCell {
  requirePositive('a_rh', aA);
  if (!(alphaDeg > 0 && alphaDeg < 120)) throw new RangeError(`α_rh must be between 0° and 120°, got ${alphaDeg}`);
  const alpha = alphaDeg * DEG;
  return { aA: 2 * aA * Math.sin(alpha / 2), cA: aA * Math.sqrt(3 + 6 * Math.cos(alpha)) };
}

/** Volume of a hexagonal cell, Å³: (√3/2)·a²·c. */
export function hexagonalVolumeA3({ aA, cA }: HexagonalCell): number {
  requirePositive('a', aA);
  requirePositive('c', cA);
  return (Math.sqrt(3) / 2) * aA * aA * cA;
}

/** Volume of a rhombohedral cell, Å³: a³·√(1 − 3cos²α + 2cos³α). */
export function rhombohedralVolumeA3({ aA, alphaDeg }: RhombohedralCell): number {
  requirePositive('a', aA);
  const c = Math.cos(alphaDeg * DEG);
  return aA ** 3 * Math.sqrt(1 - 3 * c * c + 2 * c ** 3);
}
