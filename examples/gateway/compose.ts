/**
 * Compose subgraphs into a supergraph and serve it with @apollo/gateway, all locally: the
 * subgraphs' SDL is read from their `_service { sdl }` field and composed with
 * @apollo/composition (what `rover supergraph compose` does), and the gateway gets the static
 * supergraph (no Apollo Studio, no uplink). Used by gateway.ts and the federation test.
 *
 * @apollo/gateway and @apollo/composition are Elastic-2.0 licensed, so they are dev
 * dependencies of cathode-kb: the examples and tests use them, the server never imports them.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { parse } from 'graphql';

export interface Subgraph {
  name: string;
  /** Where the gateway sends this subgraph's part of a query. */
  url: string;
  sdl: string;
}

/** A running subgraph's SDL with federation directives, from `_service { sdl }`. */
export async function fetchSubgraphSdl(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data?: { _service: { sdl: string } }; errors?: unknown };
  if (!response.ok || !body.data) throw new Error(`${url} gave no subgraph SDL (${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  return body.data._service.sdl;
}

/** The supergraph SDL, or an error listing every composition error. */
export function composeSupergraph(subgraphs: readonly Subgraph[]): string {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new Error(`supergraph composition failed:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

/** A gateway over a static supergraph, served by Apollo Server's standalone HTTP server. */
export async function startGateway(options: { supergraphSdl: string; port?: number; host?: string }): Promise<RunningGateway> {
  const gateway = new ApolloGateway({ supergraphSdl: options.supergraphSdl });
  // Usage reporting off explicitly: nothing leaves the machine even if APOLLO_KEY is set.
  const server = new ApolloServer({ gateway, plugins: [ApolloServerPluginUsageReportingDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port: options.port ?? 4100, host: options.host } });
  return { url, stop: () => server.stop() };
}
