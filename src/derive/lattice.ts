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

export type LatticeSetting = 'HEXAGONAL' | 'RHOMBOHEDRAL' | 'CUBIC' | 'MONOCLINIC' | 'ORTHORHOMBIC' | 'TETRAGONAL' | 'TRICLINIC';

export interface CellParameters {
  aA: number | null;
  bA: number | null;
  cA: number | null;
  alphaDeg: number | null;
  betaDeg: number | null;
  gammaDeg: number | null;
}

/** Trace texts of the cell relations in this module (Eq. S1 of PRMaterials 2020 and its inverse). */
export const LATTICE = {
  volumeFormula: 'V = a·b·c·√(1 − cos²α − cos²β − cos²γ + 2·cosα·cosβ·cosγ)',
  volumePerFormulaUnitFormula: 'V_f.u. = V_cell / Z',
  volumePerFormulaUnitFromHexagonalFormula: 'V_f.u. = V_hex / (3·Z_rh)',
  rhombohedralAFormula: 'a_rh = a_hex·β/3, β = √(3 + (c_hex/a_hex)²)  (Eq. S1)',
  rhombohedralAlphaFormula: 'α_rh = 2·asin(3/(2β)), β = √(3 + (c_hex/a_hex)²)  (Eq. S1)',
  hexagonalAFormula: 'a_hex = 2·a_rh·sin(α/2)  (inverse of Eq. S1)',
  hexagonalCFormula: 'c_hex = a_rh·√(3 + 6·cos α)  (inverse of Eq. S1)',
} as const;

/** General cell volume, Å³: abc·√(1 − cos²α − cos²β − cos²γ + 2·cosα·cosβ·cosγ). */
export function cellVolumeA3(a: number, b: number, c: number, alphaDeg: number, betaDeg: number, gammaDeg: number): number {
  for (const [name, v] of [['a', a], ['b', b], ['c', c]] as const) requirePositive(name, v);
  const [ca, cb, cg] = [alphaDeg, betaDeg, gammaDeg].map((x) => Math.cos(x * DEG)) as [number, number, number];
  const radicand = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
  if (!(radicand > 0)) throw new RangeError(`angles ${alphaDeg}°, ${betaDeg}°, ${gammaDeg}° do not form a cell`);
  return a * b * c * Math.sqrt(radicand);
}

/**
 * The full parameter set a setting implies from the ones a paper prints (e.g. hexagonal: a, c
 * with b = a, α = β = 90°, γ = 120°), or null with the missing parameter's name.
 */
export function completeCell(setting: LatticeSetting, p: CellParameters): { cell: [number, number, number, number, number, number] } | { missing: string } {
  const need = (name: string, v: number | null): number => {
    if (v === null) throw new MissingParameter(name);
    return v;
  };
  try {
    switch (setting) {
      case 'CUBIC': {
        const a = need('a', p.aA);
        return { cell: [a, a, a, 90, 90, 90] };
      }
      case 'TETRAGONAL': {
        const a = need('a', p.aA);
        return { cell: [a, a, need('c', p.cA), 90, 90, 90] };
      }
      case 'HEXAGONAL': {
        const a = need('a', p.aA);
        return { cell: [a, a, need('c', p.cA), 90, 90, 120] };
      }
      case 'RHOMBOHEDRAL': {
        const a = need('a', p.aA);
        const alpha = need('α', p.alphaDeg);
        return { cell: [a, a, a, alpha, alpha, alpha] };
      }
      case 'ORTHORHOMBIC':
        return { cell: [need('a', p.aA), need('b', p.bA), need('c', p.cA), 90, 90, 90] };
      case 'MONOCLINIC':
        return { cell: [need('a', p.aA), need('b', p.bA), need('c', p.cA), 90, need('β', p.betaDeg), 90] };
      case 'TRICLINIC':
        return { cell: [need('a', p.aA), need('b', p.bA), need('c', p.cA), need('α', p.alphaDeg), need('β', p.betaDeg), need('γ', p.gammaDeg)] };
    }
  } catch (error) {
    if (error instanceof MissingParameter) return { missing: error.message };
    throw error;
  }
}

class MissingParameter extends Error {}
