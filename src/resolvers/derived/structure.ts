/** Derived fields of structures and cells: volumes, setting conversions, space-group checks. */
import type { Lattice, Structure } from '@prisma/client';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';
import { cellVolumeA3, completeCell, hexagonalToRhombohedral, LATTICE, rhombohedralToHexagonal, type LatticeSetting } from '../../derive/lattice.js';
import { derived, derivedInput, reported, unavailable, type Derived, type DerivationInput } from '../../derive/quantity.js';
import { checkSpaceGroup } from '../../derive/space-group.js';
import { inUnit } from '../derived-support.js';

export interface DerivedLatticeParent {
  setting: LatticeSetting;
  a: Derived;
  c: Derived | null;
  alpha: Derived | null;
  volume: Derived;
  stored: Lattice | null;
}


/** Volume per formula unit from the stored cells (Z known, or the hexagonal cell of an R lattice = 3 × rhombohedral Z). */
export async function volumePerFormulaUnit(context: Context, s: Structure): Promise<Derived> {
  const quantity = `volume per formula unit of ${s.label}`;
  const formula = LATTICE.volumePerFormulaUnitFormula;
  const lattices = await context.loaders.latticesByStructureId.load(s.id);
  const withZ = lattices.find((l) => l.formulaUnitsPerCell !== null && latticeVolume(l).value !== null);
  if (withZ) {
    const v = latticeVolume(withZ);
    return derived({ quantity, value: v.value! / withZ.formulaUnitsPerCell!, unit: 'Å3', formula, inputs: [derivedInput('V_cell', v), { name: 'Z', value: withZ.formulaUnitsPerCell, unit: '1', source: { paperId: withZ.paperId, locator: withZ.locator } }] });
  }
  const rh = lattices.find((l) => l.setting === 'RHOMBOHEDRAL' && l.formulaUnitsPerCell !== null);
  const hex = lattices.find((l) => l.setting === 'HEXAGONAL' && latticeVolume(l).value !== null);
  if (rh && hex) {
    const v = latticeVolume(hex);
    return derived({
      quantity,
      value: v.value! / (3 * rh.formulaUnitsPerCell!),
      unit: 'Å3',
      formula: LATTICE.volumePerFormulaUnitFromHexagonalFormula,
      inputs: [derivedInput('V_hex', v), { name: 'Z_rh', value: rh.formulaUnitsPerCell, unit: '1', source: { paperId: rh.paperId, locator: rh.locator } }],
      assumptions: ['the hexagonal cell of an R-centred lattice holds three primitive rhombohedral cells'],
    });
  }
  return unavailable({ quantity, unit: 'Å3', formula, reason: lattices.length === 0 ? 'no cell parameters are stored' : 'the number of formula units per cell is not stored for any setting' });
}

export function latticeVolume(l: Lattice): Derived {
  const quantity = `${l.setting.toLowerCase()} cell volume`;
  const cell = completeCell(l.setting as LatticeSetting, l);
  if ('cell' in cell) {
    const [a, b, c, alpha, beta, gamma] = cell.cell;
    return derived({
      quantity,
      value: cellVolumeA3(a, b, c, alpha, beta, gamma),
      unit: 'Å3',
      formula: LATTICE.volumeFormula,
      inputs: [
        ['a', l.aA],
        ['b', l.bA],
        ['c', l.cA],
        ['α', l.alphaDeg],
        ['β', l.betaDeg],
        ['γ', l.gammaDeg],
      ]
        .filter(([, v]) => v !== null)
        .map(([name, v]) => ({ name: name as string, value: v as number, unit: (name as string).match(/[abc]/) ? 'Å' : '°', source: { paperId: l.paperId, locator: l.locator } })),
      assumptions: [`parameters not printed follow from the ${l.setting.toLowerCase()} setting`],
    });
  }
  if (l.volumeA3 !== null) return reported({ quantity, value: l.volumeA3, unit: 'Å3', source: { paperId: l.paperId, locator: l.locator }, assumptions: [`cell parameter ${cell.missing} is not stored`] });
  return unavailable({ quantity, unit: 'Å3', formula: LATTICE.volumeFormula, reason: `cell parameter ${cell.missing} is not stored` });
}

export async function convertedLattice(context: Context, s: Structure): Promise<DerivedLatticeParent | null> {
  if (!s.spaceGroupSymbol?.startsWith('R')) return null;
  const lattices = await context.loaders.latticesByStructureId.load(s.id);
  const hex = lattices.find((l) => l.setting === 'HEXAGONAL' && l.aA !== null && l.cA !== null);
  const rh = lattices.find((l) => l.setting === 'RHOMBOHEDRAL' && l.aA !== null && l.alphaDeg !== null);
  const src = (l: Lattice) => ({ paperId: l.paperId, locator: l.locator });
  if (hex) {
    const cell = hexagonalToRhombohedral({ aA: hex.aA!, cA: hex.cA! });
    const inputs: DerivationInput[] = [
      { name: 'a_hex', value: hex.aA, unit: 'Å', source: src(hex) },
      { name: 'c_hex', value: hex.cA, unit: 'Å', source: src(hex) },
    ];
    const a = derived({ quantity: 'rhombohedral a', value: cell.aA, unit: 'Å', formula: LATTICE.rhombohedralAFormula, inputs });
    const alpha = derived({ quantity: 'rhombohedral α', value: cell.alphaDeg, unit: 'deg', formula: LATTICE.rhombohedralAlphaFormula, inputs });
    const volume = latticeVolume({ ...hex, setting: 'RHOMBOHEDRAL', aA: cell.aA, bA: null, cA: null, alphaDeg: cell.alphaDeg, betaDeg: null, gammaDeg: null, volumeA3: null });
    return { setting: 'RHOMBOHEDRAL', a, c: null, alpha, volume: { ...volume, inputs: [derivedInput('a_rh', a), derivedInput('α_rh', alpha)] }, stored: rh ?? null };
  }
  if (rh) {
    const cell = rhombohedralToHexagonal({ aA: rh.aA!, alphaDeg: rh.alphaDeg! });
    const inputs: DerivationInput[] = [
      { name: 'a_rh', value: rh.aA, unit: 'Å', source: src(rh) },
      { name: 'α_rh', value: rh.alphaDeg, unit: 'deg', source: src(rh) },
    ];
    const a = derived({ quantity: 'hexagonal a', value: cell.aA, unit: 'Å', formula: LATTICE.hexagonalAFormula, inputs });
    const c = derived({ quantity: 'hexagonal c', value: cell.cA, unit: 'Å', formula: LATTICE.hexagonalCFormula, inputs });
    const volume = latticeVolume({ ...rh, setting: 'HEXAGONAL', aA: cell.aA, bA: null, cA: cell.cA, alphaDeg: null, betaDeg: null, gammaDeg: null, volumeA3: null });
    return { setting: 'HEXAGONAL', a, c, alpha: null, volume: { ...volume, inputs: [derivedInput('a_hex', a), derivedInput('c_hex', c)] }, stored: null };
  }
  return null;
}

export const structureResolvers: Resolvers = {
  Lattice: {
    volume: (l, { unit }) => inUnit(latticeVolume(l), unit),
  },
  Structure: {
    volumePerFormulaUnit: async (s, { unit }, context) => inUnit(await volumePerFormulaUnit(context, s), unit),
    convertedLattice: (s, _a, context) => convertedLattice(context, s),
    spaceGroupCheck: (s) => (s.spaceGroupSymbol && s.spaceGroupNumber !== null ? checkSpaceGroup(s.spaceGroupSymbol, s.spaceGroupNumber) : null),
  },
};
