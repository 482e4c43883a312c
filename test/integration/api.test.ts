import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from './testkit.js';

const NAMO3_DOI = '10.1103/PhysRevMaterials.4.015401';
const YOON_DOI = '10.1038/s41560-021-00782-0';
const GENT_DOI = '10.1038/s41467-017-02041-x';

describe('GraphQL API over the seeded papers', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('lists the three papers with their DOIs', async () => {
    const data = await server.data<{ papers: { doi: string; year: number }[] }>('{ papers { doi year } }');
    assert.deepEqual(data.papers.map((p) => p.doi).sort(), [GENT_DOI, YOON_DOI, NAMO3_DOI].sort());
  });

  test('a paper leads to its materials, and every value names its source', async () => {
    const data = await server.data(`query($doi: String!) { paper(doi: $doi) { title materials { key computedProperties(filter: { properties: ["average_voltage"] }) { value unit source { locator paper { doi } } } } } }`, { doi: NAMO3_DOI.toUpperCase() });
    const nav = data.paper.materials.find((m: { key: string }) => m.key === 'namo3-v');
    assert.deepEqual(nav.computedProperties, [{ value: 5.907, unit: 'V', source: { locator: 'Table III', paper: { doi: NAMO3_DOI } } }]);
  });

  test('coated material = substrate + coating, reachable both ways', async () => {
    const data = await server.data(`{ materials(filter: { hasCoating: true }) { edges { node { key substrate { key coatedForms { key } } coating { formula morphology thicknessNm infusesGrainBoundaries coatedMaterials { key } source { paper { doi } } } } } } }`);
    const coated = data.materials.edges.map((e: any) => e.node);
    assert.equal(coated.length, 1);
    const [m] = coated;
    assert.equal(m.key, 'ncm811-coxb');
    assert.equal(m.substrate.key, 'ncm811');
    assert.deepEqual(m.substrate.coatedForms, [{ key: 'ncm811-coxb' }]);
    assert.equal(m.coating.formula, 'Co2.2B');
    assert.equal(m.coating.thicknessNm, 5);
    assert.equal(m.coating.infusesGrainBoundaries, true);
    assert.deepEqual(m.coating.coatedMaterials, [{ key: 'ncm811-coxb' }]);
    assert.equal(m.coating.source.paper.doi, YOON_DOI);
  });

  test('filters materials by elements, working ion, family, role, paper and computed voltage range', async () => {
    const keys = async (filter: string) =>
      (await server.data(`{ materials(filter: ${filter}, first: 100) { totalCount edges { node { key } } } }`)).materials.edges.map((e: any) => e.node.key).sort();
    assert.deepEqual(await keys('{ family: "ilmenite-namo3", propertyRanges: [{ property: "average_voltage", min: 4.5, kind: COMPUTED }] }'), ['namo3-fe', 'namo3-mn', 'namo3-v']);
    // The same bound in millivolts gives the same answer (units converted, not assumed).
    assert.deepEqual(await keys('{ family: "ilmenite-namo3", propertyRanges: [{ property: "average_voltage", min: 4500, unit: "mV", kind: COMPUTED }] }'), ['namo3-fe', 'namo3-mn', 'namo3-v']);
    assert.deepEqual(await keys('{ elements: ["Li", "Mn", "Ni", "Co"], role: CATHODE }'), ['gent-lmr-nmc', 'ncm811']);
    const sodium = await keys('{ workingIon: Na, role: CATHODE }');
    assert.deepEqual(sodium.filter((k: string) => k.startsWith('namo3-')), ['namo3-co', 'namo3-cr', 'namo3-fe', 'namo3-mn', 'namo3-ni', 'namo3-v']);
    const gent = await keys(`{ paperDoi: "${GENT_DOI}" }`);
    assert.ok(gent.includes('gent-lmr-nmc') && !gent.includes('ncm811'));
  });

  test('paginates with cursors and reports totalCount', async () => {
    const page = async (after?: string) =>
      (await server.data(`query($after: String) { materials(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id key } } } }`, { after })).materials;
    const seen: string[] = [];
    let cursor: string | undefined;
    let total = 0;
    for (;;) {
      const p = await page(cursor);
      total = p.totalCount;
      seen.push(...p.edges.map((e: any) => e.node.key));
      if (!p.pageInfo.hasNextPage) break;
      cursor = p.pageInfo.endCursor;
    }
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total, 'no material appears twice');
  });

  test('node(id) returns the object behind a global ID', async () => {
    const first = await server.data(`{ materials(first: 1, filter: { family: "li-rich-layered" }) { edges { node { id key } } } }`);
    const { id, key } = first.materials.edges[0].node;
    const data = await server.data(`query($id: ID!) { node(id: $id) { __typename id ... on Material { key } } material(id: $id) { key } }`, { id });
    assert.deepEqual(data.node, { __typename: 'Material', id, key });
    assert.equal(data.material.key, key);
  });

  test('measurements are filterable by property and conditions', async () => {
    const data = await server.data(`{ materials(filter: { hasCoating: false, family: "ni-rich-layered-ncm", role: CATHODE }) { edges { node { key measurements(filter: { properties: ["capacity_retention"], cellType: POUCH_FULL_CELL }) { value unit conditions { cycleNumber cRate voltageMinV voltageMaxV temperatureC cellType } source { locator } } } } } }`);
    const ncm = data.materials.edges.find((e: any) => e.node.key === 'ncm811').node;
    assert.equal(ncm.measurements.length, 1);
    assert.equal(ncm.measurements[0].value, 79.2);
    assert.equal(ncm.measurements[0].conditions.cycleNumber, 500);
    assert.equal(ncm.measurements[0].conditions.cellType, 'POUCH_FULL_CELL');
  });

  test('structures carry space group, lattices in each setting, and TM-in-Li-layer fractions', async () => {
    const data = await server.data(`{ materials(filter: { family: "li-rich-layered", role: CATHODE }) { edges { node { formula structures { state tmInLiLayerPercent source { locator } } } } } }`);
    const lmr = data.materials.edges[0].node;
    assert.equal(lmr.formula, 'Li1.17Ni0.21Co0.08Mn0.54O2');
    assert.deepEqual(lmr.structures.map((s: any) => s.tmInLiLayerPercent), [2.8, 9.0, 4.7]);
  });

  test('reactions read as balanced equations with their enthalpy', async () => {
    const data = await server.data(`{ materials(filter: { family: "ilmenite-namo3", elements: ["V"] }) { edges { node { key reactions { equation value unit source { locator } } } } } }`);
    const nav = data.materials.edges.find((e: any) => e.node.key === 'namo3-v').node;
    assert.equal(nav.reactions.length, 14);
    const na2v3o7 = nav.reactions.find((r: any) => r.value === -1.809);
    assert.equal(na2v3o7.equation, '3 NaVO3 → Na2V3O7 + 0.5 Na2O + 0.75 O2');
    assert.equal(na2v3o7.source.locator, 'Table S5');
  });

  describe('bad arguments get a clear error with a code, never a stack trace', () => {
    const cases: [string, string, string, RegExp][] = [
      ['unknown property', '{ materials(filter: { propertyRanges: [{ property: "voltage_avg", min: 1 }] }) { totalCount } }', 'UNKNOWN_PROPERTY', /unknown property "voltage_avg"/],
      ['wrong unit for a property', '{ materials(filter: { propertyRanges: [{ property: "average_voltage", min: 1, unit: "mAh/g" }] }) { totalCount } }', 'UNKNOWN_UNIT', /cannot convert "mAh\/g" to "V"/],
      ['invalid cursor', '{ materials(after: "bm9wZQ") { totalCount } }', 'INVALID_CURSOR', /not a valid cursor/],
      ['page too large', '{ materials(first: 101) { totalCount } }', 'PAGE_SIZE_EXCEEDED', /first must be between 1 and 100/],
      ['invalid global id', '{ node(id: "garbage") { id } }', 'INVALID_ID', /not a cathode-kb ID/],
      ['bad element symbol', '{ materials(filter: { elements: ["nickel"] }) { totalCount } }', 'BAD_USER_INPUT', /not an element symbol/],
      ['unknown measurement property', '{ materials(first: 1) { edges { node { measurements(filter: { properties: ["nope"] }) { value } } } } }', 'UNKNOWN_PROPERTY', /unknown property "nope"/],
      ['malformed query', '{ materials(first: ) }', 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
      ['wrong argument type', '{ materials(first: "ten") { totalCount } }', 'GRAPHQL_VALIDATION_FAILED', /Int cannot represent/],
    ];
    for (const [name, query, code, message] of cases) {
      test(name, async () => {
        const response = await server.execute(query);
        const error = response.body.errors?.[0];
        assert.ok(error, `expected an error for ${query}, got ${JSON.stringify(response.body)}`);
        assert.equal(error.extensions?.code, code, JSON.stringify(error));
        assert.match(error.message, message);
        assert.ok(response.status < 500, `status ${response.status}`);
      });
    }
  });
});

describe('production mode', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ production: true, seed: false });
  });
  after(() => server.close());

  test('errors carry codes but no stack traces', async () => {
    const response = await server.execute('{ materials(first: 500) { totalCount } }');
    const error = response.body.errors![0]!;
    assert.equal(error.extensions?.code, 'PAGE_SIZE_EXCEEDED');
    assert.equal(error.extensions?.stacktrace, undefined);
  });
});
