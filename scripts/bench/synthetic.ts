/**
 * Deterministic synthetic cathode data in the seeds/ format, for benchmarks only (every paper is
 * marked as generated; no value is real). One "paper" file per 1000 materials; paper p is
 * generated from a PRNG seeded with p alone, so the same N gives the same bytes and the data of
 * a smaller N is a prefix of a larger one (papers 1..⌈N/1000⌉, the last one possibly shorter).
 *
 * Every paper holds, per 1000 materials:
 *   - 2 references: Na metal (total energy, the anode of Eq. 1) and the O2 molecule (−IpCOHP O–O);
 *   - 8 coating substances (CoxB, Al2O3, ZrO2, …) with a Coating record each;
 *   - ~36 % ilmenite NaMO3-like cathodes (family ilmenite-namo3): an R-3 Na1 and a P-31m Na0.5
 *     structure with hexagonal + rhombohedral lattices, HSE06-like total energies (so voltages
 *     derive by Eq. 1), ELFmax, bond lengths, ΔE(AFM−FM), GGA+U relative energies of R-3/Pm-3m
 *     configurations, reduction enthalpy, O–O distances and −IpCOHP, band gap …; some with a
 *     NaMO3 → NaMO2 + ½O2 reaction against a layered NaMO2 of the same paper;
 *   - ~44 % layered oxides (NCM, Li-rich LMR, LiMO2, NaMO2) with an R-3m structure (Li-rich ones
 *     with pristine/charged/discharged structures and TM-in-Li-layer fractions) and ~18
 *     measurements under stated conditions (capacities at several C-rates, retention in coin and
 *     pouch cells, coulombic efficiency, DSC, particle size, BET …);
 *   - ~20 % coated variants of those layered oxides (substrate + coating), measured under the same
 *     conditions as their substrate so coated-vs-pristine pairs derive.
 * About 20 facts per material on average.
 */

export const MATERIALS_PER_PAPER = 1000;
export const BENCH_DOI_PREFIX = '10.5555/cathode-kb-bench.';

/** sfc32 seeded through splitmix32: small, fast, and the same everywhere. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

type Rand = ReturnType<typeof prng>;
const uniform = (r: Rand, min: number, max: number) => min + (max - min) * r();
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
/** Rounded the way a paper prints it (a fixed number of decimals), as a plain number. */
const dp = (x: number, digits: number) => Number(x.toFixed(digits));

// ---------------------------------------------------------------- YAML writing (flow style)

type Scalar = string | number | boolean | null;
type Flow = Scalar | Flow[] | { [k: string]: Flow | undefined };

