/**
 * The benchmark's peer: PostGraphile 4 (MIT, dev dependency, used here only) serving the same
 * PostgreSQL database (DATABASE_URL) read-only, with the connection-filter plugin so a batch of
 * ids is one `in` filter (the nearest to a federation `_entities` batch). Production settings:
 * no query log, no GraphiQL, no watch, no mutations. Announces itself on stdout as
 * `BENCH_POSTGRAPHILE {"url": …}`. Run by scripts/bench/run.ts.
 */
import http from 'node:http';
import Module, { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// PostGraphile 4 needs graphql 15 and gets its own copy (node_modules/postgraphile/node_modules);
// a few of its dependencies are hoisted beside the project's graphql 16 and would load that one
// ("Unexpected input type": two graphql realms). In this process only, every `graphql` require
// resolves to PostGraphile's copy.
const require = createRequire(import.meta.url);
const graphql15 = path.dirname(require.resolve('graphql/package.json', { paths: [path.dirname(require.resolve('postgraphile/package.json'))] }));
const moduleInternals = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolveFilename = moduleInternals._resolveFilename;
moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === 'graphql' || request.startsWith('graphql/')) request = graphql15 + request.slice('graphql'.length);
  return resolveFilename.call(this, request, ...rest);
};
const { postgraphile } = require('postgraphile') as typeof import('postgraphile');
const ConnectionFilterPlugin = require('postgraphile-plugin-connection-filter') as import('postgraphile').Plugin;

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name the PostgreSQL database to serve');
const middleware = postgraphile(url, 'public', {
  appendPlugins: [ConnectionFilterPlugin],
  disableDefaultMutations: true,
  simpleCollections: 'both',
  disableQueryLog: true,
  graphiql: false,
  watchPg: false,
  retryOnInitFail: false,
  ignoreRBAC: true,
  setofFunctionsContainNulls: false,
  dynamicJson: true,
  enableQueryBatching: false,
  extendedErrors: ['hint', 'detail', 'errcode'],
});
const server = http.createServer(middleware);
server.keepAliveTimeout = 65_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
console.log(`BENCH_POSTGRAPHILE ${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` })}`);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
