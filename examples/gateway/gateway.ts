/**
 * A local federated gateway over cathode-kb and the example lab subgraph (lab-subgraph.ts).
 *
 *   npm start                                  # cathode-kb on :4000 (PORT=… to move it)
 *   npx tsx examples/gateway/gateway.ts        # lab subgraph on :4001, gateway on :4100
 *
 * Environment: CATHODE_KB_URL (default http://localhost:4000/graphql), LAB_PORT (4001),
 * GATEWAY_PORT (4100). With --print-supergraph it prints the composed supergraph SDL (what
 * `rover supergraph compose --config examples/gateway/supergraph.yaml` gives, with the lab at
 * http://localhost:LAB_PORT/) and exits, for Apollo Router: see README.md here.
 */
import { composeSupergraph, fetchSubgraphSdl, startGateway } from './compose.js';
import { startLabSubgraph } from './lab-subgraph.js';

const cathodeKbUrl = process.env.CATHODE_KB_URL ?? 'http://localhost:4000/graphql';
const labPort = Number(process.env.LAB_PORT ?? 4001);
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4100);

const EXAMPLE_QUERY = `{
  labQueue {
    id status completedCycles targetCycles
    material { name formula source { locator paper { doi title } } }
  }
  materials(filter: { elements: ["Ni", "Co", "Mn"], workingIon: Li }, first: 3) {
    edges { node { key name labCycleTests { id status cRate temperatureC capacityRetentionPercent } } }
  }
}`;

const lab = await startLabSubgraph({ cathodeKbUrl, port: labPort });
let supergraphSdl: string;
try {
  supergraphSdl = composeSupergraph([
    { name: 'cathode-kb', url: cathodeKbUrl, sdl: await fetchSubgraphSdl(cathodeKbUrl) },
    { name: 'lab', url: lab.url, sdl: await fetchSubgraphSdl(lab.url) },
  ]);
} catch (error) {
  await lab.stop();
  throw error;
}

if (process.argv.includes('--print-supergraph')) {
  process.stdout.write(supergraphSdl);
  await lab.stop();
} else {
  const gateway = await startGateway({ supergraphSdl, port: gatewayPort });
  console.log(`cathode-kb subgraph: ${cathodeKbUrl}`);
  console.log(`lab subgraph:        ${lab.url}`);
  console.log(`gateway:             ${gateway.url}`);
  console.log(`try:\n  curl -s ${gateway.url} -H 'content-type: application/json' --data '${JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') })}'`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void Promise.all([gateway.stop(), lab.stop()]));
  }
}
