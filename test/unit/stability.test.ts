import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assess, groundState, magneticOrderOf, orderFromDeltaE, type StabilityInputs } from '../../src/derive/stability.js';
import { checkSpaceGroup } from '../../src/derive/space-group.js';
import { TABLE_S4 } from '../fixtures/namo3-tables.js';

const ev = (name: string, value: number, unit = 'eV') => ({ name, value, unit });

// Table S3 rows of NaMnO3 (meV/f.u., GGA+U).
const mnRelative = [
  ['R-3 FM', 0],
  ['R-3 G-AFM', 100.615],
  ['R-3 A-AFM', 6.492],
  ['Pm-3m FM', 553.519],
  ['Pm-3m G-AFM', 541.063],
  ['Pm-3m A-AFM', 601.544],
] as const;

const empty: StabilityInputs = { relativeEnergies: [], deltaEAfmFm: null, reductionEnthalpy: null, competingPhases: [], shortestOODistances: [], ooIpcohp: [], o2Ipcohp: null };

test('NaMnO3 ground state from Table S3: R-3 FM, 6.492 meV below A-AFM, Pm-3m ≥ 541 meV higher', () => {
  const g = groundState(mnRelative.map(([configuration, valueMeV]) => ({ configuration, valueMeV, evidence: ev(configuration, valueMeV, 'meV/f.u.') })))!;
  assert.equal(g.configuration, 'R-3 FM');
  assert.equal(g.order, 'FM');
  assert.equal(g.magneticMarginMeV, 6.492);
  assert.equal(g.polymorphMarginMeV, 541.063);
});

test('magnetic order of a configuration and from the sign of ΔE(AFM−FM)', () => {
  assert.equal(magneticOrderOf('R-3 G-AFM'), 'AFM');
  assert.equal(magneticOrderOf('Pm-3m FM'), 'FM');
  assert.equal(magneticOrderOf('R-3 NM'), 'NM');
  assert.equal(orderFromDeltaE(192.896), 'FM');
  assert.equal(orderFromDeltaE(-3), 'AFM');
  assert.equal(orderFromDeltaE(0), 'DEGENERATE');
});

test('Table S3 and Table I agree for NaMnO3 (FM both ways)', () => {
  const a = assess({
    ...empty,
    relativeEnergies: mnRelative.map(([configuration, valueMeV]) => ({ configuration, valueMeV, evidence: ev(configuration, valueMeV) })),
    deltaEAfmFm: { valueMeV: 192.896, evidence: ev('ΔE', 192.896, 'meV/f.u.') },
  });
  const agreement = a.criteria.find((c) => c.key === 'magnetic-ground-state-agreement')!;
  assert.match(agreement.answer, /^Yes: both give FM/);
  // Magnetic criteria are informational: nothing judged, so no verdict.
  assert.equal(a.verdict, 'NOT_EVALUATED');
});

for (const [metal, reductionEV] of TABLE_S4) {
  test(`Table S4: Na${metal}O3 is ${reductionEV < 0 ? 'stable' : 'unstable'} against reduction to Na${metal}O2 + ½O2`, () => {
    const a = assess({ ...empty, reductionEnthalpy: { valueEV: reductionEV, evidence: ev('ΔE_reduction', reductionEV) } });
    assert.equal(a.verdict, metal === 'V' ? 'STABLE' : 'UNSTABLE');
    assert.equal(a.criteria.find((c) => c.key === 'reduction')!.favourable, metal === 'V');
  });
}

test('Table S5: NaVO3 with every ΔH < 0 is stable; one positive ΔH names the winning phase', () => {
  const phases = [
    { equation: '3 NaVO3 → Na2V3O7 + 0.5 Na2O + 0.75 O2', valueEV: -1.809, evidence: ev('ΔH1', -1.809) },
    { equation: '3 NaVO3 → Na3VO4 + V2O5', valueEV: -1.185, evidence: ev('ΔH2', -1.185) },
  ];
  const stable = assess({ ...empty, competingPhases: phases });
  assert.equal(stable.verdict, 'STABLE');
  assert.match(stable.criteria.find((c) => c.key === 'competing-phases')!.answer, /all 2 decompositions have ΔH < 0; the closest is 3 NaVO3 → Na3VO4 \+ V2O5/);
  const unstable = assess({ ...empty, competingPhases: [...phases, { equation: 'X → Y', valueEV: 0.2, evidence: ev('ΔH3', 0.2) }] });
  assert.equal(unstable.verdict, 'UNSTABLE');
  assert.match(unstable.criteria.find((c) => c.key === 'competing-phases')!.answer, /X → Y \(ΔH = 0.2 eV\) wins/);
});

test('O–O distances of ≈2.29 Å and more (Table III) are far from a peroxide bond', () => {
  const a = assess({ ...empty, shortestOODistances: [{ structure: 'R-3 NaCoO3', valueA: 2.291, evidence: ev('d', 2.291, 'Å') }, { structure: 'P-31m Na0.5CoO3', valueA: 2.368, evidence: ev('d', 2.368, 'Å') }] });
  const c = a.criteria.find((x) => x.key === 'o-o-distance')!;
  assert.equal(c.favourable, true);
  assert.match(c.answer, /shortest O–O distance is 2.291 Å \(R-3 NaCoO3\)/);
});

test('−IpCOHP: values ten times below the O2 molecule\'s 4.421 eV count as weak; the criterion is skipped without values', () => {
  const o2 = { valueEV: 4.421, evidence: ev('−IpCOHP(O2)', 4.421) };
  const weak = assess({ ...empty, o2Ipcohp: o2, ooIpcohp: [{ structure: 'R-3', valueEV: -0.05, evidence: ev('x', -0.05) }] });
  assert.equal(weak.criteria.find((c) => c.key === 'o-o-ipcohp')!.favourable, true);
  const strong = assess({ ...empty, o2Ipcohp: o2, ooIpcohp: [{ structure: 'R-3', valueEV: 1.2, evidence: ev('x', 1.2) }] });
  assert.equal(strong.criteria.find((c) => c.key === 'o-o-ipcohp')!.favourable, false);
  const missing = assess({ ...empty, o2Ipcohp: o2 });
  assert.equal(missing.criteria.find((c) => c.key === 'o-o-ipcohp')!.evaluated, false);
});

test('space group symbol vs number: the Methods misprint "158" for R-3 is caught', () => {
  assert.equal(checkSpaceGroup('R-3', 148).consistent, true);
  assert.equal(checkSpaceGroup('P-31m', 162).consistent, true);
  assert.equal(checkSpaceGroup('P2(1)/m', 11).consistent, true);
  assert.equal(checkSpaceGroup('C2/m', 12).consistent, true);
  const misprint = checkSpaceGroup('R-3', 158);
  assert.equal(misprint.consistent, false);
  assert.match(misprint.message, /R-3 is number 148/);
  assert.equal(checkSpaceGroup('R-3', 400).consistent, false);
});
