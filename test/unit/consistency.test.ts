/** Consistency checks on the papers' own numbers: what agrees within the printed digits, and what does not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  arealCapacityMAhPerCm2, braggTwoThetaDeg, capacityFromElectronsMAhPerG, capacityPassedMAh, capacityUnitOfCurrent, compare, digitTolerance, electronsFromCapacity, mean, nominalLowSpinMoment,
  oxygenShareOfHolePercent, printed, propagate, randomWalkDiffusivityM2PerS, spinDeficit, XRAY_LINES_A,
} from '../../src/derive/consistency.js';
import { parseFormula } from '../../src/derive/composition.js';

test('the tolerance of a printed number is half a unit of its last digit', () => {
  assert.equal(digitTolerance(80.28), 0.005);
  assert.equal(digitTolerance(-0.134), 0.0005);
  assert.equal(digitTolerance(220), 0.5);
  assert.ok(Math.abs(digitTolerance(1.4e-16) - 0.05e-16) < 1e-30);
});

// PRMaterials 2020, Table III (Δq per M 3d and per O 2p, Na1MO3 → Na0.5MO3) and Sec. III (share of the hole on O).
const table3: [string, number, number][] = [
  ['V', -0.134, 80.28], ['Cr', -0.147, 87.97], ['Mn', -0.154, 92.38], ['Fe', -0.15, 89.91], ['Co', -0.184, 110.52], ['Ni', -0.143, 85.65],
];
for (const [m, dqO, share] of table3) {
  test(`Na${m}O3: the O share of the hole, −3·Δq(O)/0.5 from Table III, agrees with Sec. III's ${share} % within the printed digits`, () => {
    const derived = propagate((dq) => oxygenShareOfHolePercent(dq, 3, 0.5), [printed(dqO)]);
    const verdict = compare(derived, printed(share));
    assert.ok(verdict.agrees, JSON.stringify(verdict));
  });
}

test('spin deficits (Sec. III) follow from Table II\'s Na0.5 populations, not from Table I\'s Na1 ones', () => {
  // Fe5+ d3 → 3 unpaired, Co5+ low-spin d4 → 2 unpaired.
  assert.equal(nominalLowSpinMoment('Fe', 5), 3);
  assert.equal(nominalLowSpinMoment('Co', 5), 2);
  const fe = (population: number) => compare(propagate((p) => spinDeficit(3, p), [printed(population)]), printed(0.231));
  const co = (population: number) => compare(propagate((p) => spinDeficit(2, p), [printed(population)]), printed(0.466));
  assert.ok(fe(2.769).agrees && co(1.534).agrees, 'Table II (P-31m Na0.5MO3)');
  assert.ok(!fe(2.777).agrees && !co(1.644).agrees, 'Table I (R-3 Na1MO3) does not give them');
  assert.ok(Math.abs(fe(2.777).difference - 0.008) < 1e-9);
});

test('capacity from electrons: one Na of NaVO3 is Sec. III\'s 220 mAh/g; Sec. I\'s 1.4 e of Na2RuO3 is 192 mAh/g, not the 180 printed beside it', () => {
  const navo3 = parseFormula('NaVO3').molarMassGPerMol;
  assert.ok(compare(propagate((n) => capacityFromElectronsMAhPerG(n, navo3), [{ value: 1, tolerance: 0 }]), printed(220)).agrees);
  const ru = parseFormula('Na2RuO3').molarMassGPerMol;
  const verdict = compare(propagate((n) => capacityFromElectronsMAhPerG(n, ru), [printed(1.4)]), printed(180));
  assert.ok(Math.abs(verdict.derived.value - 192.4) < 0.1, `${verdict.derived.value}`);
  assert.equal(verdict.agrees, false, 'off by Faraday\'s law beyond the digits of 1.4 e');
  assert.ok(Math.abs(electronsFromCapacity(180, ru) - 1.31) < 0.005, '180 mAh/g is 1.31 e');
});

test('current × time: 4 mA/g for 68 h is 272 mAh/g, the 1C Gent et al. imply from ~C/68', () => {
  assert.equal(capacityPassedMAh(4, 68), 272);
  assert.ok(compare(propagate(capacityPassedMAh, [{ value: 4, tolerance: 0 }, { value: 68, tolerance: 0 }]), printed(272)).agrees);
  assert.ok(!compare(propagate(capacityPassedMAh, [{ value: 4, tolerance: 0 }, { value: 68, tolerance: 0 }]), printed(250)).agrees);
  assert.equal(capacityUnitOfCurrent('mA/g'), 'mAh/g');
  assert.equal(capacityUnitOfCurrent('mA/cm2'), 'mAh/cm2');
  assert.equal(capacityUnitOfCurrent('mA'), 'mAh');
  assert.equal(capacityUnitOfCurrent('mg/cm2'), null);
});

test('CoxB diffusivity (Yoon et al.): 2 µm in 2 h of a 2D random walk is ≈1.4e-16 m²/s, as printed', () => {
  const d = propagate((l, t) => randomWalkDiffusivityM2PerS(l, t, 2), [{ value: 2e-6, tolerance: 0 }, { value: 7200, tolerance: 0 }]);
  assert.ok(compare(d, printed(1.4e-16)).agrees, `${d.value}`);
});

test('Bragg: Gent et al.\'s 9° at 0.8856 Å is 15.7° with Cu Kα, not the 20° printed for the same reflections', () => {
  const cu = propagate((t) => braggTwoThetaDeg(t, 0.8856, XRAY_LINES_A['Cu Kα']!), [printed(9)]);
  assert.ok(Math.abs(cu.value - 15.70) < 0.01, `${cu.value}`);
  const verdict = compare(cu, printed(20));
  assert.equal(verdict.agrees, false);
  assert.ok(verdict.difference > 3);
  // A reflection converts back to itself.
  assert.ok(Math.abs(braggTwoThetaDeg(braggTwoThetaDeg(20, 1.5418, 0.8856), 0.8856, 1.5418) - 20) < 1e-9);
  assert.throws(() => braggTwoThetaDeg(120, 0.8856, 1.5418), /no reflection/);
});

test('series average: Table III\'s O 2p changes average −0.152 e per O', () => {
  assert.ok(Math.abs(mean(table3.map(([, dq]) => dq)) - -0.152) < 0.0005);
  assert.throws(() => mean([]), /at least one/);
});

test('areal capacity: 10.5 mg/cm² × 215 mAh/g is 2.26 mAh/cm² as active mass, 2.03 as a 90 wt% composite (Yoon et al. print ~2.05)', () => {
  assert.ok(Math.abs(arealCapacityMAhPerCm2(10.5, 215) - 2.2575) < 1e-12);
  assert.ok(Math.abs(arealCapacityMAhPerCm2(10.5, 215, 0.9) - 2.03175) < 1e-12);
  assert.ok(compare(propagate(arealCapacityMAhPerCm2, [{ value: 10.5, tolerance: 0.2 }, printed(215), { value: 0.9, tolerance: 0 }]), printed(2.05)).agrees);
  assert.ok(!compare(propagate(arealCapacityMAhPerCm2, [{ value: 10.5, tolerance: 0.2 }, printed(215)]), printed(2.05)).agrees);
  assert.throws(() => arealCapacityMAhPerCm2(10.5, 215, 90), /active mass fraction/);
});
