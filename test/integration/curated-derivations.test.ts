/**
 * Derivations over facts a curator adds through the API, as a user would: curator inference shown
 * as provenance in traces, and measured values feeding derivations.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCuratorAuth } from '../../src/curation/auth.js';
import { startTestServer, type TestServer } from './testkit.js';

const TOKEN = 'carol-secret-token-0123456789';
const asCarol = { authorization: `Bearer ${TOKEN}` };
const paper = { doi: '10.1000/test.derivations.2026', title: 'A test paper on LiFePO4 half cells', journal: 'Test J.', year: 2026 };

let server: TestServer;
before(async () => {
  server = await startTestServer({ curatorAuth: loadCuratorAuth({ CURATOR_TOKENS: `carol:${TOKEN}` }) });
  await curated(`mutation($input: PaperInput!) { addPaper(input: $input) { errors { message } } }`, paper, 'addPaper');
  await curated(
    `mutation($input: MaterialInput!) { addMaterial(input: $input) { errors { message } } }`,
    { paperDoi: paper.doi, key: 'user-lfp', name: 'LiFePO4 (user)', formula: 'LiFePO4', workingIon: 'Li', role: 'CATHODE', locator: 'Table 1' },
    'addMaterial',
  );
});
after(() => server.close());

/** A curation mutation as carol; fails with the exchange printed when it answers errors. */
async function curated(mutation: string, input: Record<string, unknown>, field: string) {
  const response = await server.execute(mutation, { input }, asCarol);
  const payload = response.body.data?.[field];
  assert.ok(payload && payload.errors.length === 0 && !response.body.errors, JSON.stringify(response.body));
  return payload;
}

const ADD_MEASUREMENT = `mutation($input: MeasurementInput!) { addMeasurement(input: $input) {
  measurement { id source { locator origin originNote } conditions { sources { field source { locator origin originNote } }
    currentDensity { value status assumptions inputs { name value source { locator origin originNote } } } } }
  errors { path message code } } }`;

test('a 1C the curator inferred says so in the trace, with how; a condition printed elsewhere names its own place', async () => {
  const { measurement } = await curated(ADD_MEASUREMENT, {
    paperDoi: paper.doi, materialKey: 'user-lfp', property: 'discharge_capacity', value: 150, unit: 'mAh/g', locator: 'Fig. 2',
    conditions: { cRate: 0.0147, oneCMAPerG: 272, temperatureC: 30 },
    conditionSources: [
      { field: 'oneCMAPerG', origin: 'INFERRED', originNote: '4 mA/g printed as ~C/68: 1C = 4 × 68 mA/g', locator: 'Methods' },
      { field: 'cRate', origin: 'COMPUTED', originNote: '1/68' },
    ],
  }, 'addMeasurement');
  assert.deepEqual(measurement.source, { locator: 'Fig. 2', origin: 'PRINTED', originNote: null });
  const byField = Object.fromEntries(measurement.conditions.sources.map((s: any) => [s.field, s.source]));
  assert.deepEqual(byField.oneCMAPerG, { locator: 'Methods', origin: 'INFERRED', originNote: '4 mA/g printed as ~C/68: 1C = 4 × 68 mA/g' });
  assert.deepEqual(byField.cRate, { locator: 'Fig. 2', origin: 'COMPUTED', originNote: '1/68' });
  const current = measurement.conditions.currentDensity;
  assert.ok(Math.abs(current.value - 0.0147 * 272) < 1e-9);
  assert.equal(current.assumptions[0], '1C = 272 mA/g, inferred by the curator from Methods (4 mA/g printed as ~C/68: 1C = 4 × 68 mA/g)');
  assert.doesNotMatch(current.assumptions.join(' '), /as defined in the paper/);
  assert.deepEqual(current.inputs.map((i: any) => [i.name, i.source.origin, i.source.locator]), [['n', 'COMPUTED', 'Fig. 2'], ['1C', 'INFERRED', 'Methods']]);
});

