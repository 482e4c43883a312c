import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApp, type RunningApp } from '../../src/app.js';
import { startTestServer, type TestServer } from './testkit.js';

// The SQL-compiled read path (src/read) against the resolvers' DataLoaders on the same seeded
// database: the same request must give the same bytes, in fewer statements.
let server: TestServer;
let loadersOnly: RunningApp;
before(async () => {
  server = await startTestServer();
  loadersOnly = await startApp(server.db, 0, { production: false, host: '127.0.0.1', compiledReads: false });
});
after(async () => {
  await loadersOnly.close();
  await server.close();
});

async function body(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, text: await response.text() };
}

/** Both answers byte for byte, and the statements the compiled one took. */
async function sameAnswer(query: string, variables?: Record<string, unknown>): Promise<{ text: string; statements: number }> {
  const before = server.db.statementCount();
  const compiled = await body(server.app.url, query, variables);
  const statements = server.db.statementCount() - before;
  const reference = await body(loadersOnly.url, query, variables);
  assert.equal(compiled.text, reference.text, `compiled and loader answers differ\nquery: ${query}\nvariables: ${JSON.stringify(variables)}`);
  assert.equal(compiled.status, reference.status);
  return { text: compiled.text, statements };
}

const materialIdOf = async (key: string) => (await server.data(`{ materials(first: 100) { edges { node { id key } } } }`)).materials.edges.find((e: any) => e.node.key === key).node.id as string;

test('a material with its facts, sources, family, substrate and coating: same bytes, one statement', async () => {
  const id = await materialIdOf('ncm811-coxb');
  const query = `query($id: ID!) {
    material(id: $id) {
      __typename id key name formula elements workingIon role materialsProjectId description
      family { key name description }
      source { locator paper { id doi title journal year volume pages authors } }
      substrate { key formula coatedForms { key } }
      coating { id key formula thicknessNm thicknessQualifier infusesGrainBoundaries material { key } source { locator } coatedMaterials { key } }
      structures { id key label formula alkaliContent spaceGroupSymbol spaceGroupNumber magneticOrdering state cationMixingPercent tmInLiLayerPercent note
        method { key functional } lattices { setting aA bA cA alphaDeg betaDeg gammaDeg volumeA3 formulaUnitsPerCell source { locator } } source { locator } }
      measurements { id value valueMax textValue qualifier uncertainty unit site note property { key label canonicalUnit valueType kind }
        structure { key method { key } lattices { setting } } material { key family { key } source { paper { doi } } }
        conditions { temperatureC cRate chargeCRate oneCMAPerG currentDensityMAPerG voltageMinV voltageMaxV cycleNumber cellType counterElectrode electrolyte state technique loadingMgPerCm2 other }
        source { locator paper { doi } } }
      computedProperties { id value unit site configuration method { key kind functional code exchangeMixing cutoffEV kMesh parameters description source { locator } } property { key } source { paper { doi } } }
    }
  }`;
  const { text, statements } = await sameAnswer(query, { id });
  assert.match(text, /"key":"ncm811-coxb"/);
  assert.equal(statements, 1);
});

test('aliases, fragments, @skip/@include and __typename compile to the same answer', async () => {
  const id = await materialIdOf('namo3-v');
  const query = `query($id: ID!, $withFacts: Boolean!) {
    a: material(id: $id) { ...Basics k2: key structures @include(if: $withFacts) { ... on Structure { label } sg: spaceGroupSymbol } }
    b: material(id: $id) { key measurements @skip(if: $withFacts) { value } computedProperties @include(if: $withFacts) { v: value ...Unit } }
  }
  fragment Basics on Material { __typename key name family { __typename name } }
  fragment Unit on ComputedProperty { unit property { key } }`;
  for (const withFacts of [true, false]) {
    const { statements } = await sameAnswer(query, { id, withFacts });
    assert.ok(statements <= 2, `two selections, at most one statement each: ${statements}`);
  }
});

