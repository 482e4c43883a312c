/**
 * Builds the HTTP app (Apollo Server on node:http) around a database. Used by the start
 * command and by integration tests, which start it on a free port against a fresh database.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { createContext, readFromPrimary, type Context } from './context.js';
import { CuratorAuthError, loadCuratorAuth, type CuratorAuth } from './curation/auth.js';
import type { Database } from './db/client.js';
import { ErrorCode } from './errors.js';
import { graphiqlRouter } from './web/graphiql.js';
import { dashboardRouter } from './web/dashboard.js';
import { exportRouter } from './web/export.js';
import { explorerRouter } from './web/explorer.js';
import { buildSchema } from './schema.js';
import { loadOperationAllowlist } from './security/allowlist.js';
import { graphqlHttpErrorHandler, operationAllowlistMiddleware } from './security/http.js';
import { apolloSecurityOptions, loadSecurityConfig, operationGuardPlugin, shapeClientError, type SecurityOverrides } from './security/limits.js';

export interface AppOptions {
  production?: boolean;
  /** Curator authentication for mutations; default from CURATOR_TOKENS / CURATOR_JWT_SECRET. */
  curatorAuth?: CuratorAuth;
  /** Interface to listen on; default all. */
  host?: string;
  /** Query limits, introspection, allow-list; default from the environment (src/security/limits.ts). */
  security?: SecurityOverrides;
}

export interface RunningApp {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Known client errors pass through; anything else becomes a generic internal error (no stack, no SQL). */
export function formatError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const known = typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR;
  if (known) {
    if (!production) return formatted;
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (!production) return formatted;
  console.error('internal error:', unwrapResolverError(error));
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * Idle keep-alive connections stay open 65 s (Node's default is 5 s): longer than the usual 60 s
 * of load balancers, so the balancer closes idle connections, never the server under it; and a
 * request that arrives while the event loop is busy for seconds (a correlation over a whole
 * family on the embedded database) is not met by a connection reset.
 */
export function applyKeepAlive(server: http.Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

/** Queries read from a replica (when configured); a mutation request uses the primary throughout. */
const primaryForMutations: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (operation?.operation === 'mutation') readFromPrimary(contextValue);
      },
    };
  },
};

export async function startApp(database: Database, port: number, options: AppOptions = {}): Promise<RunningApp> {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const curatorAuth = options.curatorAuth ?? loadCuratorAuth();
  const security = loadSecurityConfig(process.env, production, options.security);
  const allowlist = security.operationAllowlist ? loadOperationAllowlist(security.operationAllowlist) : undefined;
  const app = express();
  const httpServer = http.createServer(app);
  applyKeepAlive(httpServer);
  const schema = buildSchema();
  const server = new ApolloServer<Context>({
    schema,
    ...apolloSecurityOptions<Context>(security, production),
    includeStacktraceInErrorResponses: !production,
    formatError: (formatted, error) => formatError(shapeClientError(formatted, error, production), error, production),
    // No Apollo landing page (it loads Apollo Sandbox from a CDN): GraphiQL at /graphiql instead.
    // Inline tracing is for Apollo Studio (not used); the landing page would load Apollo's CDN.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), operationGuardPlugin<Context>(security.limits), primaryForMutations],
  });
  await server.start();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // GraphiQL (offline) at /graphiql; browser GETs of /graphql redirect there.
  app.use(graphiqlRouter({ path: '/graphiql', endpoint: '/graphql' }));
  // Research dashboard (offline; Observable Plot) at /dashboard.
  app.use(dashboardRouter({ path: '/dashboard', endpoint: '/graphql' }));
  // Data out (CSV, JSON Lines) streamed outside the GraphQL cost limit: docs/data-out.md.
  app.use(exportRouter({ database, schema }));
  // Explorer (offline; Observable Plot) at /explorer: any two properties, material pages, compare.
  app.use(explorerRouter({ path: '/explorer', endpoint: '/graphql', exportBase: '/export' }));
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    ...(allowlist ? [operationAllowlistMiddleware(allowlist)] : []),
    expressMiddleware(server, {
      context: async ({ req }) => {
        try {
          return createContext(database.reader(), await curatorAuth.authenticate(req.headers.authorization), database.prisma);
        } catch (error) {
          if (!(error instanceof CuratorAuthError)) throw error;
          throw new GraphQLError(error.message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
        }
      },
    }),
    graphqlHttpErrorHandler,
  );
  await new Promise<void>((resolve) => httpServer.listen(port, options.host, resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actualPort}/graphql`,
    port: actualPort,
    close: () => server.stop(),
  };
}
