/**
 * An example second subgraph for cathode-kb: a cell-testing lab (schema in lab.graphql). It
 * extends cathode-kb's `Material @key(fields: "id")` with `labCycleTests` and has its own root
 * field `labQueue`, whose tests point back at cathode-kb materials by id only; the gateway
 * fetches everything else about them from cathode-kb.
 *
 * The lab's records are MADE UP for the example. They name materials by cathode-kb's stable
 * curated key (`ncm811`); global IDs depend on the database a cathode-kb instance was seeded
 * into, so at start-up the lab looks the ids up once through cathode-kb's other entity key,
 * `Material @key(fields: "key")` (`_entities` with `{ __typename: "Material", key }`).
 *
 * Used by test/integration/federation.test.ts and gateway.ts; run on its own (for rover or
 * Apollo Router, see README.md here) with
 *   CATHODE_KB_URL=http://localhost:4000/graphql LAB_PORT=4001 npx tsx examples/gateway/lab-subgraph.ts
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';

export const LAB_TYPE_DEFS = parse(readFileSync(new URL('./lab.graphql', import.meta.url), 'utf8'));

export type LabTestStatus = 'QUEUED' | 'RUNNING' | 'DONE';

/** A lab record as the lab keeps it: the material by curated cathode-kb key. */
export interface LabRecord {
  sample: string;
  materialKey: string;
  status: LabTestStatus;
  cellFormat: string;
  cRate: number;
  temperatureC: number;
  targetCycles: number;
  completedCycles: number;
  capacityRetentionPercent: number | null;
}

/** Made-up example data: not measurements, not from the papers in cathode-kb. */
export const LAB_RECORDS: readonly LabRecord[] = [
  { sample: 'LAB-0001', materialKey: 'gent-lmr-nmc', status: 'DONE', cellFormat: 'coin half cell', cRate: 0.5, temperatureC: 25, targetCycles: 100, completedCycles: 100, capacityRetentionPercent: 88.0 },
  { sample: 'LAB-0002', materialKey: 'gent-lmr-nmc', status: 'DONE', cellFormat: 'coin half cell', cRate: 1, temperatureC: 45, targetCycles: 100, completedCycles: 100, capacityRetentionPercent: 79.5 },
  { sample: 'LAB-0003', materialKey: 'ncm811', status: 'DONE', cellFormat: 'pouch full cell', cRate: 1, temperatureC: 25, targetCycles: 500, completedCycles: 500, capacityRetentionPercent: 81.2 },
  { sample: 'LAB-0004', materialKey: 'ncm811-coxb', status: 'RUNNING', cellFormat: 'pouch full cell', cRate: 1, temperatureC: 25, targetCycles: 500, completedCycles: 212, capacityRetentionPercent: null },
  { sample: 'LAB-0005', materialKey: 'namo3-v', status: 'QUEUED', cellFormat: 'coin half cell', cRate: 0.1, temperatureC: 25, targetCycles: 50, completedCycles: 0, capacityRetentionPercent: null },
  { sample: 'LAB-0006', materialKey: 'ncm811', status: 'QUEUED', cellFormat: 'coin half cell', cRate: 0.5, temperatureC: 45, targetCycles: 200, completedCycles: 0, capacityRetentionPercent: null },
];

/** A lab record bound to its cathode-kb material id, as the subgraph serves it. */
export interface LabCycleTest extends Omit<LabRecord, 'sample' | 'materialKey'> {
  id: string;
  materialKey: string;
  materialId: string;
}

/** cathode-kb global IDs of materials by curated key (keys cathode-kb does not know are left out). */
export async function materialIdsByKey(cathodeKbUrl: string, keys: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(keys)];
  const response = await fetch(cathodeKbUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Material { id key } } }',
      variables: { representations: unique.map((key) => ({ __typename: 'Material', key })) },
    }),
  });
  const body = (await response.json()) as { data?: { _entities: ({ id: string; key: string } | null)[] }; errors?: unknown };
  if (!response.ok || !body.data) throw new Error(`cathode-kb at ${cathodeKbUrl} answered ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  return new Map(body.data._entities.filter((m) => m !== null).map((m) => [m.key, m.id]));
}

/** Bind lab records to cathode-kb ids; records for materials cathode-kb lacks are dropped with a warning. */
export async function bindLabRecords(cathodeKbUrl: string, records: readonly LabRecord[] = LAB_RECORDS): Promise<LabCycleTest[]> {
  const ids = await materialIdsByKey(cathodeKbUrl, records.map((r) => r.materialKey));
  const tests: LabCycleTest[] = [];
  for (const { sample, ...record } of records) {
    const materialId = ids.get(record.materialKey);
    if (materialId) tests.push({ ...record, id: sample, materialId });
    else console.warn(`lab: cathode-kb at ${cathodeKbUrl} has no material "${record.materialKey}"; ${sample} left out`);
  }
  return tests;
}

const QUEUE_ORDER: Record<LabTestStatus, number> = { RUNNING: 0, QUEUED: 1, DONE: 2 };

export function buildLabSchema(tests: readonly LabCycleTest[]): GraphQLSchema {
  const testsOf = (materialId: string) => tests.filter((t) => t.materialId === materialId);
  return buildSubgraphSchema({
    typeDefs: LAB_TYPE_DEFS,
    resolvers: {
      Query: {
        // A lab sample number is a LabCycleTest; any other id is taken for a cathode-kb material.
        node: (_: unknown, { id }: { id: string }) => tests.find((t) => t.id === id) ?? { id, materialRef: true },
        labQueue: () => tests.filter((t) => t.status !== 'DONE').sort((a, b) => QUEUE_ORDER[a.status] - QUEUE_ORDER[b.status]),
        labCycleTests: () => tests,
      },
      Node: {
        __resolveType: (node: { materialRef?: boolean }) => (node.materialRef ? 'Material' : 'LabCycleTest'),
      },
      Material: {
        // The gateway sends { __typename: "Material", id }; any cathode-kb material resolves,
        // with no tests if the lab has none for it.
        __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
        labCycleTests: (material: { id: string }) => testsOf(material.id),
      },
      LabCycleTest: {
        material: (test: LabCycleTest) => ({ id: test.materialId }),
      },
    },
  });
}

export interface RunningLab {
  url: string;
  tests: LabCycleTest[];
  stop(): Promise<void>;
}

export async function startLabSubgraph(options: { cathodeKbUrl: string; port?: number; host?: string }): Promise<RunningLab> {
  const tests = await bindLabRecords(options.cathodeKbUrl);
  // No federated tracing (Apollo Studio only), which also keeps Apollo Server from logging about it.
  const server = new ApolloServer({ schema: buildLabSchema(tests), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port: options.port ?? 4001, host: options.host } });
  return { url, tests, stop: () => server.stop() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cathodeKbUrl = process.env.CATHODE_KB_URL ?? 'http://localhost:4000/graphql';
  const lab = await startLabSubgraph({ cathodeKbUrl, port: Number(process.env.LAB_PORT ?? 4001) });
  console.log(`lab subgraph (${lab.tests.length} made-up tests on cathode-kb at ${cathodeKbUrl}) at ${lab.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void lab.stop());
}