test('a filtered page: same bytes, one statement whatever the page size', async () => {
  const query = `query($first: Int!, $after: String, $filter: MaterialFilter) {
    materials(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id key formula role family { key } structures { label lattices { setting aA } } measurements { value unit conditions { cRate cellType } } } }
    }
  }`;
  // The first page of a family checks once that the family exists (an unknown one is UNKNOWN_FAMILY); later pages do not.
  assert.ok((await sameAnswer(query, { first: 1, filter: { family: 'ilmenite-namo3' } })).statements <= 2);
  const filters = [undefined, { family: 'ilmenite-namo3' }, { family: 'ilmenite-namo3', role: 'CATHODE' }, { elements: ['Ni', 'Co'] }, { workingIon: 'Li', hasCoating: true }, { hasCoating: false, nelements: { min: 3, max: 5 } }, { chemicalFormulaReduced: 'NaO3V' }, { elements: [] }];
  for (const filter of filters) {
    for (const first of [1, 5]) {
      const page = await sameAnswer(query, { first, filter });
      assert.equal(page.statements, 1, `filter ${JSON.stringify(filter)}, first ${first}`);
      const endCursor = JSON.parse(page.text).data.materials.pageInfo.endCursor;
      if (endCursor) await sameAnswer(query, { first, after: endCursor, filter });
    }
  }
});

test('what is not compiled falls back to the loaders with the same answer (derived fields, list filters, property ranges)', async () => {
  await sameAnswer(`{ materials(first: 3, filter: { family: "ilmenite-namo3" }) { edges { node { key molarMass { value } } } } }`);
  await sameAnswer(`{ materials(first: 3, filter: { propertyRanges: [{ property: "average_voltage", min: 1 }] }) { totalCount edges { node { key } } } }`);
  const id = await materialIdOf('namo3-v');
  await sameAnswer(`query($id: ID!) { material(id: $id) { key computedProperties(filter: { properties: ["elf_max"] }) { value } reactions { equation } } }`, { id });
});

test('errors are the same on both paths (but for the stack trace of development mode)', async () => {
  const withoutStack = (text: string) => JSON.stringify(JSON.parse(text), (key, value) => (key === 'stacktrace' ? undefined : value));
  for (const [query, variables] of [
    ['{ materials(first: 0) { totalCount } }', undefined],
    ['{ materials(first: 5, after: "bogus") { totalCount } }', undefined],
    ['{ materials(first: 5, filter: { elements: ["ni"] }) { totalCount } }', undefined],
    ['query($id: ID!) { material(id: $id) { key } }', { id: 'nonsense' }],
  ] as const) {
    const [compiled, reference] = [await body(server.app.url, query, variables), await body(loadersOnly.url, query, variables)];
    assert.match(compiled.text, /"errors"/);
    assert.equal(withoutStack(compiled.text), withoutStack(reference.text), query);
  }
  // Not an error: a well-formed id of no material is null.
  const missing = await sameAnswer('query($id: ID!) { material(id: $id) { key } }', { id: Buffer.from('Material:999999').toString('base64url') });
  assert.equal(missing.text, '{"data":{"material":null}}\n');
});

test('federation _entities by id: same bytes, one statement for the batch', async () => {
  const ids = (await server.data(`{ materials(first: 8) { edges { node { id } } } }`)).materials.edges.map((e: any) => e.node.id);
  const representations = [...ids, Buffer.from('Material:999999').toString('base64url')].map((id) => ({ __typename: 'Material', id }));
  const { statements } = await sameAnswer(`query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Material { id name formula source { locator } } } }`, { r: representations });
  assert.equal(statements, 1);
});

test("a derived page: the derivations' inputs in one statement ahead, the same bytes, statements flat in page size", async () => {
  const trace = 'quantity value unit status formula assumptions reason factId source { locator } inputs { name value textValue unit factId note source { locator paper { doi } } }';
  const query = `query($first: Int!, $filter: MaterialFilter) {
    materials(first: $first, filter: $filter) { edges { node {
      key formula
      molarMass { value }
      theoreticalCapacity { ${trace} }
      averageVoltage { ${trace} }
      specificEnergy { value unit }
      voltagePairs { formulaDischarge formulaCharge averageVoltage { ${trace} } gravimetricCapacity { value } volumetricCapacity { value } volumeChange(unit: "%") { value } }
      stability { verdict summary criteria { key favourable } }
      reactions { equation }
    } } }
  }`;
  for (const filter of [{ family: 'ilmenite-namo3', role: 'CATHODE' }, undefined]) {
    const one = await sameAnswer(query, { first: 1, filter });
    const many = await sameAnswer(query, { first: 30, filter });
    assert.equal(one.statements, many.statements, `filter ${JSON.stringify(filter)}`);
  }
  const namo3 = await sameAnswer(query, { first: 30, filter: { family: 'ilmenite-namo3', role: 'CATHODE' } });
  // The page, its inputs; the loaders meet nothing they would have to fetch (the family check is its own).
  assert.ok(namo3.statements <= 3, `statements: ${namo3.statements}`);
  assert.match(namo3.text, /"verdict":/);
});
