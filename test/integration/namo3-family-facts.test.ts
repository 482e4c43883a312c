/**
 * Series statements of the NaMO3 paper (Phys. Rev. Materials 4, 015401) are facts of the family,
 * not of one member: queried with the family, never among a material's own facts, never matched
 * by a material property-range filter.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from './testkit.js';

const NAMO3_MEMBERS = ['namo3-co', 'namo3-cr', 'namo3-fe', 'namo3-mn', 'namo3-ni', 'namo3-v'];

interface FactNode {
  id: string;
  aggregate: string;
  property: { key: string };
  value: number | null;
  valueMax: number | null;
  qualifier: string;
  unit: string;
  site: string | null;
  method: { key: string } | null;
  members: { key: string }[];
  source: { locator: string; paper: { doi: string } };
}
const FACT_FIELDS = 'id aggregate property { key } value valueMax qualifier unit site method { key } members { key } source { locator paper { doi } }';

describe('NaMO3 series statements as family facts', () => {
  let server: TestServer;
  let facts: FactNode[];
  before(async () => {
    server = await startTestServer();
    const data = await server.data<{ family: { facts: FactNode[] } }>(`{ family(key: "ilmenite-namo3") { facts { ${FACT_FIELDS} } } }`);
    facts = data.family.facts;
  });
  after(() => server.close());

  const only = (property: string, site: RegExp) => {
    const found = facts.filter((f) => f.property.key === property && site.test(f.site ?? ''));
    assert.equal(found.length, 1, `one ${property} fact with site ${site}: ${JSON.stringify(found)}`);
    return found[0]!;
  };

  test('the average M–O shortening (≈ −0.014 Å) is a mean over the six NaMO3', () => {
    const fact = only('bond_length_change', /M–O/);
    assert.deepEqual([fact.aggregate, fact.value, fact.qualifier, fact.unit, fact.method?.key, fact.source.locator], ['MEAN', -0.014, 'APPROX', 'Å', 'namo3-hse06', 'Sec. III']);
    assert.deepEqual(fact.members.map((m) => m.key), NAMO3_MEMBERS);
  });

  test('the ~2.29 Å O–O bound, the ~1.34 e/O average and both DOS windows belong to the family', () => {
    assert.deepEqual([only('o_o_distance', /^shortest O–O within MO6, Na1MO3/).aggregate, only('o_o_distance', /^shortest O–O within MO6, Na1MO3/).value], ['LOWER_BOUND', 2.29]);
    assert.deepEqual([only('bader_population_change', /^O \(per O\)/).aggregate, only('bader_population_change', /^O \(per O\)/).value], ['MEAN', -1.34]);
    const windows = facts.filter((f) => f.property.key === 'dos_energy_window').map((f) => [f.value, f.valueMax, f.aggregate]);
    assert.deepEqual(windows.sort(), [[-2, 0, 'EACH'], [-4, -1, 'EACH']]);
  });

  test('a subset statement names its members: > 5 V for M = V and Fe', () => {
    const fact = facts.find((f) => f.property.key === 'average_voltage' && f.value === 5)!;
    assert.deepEqual([fact.aggregate, fact.qualifier, fact.members.map((m) => m.key)], ['LOWER_BOUND', 'GT', ['namo3-fe', 'namo3-v']]);
  });

  test('NaVO3 keeps only its own facts: no series statement among them', async () => {
    const data = await server.data<{ materials: { edges: { node: { computedProperties: { property: { key: string }; site: string | null; value: number | null }[] } }[] } }>(
      `{ materials(filter: { chemicalFormulaReduced: "NaO3V", family: "ilmenite-namo3" }) { edges { node { computedProperties { property { key } site value } } } } }`,
    );
    const own = data.materials.edges[0]!.node.computedProperties;
    for (const property of ['bond_length_change', 'dos_energy_window', 'holes_per_oxygen']) {
      assert.deepEqual(own.filter((c) => c.property.key === property), [], property);
    }
    // Its own shortest O–O distances are 2.401 and 2.368 Å (printed in Table III and again in Table S6).
    const distances = own.filter((c) => c.property.key === 'o_o_distance' && /^shortest/i.test(c.site ?? '')).map((c) => c.value);
    assert.deepEqual([...new Set(distances)].sort(), [2.368, 2.401]);
  });

  test('an o_o_distance ≤ 2.3 Å range filter returns the members whose own values qualify, not NaVO3', async () => {
    const data = await server.data<{ materials: { edges: { node: { key: string } }[] } }>(
      `{ materials(filter: { family: "ilmenite-namo3", propertyRanges: [{ property: "o_o_distance", max: 2.3 }] }) { edges { node { key } } } }`,
    );
    // Table III: Na1CrO3 2.283 Å, Na1CoO3 2.291 Å; every other member's distances are above 2.3 Å.
    assert.deepEqual(data.materials.edges.map((e) => e.node.key).sort(), ['namo3-co', 'namo3-cr']);
  });

  test('the NaxMO2 literature voltage is a fact of the layered NaMO2 family, not of NaVO2', async () => {
    const data = await server.data<{ family: { facts: FactNode[] }; materials: { edges: { node: { measurements: { value: number }[] } }[] } }>(
      `{ family(key: "layered-namo2") { facts(filter: { properties: ["average_voltage"] }) { ${FACT_FIELDS} } }
         materials(filter: { chemicalFormulaReduced: "NaO2V" }) { edges { node { measurements(filter: { properties: ["average_voltage"] }) { value } } } } }`,
    );
    assert.deepEqual(data.family.facts.map((f) => [f.aggregate, f.value, f.qualifier, f.members.length, f.method]), [['TYPICAL', 2.5, 'APPROX', 0, null]]);
    assert.deepEqual(data.materials.edges[0]!.node.measurements.map((m) => m.value), [1.8], 'NaVO2 keeps only its own ~1.8 V');
  });

  test('a family fact is a node, and its filter rejects an unknown property', async () => {
    const id = facts[0]!.id;
    const data = await server.data<{ node: { __typename: string; family: { key: string } } }>(`query($id: ID!) { node(id: $id) { __typename ... on FamilyFact { family { key } } } }`, { id });
    assert.deepEqual(data.node, { __typename: 'FamilyFact', family: { key: 'ilmenite-namo3' } });
    const response = await server.execute(`{ family(key: "ilmenite-namo3") { facts(filter: { properties: ["voltage_avg"] }) { id } } }`);
    assert.equal(response.body.errors?.[0]?.extensions?.code, 'UNKNOWN_PROPERTY');
  });
});
