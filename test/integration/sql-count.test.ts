import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestServer, type TestServer } from './testkit.js';

// A page of materials with everything nested: the statements must not grow with the page size.
const PAGE_QUERY = `query($first: Int!, $filter: MaterialFilter) {
  materials(first: $first, filter: $filter) {
    totalCount
    edges { node {
      key family { name } source { locator paper { doi } }
      substrate { key } coating { formula }
      structures { spaceGroupSymbol method { functional } lattices { setting aA source { paper { doi } } } source { locator } }
      measurements { value unit property { canonicalUnit } conditions { temperatureC } source { locator paper { doi } } }
      computedProperties(filter: { properties: ["average_voltage", "elf_max"] }) { value method { functional } source { paper { doi } } }
      reactions { equation products { material { formula } } }
    } }
  }
}`;

let server: TestServer;
before(async () => {
  // These pages are deliberately huge (48 materials with every relation, cost ≈ 15,000) to show the
  // statement count does not grow with them: beyond the public cost budget (README, "Limits").
  process.env.GRAPHQL_MAX_COST = '1000000';
  server = await startTestServer();
});
after(() => server.close());

async function statementsFor(first: number, filter?: object): Promise<number> {
  const before = server.db.statementCount();
  const data = await server.data(PAGE_QUERY, { first, filter });
  assert.equal(data.materials.edges.length, first);
  return server.db.statementCount() - before;
}

// One statement per relation level and loader, never per material. Pages are compared among
// materials of the same shape (which relations they have), since a material without a coating
// never needs the coating loader.
test('SQL statements per page are the same for 1, 3 and 6 NaMO3 cathodes', async () => {
  const filter = { family: 'ilmenite-namo3', role: 'CATHODE' };
  const counts = { 1: await statementsFor(1, filter), 3: await statementsFor(3, filter), 6: await statementsFor(6, filter) };
  console.log(`# SQL statements per NaMO3 page: ${JSON.stringify(counts)}`);
  assert.equal(counts[3], counts[1], JSON.stringify(counts));
  assert.equal(counts[6], counts[1], JSON.stringify(counts));
});

test('SQL statements per page are the same for 45 and 48 materials of every kind, and small', async () => {
  const total = (await server.data('{ materials { totalCount } }')).materials.totalCount;
  assert.ok(total >= 48, `seeded ${total} materials`);
  const counts = { 45: await statementsFor(45), 48: await statementsFor(48) };
  console.log(`# SQL statements per mixed page: ${JSON.stringify(counts)}`);
  assert.equal(counts[48], counts[45], JSON.stringify(counts));
  assert.ok(counts[48] <= 20, `a page costs at most 20 statements, got ${counts[48]}`);
});

// Derived fields gather their inputs through the same loaders: no statement per material either.
const DERIVED_QUERY = `query($first: Int!, $filter: MaterialFilter) {
  materials(first: $first, filter: $filter) {
    edges { node {
      key nelements chemicalFormulaReduced molarMass { value }
      theoreticalCapacity { value reportedValues { value } }
      averageVoltage { value status source { locator } }
      specificEnergy { value }
      voltagePairs { gravimetricCapacity { value } volumetricCapacity { value } volumeChange { value reason } averageVoltage { value } }
      stability { verdict criteria { key evidence { name value source { locator paper { doi } } } } }
      capacityFade { fadePerCycle { value } cyclesToEndOfLife { value } }
      coatingEffects { difference { value } ratio { value } pristine { value } }
      tmMigration { reversibleFraction { value } }
      structures { volumePerFormulaUnit { value } convertedLattice { a { value } } spaceGroupCheck { consistent } }
      measurements { conditions { currentDensity { value } impliedOneC { value } } }
    } }
  }
}`;

// On a networked database, independent loader waves finish at slightly different times, so a
// batch can occasionally split in two by timing (not by page size). Each size runs five times:
// the fewest statements must match exactly, and no run may add anything near one per material.
test('derived fields add no statement per material (NaMO3 pages of 2 and 6)', async () => {
  const filter = { family: 'ilmenite-namo3', role: 'CATHODE' };
  // Both sizes mix NaVO3 (the one with competing-phase reactions) with cathodes without them.
  const runs: Record<number, number[]> = { 2: [], 6: [] };
  for (let round = 0; round < 5; round++) {
    for (const first of [2, 6]) {
      const before = server.db.statementCount();
      const data = await server.data(DERIVED_QUERY, { first, filter });
      assert.equal(data.materials.edges.length, first);
      runs[first]!.push(server.db.statementCount() - before);
    }
  }
  console.log(`# SQL statements per derived NaMO3 page (5 runs each): ${JSON.stringify(runs)}`);
  const fewest = (n: number) => Math.min(...runs[n]!);
  assert.equal(fewest(6), fewest(2), JSON.stringify(runs));
  assert.ok(Math.max(...runs[6]!) < fewest(2) + 4, `a page of 6 never costs 4 more statements than a page of 2: ${JSON.stringify(runs)}`);
  assert.ok(fewest(6) <= 16, `a derived-heavy page costs at most 16 statements, got ${fewest(6)}`);
});

test('a correlation costs the same statements whatever the number of materials', async () => {
  const query = `query($filter: MaterialFilter) { correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, filter: $filter) { n points { material { key } xSource { paper { doi } } } } }`;
  const count = async (filter: object) => {
    const before = server.db.statementCount();
    await server.data(query, { filter });
    return server.db.statementCount() - before;
  };
  const few = await count({ family: 'ilmenite-namo3', elements: ['V'] });
  const all = await count({ family: 'ilmenite-namo3' });
  console.log(`# SQL statements per correlation: 1 material ${few}, 6 materials ${all}`);
  assert.equal(all, few);
});
