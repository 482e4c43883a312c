/** Derived fields over HTTP, checked against numbers the papers print, with their traces. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestServer, type TestServer } from './testkit.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const TRACE = 'value unit status formula assumptions reason source { locator paper { doi } } inputs { name value unit note source { locator } factId derivation { quantity value unit } }';

/** One material by key: its id from the first page, then the fields for it alone (a page of 100 with traces would exceed the query cost budget). */
async function materialByKey(key: string, fields: string) {
  const page = await server.data(`{ materials(first: 100) { edges { node { id key } } } }`);
  const id = page.materials.edges.map((e: any) => e.node).find((n: any) => n.key === key)?.id;
  assert.ok(id, `material ${key} seeded`);
  const data = await server.data(`query($id: ID!) { material(id: $id) { key ${fields} } }`, { id });
  return data.material;
}

test('NaVO3: ≈220 mAh/g for one Na (as the paper states), with n (and the valence z), F, M and the reported value in the trace', async () => {
  const m = await materialByKey('namo3-v', `nelements chemicalFormulaReduced theoreticalCapacity { ${TRACE} reportedValues { value unit source { locator } } }
    inAh: theoreticalCapacity(unit: "Ah/kg") { value unit }`);
  assert.equal(m.nelements, 3);
  assert.equal(m.chemicalFormulaReduced, 'NaO3V');
  const q = m.theoreticalCapacity;
  assert.equal(q.status, 'DERIVED');
  assert.ok(Math.abs(q.value - 220) < 0.5, `${q.value}`);
  assert.deepEqual(q.inputs.map((i: any) => i.name), ['n', 'F', 'M']);
  assert.match(q.inputs[0].note, /z = 1/, 'Na is monovalent');
  assert.match(q.inputs[2].derivation.quantity, /molar mass of NaVO3/);
  assert.equal(q.reportedValues[0].value, 220);
  assert.equal(q.reportedValues[0].source.locator, 'Sec. III');
  assert.ok(Math.abs(m.inAh.value - q.value) < 1e-9 && m.inAh.unit === 'Ah/kg', 'mAh/g = Ah/kg');
});

