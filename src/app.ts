/**
 * Builds the HTTP app (Apollo Server on node:http) around a database. Used by the start
 * command and by integration tests, which start it on a free port against a fresh database.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { unwrapResolverError } from '@apollo/server/errors';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { createContext, readFromPrimary, type Context } from './context.js';
import { CuratorAuthError, loadCuratorAuth, type CuratorAuth } from './curation/auth.js';
import { backupRouter } from './curation/backup-route.js';
import { dumpRouter } from './curation/dump-route.js';
import { ingestRouter } from './curation/ingest-route.js';
import type { Database } from './db/client.js';
import { DATABASE_FAILURE_MESSAGES, databaseFailure } from './db/failures.js';
import { ErrorCode, isRetryable } from './errors.js';
import { graphqlPostHandler } from './graphql-post.js';
import { inFlightOperations } from './in-flight.js';
import { compiledOperationPlugin } from './read/operation.js';
import { graphiqlRouter } from './web/graphiql.js';
import { dashboardRouter } from './web/dashboard.js';
import { exportRouter } from './web/export.js';
import { explorerRouter } from './web/explorer.js';
import { docsRouter } from './web/docs.js';
import { buildSchema } from './schema.js';
import { loadOperationAllowlist } from './security/allowlist.js';
import { requestDeadlinePlugin } from './security/deadline.js';
import { graphqlHttpErrorHandler, operationAllowlistMiddleware } from './security/http.js';
import { apolloSecurityOptions, loadSecurityConfig, operationGuardPlugin, shapeClientError, type SecurityOverrides } from './security/limits.js';
import { httpStatusPlugin } from './security/status.js';

export interface AppOptions {
  production?: boolean;
  /** Curator authentication for mutations; default from CURATOR_TOKENS / CURATOR_JWT_SECRET. */
  curatorAuth?: CuratorAuth;
  /** Interface to listen on; default all. */
  host?: string;
  /** Query limits, introspection, allow-list; default from the environment (src/security/limits.ts). */
  security?: SecurityOverrides;
  /** false: every read through the resolvers' DataLoaders (the benchmark's reference for byte checks); default: the SQL-compiled read path (src/read). */
  compiledReads?: boolean;
}

export interface RunningApp {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Known client errors pass through; a database that is down or a statement past its timeout gets
 * its code (SERVICE_UNAVAILABLE with `retryable: true`, REQUEST_TIMEOUT); anything else becomes
 * a generic internal error (no stack, no SQL).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const known = typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR;
  if (known) {
    const extensions: Record<string, unknown> = { ...formatted.extensions, ...(isRetryable(code) ? { retryable: true } : {}) };
    if (production) delete extensions.stacktrace;
    return { ...formatted, extensions };
  }
  const failure = databaseFailure(unwrapResolverError(error));
  if (failure) {
    console.error(`database failure (${failure}):`, (unwrapResolverError(error) as Error)?.message?.split('\n').filter(Boolean).pop());
    return { message: DATABASE_FAILURE_MESSAGES[failure], locations: formatted.locations, path: formatted.path, extensions: { code: failure, ...(isRetryable(failure) ? { retryable: true } : {}) } };
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
  // Which framework answers is nobody's business (the direct POST path never said).
  app.disable('x-powered-by');
  // POST /graphql as clients send it goes straight to Apollo (src/graphql-post.ts); the rest to express.
  let graphqlPost: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean) | undefined;
  const httpServer = http.createServer((req, res) => {
    if (!graphqlPost?.(req, res)) app(req, res);
  });
  applyKeepAlive(httpServer);
  const schema = buildSchema();
  const inFlight = inFlightOperations<Context>();
  const server = new ApolloServer<Context>({
    schema,
    ...apolloSecurityOptions<Context>(security, production),
    includeStacktraceInErrorResponses: !production,
    // The caller owns SIGINT/SIGTERM and calls close(). Apollo's own handlers would stop the
    // server and raise the signal again, running the caller's shutdown a second time.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatError(shapeClientError(formatted, error, production), error, production),
    // No Apollo landing page (it loads Apollo Sandbox from a CDN): GraphiQL at /graphiql instead.
    // Federated tracing (ftv1) when a gateway asks for it with `apollo-federation-include-trace`;
    // error messages in traces masked in production, as in responses.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTrace({ includeErrors: production ? { masked: true } : { unmodified: true } }),
      ApolloServerPluginCacheControlDisabled(),
      operationGuardPlugin<Context>(security.limits),
      requestDeadlinePlugin<Context>(security.limits.requestTimeoutMs),
      httpStatusPlugin<Context>(),
      primaryForMutations,
      compiledOperationPlugin(),
      inFlight.plugin,
    ],
  });
  await server.start();
  // A bearer token that is not a curator credential (an organisation's token a gateway forwards)
  // does not stop reads: only a mutation refuses it, with the reason.
  const contextFor = async (req: http.IncomingMessage): Promise<Context> => {
    try {
      return createContext(database.reader(), await curatorAuth.authenticate(req.headers.authorization), database.prisma, options.compiledReads === false ? undefined : database.sqlFor);
    } catch (error) {
      if (!(error instanceof CuratorAuthError)) throw error;
      return { ...createContext(database.reader(), null, database.prisma), curatorRefusal: error.message };
    }
  };
  const allowlistGuard = allowlist && { allowlist, gatewaySecret: security.gatewaySecret };
  graphqlPost = graphqlPostHandler({ server, context: contextFor, path: '/graphql', maxBodyBytes: security.limits.maxBodyKb * 1024, allowlist: allowlistGuard });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // GraphiQL (offline) at /graphiql; browser GETs of /graphql redirect there.
  app.use(graphiqlRouter({ path: '/graphiql', endpoint: '/graphql' }));
  // GraphQL next, ahead of the page routers, which every request would otherwise walk through.
  app.use(
    '/graphql',
    express.json({ limit: `${security.limits.maxBodyKb}kb` }),
    ...(allowlistGuard ? [operationAllowlistMiddleware(allowlistGuard)] : []),
    expressMiddleware(server, { context: ({ req }) => contextFor(req) }),
    graphqlHttpErrorHandler,
  );
  // Research dashboard (offline; Observable Plot) at /dashboard.
  app.use(dashboardRouter({ path: '/dashboard', endpoint: '/graphql' }));
  // Data out (CSV, JSON Lines) streamed outside the GraphQL cost limit: docs/data-out.md.
  app.use(exportRouter({ database, schema }));
  // Explorer (offline; Observable Plot) at /explorer: any two properties, material pages, compare.
  app.use(explorerRouter({ path: '/explorer', endpoint: '/graphql', exportBase: '/export' }));
  // Front page with links (`/`) and the docs rendered from the repository's Markdown (`/docs/`).
  app.use(docsRouter());
  // A paper's data file from a curator, while this process holds the embedded database.
  app.use(ingestRouter(database, curatorAuth));
  // The database as a backup file for a curator (npm run backup, while this process holds the embedded database).
  app.use(backupRouter(database, curatorAuth));
  // The database as seed-format files for a curator (npm run export, likewise).
  app.use(dumpRouter(database, curatorAuth));
  await new Promise<void>((resolve) => httpServer.listen(port, options.host, resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actualPort}/graphql`,
    port: actualPort,
    async close() {
      await server.stop();
      // Operations whose client went away are not the drain's to wait for; they end by the
      // request deadline (a running statement by its timeout), which bounds the wait.
      await inFlight.settled(Math.max(security.limits.requestTimeoutMs, security.limits.statementTimeoutMs) + 5_000);
    },
  };
}
