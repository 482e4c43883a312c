/**
 * Errors that help (issue 15.5): what a researcher gets back for a misspelt property key, family
 * or unit, a formula written as papers print it, and a bad unit on one derived field of a list,
 * in development and in production mode (suggestions there name data every client may list, not
 * schema).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startApp, type RunningApp } from '../../src/app.js';
import { startTestServer, type TestServer } from './testkit.js';

describe('errors that help', () => {
  let server: TestServer;
  let production: RunningApp;
  before(async () => {
    server = await startTestServer();
    production = await startApp(server.db, 0, { production: true, host: '127.0.0.1' });
  });
  after(async () => {
    await production?.close();
    await server?.close();
  });

  const post = async (url: string, query: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return (await response.json()) as { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; argument?: string } }[] };
  };
  const both = async (query: string) => [await post(server.app.url, query), await post(production.url, query)] as const;

  test('a misspelt property key names the closest keys, in production too', async () => {
    for (const body of await both('{ materials(filter: { propertyRanges: [{ property: "capacity_retension", min: 90 }] }) { totalCount } }')) {
      assert.equal(body.errors?.[0]?.extensions?.code, 'UNKNOWN_PROPERTY');
      assert.match(body.errors![0]!.message, /unknown property "capacity_retension"; the closest known: "capacity_retention"/);
    }
    const nested = await post(server.app.url, '{ materials(first: 1) { edges { node { measurements(filter: { properties: ["dischargecapacity"] }) { value } } } } }');
    assert.match(nested.errors![0]!.message, /the closest known: "discharge_capacity"/);
  });

  test('a family that does not exist is an error naming the closest family, not an empty page', async () => {
    for (const body of await both('{ materials(filter: { family: "NaMO3" }) { totalCount edges { node { key } } } }')) {
      assert.equal(body.errors?.[0]?.extensions?.code, 'UNKNOWN_FAMILY');
      assert.equal(body.errors![0]!.extensions!.argument, 'filter.family');
      assert.match(body.errors![0]!.message, /unknown family "NaMO3"; the closest known: "ilmenite-namo3"/);
    }
    const correlation = await post(server.app.url, '{ correlation(x: { property: "elf_max" }, y: { property: "average_voltage" }, filter: { family: "ilmenite-namo" }) { n } }');
    assert.equal(correlation.errors?.[0]?.extensions?.code, 'UNKNOWN_FAMILY');
    // A real family that just has no match is an empty page, as before.
    const empty = await server.data<{ materials: { totalCount: number } }>('{ materials(filter: { family: "ilmenite-namo3", role: COATED_CATHODE }) { totalCount } }');
    assert.equal(empty.materials.totalCount, 0);
  });

  test('a reduced formula matches however it is written (NaVO3, Na2V2O6, NaO3V); an unreadable one is an error', async () => {
    const keys = async (formula: string) =>
      (await server.data<{ materials: { edges: { node: { key: string } }[] } }>(`{ materials(filter: { chemicalFormulaReduced: "${formula}", role: CATHODE }) { edges { node { key } } } }`)).materials.edges.map((e) => e.node.key);
    const canonical = await keys('NaO3V');
    assert.deepEqual(canonical, ['namo3-v']);
    assert.deepEqual(await keys('NaVO3'), canonical);
    assert.deepEqual(await keys('Na2V2O6'), canonical);
    const bad = await post(server.app.url, '{ materials(filter: { chemicalFormulaReduced: "Na[V]O3" }) { totalCount } }');
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(bad.errors![0]!.message, /chemicalFormulaReduced: cannot read formula "Na\[V\]O3"/);
  });

  test('every stored reduced formula reads back as itself, so normalising the filter never misses a stored row', async () => {
    const all = await server.data<{ materials: { edges: { node: { formula: string; chemicalFormulaReduced: string } }[] } }>('{ materials(first: 100) { edges { node { formula chemicalFormulaReduced } } } }');
    for (const { node } of all.materials.edges) {
      const again = await server.data<{ materials: { totalCount: number } }>(`{ materials(filter: { chemicalFormulaReduced: "${node.chemicalFormulaReduced}" }) { totalCount } }`);
      assert.ok(again.materials.totalCount >= 1, `${node.formula} → ${node.chemicalFormulaReduced} finds nothing`);
    }
  });

  test('a unit a derived field cannot take errs on that field only: the list and its other fields stay', async () => {
    const body = await post(server.app.url, '{ materials(filter: { family: "ilmenite-namo3", role: CATHODE }) { edges { node { key molarMass { value unit } theoreticalCapacity(unit: "mAh/gg") { value unit status reason } } } } }');
    const edges = body.data?.materials?.edges;
    assert.ok(Array.isArray(edges) && edges.length >= 6, `the list is kept: ${JSON.stringify(body).slice(0, 400)}`);
    for (const { node } of edges) {
      assert.ok(node.molarMass.value > 0);
      assert.deepEqual({ value: node.theoreticalCapacity.value, status: node.theoreticalCapacity.status, unit: node.theoreticalCapacity.unit }, { value: null, status: 'UNAVAILABLE', unit: 'mAh/gg' });
      assert.match(node.theoreticalCapacity.reason, /unknown unit "mAh\/gg"; the closest known: "mAh\/g"/);
    }
    assert.equal(body.errors?.length, edges.length, 'one error per field that could not be expressed');
    assert.deepEqual(body.errors![0]!.path, ['materials', 'edges', 0, 'node', 'theoreticalCapacity', 'value']);
    assert.equal(body.errors![0]!.extensions?.code, 'UNKNOWN_UNIT');
    // A known unit of another quantity: the same, with the reason.
    const other = await post(server.app.url, '{ materials(first: 2) { edges { node { key molarMass(unit: "V") { value reason } } } } }');
    assert.equal(other.data?.materials?.edges?.length, 2);
    assert.match(other.data.materials.edges[0].node.molarMass.reason, /cannot express .* in "V"/);
  });
});