/** JSON is valid YAML flow syntax; strings are always double-quoted. */
function flow(value: Flow): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`non-finite number in synthetic data: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined) as [string, Flow][];
  return `{ ${entries.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }`;
}

// ---------------------------------------------------------------- chemistry tables

const TM = ['V', 'Cr', 'Mn', 'Fe', 'Co', 'Ni'] as const;
type Tm = (typeof TM)[number];
/** Rough HSE06-like numbers per M for the ilmenite family (voltage, ELFmax, hex a/c of R-3). */
const ILMENITE: Record<Tm, { v: number; elf: number; a: number; c: number; order: 'NM' | 'FM' | 'AFM'; reduction: number }> = {
  V: { v: 5.9, elf: 0.601, a: 5.003, c: 15.225, order: 'NM', reduction: -0.8 },
  Cr: { v: 4.9, elf: 0.612, a: 4.988, c: 15.166, order: 'FM', reduction: 0.2 },
  Mn: { v: 4.6, elf: 0.618, a: 4.917, c: 15.425, order: 'FM', reduction: 0.35 },
  Fe: { v: 4.3, elf: 0.624, a: 4.913, c: 15.341, order: 'AFM', reduction: 0.6 },
  Co: { v: 3.5, elf: 0.633, a: 4.885, c: 15.317, order: 'AFM', reduction: 0.9 },
  Ni: { v: 4.0, elf: 0.641, a: 4.862, c: 15.29, order: 'FM', reduction: 1.1 },
};

const COATINGS = [
  { formula: 'Co2B', name: 'amorphous CoxB', family: 'metal-boride', morphology: 'amorphous', route: 'NaBH4 reduction of Co acetate in solution' },
  { formula: 'Al2O3', name: 'Al2O3', family: 'binary-oxide', morphology: 'amorphous', route: 'atomic layer deposition' },
  { formula: 'ZrO2', name: 'ZrO2', family: 'binary-oxide', morphology: 'nanocrystalline', route: 'sol-gel and annealing at 500 °C' },
  { formula: 'Li3PO4', name: 'Li3PO4', family: null, morphology: 'amorphous', route: 'wet chemical coating' },
  { formula: 'TiO2', name: 'TiO2', family: 'binary-oxide', morphology: 'anatase', route: 'sol-gel' },
  { formula: 'Li2ZrO3', name: 'Li2ZrO3', family: null, morphology: 'crystalline', route: 'solid-state reaction' },
  { formula: 'Ni2B', name: 'amorphous NixB', family: 'metal-boride', morphology: 'amorphous', route: 'NaBH4 reduction' },
  { formula: 'MgO', name: 'MgO', family: 'binary-oxide', morphology: 'nanocrystalline', route: 'wet impregnation' },
] as const;

type LayeredKind = 'ncm' | 'lmr' | 'limo2' | 'namo2';

interface Layered {
  key: string;
  kind: LayeredKind;
  formula: string;
  workingIon: 'Li' | 'Na';
  /** Baseline figures the measurements scatter around. */
  capacity: number;
  voltage: number;
  retention100: number;
  retention500: number;
  dsc: number;
}

function layeredFormula(r: Rand, kind: LayeredKind): { formula: string; family: string; name: string } {
  switch (kind) {
    case 'ncm': {
      const ni = pick(r, [0.6, 0.7, 0.8, 0.83, 0.88, 0.9]);
      const co = dp((1 - ni) * pick(r, [0.4, 0.5, 0.6]), 2);
      const mn = dp(1 - ni - co, 2);
      return { formula: `LiNi${ni}Co${co}Mn${mn}O2`, family: 'ni-rich-layered-ncm', name: `NCM${Math.round(ni * 10)}${Math.round(co * 10)}${Math.round(mn * 10)}` };
    }
    case 'lmr': {
      const li = pick(r, [1.13, 1.17, 1.2]);
      const ni = pick(r, [0.13, 0.17, 0.21]);
      const co = pick(r, [0.04, 0.08, 0.13]);
      const mn = dp(2 - li - ni - co, 2);
      return { formula: `Li${li}Ni${ni}Co${co}Mn${mn}O2`, family: 'li-rich-layered', name: `LMR-NMC Li${li}` };
    }
    case 'limo2': {
      const m = pick(r, ['Co', 'Ni', 'Ni0.8Co0.15Al0.05', 'Ni0.5Mn0.5', 'Ni0.9Co0.05Mn0.05']);
      return { formula: `Li${m}O2`, family: 'layered-limo2', name: `Li${m}O2` };
    }
    case 'namo2': {
      const m = pick(r, ['Cr', 'Fe0.5Mn0.5', 'Ni0.5Mn0.5', 'Ni0.33Fe0.33Mn0.33', 'Mn', 'Co']);
      return { formula: `Na${m}O2`, family: 'layered-namo2', name: `Na${m}O2` };
    }
  }
}

// ---------------------------------------------------------------- one paper

export interface PaperData {
  file: string;
  text: string;
  materials: number;
  facts: number;
}

export function paperFileName(p: number): string {
  return `bench-paper-${String(p).padStart(5, '0')}.yaml`;
}

export function generatePaper(p: number, materialCount: number): PaperData {
  const r = prng(0x5eed0000 + p);
  const pk = `b${p}`;
  const doi = `${BENCH_DOI_PREFIX}${String(p).padStart(5, '0')}`;
  const lines: string[] = [];
  const materials: string[] = [];
  const coatings: string[] = [];
  const structures: string[] = [];
  const measurements: string[] = [];
  const computed: string[] = [];
  const reactions: string[] = [];
  let materialN = 0;
  const addMaterial = (m: Record<string, Flow | undefined>) => {
    materials.push(`  - ${flow(m as Flow)}`);
    materialN++;
  };
  const hse = `${pk}-hse06`;
  const ggau = `${pk}-ggau`;

  lines.push(
    `# Synthetic benchmark data (scripts/bench/synthetic.ts, paper ${p}): generated, NOT real measurements.`,
    `paper: ${flow({ doi, title: `Synthetic cathode benchmark data set ${p} (generated for load testing; not real data)`, journal: 'cathode-kb benchmark data', year: 2000 + (p % 26), volume: String(1 + (p % 40)), pages: String(p), authors: ['Generator, S.'] })}`,
    'methods:',
    `  - ${flow({ key: hse, kind: 'hybrid-DFT', functional: 'HSE06', code: 'VASP', exchangeMixing: 0.25, cutoffEV: 520, kMesh: '6x6x6 Monkhorst-Pack', forceToleranceEVPerA: 0.01, description: 'Synthetic hybrid-functional settings (benchmark data).', locator: 'Methods' })}`,
    `  - ${flow({ key: ggau, kind: 'DFT+U', functional: 'GGA+U', hubbardU: { Mn: { uEV: 3.9, jEV: 0 }, Ni: { uEV: 6.2, jEV: 0 }, Co: { uEV: 3.3, jEV: 0 }, Fe: { uEV: 5.3, jEV: 0 }, V: { uEV: 3.25, jEV: 0 }, Cr: { uEV: 3.7, jEV: 0 } }, description: 'Synthetic GGA+U settings (benchmark data).', locator: 'Supplementary Sec. II' })}`,
  );

  // References: the working-ion metal for Eq. (1) and the O2 molecule for the O–O bond.
  const naMetal = `${pk}-na-metal`;
  const o2 = `${pk}-o2`;
  const eNa = dp(uniform(r, -1.32, -1.28), 4);
  addMaterial({ key: naMetal, name: 'Na metal', formula: 'Na', workingIon: null, family: null, role: 'elemental', locator: 'Methods' });
  computed.push(`  - ${flow({ material: naMetal, property: 'total_energy', value: eNa, unit: 'eV/f.u.', method: hse, locator: 'Methods' })}`);
  addMaterial({ key: o2, name: 'O2 molecule', formula: 'O2', workingIon: null, family: null, role: 'elemental', locator: 'Table S6' });
  computed.push(`  - ${flow({ material: o2, property: 'neg_ipcohp', value: dp(uniform(r, 4.3, 4.5), 3), unit: 'eV', method: hse, site: 'O–O', locator: 'Table S6' })}`);

  // Coating substances.
  const coatingKeys: { key: string; formula: string }[] = [];
  for (const [i, c] of COATINGS.entries()) {
    if (materialN >= materialCount) break;
    const mk = `${pk}-coat-mat-${i}`;
    const ck = `${pk}-coat-${i}`;
    addMaterial({ key: mk, name: c.name, formula: c.formula, workingIon: null, family: c.family, role: 'coating', locator: 'Methods' });
    const thickness = dp(uniform(r, 2, 20), 1);
    coatings.push(`  - ${flow({ key: ck, name: `${c.name} coating`, formula: c.formula, material: mk, morphology: c.morphology, thickness: { value: thickness, unit: 'nm', qualifier: 'approx' }, synthesisRoute: c.route, infusesGrainBoundaries: c.family === 'metal-boride', infusionDepth: c.family === 'metal-boride' ? { value: dp(uniform(r, 1, 2), 1), valueMax: dp(uniform(r, 2.2, 3.5), 1), unit: 'µm', qualifier: 'range' } : undefined, locator: 'Fig. 1' })}`);
    measurements.push(`  - ${flow({ material: mk, property: 'layer_thickness', value: thickness, qualifier: 'approx', unit: 'nm', site: 'coating', locator: 'Fig. 1b', conditions: { technique: 'TEM', state: 'pristine' } })}`);
    coatingKeys.push({ key: ck, formula: c.formula });
  }

  const layered: Layered[] = [];
  const namo2ByTm = new Map<string, string>();
  let reactionNo = 0;
  for (let i = 0; materialN < materialCount; i++) {
    const roll = r();
    if (roll < 0.36) {
      // ---------------- ilmenite NaMO3-like cathode
      const m1 = pick(r, TM);
      const mixed = r() < 0.5;
      const m2 = mixed ? pick(r, TM.filter((t) => t !== m1)) : m1;
      const x = mixed ? pick(r, [0.25, 0.5, 0.75]) : 1;
      const mPart = mixed ? `${m1}${x}${m2}${dp(1 - x, 2)}` : m1;
      const mix = <K extends 'v' | 'elf' | 'a' | 'c' | 'reduction'>(k: K) => x * ILMENITE[m1][k] + (1 - x) * ILMENITE[m2][k];
      const key = `${pk}-ilm-${i}`;
      addMaterial({ key, name: `Na${mPart}O3 (ilmenite R-3, synthetic)`, formula: `Na${mPart}O3`, workingIon: 'Na', family: 'ilmenite-namo3', role: 'cathode', locator: 'Table I' });
      const aHex = dp(mix('a') * uniform(r, 0.995, 1.005), 3);
      const cHex = dp(mix('c') * uniform(r, 0.995, 1.005), 3);
      const beta = Math.sqrt(3 + (cHex / aHex) ** 2);
      const aRh = dp((aHex * beta) / 3, 3);
      const alphaRh = dp((2 * Math.asin(3 / (2 * beta)) * 180) / Math.PI, 3);
      const order = ILMENITE[m1].order;
      const sR3 = `${key}-r3`;
      const sP31m = `${key}-p31m`;
      structures.push(
        `  - ${flow({ key: sR3, material: key, label: `R-3 Na1${mPart}O3`, formula: `Na${mPart}O3`, alkaliContent: 1, spaceGroupSymbol: 'R-3', spaceGroupNumber: 148, magneticOrdering: order, method: hse, lattices: [{ setting: 'hexagonal', aA: aHex, cA: cHex, locator: 'Table S1' }, { setting: 'rhombohedral', aA: aRh, alphaDeg: alphaRh, formulaUnitsPerCell: 2, locator: 'Table S1' }], locator: 'Table S1' })}`,
        `  - ${flow({ key: sP31m, material: key, label: `P-31m Na0.5${mPart}O3`, formula: `Na0.5${mPart}O3`, alkaliContent: 0.5, spaceGroupSymbol: 'P-31m', spaceGroupNumber: 162, magneticOrdering: order, method: hse, lattices: [{ setting: 'hexagonal', aA: dp(aHex * uniform(r, 0.99, 1.01), 3), cA: dp(uniform(r, 4.6, 5.2), 3), formulaUnitsPerCell: 1, locator: 'Table S2' }], locator: 'Table S2' })}`,
      );
      const voltage = dp(mix('v') + uniform(r, -0.35, 0.35), 3);
      const e1 = dp(uniform(r, -42, -36), 4);
      // Eq. (1) with x1 = 1, x2 = 0.5: E(x2) = E(x1) − ½E(Na) + ½V.
      const e2 = dp(e1 - 0.5 * eNa + 0.5 * voltage, 4);
      const elf = dp(mix('elf') + uniform(r, -0.012, 0.012), 3);
      const c = (fact: Record<string, Flow | undefined>) => computed.push(`  - ${flow({ material: key, ...fact } as Flow)}`);
      c({ structure: sR3, property: 'total_energy', value: e1, unit: 'eV/f.u.', method: hse, locator: 'Table S7' });
      c({ structure: sP31m, property: 'total_energy', value: e2, unit: 'eV/f.u.', method: hse, locator: 'Table S7' });
      c({ property: 'average_voltage', value: voltage, unit: 'V', method: hse, locator: 'Table III' });
      c({ structure: sR3, property: 'elf_max', value: elf, unit: '1', method: hse, site: 'M–O', locator: 'Table I' });
      c({ structure: sR3, property: 'bond_length', value: dp(uniform(r, 1.7, 1.9), 3), unit: 'Å', method: hse, site: 'M–O(1)', locator: 'Table I' });
      c({ structure: sR3, property: 'bond_length', value: dp(uniform(r, 1.95, 2.15), 3), unit: 'Å', method: hse, site: 'M–O(2)', locator: 'Table I' });
      c({ structure: sR3, property: 'spin_population', value: order === 'NM' ? 0 : dp(uniform(r, 0.8, 3.2), 3), unit: 'e', method: hse, site: 'M', locator: 'Table I' });
      if (order !== 'NM') c({ structure: sR3, property: 'delta_e_afm_fm', value: dp((order === 'FM' ? 1 : -1) * uniform(r, 5, 250), 3), unit: 'meV/f.u.', method: hse, locator: 'Table I' });
      const afm = dp(uniform(r, 3, 80), 3);
      const cubic = dp(uniform(r, 150, 650), 3);
      const groundIsFm = order !== 'AFM';
      c({ structure: sR3, property: 'relative_energy', value: groundIsFm ? 0 : afm, unit: 'meV/f.u.', method: ggau, configuration: 'R-3 FM', locator: 'Table S3' });
      c({ structure: sR3, property: 'relative_energy', value: groundIsFm ? afm : 0, unit: 'meV/f.u.', method: ggau, configuration: 'R-3 G-AFM', locator: 'Table S3' });
      c({ property: 'relative_energy', value: cubic, unit: 'meV/f.u.', method: ggau, configuration: 'Pm-3m G-AFM', locator: 'Table S3' });
      c({ property: 'reduction_enthalpy', value: dp(mix('reduction') + uniform(r, -0.25, 0.25), 3), unit: 'eV/f.u.', method: ggau, locator: 'Table S4' });
      c({ structure: sR3, property: 'o_o_distance', value: dp(uniform(r, 2.3, 2.75), 3), unit: 'Å', method: hse, site: 'shortest O–O within MO6', locator: 'Table III' });
      c({ structure: sP31m, property: 'o_o_distance', value: dp(uniform(r, 2.25, 2.7), 3), unit: 'Å', method: hse, site: 'shortest O–O within MO6', locator: 'Table III' });
      c({ structure: sP31m, property: 'neg_ipcohp', value: dp(uniform(r, 0.05, 1.2), 3), unit: 'eV', method: hse, site: 'O–O', locator: 'Fig. 5' });
      c({ structure: sR3, property: 'band_gap', value: dp(uniform(r, 0.4, 3.5), 2), unit: 'eV', method: hse, locator: 'Fig. 2' });
      c({ structure: sP31m, property: 'hole_fraction_on_oxygen', value: dp(uniform(r, 40, 95), 1), unit: '%', method: hse, site: 'O', locator: 'Table III' });
      c({ structure: sP31m, property: 'bader_population_change', value: dp(uniform(r, -0.3, -0.05), 3), unit: 'e', method: hse, site: 'O', locator: 'Table III' });
      c({ property: 'theoretical_capacity', value: dp(uniform(r, 190, 230), 0), unit: 'mAh/g', method: hse, note: 'for one Na per formula unit', locator: 'Sec. III' });
      c({ structure: sR3, property: 'migration_barrier', value: dp(uniform(r, 0.25, 0.9), 3), unit: 'eV', method: ggau, site: 'Na hop in plane', locator: 'Fig. S8' });
      // Layered NaMO2 of the same M (a competing phase on reduction), once per paper and M.
      const m2Key = namo2ByTm.get(mPart);
      if (m2Key && r() < 0.3) {
        reactionNo++;
        reactions.push(`  - ${flow({ reactants: [{ material: key, coefficient: 1 }], products: [{ material: m2Key, coefficient: 1 }, { material: o2, coefficient: 0.5 }], property: 'decomposition_enthalpy', value: dp(uniform(r, -1, 1.2), 3), unit: 'eV', method: ggau, locator: 'Table S5' })}`);
      }
      continue;
    }
    if (roll < 0.8 || layered.length === 0) {
      // ---------------- layered oxide
      const kind = pick(r, ['ncm', 'ncm', 'lmr', 'limo2', 'namo2'] as const);
      const { formula, family, name } = layeredFormula(r, kind);
      const key = `${pk}-lay-${i}`;
      const workingIon = kind === 'namo2' ? 'Na' : 'Li';
      addMaterial({ key, name: `${name} (synthetic)`, formula, workingIon, family, role: 'cathode', locator: 'Methods' });
      const base: Layered = {
        key,
        kind,
        formula,
        workingIon,
        capacity: kind === 'lmr' ? uniform(r, 240, 280) : kind === 'namo2' ? uniform(r, 110, 160) : uniform(r, 160, 215),
        voltage: kind === 'namo2' ? uniform(r, 2.9, 3.3) : kind === 'lmr' ? uniform(r, 3.4, 3.6) : uniform(r, 3.6, 3.9),
        retention100: uniform(r, 80, 96),
        retention500: uniform(r, 65, 88),
        dsc: uniform(r, 200, 260),
      };
      layered.push(base);
      if (kind === 'namo2') {
        const tm = formula.slice(2, -2);
        if (!namo2ByTm.has(tm)) namo2ByTm.set(tm, key);
      }
      const sKey = `${key}-r3m`;
      const a = dp(uniform(r, 2.84, 2.9), 4);
      const cc = dp(kind === 'namo2' ? uniform(r, 15.9, 16.2) : uniform(r, 14.15, 14.3), 4);
      if (kind === 'lmr') {
        const tm0 = dp(uniform(r, 1.5, 4), 1);
        const tm1 = dp(tm0 + uniform(r, 3, 8), 1);
        const tm2 = dp(tm0 + uniform(r, 0.5, tm1 - tm0 - 0.2), 1);
        for (const [state, tm, suffix] of [['pristine', tm0, 'p'], ['charged to 4.8 V', tm1, 'c'], ['discharged to 2.0 V', tm2, 'd']] as const) {
          structures.push(`  - ${flow({ key: `${sKey}-${suffix}`, material: key, label: `R-3m ${name} (${state})`, formula, spaceGroupSymbol: 'R-3m', spaceGroupNumber: 166, state, tmInLiLayerPercent: tm, lattices: state === 'pristine' ? [{ setting: 'hexagonal', aA: a, cA: cc, formulaUnitsPerCell: 3, locator: 'Supplementary Table 2' }] : [], locator: 'Supplementary Table 2' })}`);
        }
      } else {
        structures.push(`  - ${flow({ key: sKey, material: key, label: `R-3m ${name}`, formula, alkaliContent: 1, spaceGroupSymbol: 'R-3m', spaceGroupNumber: 166, state: 'pristine', cationMixingPercent: dp(uniform(r, 0.5, 6), 2), lattices: [{ setting: 'hexagonal', aA: a, cA: cc, formulaUnitsPerCell: 3, locator: 'Table S1' }], locator: 'Table S1' })}`);
      }
      layeredMeasurements(r, base, base, measurements, 0);
      computed.push(`  - ${flow({ material: key, property: 'migration_barrier', value: dp(uniform(r, 0.3, 0.8), 3), unit: 'eV', method: ggau, site: `${workingIon} hop via tetrahedral site`, locator: 'Fig. S4' })}`);
      computed.push(`  - ${flow({ material: key, property: 'band_gap', value: dp(uniform(r, 0.2, 1.5), 2), unit: 'eV', method: ggau, locator: 'Fig. S4' })}`);
      continue;
    }
    // ---------------- coated variant of a layered oxide of this paper
    const substrate = pick(r, layered);
    const coating = pick(r, coatingKeys);
    const key = `${pk}-coated-${i}`;
    addMaterial({ key, name: `${coating.formula}-coated ${substrate.formula} (synthetic)`, formula: substrate.formula, workingIon: substrate.workingIon, family: substrate.kind === 'namo2' ? 'layered-namo2' : substrate.kind === 'lmr' ? 'li-rich-layered' : substrate.kind === 'limo2' ? 'layered-limo2' : 'ni-rich-layered-ncm', role: 'coated-cathode', substrate: substrate.key, coating: coating.key, locator: 'Methods' });
    const improved: Layered = { ...substrate, key, retention100: Math.min(99, substrate.retention100 + uniform(r, 1, 8)), retention500: Math.min(98, substrate.retention500 + uniform(r, 3, 15)), dsc: substrate.dsc + uniform(r, 3, 25), capacity: substrate.capacity * uniform(r, 0.97, 1.01) };
    layeredMeasurements(r, substrate, improved, measurements, 1);
  }
  lines.push('materials:', ...materials);
  if (coatings.length) lines.push('coatings:', ...coatings);
  if (structures.length) lines.push('structures:', ...structures);
  lines.push('measurements:', ...measurements);
  lines.push('computed:', ...computed);
  if (reactions.length) lines.push('reactions:', ...reactions);
  void reactionNo;
  return { file: paperFileName(p), text: `${lines.join('\n')}\n`, materials: materialN, facts: measurements.length + computed.length + reactions.length };
}

