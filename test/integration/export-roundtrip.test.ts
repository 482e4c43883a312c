/**
 * `npm run export` and back: a knowledge base curated through the GraphQL mutations (a paper, a
 * material and measurements added, seeded and Materials Project values corrected, one into
 * another unit, facts retracted) is exported as seed-format files through the running server,
 * seeded into an empty embedded database (and, with TEST_DATABASE_URL, an empty PostgreSQL one),
 * and every table then holds the same rows (ids aside); seeding the dump again writes nothing,
 * and exporting the copy gives the same files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildDump, writeDump, type Dump } from '../../src/backup/export.js';
import { loadCuratorAuth } from '../../src/curation/auth.js';
import { createDatabase } from '../../src/db/client.js';
import { toGlobalId } from '../../src/ids.js';
import { CurationFileError } from '../../src/seed/curation-file.js';
import { countWrites } from '../../src/seed/load.js';
import { seedDatabase, seedFolder } from '../../src/seed/run.js';
import { knowledgeBaseContent } from './kb-content.js';
import { freshDatabaseTarget, MP_FIXTURE_DIR, startTestServer, type TestServer } from './testkit.js';

const TOKEN = 'dora-secret-token-0123456789';
const asDora = { authorization: `Bearer ${TOKEN}` };
const DOI = '10.1000/export.roundtrip.2026';
let server: TestServer;
let dumpDir: string;
let dump: Dump;
const temp: string[] = [];

const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temp.push(dir);
  return dir;
};

async function mutate(field: string, mutation: string, input: Record<string, unknown>) {
  const response = await server.execute(mutation, { input }, asDora);
  const payload = response.body.data?.[field];
  assert.ok(payload, JSON.stringify(response.body));
  assert.deepEqual(payload.errors, [], JSON.stringify(payload.errors));
  return payload;
}
const ADD_PAPER = `mutation($input: PaperInput!) { addPaper(input: $input) { paper { doi } errors { message } } }`;
const ADD_MATERIAL = `mutation($input: MaterialInput!) { addMaterial(input: $input) { material { id } errors { message } } }`;
const ADD_MEASUREMENT = `mutation($input: MeasurementInput!) { addMeasurement(input: $input) { measurement { id value } errors { message } } }`;
const CORRECT = `mutation($input: CorrectValueInput!) { correctValue(input: $input) { corrected { id } errors { message code } } }`;
const RETRACT = `mutation($input: RetractFactInput!) { retractFact(input: $input) { retractedId errors { message code } } }`;

before(async () => {
  server = await startTestServer({ materialsProject: 'fixture', curatorAuth: loadCuratorAuth({ CURATOR_TOKENS: `dora:${TOKEN}` }) });
  const prisma = server.db.prisma;
  await mutate('addPaper', ADD_PAPER, { doi: DOI, title: 'A paper added by a curator', journal: 'Test J.', year: 2026, authors: ['D. Curator'] });
  await mutate('addMaterial', ADD_MATERIAL, { paperDoi: DOI, key: 'export-lfp', name: 'LiFePO4', formula: 'LiFePO4', workingIon: 'Li', role: 'CATHODE', locator: 'Table 1' });
  const measurement = {
    paperDoi: DOI, materialKey: 'export-lfp', property: 'discharge_capacity', value: 158.5, unit: 'mAh/g', locator: 'Table 1',
    conditions: { cRate: 0.1, cycleNumber: 1, voltageMinV: 2.5, voltageMaxV: 4.2, cellType: 'COIN_HALF_CELL', temperatureC: 25, other: { binder: 'PVDF', pressed: true } },
    origin: 'READ_OFF_FIGURE', originNote: 'read off the first discharge curve',
  };
  await mutate('addMeasurement', ADD_MEASUREMENT, measurement);
  // Added, then withdrawn: its history points at a row that is gone.
  const wrong = await mutate('addMeasurement', ADD_MEASUREMENT, { ...measurement, value: 15.85, locator: 'Fig. 2' });
  await mutate('retractFact', RETRACT, { id: wrong.measurement.id, expectedValue: 15.85, reason: 'a tenth of the printed value' });

  // A seeded measurement corrected into another unit, then again; another seeded one retracted.
  const seeded = await prisma.measurement.findFirst({ where: { unit: 'mAh/g', value: { not: null }, curatedBy: null, paper: { seedFile: { not: null } } }, orderBy: { id: 'asc' } });
  assert.ok(seeded?.value);
  const id = toGlobalId('Measurement', seeded.id);
  await mutate('correctValue', CORRECT, { id, value: 0.25, unit: 'Ah/g', expectedValue: seeded.value, reason: 'typo in the table' });
  await mutate('correctValue', CORRECT, { id, value: seeded.value / 1000, unit: 'Ah/g', expectedValue: 0.25, reason: 'the first correction was wrong' });
  const other = await prisma.measurement.findFirst({ where: { id: { gt: seeded.id }, value: { not: null }, curatedBy: null }, orderBy: { id: 'asc' } });
  await mutate('retractFact', RETRACT, { id: toGlobalId('Measurement', other!.id), expectedValue: other!.value, reason: 'belongs to another sample' });

  // Materials Project values: one corrected into mV, one retracted.
  const [voltage, capacity] = await Promise.all([
    prisma.computedProperty.findFirst({ where: { electrodeId: { not: null }, propertyKey: 'average_voltage' }, orderBy: { id: 'asc' } }),
    prisma.computedProperty.findFirst({ where: { electrodeId: { not: null }, propertyKey: 'theoretical_capacity' }, orderBy: { id: 'desc' } }),
  ]);
  await mutate('correctValue', CORRECT, { id: toGlobalId('ComputedProperty', voltage!.id), value: 3125.5, unit: 'mV', expectedValue: voltage!.value, reason: 'checked against the voltage profile' });
  await mutate('retractFact', RETRACT, { id: toGlobalId('ComputedProperty', capacity!.id), expectedValue: capacity!.value, reason: 'duplicate electrode' });

  // The export as `npm run export` gets it from a running server.
  const anonymous = await fetch(new URL('/curation/export', server.app.url));
  assert.equal(anonymous.status, 401);
  const response = await fetch(new URL('/curation/export', server.app.url), { headers: asDora });
  assert.equal(response.status, 200);
  dump = (await response.json()) as Dump;
  dumpDir = tempDir('cathode-kb-dump-');
  await writeDump(dump, dumpDir);
});

after(async () => {
  await server.close();
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** Empty, migrated databases to load the dump into: embedded, and PostgreSQL when TEST_DATABASE_URL names a server. */
const emptyTargets = async () => [await freshDatabaseTarget('pglite'), ...(process.env.TEST_DATABASE_URL ? [await freshDatabaseTarget('postgres')] : [])];

