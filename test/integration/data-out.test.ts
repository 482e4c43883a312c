/**
 * Data out against the real server on a fresh seeded database: the facts connection, value(unit:)
 * on stored facts, material(key:), `first`/`after` on plain lists (so a cost refusal's advice can
 * be followed), and the streaming CSV / JSON Lines export, checked against the NCM811 paper's
 * printed numbers (Yoon et al. 2021: 215 mAh/g at 0.1C in the first cycle, Supplementary Fig. 9).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { startTestServer, type TestServer } from './testkit.js';

const COXB_DOI = '10.1038/s41560-021-00782-0';
const NAMO3_DOI = '10.1103/PhysRevMaterials.4.015401';

describe('data out', () => {
  let server: TestServer;
  let origin: string;
  before(async () => {
    server = await startTestServer();
    origin = new URL(server.app.url).origin;
  });
  after(() => server?.close());

  const get = (path: string) => fetch(`${origin}${path}`);

  describe('facts connection', () => {
    test('pages through one paper’s facts: every fact once, measurements then computed, totalCount agreeing', async () => {
      const query = `query($after: String) { facts(filter: { paperDoi: "${NAMO3_DOI}" }, first: 40, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind source { paper { doi } } } } } }`;
      const ids: string[] = [];
      const kinds: string[] = [];
      let cursor: string | null = null;
      let total = 0;
      for (let page = 0; page < 100; page += 1) {
        const { facts }: any = await server.data(query, { after: cursor });
        total = facts.totalCount;
        for (const edge of facts.edges) {
          ids.push(edge.node.id);
          kinds.push(edge.node.kind);
          assert.equal(edge.node.source.paper.doi, NAMO3_DOI);
        }
        if (!facts.pageInfo.hasNextPage) break;
        cursor = facts.pageInfo.endCursor;
      }
      assert.ok(total > 40, 'more than one page');
      assert.equal(ids.length, total);
      assert.equal(new Set(ids).size, total, 'no fact twice');
      const firstComputed = kinds.indexOf('COMPUTED');
      assert.ok(firstComputed > 0 && kinds.slice(firstComputed).every((k) => k === 'COMPUTED'), 'measurements first, then computed');
    });

    test('filters by property, kind, material family, conditions and method', async () => {
      const { measured, conditioned, method } = await server.data(`{
        measured: facts(filter: { properties: ["discharge_capacity"], kind: MEASURED, material: { family: "ni-rich-layered-ncm" } }, first: 100) {
          edges { node { kind property { key } material { family { key } } } } }
        conditioned: facts(filter: { properties: ["discharge_capacity"], conditions: { cRate: { min: 0.1, max: 0.1 }, cycleNumber: 1 } }, first: 100) {
          edges { node { __typename ... on Measurement { value unit conditions { cRate cycleNumber } material { key } } } } }
        method: facts(filter: { method: "namo3-hse06", properties: ["average_voltage"] }, first: 100) {
          edges { node { kind ... on ComputedProperty { method { key } } } } }
      }`);
      assert.ok(measured.edges.length > 0);
      for (const { node } of measured.edges) {
        assert.deepEqual([node.kind, node.property.key, node.material.family.key], ['MEASURED', 'discharge_capacity', 'ni-rich-layered-ncm']);
      }
      const ncm = conditioned.edges.map((e: any) => e.node).filter((n: any) => n.material.key === 'ncm811');
      assert.ok(ncm.some((n: any) => n.value === 215 && n.unit === 'mAh/g'), 'NCM811: 215 mAh/g at 0.1C, first cycle');
      for (const n of conditioned.edges.map((e: any) => e.node)) assert.deepEqual([n.__typename, n.conditions.cRate, n.conditions.cycleNumber], ['Measurement', 0.1, 1]);
      assert.ok(method.edges.length >= 6, 'HSE06 voltages of the NaMO3 series');
      for (const { node } of method.edges) assert.deepEqual([node.kind, node.method.key], ['COMPUTED', 'namo3-hse06']);
    });

    test('bad arguments are refused with their code: page size, cursor, property, paper, material key', async () => {
      const cases: [string, string][] = [
        ['{ facts(first: 101) { totalCount } }', 'PAGE_SIZE_EXCEEDED'],
        ['{ facts(after: "bm9wZQ") { totalCount } }', 'INVALID_CURSOR'],
        ['{ facts(filter: { properties: ["capacityy"] }) { totalCount } }', 'UNKNOWN_PROPERTY'],
        ['{ facts(filter: { paperDoi: "10.1000/none" }) { totalCount } }', 'BAD_USER_INPUT'],
        ['{ facts(filter: { materialKeys: ["ncm811", "no-such-material"] }) { totalCount } }', 'BAD_USER_INPUT'],
      ];
      for (const [query, code] of cases) {
        const { body } = await server.execute(query);
        assert.equal(body.errors?.[0]?.extensions?.code, code, `${query}: ${JSON.stringify(body.errors)}`);
      }
    });
  });

  describe('value(unit:) and material(key:)', () => {
    test('a stored value converts to any compatible unit; an incompatible or unknown unit fails that field only', async () => {
      const { status, body } = await server.execute(`{ material(key: "ncm811") {
        key measurements(filter: { properties: ["discharge_capacity"], cRate: { min: 0.1, max: 0.1 }, cycleNumber: 1 }) {
          value unit ahPerG: value(unit: "Ah/g") wrong: value(unit: "V") unknown: value(unit: "furlong") } } }`);
      assert.equal(status, 200);
      const [m] = body.data!.material.measurements;
      assert.deepEqual([m.value, m.unit, m.ahPerG, m.wrong, m.unknown], [215, 'mAh/g', 0.215, null, null]);
      const errors = body.errors ?? [];
      const byAlias = (alias: string) => errors.find((e: any) => e.path?.at(-1) === alias);
      assert.equal(byAlias('wrong')?.extensions?.code, 'UNKNOWN_UNIT');
      assert.match(byAlias('wrong')!.message, /discharge_capacity \(stored in mAh\/g\)/);
      assert.equal(byAlias('unknown')?.extensions?.code, 'UNKNOWN_UNIT');
    });

    test('material(key:) finds a material; neither or both of id and key is an error', async () => {
      const { byKey } = await server.data('{ byKey: material(key: "namo3-v") { id key formula } }');
      assert.deepEqual([byKey.key, byKey.formula], ['namo3-v', 'NaVO3']);
      const { byId } = await server.data(`{ byId: material(id: "${byKey.id}") { key } }`);
      assert.equal(byId.key, 'namo3-v');
      assert.equal((await server.data('{ material(key: "no-such-key") { key } }')).material, null);
      for (const query of ['{ material { key } }', `{ material(id: "${byKey.id}", key: "namo3-v") { key } }`]) {
        assert.equal((await server.execute(query)).body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', query);
      }
    });
  });

  describe('first on plain lists', () => {
    test('measurements(first, after) walks a material’s measurements in slices', async () => {
      const { material: all } = await server.data('{ material(key: "ncm811") { measurements { id } } }');
      const slices: string[] = [];
      let afterId: string | null = null;
      for (;;) {
        const { material }: any = await server.data('query($after: ID) { material(key: "ncm811") { measurements(first: 7, after: $after) { id } } }', { after: afterId });
        slices.push(...material.measurements.map((m: any) => m.id));
        if (material.measurements.length < 7) break;
        afterId = material.measurements.at(-1).id;
      }
      assert.deepEqual(slices, all.measurements.map((m: any) => m.id));
      const { body } = await server.execute('{ material(key: "ncm811") { measurements(first: 101) { id } } }');
      assert.equal(body.errors?.[0]?.extensions?.code, 'PAGE_SIZE_EXCEEDED');
    });

    test('a query refused for its cost passes once first: shrinks the lists, as the refusal advises', async () => {
      const query = (first: string) => `{ papers${first} { materials { measurements { property { key } conditions { cRate } source { locator paper { doi } } material { key } } } } }`;
      const refused = await server.execute(query(''));
      const error = refused.body.errors?.[0];
      assert.match(error?.message ?? '', /The largest share, [\d,]+, is papers\.materials\.measurements.*: request a smaller page \(first:\)/, JSON.stringify(refused.body));
      const accepted = await server.execute(query('(first: 1)'));
      assert.equal(accepted.body.errors, undefined, JSON.stringify(accepted.body.errors));
      assert.equal(accepted.body.data!.papers.length, 1);
    });
  });

  describe('GET /export/facts', () => {
    test('one paper’s facts as CSV: one row per fact of the facts connection, with value, unit, conditions, source and locator', async () => {
      const response = await get(`/export/facts.csv?paper=${encodeURIComponent(COXB_DOI)}`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="facts\.csv"/);
      const rows: Record<string, string>[] = parse(await response.text(), { columns: true });
      const { facts } = await server.data(`{ facts(filter: { paperDoi: "${COXB_DOI}" }) { totalCount } }`);
      assert.equal(rows.length, facts.totalCount);
      assert.ok(rows.every((r) => r.sourceDoi === COXB_DOI));
      const capacity = rows.find((r) => r.materialKey === 'ncm811' && r.property === 'discharge_capacity' && r.value === '215');
      assert.ok(capacity, 'NCM811 215 mAh/g');
      assert.equal(capacity.unit, 'mAh/g');
      assert.equal(capacity.kind, 'MEASURED');
      assert.match(capacity.locator!, /Fig\. 9/);
      const conditions = JSON.parse(capacity.conditions!);
      assert.equal(conditions.cRate, 0.1);
      assert.equal(conditions.cycleNumber, 1);
    });

    test('JSON Lines with chosen columns and a unit: values converted, conditions as objects', async () => {
      const response = await get('/export/facts.jsonl?property=discharge_capacity&material=ncm811&unit=Ah/g&columns=materialKey,value,unit,conditions,sourceDoi,locator');
      assert.equal(response.status, 200);
      const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l));
      assert.ok(lines.length > 0);
      for (const line of lines) assert.deepEqual(Object.keys(line), ['materialKey', 'value', 'unit', 'conditions', 'sourceDoi', 'locator']);
      const first = lines.find((l) => l.conditions?.cRate === 0.1 && l.conditions?.cycleNumber === 1);
      assert.deepEqual([first.value, first.unit], [0.215, 'Ah/g']);
    });

    test('the same filter language as GraphQL: filter=<JSON FactFilter> and the shortcuts agree', async () => {
      const shortcut = await (await get('/export/facts.jsonl?family=ilmenite-namo3&property=average_voltage&kind=computed&columns=id')).text();
      const filter = encodeURIComponent(JSON.stringify({ properties: ['average_voltage'], kind: 'COMPUTED', material: { family: 'ilmenite-namo3' } }));
      const json = await (await get(`/export/facts.jsonl?filter=${filter}&columns=id`)).text();
      assert.ok(shortcut.length > 0);
      assert.equal(shortcut, json);
    });

    test('bad parameters are a 400 with a message before anything is streamed', async () => {
      const cases: [string, string, RegExp][] = [
        ['/export/facts.csv?property=nope', 'UNKNOWN_PROPERTY', /nope/],
        ['/export/facts.csv?property=discharge_capacity&unit=V', 'UNKNOWN_UNIT', /not a unit of discharge_capacity/],
        ['/export/facts.csv?unit=V', 'BAD_USER_INPUT', /name the properties/],
        ['/export/facts.csv?workingIon=Xx', 'BAD_USER_INPUT', /WorkingIon/],
        ['/export/facts.csv?columns=value,colour', 'BAD_USER_INPUT', /unknown column colour/],
        ['/export/facts.csv?filter={oops', 'BAD_USER_INPUT', /JSON/],
      ];
      for (const [path, code, message] of cases) {
        const response = await get(path);
        assert.equal(response.status, 400, path);
        const body = await response.json();
        assert.equal(body.errors[0].extensions.code, code, path);
        assert.match(body.errors[0].message, message, path);
      }
    });
  });

  describe('GET /export/materials', () => {
    test('derived columns come from the same resolvers as the API', async () => {
      const response = await get('/export/materials.csv?family=ilmenite-namo3&role=cathode&columns=key,formula,theoreticalCapacityMAhPerG,averageVoltageV');
      assert.equal(response.status, 200);
      const rows: Record<string, string>[] = parse(await response.text(), { columns: true });
      const v = rows.find((r) => r.key === 'namo3-v')!;
      const { material } = await server.data('{ material(key: "namo3-v") { theoreticalCapacity { value } averageVoltage { value } } }');
      assert.equal(Number(v.theoreticalCapacityMAhPerG), material.theoreticalCapacity.value);
      assert.equal(Number(v.averageVoltageV), material.averageVoltage.value);
      assert.equal(v.formula, 'NaVO3');
    });
  });
});