/**
 * The measurements of a layered oxide under fixed conditions (the same for a coated material and
 * its substrate, so they pair). `skipSetup` leaves out the sample description a coated variant
 * shares with its substrate.
 */
function layeredMeasurements(r: Rand, conditionsOf: Layered, v: Layered, out: string[], coated: number) {
  const vMax = conditionsOf.workingIon === 'Na' ? 4.0 : conditionsOf.kind === 'lmr' ? 4.8 : 4.3;
  const vMin = conditionsOf.workingIon === 'Na' ? 2.0 : 2.8;
  const counter = conditionsOf.workingIon === 'Na' ? 'Na metal' : 'Li metal';
  const electrolyte = conditionsOf.workingIon === 'Na' ? '1 M NaPF6 in PC' : '1 M LiPF6 in EC/EMC 3:7';
  const oneC = conditionsOf.kind === 'lmr' ? 250 : conditionsOf.workingIon === 'Na' ? 120 : 200;
  const coin = { temperatureC: 25, voltageMinV: vMin, voltageMaxV: vMax, cellType: 'coin-half-cell', counterElectrode: counter, electrolyte, oneCMAPerG: oneC };
  const m = (fact: Record<string, Flow | undefined>) => out.push(`  - ${flow({ material: v.key, ...fact } as Flow)}`);
  const jitter = () => uniform(r, -1.5, 1.5);
  m({ property: 'discharge_capacity', value: dp(v.capacity + jitter(), 1), unit: 'mAh/g', locator: 'Fig. 2a', conditions: { ...coin, cRate: 0.1, cycleNumber: 1 } });
  m({ property: 'charge_capacity', value: dp(v.capacity * uniform(r, 1.08, 1.18), 1), unit: 'mAh/g', locator: 'Fig. 2a', conditions: { ...coin, cRate: 0.1, cycleNumber: 1 } });
  m({ property: 'coulombic_efficiency', value: dp(uniform(r, 84, 93), 1), unit: '%', locator: 'Fig. 2a', conditions: { ...coin, cRate: 0.1, cycleNumber: 1 } });
  m({ property: 'discharge_capacity', value: dp(v.capacity * 0.9 + jitter(), 1), unit: 'mAh/g', locator: 'Fig. 2c', conditions: { ...coin, cRate: 1, cycleNumber: 5 } });
  m({ property: 'discharge_capacity', value: dp(v.capacity * 0.78 + jitter(), 1), unit: 'mAh/g', locator: 'Fig. 2c', conditions: { ...coin, cRate: 5, cycleNumber: 10 } });
  m({ property: 'average_voltage', value: dp(v.voltage + uniform(r, -0.02, 0.02), 3), unit: 'V', locator: 'Fig. 2b', conditions: { ...coin, cRate: 0.1, cycleNumber: 1 } });
  m({ property: 'capacity_retention', value: dp(v.retention100, 1), unit: '%', locator: 'Fig. 3a', conditions: { ...coin, cRate: 1, cycleNumber: 100 } });
  m({ property: 'capacity_retention', value: dp(v.retention500, 1), unit: '%', locator: 'Fig. 3e', conditions: { temperatureC: 25, cRate: 1, chargeCRate: 0.5, cycleNumber: 500, cellType: 'pouch-full-cell', counterElectrode: 'graphite', electrolyte, voltageMinV: vMin, voltageMaxV: vMax - 0.1 } });
  m({ property: 'voltage_loss', value: dp(uniform(r, 40, 220), 0), unit: 'mV', locator: 'Fig. 3c', conditions: { ...coin, cRate: 1, cycleNumber: 100 } });
  m({ property: 'dsc_onset_temperature', value: dp(v.dsc, 1), unit: '°C', locator: 'Fig. 4a', conditions: { state: `charged to ${vMax} V`, technique: 'DSC' } });
  m({ property: 'dsc_heat', value: dp(uniform(r, 400, 1600) - coated * 150, 0), unit: 'J/g', locator: 'Fig. 4a', conditions: { state: `charged to ${vMax} V`, technique: 'DSC' } });
  m({ property: 'dissolved_tm', value: dp(uniform(r, 5, 120), 1), unit: 'ppm', site: conditionsOf.kind === 'namo2' ? 'Mn' : 'Ni', locator: 'Fig. 4d', conditions: { cycleNumber: 100, technique: 'ICP-OES', temperatureC: 25 } });
  m({ property: 'binding_energy', value: dp(uniform(r, 854.3, 855.2), 1), unit: 'eV', site: 'Ni 2p3/2', locator: 'Fig. S9', conditions: { technique: 'XPS', state: 'after 100 cycles' } });
  m({ property: 'layer_thickness', value: dp(uniform(r, 1, 12), 1), unit: 'nm', site: 'rock-salt layer', locator: 'Fig. 5', conditions: { technique: 'TEM', state: 'after 100 cycles' } });
  if (!coated) {
    m({ property: 'particle_size', value: dp(uniform(r, 3, 14), 1), unit: 'µm', site: 'D50 secondary', locator: 'Fig. S1', conditions: { technique: 'laser diffraction' } });
    m({ property: 'specific_surface_area', value: dp(uniform(r, 0.2, 1.2), 2), unit: 'm2/g', locator: 'Table S1', conditions: { technique: 'BET' } });
    m({ property: 'electrode_loading', value: dp(uniform(r, 4, 12), 1), unit: 'mg/cm2', locator: 'Methods', conditions: { cellType: 'coin-half-cell' } });
    m({ property: 'cation_mixing', value: dp(uniform(r, 0.5, 6), 2), unit: '%', locator: 'Table S1', conditions: { technique: 'XRD', state: 'pristine' } });
  }
}

/** All papers for N materials, in order. */
export function* generateDataset(materials: number): Generator<PaperData> {
  if (!Number.isInteger(materials) || materials < 1) throw new Error(`--materials must be a positive integer, got ${materials}`);
  const papers = Math.ceil(materials / MATERIALS_PER_PAPER);
  for (let p = 1; p <= papers; p++) {
    yield generatePaper(p, Math.min(MATERIALS_PER_PAPER, materials - (p - 1) * MATERIALS_PER_PAPER));
  }
}