test('the dump is seed-format files: the papers, the vocabulary, the electrode export unchanged where nobody curated it, and the curation history', () => {
  const names = dump.files.map((f) => f.file).sort();
  assert.deepEqual(names.filter((n) => n.startsWith('materials-project/')), ['materials-project/insertion-electrodes.csv', 'materials-project/source.yaml']);
  for (const seedFile of ['vocabulary.yaml', 'yoon2021-coxb-ncm811.yaml', 'gent2017-lmr-nmc.yaml', 'curation.yaml']) assert.ok(names.includes(seedFile), seedFile);
  const added = dump.files.find((f) => f.text.includes(DOI) && f.file.endsWith('.yaml') && f.file !== 'curation.yaml');
  assert.ok(added, 'the curator-added paper has a file of its own');
  assert.match(added.text, /key: export-lfp/);
  assert.match(added.text, /binder: PVDF/);
  assert.doesNotMatch(added.text, /value: 15\.85/, 'the retracted measurement is not in the file');
  const csv = dump.files.find((f) => f.file === 'materials-project/insertion-electrodes.csv')!.text;
  const fixture = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'materials-project', 'insertion-electrodes.csv'), 'utf8').split(/\r?\n/);
  // Rows nobody touched come out as the battery explorer wrote them (Python's float spelling).
  const untouched = csv.split('\n').filter((line) => fixture.includes(line));
  assert.ok(untouched.length >= fixture.filter(Boolean).length - 2, `${untouched.length} of ${fixture.length} lines unchanged`);
  const curation = dump.files.find((f) => f.file === 'curation.yaml')!.text;
  assert.match(curation, /action: RETRACT_FACT/);
  assert.match(curation, /gone: true/);
  assert.match(curation, /curator: token:dora/);
});

test('seeding the dump into an empty database reproduces every table (ids aside); a second seed writes nothing; its export is the same files', async () => {
  const original = await knowledgeBaseContent(server.db.prisma);
  assert.ok(original.CurationEvent!.length >= 8);
  for (const { target, cleanup } of await emptyTargets()) {
    const db = createDatabase(target, []);
    try {
      const first = await seedFolder(db, dumpDir);
      assert.ok(countWrites(first) > 0);
      const copy = await knowledgeBaseContent(db.prisma);
      for (const table of Object.keys(original)) assert.deepEqual(copy[table], original[table], `${target.kind}: table ${table} differs`);
      assert.equal(countWrites(await seedFolder(db, dumpDir)), 0, `${target.kind}: a second seed of the dump writes nothing`);
      assert.deepEqual(await knowledgeBaseContent(db.prisma), original);

      // The copy serves the curated state: the corrected Materials Project value in mV, with its history.
      const voltage = await db.prisma.computedProperty.findFirst({ where: { unit: 'mV', electrodeId: { not: null } } });
      assert.ok(voltage?.correctedAt, 'the correction mark came back');
      const history = await db.prisma.curationEvent.findMany({ where: { entityType: 'ComputedProperty', entityId: voltage.id } });
      assert.deepEqual(history.map((e) => e.action), ['CORRECT_VALUE']);

      const again = await buildDump(db.prisma, target.kind);
      assert.deepEqual(again.files.map((f) => f.file).sort(), dump.files.map((f) => f.file).sort());
      for (const f of dump.files) assert.equal(again.files.find((g) => g.file === f.file)!.text, f.text, `${target.kind}: ${f.file} differs when exported again`);
    } finally {
      await db.close();
      await cleanup();
    }
  }
});

test('a broken curation.yaml is refused with its problems named, and the export will not overwrite a folder without --force', async () => {
  const broken = tempDir('cathode-kb-broken-dump-');
  await writeDump(dump, broken);
  const file = path.join(broken, 'curation.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/action: CORRECT_VALUE/, 'action: REWRITE_HISTORY'));
  const { target, cleanup } = (await emptyTargets())[0]!;
  const db = createDatabase(target, []);
  try {
    await assert.rejects(seedFolder(db, broken), (error: Error) => error instanceof CurationFileError && /events\.\d+\.action/.test(error.message));
  } finally {
    await db.close();
    await cleanup();
  }
  await assert.rejects(writeDump(dump, dumpDir), /not empty: choose an empty folder, or pass --force/);
});

test('a retracted Materials Project value stays retracted when the export it came from is seeded again', async () => {
  const report = await seedDatabase(server.db, undefined, { materialsProject: MP_FIXTURE_DIR });
  assert.equal(report.ComputedProperty!.created, 0, 'the retracted capacity did not come back');
  assert.ok(report.ComputedProperty!.details.some((d) => /1 value stays retracted by a curator/.test(d)), report.ComputedProperty!.details.join('\n'));
});