test('capacity for more ions than the formula holds is null with a reason; a wrong unit is a clear error', async () => {
  const m = await materialByKey('namo3-v', 'theoreticalCapacity(ionsExchanged: 2) { value status reason }');
  assert.equal(m.theoreticalCapacity.value, null);
  assert.equal(m.theoreticalCapacity.status, 'UNAVAILABLE');
  assert.match(m.theoreticalCapacity.reason, /holds 1 Na per formula unit/);
  const wrong = await server.execute('{ materials(first: 1) { edges { node { theoreticalCapacity(unit: "GPa") { value } } } } }');
  assert.equal(wrong.body.errors?.[0]?.extensions?.code, 'UNKNOWN_UNIT');
  assert.match(wrong.body.errors![0]!.message, /cannot express .* in "GPa"/);
  const negative = await server.execute('{ materials(first: 1) { edges { node { theoreticalCapacity(ionsExchanged: -1) { value } } } } }');
  assert.equal(negative.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
});

test('average voltage without stored total energies is Table III\'s value, flagged REPORTED with its source', async () => {
  const m = await materialByKey('namo3-mn', `averageVoltage { ${TRACE} factId } specificEnergy { ${TRACE} }`);
  assert.equal(m.averageVoltage.status, 'REPORTED');
  assert.equal(m.averageVoltage.value, 4.53);
  assert.equal(m.averageVoltage.source.locator, 'Table III');
  assert.match(m.averageVoltage.assumptions[0], /total energies are not stored/);
  assert.equal(m.specificEnergy.status, 'DERIVED');
  assert.ok(Math.abs(m.specificEnergy.value - 4.53 * m.specificEnergy.inputs[1].value) < 1e-9);
});

test('NaVO3 voltage pair R-3 Na1 → P-31m Na0.5: MP-style step fields, volumetric values from the R-3 cell, volume change unavailable', async () => {
  const m = await materialByKey('namo3-v', `voltagePairs { formulaDischarge formulaCharge workingIon workingIonFractionDischarge workingIonFractionCharge ionsExchangedPerFormulaUnit
    averageVoltage { value status } gravimetricCapacity { ${TRACE} } volumetricCapacity { ${TRACE} } gravimetricEnergy { value unit } volumetricEnergy { value unit }
    volumeChange(unit: "%") { value unit status reason } stability { verdict } discharged { label } charged { label } }`);
  assert.equal(m.voltagePairs.length, 1);
  const p = m.voltagePairs[0];
  assert.equal(p.formulaDischarge, 'NaVO3');
  assert.equal(p.formulaCharge, 'Na0.5VO3');
  assert.equal(p.workingIon, 'Na');
  assert.equal(p.ionsExchangedPerFormulaUnit, 0.5);
  assert.equal(p.workingIonFractionDischarge, 0.2);
  assert.equal(p.averageVoltage.value, 5.907);
  assert.ok(Math.abs(p.gravimetricCapacity.value - 109.9) < 0.1);
  assert.ok(Math.abs(p.gravimetricEnergy.value - 5.907 * p.gravimetricCapacity.value) < 1e-9);
  assert.equal(p.gravimetricEnergy.unit, 'Wh/kg');
  // R-3 cell: V_f.u. = V_cell / Z from Table S1; ρ ≈ 3.68 g/cm³.
  assert.ok(Math.abs(p.volumetricCapacity.value - 404.4) < 1, `${p.volumetricCapacity.value}`);
  assert.equal(p.volumetricEnergy.unit, 'Wh/L');
  assert.equal(p.volumeChange.value, null);
  assert.match(p.volumeChange.reason, /P-31m Na0.5VO3: the number of formula units per cell is not stored/);
  assert.equal(p.stability.verdict, 'STABLE');
});

test('stability: NaVO3 is stable (S4 < 0, all S5 ΔH < 0, O–O ≫ 1.55 Å); NaMnO3 is not (S4 > 0); magnetism agrees for Mn', async () => {
  const fields = 'stability { verdict summary criteriaUsed criteria { key answer favourable evaluated evidence { name value unit source { locator } factId } } }';
  const v = (await materialByKey('namo3-v', fields)).stability;
  assert.equal(v.verdict, 'STABLE');
  const competing = v.criteria.find((c: any) => c.key === 'competing-phases');
  assert.equal(competing.evidence.length, 14);
  assert.ok(competing.evidence.every((e: any) => e.source.locator === 'Table S5' && e.factId));
  assert.match(competing.answer, /all 14 decompositions have ΔH < 0; the closest is NaVO3 \(ilmenite R-3\) → NaVO3 \(monoclinic C2\/c\) \(ΔH = -0.074 eV\)/);
  const mn = (await materialByKey('namo3-mn', fields)).stability;
  assert.equal(mn.verdict, 'UNSTABLE');
  assert.match(mn.criteria.find((c: any) => c.key === 'reduction').answer, /0.349 eV\/f.u. ≥ 0/);
  assert.match(mn.criteria.find((c: any) => c.key === 'magnetic-ground-state-agreement').answer, /^Yes: both give FM/);
  assert.deepEqual(mn.criteria.find((c: any) => c.key === 'magnetic-ground-state-delta-e').evidence.map((e: any) => [e.value, e.source.locator]), [[192.896, 'Table I']]);
  assert.ok(!mn.criteriaUsed.includes('o-o-ipcohp'), 'no O–O −IpCOHP is stored per material');
});

test('capacity fade of the pouch cells (Yoon et al.): 79.2 % and 95.0 % after 500 cycles', async () => {
  const fields = `capacityFade { retention { value conditions { cycleNumber cellType temperatureC } } fadePerCycle { value unit formula } cyclesToEndOfLife { value unit } }`;
  const pick = (m: any) => m.capacityFade.find((f: any) => f.retention.conditions.cellType === 'POUCH_FULL_CELL' && f.retention.conditions.cycleNumber === 500);
  const pristine = pick(await materialByKey('ncm811', fields));
  const coated = pick(await materialByKey('ncm811-coxb', fields));
  assert.equal(pristine.retention.value, 79.2);
  assert.equal(coated.retention.value, 95);
  assert.equal(pristine.fadePerCycle.unit, '%');
  assert.ok(Math.abs(pristine.fadePerCycle.value - 0.04662) < 0.0001, `${pristine.fadePerCycle.value}`);
  assert.ok(Math.abs(pristine.cyclesToEndOfLife.value - 478.45) < 0.01);
  assert.ok(Math.abs(coated.cyclesToEndOfLife.value - 2175.17) < 0.01);
});

test('coated vs pristine NCM811: only identical conditions are paired; retention, DSC and rock-salt layer improve', async () => {
  const m = await materialByKey('ncm811-coxb', `coatingEffects { property { key } site coatedBetter pristine { value unit conditions { cycleNumber cellType temperatureC state technique } } coated { value } difference { value unit inputs { name source { locator } } } ratio { value } }`);
  const effects = m.coatingEffects;
  assert.ok(effects.length >= 10, `${effects.length} pairs`);
  const byKey = (key: string, where: (e: any) => boolean = () => true) => effects.filter((e: any) => e.property.key === key && where(e));
  const pouch = byKey('capacity_retention', (e) => e.pristine.conditions.cellType === 'POUCH_FULL_CELL' && e.pristine.conditions.cycleNumber === 500)[0];
  assert.equal(pouch.pristine.value, 79.2);
  assert.equal(pouch.coated.value, 95);
  assert.ok(Math.abs(pouch.difference.value - 15.8) < 1e-9);
  assert.equal(pouch.coatedBetter, true);
  const onset = byKey('dsc_onset_temperature')[0];
  assert.ok(Math.abs(onset.difference.value - 18.6) < 1e-9, `${onset.difference.value}`);
  const heat = byKey('dsc_heat')[0];
  assert.ok(Math.abs(heat.ratio.value - 487.9 / 786.3) < 1e-9);
  assert.equal(heat.coatedBetter, true);
  for (const e of byKey('layer_thickness')) assert.equal(e.coatedBetter, true);
  // The 7C/45 °C test was run on the coated material only: nothing to pair.
  assert.equal(byKey('capacity_retention', (e) => e.pristine.conditions.temperatureC === 45 && e.pristine.conditions.cycleNumber === 200).length, 0);
  // Set-up parameters are not "effects" unless asked for.
  assert.equal(byKey('electrode_loading').length, 0);
  // The substrate sees the same pairs from its side.
  const substrate = await materialByKey('ncm811', 'coatingEffects { property { key } }');
  assert.equal(substrate.coatingEffects.length, effects.length);
});

test('TM migration in LMR-NMC: 2.8 % → 9.0 % → 4.7 % is 69 % reversible, each fraction with its source', async () => {
  const m = await materialByKey('gent-lmr-nmc', `tmMigration { migratedOnCharge { value unit inputs { name value source { locator } factId } } returnedOnDischarge { value } residualAfterDischarge { value } reversibleFraction { value unit formula } }`);
  const t = m.tmMigration;
  assert.ok(Math.abs(t.migratedOnCharge.value - 6.2) < 1e-9);
  assert.ok(Math.abs(t.returnedOnDischarge.value - 4.3) < 1e-9);
  assert.ok(Math.abs(t.residualAfterDischarge.value - 1.9) < 1e-9);
  assert.equal(t.reversibleFraction.unit, '%');
  assert.ok(Math.abs(t.reversibleFraction.value - 69.35) < 0.01);
  assert.ok(t.migratedOnCharge.inputs.every((i: any) => i.factId && i.source.locator));
});

test('C-rates: 7C at 1C = 220 mA/g is 1540 mA/g (Yoon); 4 mA/g at C/68 implies 1C ≈ 272 mA/g (Gent)', async () => {
  const yoon = await materialByKey('ncm811-coxb', 'measurements { conditions { cRate oneCMAPerG currentDensity { value unit status formula assumptions reportedValues { value } } } }');
  const sevenC = yoon.measurements.find((x: any) => x.conditions.cRate === 7);
  assert.ok(sevenC, 'a 7C measurement');
  assert.equal(sevenC.conditions.currentDensity.value, 1540);
  assert.ok(sevenC.conditions.currentDensity.reportedValues.every((r: any) => r.value === 1540), "the printed current agrees");
  assert.equal(sevenC.conditions.currentDensity.status, 'DERIVED');
  assert.match(sevenC.conditions.currentDensity.assumptions[0], /^1C = 220 mA\/g, printed in /);
  // And back: where the 1540 mA/g is printed, n = I / (1C) = 7 beside the printed 7C.
  const back = await materialByKey('ncm811-coxb', 'measurements { conditions { cRateDerived { value status formula inputs { name value } reportedValues { name value } } } }');
  const derivedRates = back.measurements.map((x: any) => x.conditions.cRateDerived).filter((r: any) => r.status === 'DERIVED');
  assert.ok(derivedRates.length > 0, 'a C-rate derived from a printed current');
  for (const rate of derivedRates) {
    assert.equal(rate.value, 7);
    assert.equal(rate.formula, 'n = I / (1C)');
    assert.deepEqual(rate.inputs.map((i: any) => [i.name, i.value]), [['I', 1540], ['1C', 220]]);
    assert.deepEqual(rate.reportedValues.map((r: any) => [r.name, r.value]), [['n (stored)', 7]]);
  }
  const gent = await materialByKey('gent-lmr-nmc', 'measurements(filter: { properties: ["current_density"] }) { conditions { impliedOneC { value status reportedValues { value } } } }');
  const implied = gent.measurements[0].conditions.impliedOneC;
  assert.equal(implied.status, 'DERIVED');
  assert.ok(Math.abs(implied.value - 272) < 0.2, `${implied.value}`);
});

test('lattices: Eq. S1 from the stored hexagonal cell matches the stored rhombohedral one; space groups are consistent', async () => {
  const m = await materialByKey('namo3-ni', 'structures { label spaceGroupCheck { consistent } volumePerFormulaUnit { value status } convertedLattice { setting a { value formula } alpha { value } stored { aA alphaDeg } } }');
  const r3 = m.structures.find((s: any) => s.label.startsWith('R-3'));
  assert.equal(r3.convertedLattice.setting, 'RHOMBOHEDRAL');
  assert.ok(Math.abs(r3.convertedLattice.a.value - r3.convertedLattice.stored.aA) < 0.002);
  assert.ok(Math.abs(r3.convertedLattice.alpha.value - r3.convertedLattice.stored.alphaDeg) < 0.01);
  assert.equal(r3.volumePerFormulaUnit.status, 'DERIVED');
  assert.ok(m.structures.every((s: any) => s.spaceGroupCheck === null || s.spaceGroupCheck.consistent));
});

test('correlation: NaMO3 voltage vs ELFmax (Table I), r with and without Co in one query', async () => {
  const data = await server.data(`{
    all: correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, filter: { family: "ilmenite-namo3" }) {
      n pearsonR spearmanRho slope xUnit yUnit points { material { key } x y residual xSource { locator } ySource { locator } } }
    withoutCo: correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, filter: { family: "ilmenite-namo3" }, exclude: ["namo3-co"]) {
      n pearsonR spearmanRho slope excluded { key } }
  }`);
  assert.equal(data.all.n, 6);
  assert.equal(data.withoutCo.n, 5);
  assert.deepEqual(data.withoutCo.excluded.map((m: any) => m.key), ['namo3-co']);
  assert.ok(data.withoutCo.pearsonR < -0.98, `${data.withoutCo.pearsonR}`);
  assert.ok(Math.abs(data.withoutCo.spearmanRho + 1) < 1e-12);
  assert.ok(data.all.pearsonR > -0.7, `${data.all.pearsonR}`);
  const co = data.all.points.find((p: any) => p.material.key === 'namo3-co');
  assert.equal(co.residual, Math.min(...data.all.points.map((p: any) => p.residual)));
  assert.ok(data.all.points.every((p: any) => p.xSource.locator === 'Table I' && p.ySource.locator === 'Table III'));
});

test('correlation: a filter the SQL read path does not compile, and axes narrowed by site, give the same points', async () => {
  const points = '{ n pearsonR points { material { key } x y } notes }';
  const data = await server.data(`{
    compiled: correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, filter: { family: "ilmenite-namo3" }) ${points}
    byIds: correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, filter: { family: "ilmenite-namo3", formulaContains: "O3", propertyRanges: [{ property: "elf_max", min: 0 }] }) ${points}
    site: correlation(x: { property: "elf_max", locator: "Table I", site: "M–O" }, y: { property: "average_voltage", kind: COMPUTED }, filter: { family: "ilmenite-namo3" }) ${points}
    noSite: correlation(x: { property: "elf_max", locator: "Table I", site: "nowhere" }, y: { property: "average_voltage", kind: COMPUTED }, filter: { family: "ilmenite-namo3" }) ${points}
  }`);
  assert.equal(data.compiled.n, 6);
  assert.deepEqual(data.byIds, data.compiled);
  assert.deepEqual(data.site, data.compiled);
  assert.equal(data.noSite.n, 0);
  assert.match(data.noSite.notes.join(' '), /6 materials without a value on both axes left out/);
});

test('correlation: ambiguous axes, unknown properties and unknown exclusions are clear errors', async () => {
  const ambiguous = await server.execute('{ correlation(x: { property: "elf_max" }, y: { property: "average_voltage" }, filter: { family: "ilmenite-namo3" }) { n } }');
  assert.equal(ambiguous.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(ambiguous.body.errors![0]!.message, /has 2 different elf_max values on axis x: 0.601 \(Table I, M–O\); 0.564 \(Table II, M–O\)/);
  const unknown = await server.execute('{ correlation(x: { property: "elfmax" }, y: { property: "average_voltage" }) { n } }');
  assert.equal(unknown.body.errors?.[0]?.extensions?.code, 'UNKNOWN_PROPERTY');
  const exclude = await server.execute('{ correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, exclude: ["namo3-xx"]) { n } }');
  assert.match(exclude.body.errors![0]!.message, /unknown material key in exclude: namo3-xx/);
  const unit = await server.execute('{ correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", unit: "mAh/g" }) { n } }');
  assert.equal(unit.body.errors?.[0]?.extensions?.code, 'UNKNOWN_UNIT');
});

test('OPTIMADE-style filters: nelements and chemicalFormulaReduced', async () => {
  const data = await server.data('{ two: materials(filter: { nelements: { max: 2 } }, first: 100) { edges { node { formula nelements } } } navo3: materials(filter: { chemicalFormulaReduced: "NaO3V" }) { edges { node { key } } } }');
  assert.ok(data.two.edges.length > 0 && data.two.edges.every((e: any) => e.node.nelements <= 2));
  assert.deepEqual(data.navo3.edges.map((e: any) => e.node.key).sort(), ['namo3-v', 'navo3-c2c', 'navo3-pnma']);
  const bad = await server.execute('{ materials(filter: { nelements: { min: 4, max: 2 } }) { totalCount } }');
  assert.equal(bad.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
});

test('specific energy of NaVO3 follows the modelled step: Table III\'s 5.907 V × the Na1 → Na0.5 capacity ≈ 649 Wh/kg, not 1298', async () => {
  const m = await materialByKey('namo3-v', `specificEnergy { ${TRACE} } oneNa: specificEnergy(ionsExchanged: 1) { value assumptions }
    averageVoltage { value status assumptions reportedValues { name value } }`);
  const e = m.specificEnergy;
  assert.equal(e.status, 'DERIVED');
  // 0.5 Na of NaVO3 (M = 121.93 g/mol): 109.9 mAh/g; × 5.907 V.
  assert.ok(Math.abs(e.value - 649) < 1, `${e.value}`);
  assert.ok(e.assumptions.some((a: string) => /theoretical, for the Δx = 0.5 of the modelled step/.test(a)), e.assumptions.join('; '));
  assert.equal(e.inputs[1].derivation.quantity, 'theoretical gravimetric capacity for 0.5 Na per formula unit');
  assert.ok(Math.abs(m.oneNa.value - 1298) < 2, 'one Na only when asked for');
  assert.match(m.averageVoltage.assumptions.join(' '), /for the modelled step .* \(Δx = 0.5\)/);
});

test('capacities only for electrode materials: the LiPF6 salt and competing phases are UNAVAILABLE with the reason', async () => {
  const salt = await materialByKey('yoon-electrolyte', 'theoreticalCapacity { value status reason } specificEnergy { value status reason }');
  assert.equal(salt.theoreticalCapacity.status, 'UNAVAILABLE');
  assert.equal(salt.theoreticalCapacity.value, null);
  assert.match(salt.theoreticalCapacity.reason, /is stored as an electrolyte, not an electrochemically active electrode material/);
  assert.equal(salt.specificEnergy.value, null);
  const phase = await materialByKey('namo2-v', 'theoreticalCapacity { value status reason }');
  assert.equal(phase.theoreticalCapacity.status, 'UNAVAILABLE');
  assert.match(phase.theoreticalCapacity.reason, /NaVO2 \(layered R-3m\) is stored as a competing phase/);
});

test('consistency checks list agreements and disagreements with both sources and the printed-digit tolerance', async () => {
  const { consistencyChecks: checks } = await server.data(`{ consistencyChecks {
    check verdict difference tolerance unit material { key }
    derived { value formula assumptions inputs { name value source { locator } } }
    stored { name value source { locator } } } }`);
  const of = (check: string, key: string) => checks.filter((c: any) => c.check === check && c.material?.key === key);
  // The O share of the hole (Sec. III) from Table III's O 2p change agrees for every NaMO3.
  const v = of('o-share-of-hole', 'namo3-v')[0];
  assert.equal(v.verdict, 'AGREES');
  assert.ok(Math.abs(v.derived.value - 80.4) < 1e-9 && v.stored.value === 80.28);
  assert.equal(v.stored.source.locator, 'Sec. III');
  assert.equal(v.derived.inputs[0].source.locator, 'Table III');
  assert.ok(checks.filter((c: any) => c.check === 'o-share-of-hole').every((c: any) => c.verdict === 'AGREES'));
  // The Fe spin deficit agrees with one stored population and not the other: both listed.
  const fe = of('spin-deficit', 'namo3-fe');
  assert.deepEqual(fe.map((c: any) => c.verdict).sort(), ['AGREES', 'DISAGREES']);
  const feWrong = fe.find((c: any) => c.verdict === 'DISAGREES');
  assert.ok(Math.abs(Math.abs(feWrong.difference) - 0.008) < 1e-9 && feWrong.tolerance < 0.002);
  // NaVO3's 220 mAh/g follows from one Na per formula unit.
  assert.equal(of('capacity-from-electrons', 'namo3-v')[0].verdict, 'AGREES');
  // Gent et al.'s superstructure reflections at 0.8856 Å and with Cu Kα are not the same reflections.
  const bragg = of('bragg-wavelength', 'gent-lmr-nmc')[0];
  assert.equal(bragg.verdict, 'DISAGREES');
  assert.ok(Math.abs(bragg.derived.value - 15.689) < 0.001 && bragg.stored.value === 20, `${bragg.derived.value}`); // 9° at 0.8856 Å with Cu Kα1 1.5406 Å
  // Sec. I's 1.4 e per Na2RuO3 is 192 mAh/g by Faraday's law, not the 180 mAh/g printed beside it.
  const ru = of('capacity-from-electrons', 'naxruo3')[0];
  assert.equal(ru.verdict, 'DISAGREES');
  assert.ok(Math.abs(ru.derived.value - 192.4) < 0.1 && ru.stored.value === 180, `${ru.derived.value}`);
  assert.deepEqual(ru.derived.inputs.map((i: any) => [i.name, i.value, i.source?.locator ?? null]), [['n', 1.4, 'Sec. I'], ['M', ru.derived.inputs[1].value, null]]);
  // … and neither are the upper ends of the two ranges (11° at 0.8856 Å is 19.2° with Cu Kα, not 23°).
  const upper = of('bragg-wavelength', 'gent-lmr-nmc')[1];
  assert.equal(upper.verdict, 'DISAGREES');
  assert.ok(Math.abs(upper.derived.value - 19.196) < 0.001 && upper.stored.value === 23, `${upper.derived.value}`);
  const only = await server.data('{ consistencyChecks(onlyDisagreements: true) { verdict } }');
  assert.ok(only.consistencyChecks.length > 0 && only.consistencyChecks.every((c: any) => c.verdict === 'DISAGREES'));
  assert.deepEqual((await server.data('{ consistencyChecks(materialKey: "no-such") { check } }')).consistencyChecks, []);
});

test('consistency: current × time = capacity for the Li/Li symmetric cells holds at 1.0 mA/cm² and not at 2.0 (Yoon et al. Methods)', async () => {
  const { consistencyChecks: checks } = await server.data(`{ consistencyChecks(materialKey: "yoon-li-metal") {
    check verdict difference tolerance unit derived { value formula inputs { name value unit source { locator } } } stored { value unit source { locator } } } }`);
  const passed = checks.filter((c: any) => c.check === 'current-times-time');
  assert.equal(passed.length, 2, 'one per printed current, each with the 2 h step and the 2.0 mAh/cm² printed beside them');
  const at = (current: number) => passed.find((c: any) => c.derived.inputs[0].value === current);
  const low = at(1.0);
  assert.equal(low.verdict, 'AGREES');
  assert.equal(low.unit, 'mAh/cm2');
  assert.equal(low.derived.formula, 'Q = I·t');
  assert.deepEqual(low.derived.inputs.map((i: any) => [i.name, i.value, i.unit]), [['I', 1.0, 'mA/cm2'], ['t', 2, 'h']]);
  assert.equal(low.stored.value, 2.0);
  // 2.0 mA/cm² for 2 h is 4.0 mAh/cm², not 2.0: the current, the step and the capacity limit are settings (vocabulary setup), exact as stated.
  const high = at(2.0);
  assert.equal(high.verdict, 'DISAGREES');
  assert.ok(Math.abs(high.derived.value - 4.0) < 1e-9 && Math.abs(high.difference + 2.0) < 1e-9, `${high.difference}`);
  assert.equal(high.tolerance, 0);
  assert.ok([...high.derived.inputs, high.stored].every((i: any) => i.source.locator === 'Methods (Electrochemical measurements); Supplementary Fig. 28'));
});

test('consistency: the CoxB diffusivity follows from the 2–3 µm infusion depth in the 2 h infusion step (2D random walk), both ends of the printed range', async () => {
  const { consistencyChecks: checks } = await server.data(`{ consistencyChecks(materialKey: "coxb") {
    check verdict difference tolerance unit material { key } derived { value formula inputs { name value unit source { locator } } } stored { name value unit source { locator } } } }`);
  const d = checks.filter((c: any) => c.check === 'diffusivity-from-depth');
  assert.equal(d.length, 2);
  const [lower, upper] = d;
  assert.equal(lower.unit, 'm2/s');
  assert.ok(d.every((c: any) => c.verdict === 'AGREES' && c.material.key === 'coxb'));
  // 2 µm → (2e-6 m)² / (4 × 7200 s) = 1.39e-16 m²/s beside the printed 1.4e-16; 3 µm → 3.13e-16 beside 3.1e-16.
  assert.ok(Math.abs(lower.derived.value - 1.389e-16) < 0.001e-16 && lower.stored.value === 1.4e-16, `${lower.derived.value}`);
  assert.ok(Math.abs(upper.derived.value - 3.125e-16) < 0.001e-16 && upper.stored.value === 3.1e-16, `${upper.derived.value}`);
  assert.deepEqual(lower.derived.inputs.map((i: any) => [i.name, i.value, i.unit, i.source.locator]), [['L', 2e-6, 'm', 'Results (Supplementary Figs. 6-8)'], ['t', 7200, 's', 'Methods (Synthesis)']]);
  assert.equal(lower.stored.source.locator, 'Results (Supplementary Figs. 6-8)');
  assert.ok(lower.tolerance > Math.abs(lower.difference));
});

test('consistency: a series mean is compared with its members\' own values: NaMO3\'s ~1.34 e per O (Sec. III) is not the −0.152 e mean of Table III', async () => {
  const { consistencyChecks: checks } = await server.data(`{ consistencyChecks {
    check verdict difference tolerance unit material { key } family { key }
    derived { value formula inputs { name value source { locator } factId } } stored { name value source { locator } factId } } }`);
  const series = checks.filter((c: any) => c.check === 'series-average');
  const o = series.find((c: any) => c.family?.key === 'ilmenite-namo3' && c.unit === 'e');
  assert.ok(o, 'the O population-change mean is checked');
  assert.equal(o.material, null);
  assert.equal(o.verdict, 'DISAGREES');
  assert.equal(o.derived.inputs.length, 6);
  assert.ok(o.derived.inputs.every((i: any) => i.source.locator === 'Table III' && i.factId));
  assert.ok(Math.abs(o.derived.value - -0.152) < 1e-9, `${o.derived.value}`);
  assert.equal(o.stored.value, -1.34);
  assert.equal(o.stored.source.locator, 'Sec. III');
  assert.ok(o.stored.factId, 'the family fact by global ID');
  assert.ok(Math.abs(o.difference - (-1.34 - o.derived.value)) < 1e-12);
  // Selected by one member's key, too.
  const byMember = await server.data('{ consistencyChecks(materialKey: "namo3-co") { check family { key } } }');
  assert.ok(byMember.consistencyChecks.some((c: any) => c.check === 'series-average' && c.family.key === 'ilmenite-namo3'));
});

test('consistency: Yoon et al.\'s ~2.05 mAh/cm² follows from 10.5 mg/cm² × ~215 mAh/g only with the loading read as the 90 wt% composite', async () => {
  const { consistencyChecks: checks } = await server.data(`{ consistencyChecks(materialKey: "ncm811") {
    check verdict difference tolerance unit derived { value assumptions inputs { name value unit source { locator } } } stored { value source { locator } } } }`);
  const areal = checks.filter((c: any) => c.check === 'areal-capacity');
  assert.equal(areal.length, 2, 'one reading per stored active share, plus the loading as active material');
  const [asActive, asComposite] = areal;
  // 10.5 mg/cm² × 215 mAh/g = 2.26 mAh/cm², beyond the ±0.2 mg/cm² of the loading.
  assert.equal(asActive.verdict, 'DISAGREES');
  assert.ok(Math.abs(asActive.derived.value - 2.2575) < 1e-9 && asActive.stored.value === 2.05, `${asActive.derived.value}`);
  assert.match(asActive.derived.assumptions.join(' '), /read as active material/);
  // × 90 wt% active: 2.03 mAh/cm².
  assert.equal(asComposite.verdict, 'AGREES');
  assert.ok(Math.abs(asComposite.derived.value - 2.03175) < 1e-9, `${asComposite.derived.value}`);
  assert.deepEqual(asComposite.derived.inputs.map((i: any) => [i.name, i.value, i.source.locator]), [
    ['m_A', 10.5, 'Methods (Electrochemical measurements)'], ['Q', 215, 'Results (Supplementary Fig. 9a,b)'], ['w', 90, 'Methods (Electrochemical measurements)'],
  ]);
  assert.equal(asComposite.stored.source.locator, 'Results');
});
