/**
 * cathode-kb as an Apollo Federation v2 subgraph: its `_service` SDL and `_entities`, and real
 * gateways over it and two example peer subgraphs (examples/gateway/): a lab that extends Material
 * by `id` and a supplier that extends it by `key` and brings its own Relay PageInfo, Node,
 * Query.node and Source. @apollo/gateway runs on the supergraph @apollo/composition composes, Hive
 * Gateway (JS planner) on the one @theguild/federation-composition composes; each in front of a
 * development and a production cathode-kb, with and without the operation allow-list. All on
 * loopback, every gateway started once for the file.
 *
 * F1–F8 are the cases of issue 16 that broke behind a gateway.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { composeSupergraph, fetchSubgraphSdl, startGateway, startHiveGateway, type RunningGateway, type Subgraph } from '../../examples/gateway/compose.js';
import { LAB_RECORDS, startLabSubgraph, type RunningLab } from '../../examples/gateway/lab-subgraph.js';
import { SUPPLIER_OFFERS, startSupplierSubgraph } from '../../examples/gateway/supplier-subgraph.js';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadCuratorAuth } from '../../src/curation/auth.js';
import { allowlistFile, clientOperations } from '../../src/security/allowlist.js';
import { GATEWAY_SECRET_HEADER } from '../../src/security/http.js';
import { DEFAULT_QUERY_LIMITS, documentWords } from '../../src/security/limits.js';
import { parse } from 'graphql';
import { startTestServer, type TestServer } from './testkit.js';

const NAMO3_DOI = '10.1103/PhysRevMaterials.4.015401';
const YOON_DOI = '10.1038/s41560-021-00782-0';
const CURATOR_TOKEN = 'federation-test-curator-token';
const ORGANISATION_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.organisation.token';
const GATEWAY_SECRET = 'a-gateway-secret-of-at-least-32-characters';

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Material { id key name formula }
    ... on Paper { doi title year }
  }
}`;

interface Body {
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

async function post(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; body: Body }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Body };
  } catch {
    throw new Error(`${url} answered ${response.status} with no JSON: ${text.slice(0, 500)}`);
  }
}

const noErrors = (body: Body, what: string) => assert.equal(body.errors, undefined, `${what}: ${JSON.stringify(body.errors, null, 2)?.slice(0, 2000)}`);
const codes = (body: Body) => (body.errors ?? []).map((e) => e.extensions?.code);

describe('cathode-kb as a federation subgraph', () => {
  let kb: TestServer;
  before(async () => {
    kb = await startTestServer({ curatorAuth: loadCuratorAuth({ CURATOR_TOKENS: `alice:${CURATOR_TOKEN}` }) });
  });
  after(() => kb.close());

  const materialIds = async (first: number) =>
    (await kb.data<{ materials: { edges: { node: { id: string; key: string; name: string } }[] } }>(`{ materials(first: ${first}) { edges { node { id key name } } } }`)).materials.edges.map((e) => e.node);

  test('_service.sdl declares the entity keys, the shareable types and links federation v2', async () => {
    const { sdl } = (await kb.data<{ _service: { sdl: string } }>('{ _service { sdl } }'))._service;
    assert.match(sdl, /@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    assert.match(sdl, /type Material implements Node\s+@key\(fields: "id"\)\s+@key\(fields: "key"\)/);
    assert.match(sdl, /type Paper implements Node\s+@key\(fields: "doi"\)/);
    assert.match(sdl, /type PageInfo\s+@shareable/);
    assert.match(sdl, /type Source\s+@shareable/);
    assert.match(sdl, /node\(id: ID!\): Node @shareable/);
  });

  test('_entities resolves materials by id and key, papers by DOI in any case, and unknown references to null', async () => {
    const [first, second] = await materialIds(2);
    const data = await kb.data<{ _entities: Record<string, unknown>[] }>(ENTITIES, {
      representations: [
        { __typename: 'Material', id: first!.id },
        { __typename: 'Paper', doi: NAMO3_DOI },
        { __typename: 'Material', key: 'ncm811' },
        { __typename: 'Paper', doi: ` ${YOON_DOI.toUpperCase()} ` },
        { __typename: 'Material', id: second!.id },
        // Unknown or malformed: null for that entity, no error, the rest of the batch intact.
        { __typename: 'Paper', doi: '10.0000/not-a-paper' },
        { __typename: 'Material', id: 'bogus' },
        { __typename: 'Material', id: Buffer.from('Paper:1').toString('base64url') },
        { __typename: 'Material', id: Buffer.from('Material:999999').toString('base64url') },
        { __typename: 'Material', key: 'no-such-material' },
      ],
    });
    const [m1, namo3, ncm811, yoon, m2, ...unknown] = data._entities;
    assert.deepEqual({ ...m1 }, { __typename: 'Material', id: first!.id, key: first!.key, name: first!.name, formula: m1!.formula });
    assert.equal(m2!.key, second!.key);
    assert.equal(ncm811!.formula, 'LiNi0.8Co0.1Mn0.1O2');
    assert.deepEqual({ ...namo3 }, { __typename: 'Paper', doi: NAMO3_DOI, title: namo3!.title, year: 2020 });
    assert.equal(yoon!.doi, YOON_DOI);
    assert.deepEqual(unknown, [null, null, null, null, null]);
  });

  test('an unknown __typename fails only its own representation', async () => {
    const { body } = await post(kb.app.url, ENTITIES, { representations: [{ __typename: 'Material', key: 'ncm811' }, { __typename: 'LabCycleTest', id: 'LAB-0001' }, { __typename: 'Paper', doi: NAMO3_DOI }, 'not an object'] });
    assert.equal(body.data._entities[0].key, 'ncm811');
    assert.equal(body.data._entities[1], null);
    assert.equal(body.data._entities[2].doi, NAMO3_DOI);
    assert.equal(body.data._entities[3], null);
    assert.deepEqual(
      body.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]),
      [
        ['_entities.1', 'BAD_USER_INPUT'],
        ['_entities.3', 'BAD_USER_INPUT'],
      ],
    );
    assert.match(body.errors![0]!.message, /representations\[1\] must be an object whose __typename is an entity of this subgraph \(InsertionElectrode, Material, Paper\), got "LabCycleTest"/);
  });

  test('_entities costs the same SQL statements for 1 and 10 materials and papers (batched by the DataLoaders)', async () => {
    const materials = await materialIds(10);
    const statements = async (n: number) => {
      const before = kb.db.statementCount();
      const representations = [
        ...materials.slice(0, n).map((m) => ({ __typename: 'Material', id: m.id })),
        ...materials.slice(0, n).map((m) => ({ __typename: 'Material', key: m.key })),
        ...[NAMO3_DOI, YOON_DOI].map((doi) => ({ __typename: 'Paper', doi })),
      ];
      const data = await kb.data<{ _entities: unknown[] }>(ENTITIES, { representations });
      assert.equal(data._entities.filter(Boolean).length, 2 * n + 2);
      return kb.db.statementCount() - before;
    };
    const counts = { 1: await statements(1), 10: await statements(10) };
    assert.equal(counts[10], counts[1], JSON.stringify(counts));
    assert.equal(counts[1], 3, `one statement per loader (id, key, DOI): ${JSON.stringify(counts)}`);
  });

  test('the representations ceiling is the cost budget, answered with its advice, not a 413: 1,000 by key run, 6,000 are refused', async () => {
    const byKey = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Material', key: `k${i}` }));
    const query = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Material { key } } }';
    const small = await post(kb.app.url, query, { representations: byKey(1000) });
    noErrors(small.body, '1,000 representations');
    const large = await post(kb.app.url, query, { representations: byKey(6000) });
    assert.equal(large.status, 200);
    assert.deepEqual(codes(large.body), ['QUERY_TOO_COSTLY']);
    assert.match(large.body.errors![0]!.message, /The largest share, 6,000, is _entities \(_entities 6,000 representations\): send fewer representations per request/);
  });

  test('ftv1: a federated trace when a gateway asks for one (apollo-federation-include-trace), none otherwise', async () => {
    const traced = await post(kb.app.url, '{ papers { doi } }', undefined, { 'apollo-federation-include-trace': 'ftv1' });
    assert.equal(typeof traced.body.extensions?.ftv1, 'string');
    assert.ok((traced.body.extensions!.ftv1 as string).length > 20);
    const plain = await post(kb.app.url, '{ papers { doi } }');
    assert.equal(plain.body.extensions?.ftv1, undefined);
  });

  describe('behind gateways', () => {
    type Mode = 'development' | 'production';
    type Kind = 'apollo' | 'hive';
    const MODES: Mode[] = ['development', 'production'];
    const KINDS: Kind[] = ['apollo', 'hive'];
    const apps: RunningApp[] = [];
    const gateways = new Map<string, RunningGateway>();
    const subgraphUrls = new Map<string, { open: string; listed: string }>();
    let lab: RunningLab;
    let supplier: { url: string; stop(): Promise<void> };
    let tmp: string;
    const gatewayUrl = (mode: Mode, kind: Kind, listed = false) => gateways.get(`${mode}/${kind}/${listed ? 'listed' : 'open'}`)!.url;

    before(async () => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-federation-'));
      const allowlist = path.join(tmp, 'allowlist.json');
      writeFileSync(allowlist, JSON.stringify(allowlistFile(clientOperations())));
      const curatorAuth = loadCuratorAuth({ CURATOR_TOKENS: `alice:${CURATOR_TOKEN}` });
      lab = await startLabSubgraph({ cathodeKbUrl: kb.app.url, port: 0, host: '127.0.0.1' });
      supplier = await startSupplierSubgraph({ port: 0, host: '127.0.0.1' });
      const peers: Subgraph[] = [
        { name: 'lab', url: lab.url, sdl: await fetchSubgraphSdl(lab.url) },
        { name: 'supplier', url: supplier.url, sdl: await fetchSubgraphSdl(supplier.url) },
      ];
      await Promise.all(
        MODES.map(async (mode) => {
          const production = mode === 'production';
          const open = await startApp(kb.db, 0, { production, host: '127.0.0.1', curatorAuth });
          const listed = await startApp(kb.db, 0, { production, host: '127.0.0.1', curatorAuth, security: { operationAllowlist: allowlist, gatewaySecret: GATEWAY_SECRET } });
          apps.push(open, listed);
          subgraphUrls.set(mode, { open: open.url, listed: listed.url });
          // F3: the SDL comes from `_service` of the production server itself (introspection off).
          const sdl = await fetchSubgraphSdl(open.url);
          for (const [target, url] of [['open', open.url], ['listed', listed.url]] as const) {
            const subgraphs = [{ name: 'cathode-kb', url, sdl }, ...peers];
            const forwardHeaders = ['authorization'];
            const subgraphHeaders: Record<string, string> = target === 'listed' ? { [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET } : {};
            const [apollo, hive] = await Promise.all([
              startGateway({ supergraphSdl: composeSupergraph(subgraphs, 'apollo'), port: 0, host: '127.0.0.1', forwardHeaders, subgraphHeaders }),
              startHiveGateway({ supergraphSdl: composeSupergraph(subgraphs, 'theguild'), port: 0, host: '127.0.0.1', forwardHeaders, subgraphHeaders }),
            ]);
            gateways.set(`${mode}/apollo/${target}`, apollo);
            gateways.set(`${mode}/hive/${target}`, hive);
          }
        }),
      );
    });
    after(async () => {
      await Promise.all([...gateways.values()].map((g) => g.stop()));
      await Promise.all(apps.map((a) => a.close()));
      await lab?.stop();
      await supplier?.stop();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    test('the lab bound every made-up record to a cathode-kb material', () => {
      assert.deepEqual(lab.tests.map((t) => t.id), LAB_RECORDS.map((r) => r.sample));
    });

    for (const mode of MODES) {
      test(`F3 (${mode}): _service { sdl } answers (gateways loaded it at start), __schema stays closed in production`, async () => {
        const url = subgraphUrls.get(mode)!.open;
        noErrors((await post(url, '{ _service { sdl } }')).body, '_service');
        const schema = await post(url, '{ __schema { types { name } } }');
        if (mode === 'production') assert.deepEqual(codes(schema.body), ['GRAPHQL_VALIDATION_FAILED']);
        else noErrors(schema.body, '__schema in development');
      });

      test(`F8 (${mode}): with the allow-list on, a document sent directly is refused, and without the gateway secret too`, async () => {
        const url = subgraphUrls.get(mode)!.listed;
        const direct = await post(url, '{ papers { doi } }');
        assert.equal(direct.status, 200, 'an application/json client gets 200');
        assert.deepEqual(codes(direct.body), ['OPERATION_NOT_ALLOWED']);
        const wrongSecret = await post(url, '{ papers { doi } }', undefined, { [GATEWAY_SECRET_HEADER]: `${GATEWAY_SECRET}x` });
        assert.deepEqual(codes(wrongSecret.body), ['OPERATION_NOT_ALLOWED']);
      });

      for (const kind of KINDS) {
        describe(`${mode}, behind ${kind === 'apollo' ? "Apollo's gateway" : 'Hive Gateway'}`, () => {
          const url = () => gatewayUrl(mode, kind);

          test('one query crosses all three subgraphs, Material extended by id (lab) and by key (supplier)', async () => {
            const { body } = await post(url(), `{
              labQueue { id status material { key name formula source { locator paper { doi } } supplierOffers { supplier priceEurPerKg } } }
              materials(first: 3, filter: { elements: ["Ni", "Co", "Mn"], workingIon: Li }) {
                edges { node { key name labCycleTests { id status cRate capacityRetentionPercent } supplierOffers { supplier } } }
              }
            }`);
            noErrors(body, 'cross query');
            const yoon = { locator: 'Methods (Synthesis)', paper: { doi: YOON_DOI } };
            assert.deepEqual(
              body.data.labQueue.map((t: any) => ({ ...t, material: { ...t.material, supplierOffers: t.material.supplierOffers.map((o: any) => o.supplier) } })),
              [
                { id: 'LAB-0004', status: 'RUNNING', material: { key: 'ncm811-coxb', name: 'CoxB-infused NCM811', formula: 'LiNi0.8Co0.1Mn0.1O2', source: yoon, supplierOffers: [] } },
                { id: 'LAB-0005', status: 'QUEUED', material: { key: 'namo3-v', name: 'NaVO3 (ilmenite R-3)', formula: 'NaVO3', source: { locator: 'Sec. III', paper: { doi: NAMO3_DOI } }, supplierOffers: [] } },
                { id: 'LAB-0006', status: 'QUEUED', material: { key: 'ncm811', name: 'NCM811 (pristine)', formula: 'LiNi0.8Co0.1Mn0.1O2', source: yoon, supplierOffers: ['Sample Materials GmbH', 'Example Cathodes Ltd'] } },
              ],
            );
            const nodes = body.data.materials.edges.map((e: any) => e.node);
            assert.deepEqual(nodes.map((n: any) => n.key).sort(), ['gent-lmr-nmc', 'ncm811', 'ncm811-coxb']);
            for (const node of nodes) {
              const tests = LAB_RECORDS.filter((r) => r.materialKey === node.key).map((r) => ({ id: r.sample, status: r.status, cRate: r.cRate, capacityRetentionPercent: r.capacityRetentionPercent }));
              assert.deepEqual(node.labCycleTests, tests, node.key);
              assert.deepEqual(node.supplierOffers.map((o: any) => o.supplier).sort(), SUPPLIER_OFFERS.filter((o) => o.materialKey === node.key).map((o) => o.supplier).sort(), node.key);
            }
          });

          test('F1: eleven parallel entity fetches (Hive merges them into one operation of aliased _entities) all resolve', async () => {
            const fields = Array.from({ length: 11 }, (_, i) => `q${i}: labQueue { id material { key name } }`).join('\n');
            const { body } = await post(url(), `{ ${fields} }`);
            noErrors(body, '11 entity fetches');
            for (let i = 0; i < 11; i++) assert.deepEqual(body.data[`q${i}`].map((t: any) => t.material.key), ['ncm811-coxb', 'namo3-v', 'ncm811'], `q${i}`);
          });

          test('F2: a query at the alias limit passes as it does directly', async () => {
            const aliases = Array.from({ length: DEFAULT_QUERY_LIMITS.maxAliases }, (_, i) => `k${i}: key`).join(' ');
            const query = `{ m: materials(first: 2) { edges { node { ${aliases} } } } p: papers { doi } }`;
            const direct = await post(subgraphUrls.get(mode)!.open, query);
            noErrors(direct.body, 'directly');
            const through = await post(url(), query);
            noErrors(through.body, 'through the gateway');
            assert.deepEqual(through.body.data, direct.body.data);
          });

          test("F4: a refusal reaches the client with its code and its advice", async () => {
            const costly = await post(url(), '{ materials(first: 100) { edges { node { measurements { conditions { currentDensity { inputs { source { paper { doi } } } } } } } } } }');
            assert.ok(codes(costly.body).includes('QUERY_TOO_COSTLY'), JSON.stringify(costly.body));
            assert.ok(costly.body.errors!.some((e) => /The largest share, [\d,]+, is materials\.edges\.node\.measurements/.test(e.message)), JSON.stringify(costly.body.errors));
            const ranges = Array.from({ length: 200 }, (_, i) => ({ property: 'average_voltage', min: i / 1000 }));
            const long = await post(url(), 'query($f: MaterialFilter) { materials(filter: $f) { totalCount } }', { f: { propertyRanges: ranges } });
            assert.ok(codes(long.body).includes('LIST_SIZE_EXCEEDED'), JSON.stringify(long.body));
          });

          test('F5: the peers\' own PageInfo, Source and Query.node compose; one query reads both sides\' PageInfo and Source', async () => {
            const { body } = await post(url(), `{
              supplierOffers(first: 2) { pageInfo { hasNextPage endCursor } edges { node { supplier source { locator paper { doi title } } material { key source { locator paper { doi } } } } } }
              materials(first: 1) { pageInfo { hasNextPage } edges { node { key } } }
            }`);
            noErrors(body, 'shared types');
            assert.deepEqual(body.data.supplierOffers.pageInfo, { hasNextPage: true, endCursor: 'offer-2' });
            assert.deepEqual(body.data.supplierOffers.edges[0].node, { supplier: 'Example Cathodes Ltd', source: { locator: 'Methods (Synthesis)', paper: { doi: YOON_DOI, title: body.data.supplierOffers.edges[0].node.source.paper.title } }, material: { key: 'ncm811', source: { locator: 'Methods (Synthesis)', paper: { doi: YOON_DOI } } } });
            assert.match(body.data.supplierOffers.edges[0].node.source.paper.title, /\w{8}/, "the supplier's Source.paper resolved in cathode-kb");
            assert.equal(body.data.materials.pageInfo.hasNextPage, true);
            assert.equal(body.data.materials.edges.length, 1);
          });

          test('F6: a document just under the word limit, full of literal arguments, passes through the gateway', async () => {
            const filter = (i: number) => `{ elements: ["Ni", "Co", "Mn", "O", "Li"], workingIon: Li, propertyRanges: [${Array.from({ length: 10 }, (_, j) => `{ property: "average_voltage", min: ${i}.${j}, max: 99.${j} }`).join(', ')}] }`;
            let n = 0;
            const fields: string[] = [];
            while (documentWords(parse(`{ ${[...fields, `m${n}: materials(first: 1, filter: ${filter(n)}) { totalCount }`].join(' ')} }`)) <= DEFAULT_QUERY_LIMITS.maxTokens) {
              fields.push(`m${n}: materials(first: 1, filter: ${filter(n)}) { totalCount }`);
              n++;
            }
            const query = `{ ${fields.join(' ')} }`;
            const words = documentWords(parse(query));
            assert.ok(words > DEFAULT_QUERY_LIMITS.maxTokens - 120 && words <= DEFAULT_QUERY_LIMITS.maxTokens, `${words} words`);
            const direct = await post(subgraphUrls.get(mode)!.open, query);
            noErrors(direct.body, `directly (${words} words)`);
            const through = await post(url(), query);
            noErrors(through.body, `through the gateway (${words} words)`);
            assert.deepEqual(through.body.data, direct.body.data);
          });

          test('F7: a forwarded organisation bearer token does not stop reads; a mutation needs the curator token, forwarded too', async () => {
            const read = await post(url(), '{ papers { doi } labQueue { id } }', undefined, { authorization: `Bearer ${ORGANISATION_TOKEN}` });
            noErrors(read.body, 'read with an organisation token');
            const doi = `10.1000/federation.${mode}.${kind}`;
            const mutation = `mutation { addPaper(input: { doi: "${doi}", title: "Through a gateway", journal: "J", year: 2026 }) { paper { doi } errors { code } } }`;
            const refused = await post(url(), mutation, undefined, { authorization: `Bearer ${ORGANISATION_TOKEN}` });
            assert.ok(codes(refused.body).includes('UNAUTHENTICATED'), JSON.stringify(refused.body));
            assert.ok(refused.body.errors!.some((e) => /invalid curator token; curation needs a curator token/.test(e.message)), JSON.stringify(refused.body.errors));
            const added = await post(url(), mutation, undefined, { authorization: `Bearer ${CURATOR_TOKEN}` });
            noErrors(added.body, 'mutation with the curator token');
            assert.equal(added.body.data.addPaper.paper.doi, doi);
          });

          test('F8: with the allow-list on, the gateway\'s planned operations run (it sends the gateway secret)', async () => {
            const { body } = await post(gatewayUrl(mode, kind, true), '{ labQueue { id material { key name } } papers { doi } }');
            noErrors(body, 'through the allow-listed subgraph');
            assert.deepEqual(body.data.labQueue.map((t: any) => t.material.key), ['ncm811-coxb', 'namo3-v', 'ncm811']);
          });
        });
      }
    }
  });
});
