/** Curation: curator authentication, validated mutations with typed errors, history, seeding and ingest around curated rows. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SignJWT } from 'jose';
import { loadCuratorAuth } from '../../src/curation/auth.js';
import { ingestFile } from '../../src/seed/ingest.js';
import { countWrites } from '../../src/seed/load.js';
import { SEED_DIR, seedDatabase } from '../../src/seed/run.js';
import { startTestServer, type TestServer } from './testkit.js';

const TOKEN = 'alice-secret-token-0123456789';
const JWT_SECRET = 'a-jwt-secret-of-at-least-32-characters!';
const asAlice = { authorization: `Bearer ${TOKEN}` };

let server: TestServer;
before(async () => {
  server = await startTestServer({ curatorAuth: loadCuratorAuth({ CURATOR_TOKENS: `alice:${TOKEN}`, CURATOR_JWT_SECRET: JWT_SECRET }) });
});
after(() => server.close());

async function rowCounts() {
  const p = server.db.prisma;
  const [papers, materials, measurements, computed, events] = await Promise.all([p.paper.count(), p.material.count(), p.measurement.count(), p.computedProperty.count(), p.curationEvent.count()]);
  return { papers, materials, measurements, computed, events };
}

const ADD_PAPER = `mutation($input: PaperInput!) { addPaper(input: $input) { paper { doi title } errors { path message code } } }`;
const ADD_MATERIAL = `mutation($input: MaterialInput!) { addMaterial(input: $input) { material { id key formula nelements chemicalFormulaReduced theoreticalCapacity { value unit } } errors { path message code } } }`;
const ADD_MEASUREMENT = `mutation($input: MeasurementInput!) { addMeasurement(input: $input) { measurement { id value unit curatedBy conditions { cRate temperatureC cellType } history { action curator at after } source { locator paper { doi } } } errors { path message code } } }`;
const CORRECT = `mutation($input: CorrectValueInput!) { correctValue(input: $input) { corrected { id ... on Measurement { value unit history { action curator reason before after } } } event { action curator reason before after } errors { path message code } } }`;

const CORRECT_CONFLICT = `mutation($input: CorrectValueInput!) { correctValue(input: $input) { corrected { id } errors { path message code current { value unit } } } }`;

const paper = { doi: '10.1000/test.lfp.2026', title: 'A test paper on carbon-coated LiFePO4', journal: 'Test J.', year: 2026, authors: ['A. Curator'] };

test('reads stay open, whatever Authorization header they carry; mutations need a curator token; a bad token is refused with 401', async () => {
  assert.ok((await server.data('{ papers { doi } }')).papers.length >= 3);
  const anonymous = await server.execute(ADD_PAPER, { input: paper });
  assert.equal(anonymous.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  const wrong = await server.execute(ADD_PAPER, { input: paper }, { authorization: 'Bearer not-the-token' });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  for (const authorization of ['Basic abc', 'Bearer an-organisation-token-a-gateway-forwards']) {
    const read = await server.execute('{ papers { doi } }', undefined, { authorization });
    assert.equal(read.status, 200, authorization);
    assert.ok(read.body.data?.papers.length, authorization);
  }
  const malformed = await server.execute(ADD_PAPER, { input: paper }, { authorization: 'Basic abc' });
  assert.equal(malformed.status, 401);
  assert.match(malformed.body.errors?.[0]?.message ?? '', /must be "Bearer <curator token>"; curation needs a curator token/);
  assert.equal((await server.db.prisma.paper.count({ where: { doi: paper.doi } })), 0);
});

test('JWT curators need the "curate" scope and an expiry', async () => {
  const key = new TextEncoder().encode(JWT_SECRET);
  const good = await new SignJWT({ scope: 'read curate' }).setProtectedHeader({ alg: 'HS256' }).setSubject('bob').setExpirationTime('5m').sign(key);
  const noScope = await new SignJWT({ scope: 'read' }).setProtectedHeader({ alg: 'HS256' }).setSubject('bob').setExpirationTime('5m').sign(key);
  const expired = await new SignJWT({ scope: 'curate' }).setProtectedHeader({ alg: 'HS256' }).setSubject('bob').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key);
  const q = `mutation { addPaper(input: { doi: "10.1000/jwt.check", title: "JWT", journal: "J", year: 2026 }) { paper { doi } errors { code } } }`;
  assert.equal((await server.execute(q, undefined, { authorization: `Bearer ${noScope}` })).status, 401);
  assert.equal((await server.execute(q, undefined, { authorization: `Bearer ${expired}` })).status, 401);
  const ok = await server.execute(q, undefined, { authorization: `Bearer ${good}` });
  assert.equal(ok.body.data?.addPaper.paper.doi, '10.1000/jwt.check');
  const event = await server.db.prisma.curationEvent.findFirst({ where: { action: 'ADD_PAPER', curator: 'jwt:bob' } });
  assert.ok(event, 'the JWT subject is recorded as the curator');
});

test('identity: a blank JWT subject and a lifetime past the maximum are refused; a JWT "alice" is not the token curator "alice"', async () => {
  const key = new TextEncoder().encode(JWT_SECRET);
  const jwt = (sub: string, exp: string | number) => new SignJWT({ scope: 'curate' }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime(exp).sign(key);
  const q = (doi: string) => `mutation { addPaper(input: { doi: "${doi}", title: "Identity", journal: "J", year: 2026 }) { paper { doi } errors { code } } }`;
  for (const [what, token] of [['blank sub', await jwt('', '5m')], ['whitespace sub', await jwt('  ', '5m')], ['100-year expiry', await jwt('bob', '36500d')], ['2-day expiry', await jwt('bob', '2d')]] as const) {
    const response = await server.execute(q('10.1000/identity.refused'), undefined, { authorization: `Bearer ${token}` });
    assert.equal(response.status, 401, what);
    assert.equal(response.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', what);
  }
  assert.equal(await server.db.prisma.paper.count({ where: { doi: '10.1000/identity.refused' } }), 0);
  const longer = loadCuratorAuth({ CURATOR_JWT_SECRET: JWT_SECRET, CURATOR_JWT_MAX_LIFETIME_SECONDS: String(3 * 86_400) });
  assert.deepEqual(await longer.authenticate(`Bearer ${await jwt('bob', '2d')}`), { name: 'bob', via: 'jwt' }, 'the maximum is configurable');
  assert.throws(() => loadCuratorAuth({ CURATOR_JWT_SECRET: JWT_SECRET, CURATOR_JWT_MAX_LIFETIME_SECONDS: 'forever' }), /positive whole number/);

  const viaJwt = await server.execute(q('10.1000/identity.jwt-alice'), undefined, { authorization: `Bearer ${await jwt('alice', '5m')}` });
  assert.equal(viaJwt.body.data?.addPaper.paper.doi, '10.1000/identity.jwt-alice');
  const viaToken = await server.execute(q('10.1000/identity.token-alice'), undefined, asAlice);
  assert.equal(viaToken.body.data?.addPaper.paper.doi, '10.1000/identity.token-alice');
  const curators = await server.db.prisma.paper.findMany({ where: { doi: { startsWith: '10.1000/identity.' } }, orderBy: { doi: 'asc' }, select: { curatedBy: true } });
  assert.deepEqual(curators.map((p) => p.curatedBy), ['jwt:alice', 'token:alice']);
});

test('a curator adds a paper, a material and a measurement; derived fields and history work on them at once', async () => {
  const p = await server.execute(ADD_PAPER, { input: paper }, asAlice);
  assert.deepEqual(p.body.data?.addPaper.errors, []);
  const m = await server.execute(ADD_MATERIAL, { input: { paperDoi: paper.doi, key: 'test-lfp', name: 'LiFePO4 (test)', formula: 'LiFePO4', workingIon: 'Li', role: 'CATHODE', locator: 'Table 1' } }, asAlice);
  const material = m.body.data?.addMaterial.material;
  assert.deepEqual(m.body.data?.addMaterial.errors, []);
  assert.equal(material.chemicalFormulaReduced, 'FeLiO4P');
  assert.ok(Math.abs(material.theoreticalCapacity.value - 169.9) < 0.3, `LiFePO4 ≈ 170 mAh/g, got ${material.theoreticalCapacity.value}`);
  const input = { paperDoi: paper.doi, materialKey: 'test-lfp', property: 'discharge_capacity', value: 158, unit: 'mAh/g', locator: 'Fig. 2a', conditions: { cRate: 0.1, temperatureC: 25, cellType: 'COIN_HALF_CELL', other: { separator: 'Celgard 2400' } } };
  const r = await server.execute(ADD_MEASUREMENT, { input }, asAlice);
  const measurement = r.body.data?.addMeasurement.measurement;
  assert.deepEqual(r.body.data?.addMeasurement.errors, []);
  assert.equal(measurement.curatedBy, 'token:alice');
  assert.equal(measurement.conditions.cellType, 'COIN_HALF_CELL');
  assert.equal(measurement.history[0].action, 'ADD_MEASUREMENT');
  assert.equal(measurement.history[0].curator, 'token:alice');
  assert.equal(measurement.source.paper.doi, paper.doi);
  const again = await server.execute(ADD_MEASUREMENT, { input }, asAlice);
  assert.equal(again.body.data?.addMeasurement.errors[0].code, 'DUPLICATE');
});

test('every bad input answers with typed errors and writes nothing', async () => {
  const base = { paperDoi: paper.doi, materialKey: 'test-lfp', property: 'discharge_capacity', value: 150, unit: 'mAh/g', locator: 'Fig. 9' };
  const cases: [string, string, Record<string, unknown>, string, string][] = [
    ['unknown property', ADD_MEASUREMENT, { ...base, property: 'discharge_capacityy' }, 'UNKNOWN_PROPERTY', 'property'],
    ['unknown unit', ADD_MEASUREMENT, { ...base, unit: 'mAh/gram' }, 'UNKNOWN_UNIT', 'unit'],
    ['wrong dimension', ADD_MEASUREMENT, { ...base, unit: 'V' }, 'UNKNOWN_UNIT', 'unit'],
    ['negative capacity', ADD_MEASUREMENT, { ...base, value: -5 }, 'OUT_OF_RANGE', 'value'],
    ['unknown material', ADD_MEASUREMENT, { ...base, materialKey: 'no-such-material' }, 'UNKNOWN_REFERENCE', 'materialKey'],
    ['unknown paper', ADD_MEASUREMENT, { ...base, paperDoi: '10.9999/missing' }, 'UNKNOWN_REFERENCE', 'paperDoi'],
    ['empty locator', ADD_MEASUREMENT, { ...base, locator: '' }, 'INVALID', 'locator'],
    ['range without max', ADD_MEASUREMENT, { ...base, qualifier: 'RANGE' }, 'INVALID', 'valueMax'],
    ['bad condition', ADD_MEASUREMENT, { ...base, conditions: { cRate: -1 } }, 'INVALID', 'conditions'],
    ['unknown structure', ADD_MEASUREMENT, { ...base, structureKey: 'namo3-v-r3' }, 'UNKNOWN_REFERENCE', 'structureKey'],
    ['malformed DOI', ADD_PAPER, { ...paper, doi: 'not-a-doi' }, 'INVALID', 'doi'],
    ['duplicate DOI (other case)', ADD_PAPER, { ...paper, doi: paper.doi.toUpperCase() }, 'DUPLICATE', 'doi'],
    ['bad formula', ADD_MATERIAL, { paperDoi: paper.doi, key: 'test-bad', name: 'bad', formula: 'Li[6]FePO4', role: 'CATHODE', locator: 'x' }, 'INVALID', 'formula'],
    ['unknown element', ADD_MATERIAL, { paperDoi: paper.doi, key: 'test-bad', name: 'bad', formula: 'LiXxO2', role: 'CATHODE', locator: 'x' }, 'INVALID', 'formula'],
    ['taken key', ADD_MATERIAL, { paperDoi: paper.doi, key: 'namo3-v', name: 'dup', formula: 'NaVO3', role: 'CATHODE', locator: 'x' }, 'DUPLICATE', 'key'],
    ['capacity retention of 150 %', ADD_MEASUREMENT, { ...base, property: 'capacity_retention', value: 150, unit: '%' }, 'OUT_OF_RANGE', 'value'],
    ['voltage window upside down', ADD_MEASUREMENT, { ...base, conditions: { voltageMinV: 4.4, voltageMaxV: 3.0 } }, 'INVALID', 'conditions.voltageMinV'],
    ['blank locator', ADD_MEASUREMENT, { ...base, locator: '   ' }, 'INVALID', 'locator'],
    ['a 50 kB note', ADD_MEASUREMENT, { ...base, note: 'x'.repeat(50_000) }, 'INVALID', 'note'],
    ['a letter O for a zero', ADD_MATERIAL, { paperDoi: paper.doi, key: 'test-bad', name: 'bad', formula: 'LiNiO.8Co0.1Mn0.1O2', role: 'CATHODE', locator: 'x' }, 'INVALID', 'formula'],
    ['substrate without coating', ADD_MATERIAL, { paperDoi: paper.doi, key: 'test-coated', name: 'c', formula: 'LiFePO4', role: 'COATED_CATHODE', substrateKey: 'test-lfp', locator: 'x' }, 'INVALID', 'input'],
  ];
  const before = await rowCounts();
  for (const [name, mutation, input, code, pathPart] of cases) {
    const response = await server.execute(mutation, { input }, asAlice);
    const payload = Object.values(response.body.data ?? {})[0] as { errors: { code: string; path: string[]; message: string }[] } | undefined;
    assert.ok(payload, `${name}: ${JSON.stringify(response.body)}`);
    assert.equal(payload.errors[0]?.code, code, `${name}: ${JSON.stringify(payload.errors)}`);
    assert.ok(payload.errors[0]!.path.join('.').includes(pathPart), `${name}: path ${payload.errors[0]!.path}`);
    assert.ok(payload.errors[0]!.message.length > 10, `${name}: a clear message`);
  }
  assert.deepEqual(await rowCounts(), before, 'nothing was written');
  console.log(`# curation: ${cases.length} bad inputs refused with typed errors, 0 rows written`);
});

test('an implausible value is stored with an IMPLAUSIBLE warning; a correction to an impossible one is refused', async () => {
  const q = `mutation($input: MeasurementInput!) { addMeasurement(input: $input) { measurement { id value unit } errors { code } warnings { path message code } } }`;
  const r = await server.execute(q, { input: { paperDoi: paper.doi, materialKey: 'test-lfp', property: 'average_voltage', value: 3.4, unit: 'mV', locator: 'Fig. 4 (slip)' } }, asAlice);
  const payload = r.body.data?.addMeasurement;
  assert.deepEqual(payload.errors, []);
  assert.deepEqual(payload.warnings.map((w: any) => [w.code, w.path.join('.')]), [['IMPLAUSIBLE', 'input.value']]);
  assert.match(payload.warnings[0].message, /0\.0034 V is unusual for "average_voltage" \(usually 1 to 6 V\)/);
  const retention = await server.data(`{ materials(filter: { family: "ni-rich-layered-ncm", role: CATHODE }) { edges { node { key measurements(filter: { properties: ["capacity_retention"] }) { id value } } } } }`);
  const fact = retention.materials.edges.flatMap((e: any) => e.node.measurements)[0];
  const refused = await server.execute(CORRECT, { input: { id: fact.id, value: 150, expectedValue: fact.value, reason: 'typo test' } }, asAlice);
  assert.equal(refused.body.data?.correctValue.errors[0].code, 'OUT_OF_RANGE');
});

test('a correction keeps the old value with who, when and why; seeding again keeps the correction and curated rows', async () => {
  const data = await server.data(`{ materials(filter: { family: "ni-rich-layered-ncm", role: CATHODE }) { edges { node { key measurements(filter: { properties: ["capacity_retention"], cellType: POUCH_FULL_CELL, cycleNumber: 500 }) { id value } } } } }`);
  const target = data.materials.edges.find((e: any) => e.node.key === 'ncm811').node.measurements[0];
  assert.equal(target.value, 79.2);
  const refused = await server.execute(CORRECT, { input: { id: target.id, value: 0.793, unit: 'GPa', expectedValue: 79.2, reason: 'typo' } }, asAlice);
  assert.equal(refused.body.data?.correctValue.errors[0].code, 'UNKNOWN_UNIT');
  const stale = await server.execute(CORRECT_CONFLICT, { input: { id: target.id, value: 0.793, unit: '1', expectedValue: 79.3, reason: 'read from an old copy' } }, asAlice);
  assert.deepEqual(stale.body.data?.correctValue.errors.map((e: any) => [e.code, e.current]), [['CONFLICT', { value: 79.2, unit: '%' }]], 'a correction of a value that is not the stored one is refused with the current value');
  const r = await server.execute(CORRECT, { input: { id: target.id, value: 0.793, unit: '1', expectedValue: 79.2, reason: 'Re-read from Fig. 3e at higher zoom' } }, asAlice);
  assert.deepEqual(r.body.data?.correctValue.errors, []);
  const corrected = r.body.data?.correctValue.corrected;
  assert.equal(corrected.value, 0.793);
  assert.equal(corrected.unit, '1');
  const event = corrected.history.at(-1);
  assert.deepEqual([event.action, event.curator, event.reason], ['CORRECT_VALUE', 'token:alice', 'Re-read from Fig. 3e at higher zoom']);
  assert.equal(event.before.value, 79.2);
  assert.equal(event.before.unit, '%');
  // Range filters see the corrected value in the canonical unit (%).
  const filtered = await server.data(`{ materials(filter: { propertyRanges: [{ property: "capacity_retention", min: 79.25, max: 79.35, kind: MEASURED }] }) { edges { node { key } } } }`);
  assert.ok(filtered.materials.edges.some((e: any) => e.node.key === 'ncm811'));
  // Seeding again changes nothing curated.
  const report = await seedDatabase(server.db);
  assert.equal(countWrites(report), 0, JSON.stringify(report.Measurement));
  assert.ok(report.Measurement!.kept >= 1);
  const stored = await server.db.prisma.measurement.findFirstOrThrow({ where: { correctedAt: { not: null } } });
  assert.equal(stored.value, 0.793);
  assert.equal(await server.db.prisma.measurement.count({ where: { curatedBy: 'token:alice' } }), 2, 'the capacity and the implausible voltage added above');
  const bogus = await server.execute(CORRECT, { input: { id: 'garbage', value: 1, expectedValue: 1, reason: 'because' } }, asAlice);
  assert.equal(bogus.body.data?.correctValue.errors[0].code, 'INVALID');
});

test('ingest: a dry run prints what would change and writes nothing; a broken file is refused; the real run writes', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-ingest-'));
  const file = path.join(dir, 'gent2017-lmr-nmc.yaml');
  const original = readFileSync(path.join(SEED_DIR, 'gent2017-lmr-nmc.yaml'), 'utf8');
  assert.ok(original.includes('tmInLiLayerPercent: 9.0'));
  writeFileSync(file, original.replace('tmInLiLayerPercent: 9.0', 'tmInLiLayerPercent: 9.1'));
  const before = await rowCounts();
  const dry = await ingestFile(server.db, file, { dryRun: true });
  assert.equal(dry.report.Structure!.updated, 1);
  assert.match(dry.report.Structure!.details.join('\n'), /~ Structure gent-lmr-nmc-charged/);
  assert.equal((await server.db.prisma.structure.findUniqueOrThrow({ where: { key: 'gent-lmr-nmc-charged' } })).tmInLiLayerPercent, 9.0);
  assert.deepEqual(await rowCounts(), before);

  const broken = path.join(dir, 'broken.yaml');
  writeFileSync(broken, original.replace('unit: mA/g', 'unit: mA/gram').replace('paper:\n', 'paper:\n  doi: [\n'));
  await assert.rejects(ingestFile(server.db, broken), /seed data rejected/);
  assert.deepEqual(await rowCounts(), before);

  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/seed/ingest.ts', file, '--dry-run'], {
    env: { ...process.env, ...(server.db.target.kind === 'postgres' ? { DATABASE_URL: server.db.target.url } : { PGLITE_DATA_DIR: path.join(dir, 'empty-db') }) },
    encoding: 'utf8',
  });
  // A fresh embedded database has no schema: the CLI must fail cleanly, not crash with a stack.
  if (server.db.target.kind === 'postgres') assert.match(cli.stdout, /dry run, nothing written/);
  else assert.notEqual(cli.status, 0);

  const real = await ingestFile(server.db, file);
  assert.equal(real.report.Structure!.updated, 1);
  assert.equal((await server.db.prisma.structure.findUniqueOrThrow({ where: { key: 'gent-lmr-nmc-charged' } })).tmInLiLayerPercent, 9.1);
});
