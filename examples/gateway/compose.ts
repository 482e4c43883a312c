/**
 * Compose subgraphs into a supergraph and serve it with @apollo/gateway or Hive Gateway, all
 * locally: the subgraphs' SDL is read from their `_service { sdl }` field and composed with
 * @apollo/composition (what `rover supergraph compose` does) or @theguild/federation-composition
 * (what Hive's `mesh-compose`/Hive CLI use), and the gateway gets the static supergraph (no
 * Apollo Studio, no uplink, no Hive CDN). Used by gateway.ts and the federation test.
 *
 * @apollo/gateway and @apollo/composition are Elastic-2.0 licensed, so they are dev
 * dependencies of cathode-kb, like Hive Gateway: the examples and tests use them, the server
 * never imports them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { composeServices as composeServicesTheGuild } from '@theguild/federation-composition';
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

export type Composer = 'apollo' | 'theguild';

/** The supergraph SDL, or an error listing every composition error. */
export function composeSupergraph(subgraphs: readonly Subgraph[], composer: Composer = 'apollo'): string {
  const services = subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) }));
  const result = composer === 'apollo' ? composeServices(services) : composeServicesTheGuild(services);
  if (result.errors?.length) {
    throw new Error(`supergraph composition (${composer}) failed:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl!;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  supergraphSdl: string;
  port?: number;
  host?: string;
  /**
   * Client headers passed on to every subgraph (both gateways forward none by default):
   * `authorization` for curator mutations.
   */
  forwardHeaders?: readonly string[];
  /** Headers the gateway adds to every subgraph request: `Gateway-Secret` past an allow-list. */
  subgraphHeaders?: Readonly<Record<string, string>>;
}

/** @apollo/gateway over a static supergraph, served by Apollo Server's standalone HTTP server. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const forward = options.forwardHeaders ?? [];
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<{ headers?: Record<string, string | undefined> }>({
        url,
        willSendRequest({ request, context }) {
          for (const name of forward) {
            const value = context.headers?.[name];
            if (value) request.http?.headers.set(name, value);
          }
          for (const [name, value] of Object.entries(options.subgraphHeaders ?? {})) request.http?.headers.set(name, value);
        },
      }),
  });
  // Usage reporting off explicitly: nothing leaves the machine even if APOLLO_KEY is set.
  const server = new ApolloServer({ gateway, plugins: [ApolloServerPluginUsageReportingDisabled()] });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port ?? 4100, host: options.host },
    context: async ({ req }) => ({ headers: Object.fromEntries(forward.map((name) => [name, req.headers[name] as string | undefined])) }),
  });
  return { url, stop: () => server.stop() };
}

/** Hive Gateway (its JavaScript query planner) over a static supergraph, on node:http. */
export async function startHiveGateway(options: GatewayOptions): Promise<RunningGateway> {
  const forward = options.forwardHeaders ?? [];
  const gateway = createGatewayRuntime({
    supergraph: options.supergraphSdl,
    logging: false,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        ...Object.fromEntries(forward.map((name) => [name, request.headers.get(name)])),
        ...options.subgraphHeaders,
      }),
    },
  });
  const server = http.createServer(gateway);
  await new Promise<void>((resolve) => server.listen(options.port ?? 4200, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? 'localhost'}:${port}/graphql`,
    async stop() {
      await gateway.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