test('a value read off a figure is marked so; a non-printed origin without a note, or a source for an unstated condition, is refused', async () => {
  const { measurement } = await curated(ADD_MEASUREMENT, {
    paperDoi: paper.doi, materialKey: 'user-lfp', property: 'discharge_capacity', value: 140, unit: 'mAh/g', locator: 'Fig. 3',
    origin: 'READ_OFF_FIGURE', originNote: 'read off the cycle-50 point, ±2 mAh/g', conditions: { cycleNumber: 50 },
  }, 'addMeasurement');
  assert.deepEqual(measurement.source, { locator: 'Fig. 3', origin: 'READ_OFF_FIGURE', originNote: 'read off the cycle-50 point, ±2 mAh/g' });
  const base = { paperDoi: paper.doi, materialKey: 'user-lfp', property: 'discharge_capacity', value: 130, unit: 'mAh/g', locator: 'Fig. 4' };
  for (const [input, pattern] of [
    [{ ...base, origin: 'INFERRED' }, /originNote/],
    [{ ...base, conditions: { cRate: 1 }, conditionSources: [{ field: 'oneCMAPerG', locator: 'Methods' }] }, /does not state/],
    [{ ...base, conditions: { cRate: 1 }, conditionSources: [{ field: 'cRate', locator: 'A' }, { field: 'cRate', locator: 'B' }] }, /listed twice/],
  ] as const) {
    const response = await server.execute(ADD_MEASUREMENT, { input }, asCarol);
    const errors = response.body.data?.addMeasurement.errors ?? [];
    assert.ok(errors.some((e: any) => pattern.test(e.message)), JSON.stringify(response.body));
  }
  assert.equal(await server.db.prisma.measurement.count({ where: { locator: 'Fig. 4' } }), 0);
});

const ENERGY = `specificEnergy { value status assumptions reason inputs { name value derivation { status quantity value } } }
  averageVoltage { value status formula assumptions reason source { locator } reportedValues { name value } }`;

test('LiFePO4 added as a user would: a measured voltage feeds averageVoltage and specificEnergy, with its conditions and the capacity\'s kind', async () => {
  const page = await server.data(`{ materials(first: 100) { edges { node { id key } } } }`);
  const id = page.materials.edges.map((e: any) => e.node).find((n: any) => n.key === 'user-lfp').id;
  const material = async () => (await server.data(`query($id: ID!) { material(id: $id) { ${ENERGY} } }`, { id })).material;
  const conditions = { cRate: 0.1, temperatureC: 25, cellType: 'COIN_HALF_CELL', counterElectrode: 'Li metal' };
  await curated(ADD_MEASUREMENT, { paperDoi: paper.doi, materialKey: 'user-lfp', property: 'average_voltage', value: 3.42, unit: 'V', locator: 'Fig. 5', conditions }, 'addMeasurement');
  let m = await material();
  assert.equal(m.averageVoltage.status, 'REPORTED');
  assert.equal(m.averageVoltage.value, 3.42);
  assert.equal(m.averageVoltage.source.locator, 'Fig. 5');
  assert.match(m.averageVoltage.assumptions[0], /^measured under 0.1C, 25 °C, COIN_HALF_CELL, vs Li metal/);
  assert.equal(m.specificEnergy.status, 'DERIVED', m.specificEnergy.reason);
  assert.doesNotMatch(JSON.stringify(m), /no voltage stored/);
  assert.ok(m.specificEnergy.assumptions.some((a: string) => /capacity theoretical, for one Li \(no discharge capacity is stored under the voltage's conditions\)/.test(a)), m.specificEnergy.assumptions.join('; '));
  assert.ok(Math.abs(m.specificEnergy.value - 3.42 * 169.9) < 1, `${m.specificEnergy.value}`);
  // A discharge capacity measured under the same conditions is then the capacity used.
  await curated(ADD_MEASUREMENT, { paperDoi: paper.doi, materialKey: 'user-lfp', property: 'discharge_capacity', value: 158, unit: 'mAh/g', locator: 'Fig. 5', conditions }, 'addMeasurement');
  m = await material();
  assert.ok(Math.abs(m.specificEnergy.value - 3.42 * 158) < 1e-9, `${m.specificEnergy.value}`);
  assert.ok(m.specificEnergy.assumptions.includes('capacity measured, under the same conditions as the voltage'));
  assert.ok(m.specificEnergy.assumptions.includes('voltage measured'));
  // A plateau is a candidate beside the average.
  await curated(ADD_MEASUREMENT, { paperDoi: paper.doi, materialKey: 'user-lfp', property: 'voltage', value: 3.45, unit: 'V', site: 'discharge plateau', locator: 'Fig. 5', conditions }, 'addMeasurement');
  m = await material();
  assert.equal(m.averageVoltage.value, 3.42);
  assert.deepEqual(m.averageVoltage.reportedValues, [{ name: 'measured V (discharge plateau)', value: 3.45 }]);
});
