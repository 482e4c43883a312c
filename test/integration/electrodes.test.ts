/**
 * The Materials Project as a second source, over the 14-electrode fixture export
 * (test/fixtures/materials-project) beside the three papers: sources, explorer-style filters and
 * sorts with stable cursors, node/entity access, re-derivations, and the NaCrO3 cross-source comparison.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestElectrodeExport } from '../../src/seed/ingest.js';
import { ElectrodeImportError } from '../../src/seed/materials-project.js';
import { seedDatabase } from '../../src/seed/run.js';
import { MP_FIXTURE_DIR, startTestServer, type TestServer } from './testkit.js';

/** Battery id and average voltage of each fixture row, read from the file the server loads. */
const FIXTURE = readFileSync(path.join(MP_FIXTURE_DIR, 'insertion-electrodes.csv'), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(',')).map((c) => ({ batteryId: c[0]!, voltage: Number(c[6]) }));

const NAMO3_DOI = '10.1103/PhysRevMaterials.4.015401';

describe('Materials Project insertion electrodes beside the papers', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ materialsProject: 'fixture' });
  });
  after(() => server.close());

  const ids = async (filter: string, extra = '') =>
    (await server.data(`{ insertionElectrodes(filter: ${filter}${extra}, first: 100) { totalCount edges { node { batteryId } } } }`)).insertionElectrodes.edges.map((e: any) => e.node.batteryId);

  test('an electrode carries MP values with the export as source and the battery id as locator', async () => {
    const data = await server.data(`{ insertionElectrode(batteryId: "mp-1076642_Na") {
      batteryFormula workingIon workingIonValence frameworkId frameworkFormula chemicalSystem formulaCharge formulaDischarge numSteps
      averageVoltage { value unit method { key } source { kind locator paper { doi } database { key citationDoi licence release electrodeCount } } }
      gravimetricCapacity { value unit } stabilityCharge { value material { formula } } stabilityDischarge { value material { formula } }
      discharged { role chemicalFormulaReduced source { kind locator } } } }`);
    const e = data.insertionElectrode;
    assert.equal(e.batteryFormula, 'Na0-1CrO3');
    assert.equal(e.workingIon, 'Na');
    assert.equal(e.workingIonValence, 1);
    assert.equal(e.frameworkId, 'mp-1076642');
    assert.equal(e.frameworkFormula, 'CrO3');
    assert.equal(e.chemicalSystem, 'Cr-Na-O');
    assert.deepEqual([e.formulaCharge, e.formulaDischarge, e.numSteps], ['CrO3', 'NaCrO3', 1]);
    assert.equal(e.averageVoltage.value, 3.9393611465517218);
    assert.equal(e.averageVoltage.unit, 'V');
    assert.equal(e.averageVoltage.method.key, 'materials-project-gga-u');
    assert.deepEqual(e.averageVoltage.source, {
      kind: 'DATABASE', locator: 'mp-1076642_Na', paper: null,
      database: { key: 'materials-project-insertion-electrodes', citationDoi: '10.1063/1.4812323', licence: 'CC BY 4.0', release: 'release unknown, exported by 2024-12', electrodeCount: 14 },
    });
    assert.equal(e.gravimetricCapacity.value, 217.92644610209217);
    assert.deepEqual(e.stabilityCharge, { value: 0.4022430707500009, material: { formula: 'CrO3' } });
    assert.deepEqual(e.stabilityDischarge, { value: 0.2964467783333298, material: { formula: 'NaCrO3' } });
    assert.deepEqual(e.discharged, { role: 'ELECTRODE', chemicalFormulaReduced: 'CrNaO3', source: { kind: 'DATABASE', locator: 'mp-1076642_Na' } });
  });

  test('papers stay papers: `papers` lists only publications, paper sources keep their paper', async () => {
    const data = await server.data(`{ papers { doi } databases { key name citation origin fileSha256 } material(id: "${await materialId('namo3-cr')}") { source { kind paper { doi } database { key } } } }`);
    assert.equal(data.papers.length, 3);
    assert.ok(!data.papers.some((p: any) => p.doi === '10.1063/1.4812323'));
    assert.equal(data.databases.length, 1);
    assert.match(data.databases[0].citation, /A\. Jain.*APL Materials 1, 011002 \(2013\), DOI 10\.1063\/1\.4812323/);
    assert.match(data.databases[0].origin, /xRantai\/project_adm_r/);
    assert.match(data.databases[0].fileSha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(data.material.source, { kind: 'PAPER', paper: { doi: NAMO3_DOI }, database: null });
  });

  async function materialId(key: string): Promise<string> {
    const data = await server.data(`{ materials(filter: { family: "ilmenite-namo3" }, first: 100) { edges { node { id key } } } }`);
    return data.materials.edges.find((e: any) => e.node.key === key).node.id;
  }

  test('filters: working ion, elements (all / only / chemical system), formulas, property ranges in any unit', async () => {
    assert.deepEqual((await ids('{ workingIon: Na }')).sort(), ['mp-1076642_Na', 'mp-19427_Na']);
    assert.deepEqual((await ids('{ workingIons: [Mg, Al, Y] }')).sort(), ['mp-102_Mg', 'mp-30_Al', 'mp-567597_Y']);
    assert.deepEqual((await ids('{ chemicalSystem: "O-Ni-Li" }')).sort(), ['mp-35925_Li', 'mp-754917_Li', 'mp-766892_Li']);
    assert.deepEqual((await ids('{ elements: ["Cr", "O"] }')).sort(), ['mp-1076642_Na']);
    assert.deepEqual((await ids('{ elementsOnly: ["Li", "Ni", "O", "Co"] }')).sort(), ['mp-35925_Li', 'mp-754917_Li', 'mp-766892_Li']);
    assert.deepEqual(await ids('{ reducedFormula: "NaCrO3" }'), ['mp-1076642_Na']);
    assert.deepEqual(await ids('{ formulaContains: "(NiO2)" }'), ['mp-754917_Li']);
    // 3.9 V = 3900 mV; 200–300 mAh/g expressed in Ah/kg.
    const highVoltage = FIXTURE.filter((r) => r.voltage >= 3.9).map((r) => r.batteryId).sort();
    assert.ok(highVoltage.length > 0);
    assert.deepEqual((await ids('{ propertyRanges: [{ property: "average_voltage", min: 3900, unit: "mV" }] }')).sort(), highVoltage);
    assert.deepEqual(await ids('{ workingIon: Na, propertyRanges: [{ property: "theoretical_capacity", min: 200, max: 216, unit: "Ah/kg" }] }'), ['mp-19427_Na']);
    assert.deepEqual(await ids('{ sourceKind: PAPER }'), []);
  });

  test('bad filter values are client errors that say what to send', async () => {
    const bad = async (filter: string) => (await server.execute(`{ insertionElectrodes(filter: ${filter}) { totalCount } }`)).body.errors?.[0];
    assert.equal((await bad('{ chemicalSystem: "Li--O" }'))?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await bad('{ elements: ["ni"] }'))?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await bad('{ propertyRanges: [{ property: "voltage_of_doom" }] }'))?.extensions?.code, 'UNKNOWN_PROPERTY');
    assert.equal((await bad('{ propertyRanges: [{ property: "average_voltage", min: 1, unit: "mAh/g" }] }'))?.extensions?.code, 'UNKNOWN_UNIT');
    assert.equal((await bad('{ reducedFormula: "Xq2O" }'))?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('sorts by any property, both directions, and pages through with stable cursors', async () => {
    const walk = async (direction: string) => {
      const seen: { id: string; v: number }[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const data: any = await server.data(
          `query($after: String) { insertionElectrodes(orderBy: { property: "average_voltage", direction: ${direction} }, first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { batteryId averageVoltage { value } } } } }`,
          { after },
        );
        seen.push(...data.insertionElectrodes.edges.map((e: any) => ({ id: e.node.batteryId, v: e.node.averageVoltage.value })));
        if (!data.insertionElectrodes.pageInfo.hasNextPage) break;
        after = data.insertionElectrodes.pageInfo.endCursor;
      }
      return seen;
    };
    const asc = await walk('ASC');
    assert.equal(asc.length, 14);
    assert.equal(new Set(asc.map((r) => r.id)).size, 14);
    assert.deepEqual(asc.map((r) => r.v), [...asc.map((r) => r.v)].sort((a, b) => a - b));
    const desc = await walk('DESC');
    assert.deepEqual(desc.map((r) => r.id), [...asc].reverse().map((r) => r.id));
    assert.equal(desc[0]!.id, [...FIXTURE].sort((a, b) => b.voltage - a.voltage)[0]!.batteryId);
    // A cursor of another sort is refused, not silently misread.
    const first = await server.data(`{ insertionElectrodes(orderBy: { property: "average_voltage" }, first: 2) { pageInfo { endCursor } } }`);
    const wrong = await server.execute(`query($after: String) { insertionElectrodes(orderBy: { property: "theoretical_capacity" }, first: 2, after: $after) { totalCount } }`, { after: first.insertionElectrodes.pageInfo.endCursor });
    assert.equal(wrong.body.errors?.[0]?.extensions?.code, 'INVALID_CURSOR');
  });

  test('materials take the same filters and property sorts', async () => {
    const data = await server.data(`{ materials(filter: { chemicalSystem: "Cr-Na-O" }, orderBy: { property: "average_voltage", direction: DESC }, first: 10) { totalCount edges { node { key source { kind } } } } }`);
    const keys = data.materials.edges.map((e: any) => e.node.key);
    // Paper NaCrO3 (HSE06 4.239 V is its highest) before MP's NaCrO3 (3.939 V).
    assert.equal(keys[0], 'namo3-cr');
    assert.ok(keys.includes('mp-1076642_na.discharged'));
    const mpOnly = await server.data(`{ materials(filter: { sourceKind: DATABASE, formulaContains: "Cr5Te8" }) { edges { node { formula role } } } }`);
    assert.deepEqual(mpOnly.materials.edges.map((e: any) => e.node.formula).sort(), ['Rb(Cr5Te8)3', 'RbCr5Te8']);
  });

  test('node(id) and the federation entity reach an electrode', async () => {
    const { insertionElectrode } = await server.data(`{ insertionElectrode(batteryId: "mp-102_Mg") { id } }`);
    const node = await server.data(`query($id: ID!) { node(id: $id) { ... on InsertionElectrode { batteryId workingIonValence } } }`, { id: insertionElectrode.id });
    assert.deepEqual(node.node, { batteryId: 'mp-102_Mg', workingIonValence: 2 });
    const entities = await server.data(`{ _entities(representations: [{ __typename: "InsertionElectrode", batteryId: "mp-567597_Y" }, { __typename: "InsertionElectrode", batteryId: "mp-0_Li" }]) { ... on InsertionElectrode { batteryId workingIon } } }`);
    assert.deepEqual(entities._entities, [{ batteryId: 'mp-567597_Y', workingIon: 'Y' }, null]);
  });

  test('re-derivations agree with MP to 1e-6 for multivalent ions (Mg, Al, Y) and the alkali ones', async () => {
    const data = await server.data(`{ insertionElectrodes(first: 20) { edges { node { batteryId workingIonValence rederivations { property { key } quantity relativeDifference reported { value } derived { value status formula inputs { name value note } } } } } } }`);
    for (const { node } of data.insertionElectrodes.edges) {
      assert.ok(node.rederivations.length >= 4, `${node.batteryId}: ${node.rederivations.length} re-derivations`);
      for (const r of node.rederivations) {
        assert.equal(r.derived.status, 'DERIVED', `${node.batteryId} ${r.quantity}`);
        assert.ok(r.relativeDifference <= 1e-6, `${node.batteryId} ${r.quantity}: ${r.derived.value} vs ${r.reported.value} (${r.relativeDifference})`);
      }
      const capacity = node.rederivations.find((r: any) => r.quantity === 'gravimetric capacity');
      assert.match(capacity.derived.inputs.find((i: any) => i.name === 'n').note, new RegExp(`z = ${node.workingIonValence}\\b`));
    }
  });

  test('cross-source comparison: NaCrO3 from the NaMO3 paper (HSE06, Na1 → Na0.5) beside MP (mp-1076642_Na, Na1 → Na0)', async () => {
    const data = await server.data(`{ propertyComparison(property: "average_voltage", formula: "NaCrO3") {
      reducedFormula unit entries { value kind method structure basis ionContent { discharged charged text } source { kind locator paper { doi } } electrode { batteryId } material { key } } } }`);
    const c = data.propertyComparison;
    assert.equal(c.reducedFormula, 'CrNaO3');
    assert.equal(c.unit, 'V');
    const hse = c.entries.find((e: any) => e.value === 4.239);
    assert.ok(hse, JSON.stringify(c.entries));
    assert.equal(hse.source.paper.doi, NAMO3_DOI);
    assert.match(hse.method, /HSE06/);
    assert.equal(hse.ionContent.text, 'Na1 → Na0.5');
    assert.match(hse.structure, /R-3 → P-31m/);
    const mp = c.entries.find((e: any) => e.source.kind === 'DATABASE');
    assert.equal(mp.electrode.batteryId, 'mp-1076642_Na');
    assert.equal(Number(mp.value.toFixed(3)), 3.939);
    assert.equal(mp.ionContent.text, 'Na1 → Na0');
    assert.match(mp.method, /Materials Project/);
    // The same comparison from the paper's material, in mV.
    const fromMaterial = await server.data(`query($id: ID!) { propertyComparison(property: "average_voltage", materialId: $id, unit: "mV") { unit entries { value source { kind } } } }`, { id: await materialId('namo3-cr') });
    assert.equal(fromMaterial.propertyComparison.unit, 'mV');
    assert.ok(fromMaterial.propertyComparison.entries.some((e: any) => e.value === 4239));
  });

  // Last: these replace the stored export.
  test('ingest refuses a file with a bad row and writes nothing; a dry run reports; an import replaces the export and re-seeding keeps it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-mp-ingest-'));
    const lines = readFileSync(path.join(MP_FIXTURE_DIR, 'insertion-electrodes.csv'), 'utf8').trim().split('\n');
    const nacro3 = lines.find((l) => l.startsWith('mp-1076642_Na,'))!;
    const count = () => server.db.prisma.insertionElectrode.count();
    const before = await count();
    try {
      const bad = path.join(dir, 'bad.csv');
      writeFileSync(bad, [lines[0], nacro3, nacro3.replace('mp-1076642_Na', 'mp-9_Na').replace(',CrO3,', ',MnO3,')].join('\n'));
      await assert.rejects(ingestElectrodeExport(server.db, bad), (error: unknown) => error instanceof ElectrodeImportError && /row 2 \(mp-9_Na\).*not a sub-composition/.test(error.message));
      assert.equal(await count(), before);

      const newer = path.join(dir, 'newer.csv');
      writeFileSync(newer, [lines[0], nacro3.replace(',3.9393611465517218,', ',3.95,'), lines.find((l) => l.startsWith('mp-102_Mg,'))!].join('\n'));
      const dry = await ingestElectrodeExport(server.db, newer, { dryRun: true });
      assert.equal(dry.report.InsertionElectrode!.deleted, before - 2);
      assert.equal(await count(), before);

      await ingestElectrodeExport(server.db, newer, { release: 'test release' });
      assert.equal(await count(), 2);
      const data = await server.data(`{ insertionElectrode(batteryId: "mp-1076642_Na") { averageVoltage { value } } databases { release electrodeCount } }`);
      assert.equal(data.insertionElectrode.averageVoltage.value, 3.95);
      assert.deepEqual(data.databases, [{ release: 'test release', electrodeCount: 2 }]);
      const reseed = await seedDatabase(server.db, undefined, { materialsProject: MP_FIXTURE_DIR });
      assert.equal(reseed.Paper!.kept, 1);
      assert.equal(await count(), 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the exports filter by source kind and say which kind each row is from (the explorer plots them so)', async () => {
    const origin = new URL(server.app.url).origin;
    const rows = async (query: string) =>
      (await (await fetch(`${origin}/export/facts.jsonl?property=average_voltage&columns=materialKey,sourceKind,locator&${query}`)).text()).trim().split('\n').map((line) => JSON.parse(line) as { materialKey: string; sourceKind: string; locator: string });
    // An earlier test may have imported another export: compare with what is stored now.
    const stored = (await server.data<{ insertionElectrodes: { totalCount: number } }>('{ insertionElectrodes { totalCount } }')).insertionElectrodes.totalCount;
    const database = await rows('sourceKind=database');
    assert.equal(database.length, stored, 'one average voltage per stored electrode');
    assert.ok(database.every((r) => r.sourceKind === 'DATABASE' && /^mp-\d+_[A-Z][a-z]?$/.test(r.locator) && r.materialKey === `${r.locator.toLowerCase()}.discharged`), JSON.stringify(database));
    const papers = await rows('sourceKind=PAPER');
    assert.ok(papers.length > 0 && papers.every((r) => r.sourceKind === 'PAPER'), JSON.stringify(papers));
    const materials = (await (await fetch(`${origin}/export/materials.jsonl?sourceKind=DATABASE&columns=key,sourceKind`)).text()).trim().split('\n').map((line) => JSON.parse(line) as { key: string; sourceKind: string });
    assert.equal(materials.length, 2 * stored, 'both ends of every electrode');
    assert.ok(materials.every((m) => m.sourceKind === 'DATABASE'));
  });
});
