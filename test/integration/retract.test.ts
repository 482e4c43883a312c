/** Retracting a wrong fact: gone from reads, kept whole in the history, not brought back by seeding, compare-and-delete. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCuratorAuth } from '../../src/curation/auth.js';
import { seedDatabase } from '../../src/seed/run.js';
import { startTestServer, type TestServer } from './testkit.js';

const TOKEN = 'carol-secret-token-0123456789';
const asCarol = { authorization: `Bearer ${TOKEN}` };
let server: TestServer;
before(async () => {
  server = await startTestServer({ curatorAuth: loadCuratorAuth({ CURATOR_TOKENS: `carol:${TOKEN}` }) });
});
after(() => server.close());

const RETRACT = `mutation($input: RetractFactInput!) { retractFact(input: $input) { retractedId event { action curator reason entityId before } errors { path message code current { value unit } } } }`;

/** NaVO3's measurements and computed properties as served. */
const facts = async () =>
  (await server.data(`{ material(key: "namo3-v") { computedProperties { id value unit property { key } site source { locator } } } }`)).material.computedProperties as { id: string; value: number | null; unit: string; property: { key: string }; site: string | null }[];

test('a retracted seeded fact is gone from reads, its whole row is in the RETRACT_FACT event, and a re-seed does not bring it back', async () => {
  const before = await facts();
  const victim = before.find((f) => f.value !== null)!;
  const anonymous = await server.execute(RETRACT, { input: { id: victim.id, expectedValue: victim.value, reason: 'wrong table' } });
  assert.equal(anonymous.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');

  const r = (await server.execute(RETRACT, { input: { id: victim.id, expectedValue: victim.value, reason: 'value belongs to another table' } }, asCarol)).body.data!.retractFact;
  assert.deepEqual(r.errors, []);
  assert.equal(r.retractedId, victim.id);
  assert.equal(r.event.action, 'RETRACT_FACT');
  assert.equal(r.event.curator, 'token:carol');
  assert.equal(r.event.entityId, victim.id);
  assert.equal(r.event.before.value, victim.value);
  assert.equal(r.event.before.propertyKey, victim.property.key);
  assert.match(r.event.before.fingerprint, /^[0-9a-f]{16,}$/);

  const afterRetract = await facts();
  assert.equal(afterRetract.length, before.length - 1);
  assert.ok(!afterRetract.some((f) => f.id === victim.id));
  assert.equal((await server.execute(`query($id: ID!) { node(id: $id) { id } }`, { id: victim.id })).body.data!.node, null);

  // The files still hold the fact; the seed keeps it retracted (and says so).
  const report = await seedDatabase(server.db);
  assert.equal(report.ComputedProperty!.created, 0);
  assert.ok(report.ComputedProperty!.details.some((d) => /stays retracted by a curator/.test(d)));
  assert.equal((await facts()).length, before.length - 1);

  // The history lists it, newest first, and pages by cursor.
  const { curationEvents } = await server.data(`{ curationEvents(action: RETRACT_FACT, first: 1) { action reason entityId cursor } }`);
  assert.equal(curationEvents.length, 1);
  assert.equal(curationEvents[0].entityId, victim.id);
  const older = await server.data(`query($after: String) { curationEvents(action: RETRACT_FACT, after: $after) { entityId } }`, { after: curationEvents[0].cursor });
  assert.ok(!older.curationEvents.some((e: { entityId: string }) => e.entityId === victim.id));

  // Retracting it again: NOT_FOUND, nothing written.
  const events = await server.db.prisma.curationEvent.count();
  const again = (await server.execute(RETRACT, { input: { id: victim.id, expectedValue: victim.value, reason: 'twice' } }, asCarol)).body.data!.retractFact;
  assert.equal(again.errors[0].code, 'NOT_FOUND');
  assert.equal(await server.db.prisma.curationEvent.count(), events);
});

test('a retraction of a value that changed since it was read is a CONFLICT with the current value; bad input is refused, nothing written', async () => {
  const target = (await facts()).find((f) => f.value !== null && f.value !== 0)!;
  const stale = (await server.execute(RETRACT, { input: { id: target.id, expectedValue: target.value! + 1, reason: 'stale read' } }, asCarol)).body.data!.retractFact;
  assert.equal(stale.errors[0].code, 'CONFLICT');
  assert.deepEqual(stale.errors[0].current, { value: target.value, unit: target.unit });
  const material = (await server.data(`{ material(key: "namo3-v") { id } }`)).material.id;
  const notAFact = (await server.execute(RETRACT, { input: { id: material, reason: 'not a fact' } }, asCarol)).body.data!.retractFact;
  assert.equal(notAFact.errors[0].code, 'INVALID');
  const noReason = (await server.execute(RETRACT, { input: { id: target.id, expectedValue: target.value, reason: ' ' } }, asCarol)).body.data!.retractFact;
  assert.equal(noReason.errors[0].code, 'INVALID');
  assert.ok((await facts()).some((f) => f.id === target.id));
});
