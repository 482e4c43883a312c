/**
 * cathode-kb as an Apollo Federation v2 subgraph: its `_service` SDL and `_entities`, and a real
 * @apollo/gateway over it and the example lab subgraph (examples/gateway/), all on loopback.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { composeSupergraph, fetchSubgraphSdl, startGateway, type RunningGateway } from '../../examples/gateway/compose.js';
import { LAB_RECORDS, startLabSubgraph, type RunningLab } from '../../examples/gateway/lab-subgraph.js';
import { startTestServer, type TestServer } from './testkit.js';

const NAMO3_DOI = '10.1103/PhysRevMaterials.4.015401';
const YOON_DOI = '10.1038/s41560-021-00782-0';

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Material { id key name formula }
    ... on Paper { doi title year }
  }
}`;

describe('cathode-kb as a federation subgraph', () => {
  let kb: TestServer;
  before(async () => {
    kb = await startTestServer();
  });
  after(() => kb.close());

  const materialIds = async (first: number) =>
    (await kb.data<{ materials: { edges: { node: { id: string; key: string; name: string } }[] } }>(`{ materials(first: ${first}) { edges { node { id key name } } } }`)).materials.edges.map((e) => e.node);

  test('_service.sdl declares the entity keys and links federation v2', async () => {
    const { sdl } = (await kb.data<{ _service: { sdl: string } }>('{ _service { sdl } }'))._service;
    assert.match(sdl, /@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    assert.match(sdl, /type Material implements Node\s+@key\(fields: "id"\)\s+@key\(fields: "key"\)/);
    assert.match(sdl, /type Paper implements Node\s+@key\(fields: "doi"\)/);
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

  describe('behind @apollo/gateway with the example lab subgraph', () => {
    let lab: RunningLab;
    let gateway: RunningGateway;
    before(async () => {
      lab = await startLabSubgraph({ cathodeKbUrl: kb.app.url, port: 0, host: '127.0.0.1' });
      const supergraphSdl = composeSupergraph([
        { name: 'cathode-kb', url: kb.app.url, sdl: await fetchSubgraphSdl(kb.app.url) },
        { name: 'lab', url: lab.url, sdl: await fetchSubgraphSdl(lab.url) },
      ]);
      gateway = await startGateway({ supergraphSdl, port: 0, host: '127.0.0.1' });
    });
    after(async () => {
      await gateway?.stop();
      await lab?.stop();
    });

    test('the lab bound every made-up record to a cathode-kb material', () => {
      assert.deepEqual(lab.tests.map((t) => t.id), LAB_RECORDS.map((r) => r.sample));
    });

    test('one query crosses both subgraphs both ways', async () => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{
            labQueue { id status material { key name formula source { locator paper { doi } } } }
            materials(first: 3, filter: { elements: ["Ni", "Co", "Mn"], workingIon: Li }) {
              edges { node { key name labCycleTests { id status cRate capacityRetentionPercent } } }
            }
          }`,
        }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown };
      assert.equal(response.status, 200, JSON.stringify(body));
      assert.equal(body.errors, undefined, JSON.stringify(body.errors, null, 2));

      // lab -> cathode-kb: queued tests reference materials by id; names, formulas and sources
      // come from the seeds.
      const yoon = { locator: 'Methods (Synthesis)', paper: { doi: YOON_DOI } };
      assert.deepEqual(body.data.labQueue, [
        { id: 'LAB-0004', status: 'RUNNING', material: { key: 'ncm811-coxb', name: 'CoxB-infused NCM811', formula: 'LiNi0.8Co0.1Mn0.1O2', source: yoon } },
        { id: 'LAB-0005', status: 'QUEUED', material: { key: 'namo3-v', name: 'NaVO3 (ilmenite R-3)', formula: 'NaVO3', source: { locator: 'Sec. III', paper: { doi: NAMO3_DOI } } } },
        { id: 'LAB-0006', status: 'QUEUED', material: { key: 'ncm811', name: 'NCM811 (pristine)', formula: 'LiNi0.8Co0.1Mn0.1O2', source: yoon } },
      ]);

      // cathode-kb -> lab: a page of cathode-kb materials, each with the lab's tests on it.
      const nodes = body.data.materials.edges.map((e: any) => e.node);
      assert.deepEqual(nodes.map((n: any) => n.key).sort(), ['gent-lmr-nmc', 'ncm811', 'ncm811-coxb']);
      for (const node of nodes) {
        const expected = LAB_RECORDS.filter((r) => r.materialKey === node.key).map((r) => ({ id: r.sample, status: r.status, cRate: r.cRate, capacityRetentionPercent: r.capacityRetentionPercent }));
        assert.deepEqual(node.labCycleTests, expected, node.key);
      }
      assert.equal(nodes.find((n: any) => n.key === 'gent-lmr-nmc').name, 'Li-rich NMC (LMR-NMC)');
    });
  });
});
