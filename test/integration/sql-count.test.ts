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
  // statement count does not grow with them: beyond the public cost budget (docs/operations.md, "Limits").
  process.env.GRAPHQL_MAX_COST = '1000000';
  server = await startTestServer();
});
after(() => server.close());

async function statementsFor(query: string, first: number, filter?: object): Promise<number> {
  const before = server.db.statementCount();
  const data = await server.data(query, { first, filter });
  assert.equal(data.materials.edges.length, first);
  return server.db.statementCount() - before;
}

/**
 * Independent loader waves finish at slightly different times (a networked database, or the
 * event loop busy with a cold start), so a batch can occasionally split in two by timing, not by
 * page size: CI once saw 15/14/14 statements for pages of 1/3/6. Each size runs several times,
 * interleaved; the fewest statements must match exactly, and no run may cost several more.
 */
async function statementRuns(query: string, sizes: number[], filter?: object, rounds = 4) {
  const runs = new Map<number, number[]>(sizes.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (const first of sizes) runs.get(first)!.push(await statementsFor(query, first, filter));
  }
  const fewest = (n: number) => Math.min(...runs.get(n)!);
  const most = (n: number) => Math.max(...runs.get(n)!);
  const shown = JSON.stringify(Object.fromEntries(runs));
  for (const n of sizes.slice(1)) {
    assert.equal(fewest(n), fewest(sizes[0]!), `fewest statements differ by page size: ${shown}`);
    assert.ok(most(n) < fewest(sizes[0]!) + 4, `a page of ${n} never costs 4 more statements than the fewest: ${shown}`);
  }
  return { fewest: fewest(sizes.at(-1)!), shown };
}

// One statement per relation level and loader, never per material. Pages are compared among
// materials of the same shape (which relations they have), since a material without a coating
// never needs the coating loader.
test('SQL statements per page are the same for 1, 3 and 6 NaMO3 cathodes', async () => {
  const { shown } = await statementRuns(PAGE_QUERY, [1, 3, 6], { family: 'ilmenite-namo3', role: 'CATHODE' });
  console.log(`# SQL statements per NaMO3 page (runs per size): ${shown}`);
});

test('SQL statements per page are the same for 45 and 48 materials of every kind, and small', async () => {
  const total = (await server.data('{ materials { totalCount } }')).materials.totalCount;
  assert.ok(total >= 48, `seeded ${total} materials`);
  const { fewest, shown } = await statementRuns(PAGE_QUERY, [45, 48], undefined, 3);
  console.log(`# SQL statements per mixed page (runs per size): ${shown}`);
  assert.ok(fewest <= 20, `a page costs at most 20 statements, got ${fewest}`);
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

test('derived fields add no statement per material (NaMO3 pages of 2 and 6)', async () => {
  // Both sizes mix NaVO3 (the one with competing-phase reactions) with cathodes without them.
  const { fewest, shown } = await statementRuns(DERIVED_QUERY, [2, 6], { family: 'ilmenite-namo3', role: 'CATHODE' }, 5);
  console.log(`# SQL statements per derived NaMO3 page (runs per size): ${shown}`);
  assert.ok(fewest <= 16, `a derived-heavy page costs at most 16 statements, got ${fewest}`);
});

test('a correlation costs the same statements whatever the number of materials', async () => {
  const query = `query($filter: MaterialFilter) { correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, filter: $filter) { n points { material { key } xSource { paper { doi } } } } }`;
  const count = async (filter: object) => {
    const before = server.db.statementCount();
    await server.data(query, { filter });
    return server.db.statementCount() - before;
  };
  // Fewest of three runs each, as for pages (a batch can split by timing).
  const fewest = async (filter: object) => Math.min(...[await count(filter), await count(filter), await count(filter)]);
  const few = await fewest({ family: 'ilmenite-namo3', elements: ['V'] });
  const all = await fewest({ family: 'ilmenite-namo3' });
  console.log(`# SQL statements per correlation (fewest of 3): 1 material ${few}, 6 materials ${all}`);
  assert.equal(all, few);
});
