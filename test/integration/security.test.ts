/**
 * What a GraphQL security scanner tries, against a production-mode server: each attempt must be
 * refused with a 4xx or a GraphQL error with a clear message and a stable `extensions.code`,
 * never a 5xx, a stack trace or a field suggestion. And the limits must never break documented
 * usage: every ```graphql block of README.md and docs/*.md, GraphiQL's default query and the dashboard's
 * queries run without errors, and the example outputs shown after those blocks are what they answer.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { getIntrospectionQuery } from 'graphql';
import { startApp, type RunningApp } from '../../src/app.js';
import { allowlistFile, clientOperations, sha256Hex } from '../../src/security/allowlist.js';
import { DEFAULT_QUERY_LIMITS, loadSecurityConfig, SecurityConfigError } from '../../src/security/limits.js';
import { docExamples, expectedOutputMismatch } from '../docs-examples.js';
import { startTestServer, type TestServer } from './testkit.js';

interface Exchange {
  status: number;
  contentType: string;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  text: string;
}

let exchanges = 0;

/** Sends a request and checks what every answer must satisfy: no 5xx, JSON, codes, no stacks. */
async function send(url: string, init: RequestInit): Promise<Exchange> {
  const response = await fetch(url, init);
  const text = await response.text();
  exchanges++;
  const where = `${init.method ?? 'GET'} ${url.slice(0, 200)} → ${response.status}: ${text.slice(0, 600)}`;
  assert.ok(response.status < 500, `5xx: ${where}`);
  const contentType = response.headers.get('content-type') ?? '';
  assert.match(contentType, /json/, `not JSON: ${where}`);
  const body = JSON.parse(text) as Exchange['body'];
  for (const error of body.errors ?? []) {
    assert.equal(typeof error.extensions?.code, 'string', `error without extensions.code: ${where}`);
    assert.notEqual(error.extensions?.code, 'INTERNAL_SERVER_ERROR', `internal error: ${where}`);
    assert.equal(error.extensions?.stacktrace, undefined, `stack trace: ${where}`);
    assert.doesNotMatch(error.message, /\n\s+at |did you mean|prisma/i, `leaky message: ${where}`);
    assert.doesNotMatch(error.message, /\bSELECT\b|\bINSERT INTO\b|\bFROM "/, `SQL in message: ${where}`);
  }
  return { status: response.status, contentType, body, text };
}

const post = (url: string, query: string, variables?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables, ...extra }) });

const get = (url: string, params: Record<string, string>, headers: Record<string, string> = {}) => send(`${url}?${new URLSearchParams(params)}`, { method: 'GET', headers });

function refused(exchange: Exchange, code: string, message?: RegExp): void {
  const detail = `${exchange.status}: ${exchange.text.slice(0, 600)}`;
  assert.ok(exchange.status >= 400 && exchange.status < 500, `expected a 4xx, got ${detail}`);
  assert.ok(!exchange.body.data, `expected no data, got ${detail}`);
  const codes = (exchange.body.errors ?? []).map((e) => e.extensions?.code);
  assert.ok(codes.includes(code), `expected ${code}, got ${detail}`);
  if (message) assert.ok(exchange.body.errors!.some((e) => message.test(e.message)), `expected a message matching ${message}, got ${detail}`);
}

function succeeded(exchange: Exchange, what: string): void {
  assert.equal(exchange.status, 200, `${what}: ${exchange.text.slice(0, 800)}`);
  assert.equal(exchange.body.errors, undefined, `${what}: ${exchange.text.slice(0, 800)}`);
  assert.ok(exchange.body.data, `${what}: no data`);
}


const DEFAULT_QUERY = readFileSync(path.join(import.meta.dirname, '..', '..', 'src', 'web', 'default-query.graphql'), 'utf8');
const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
const nest = (depth: number, open: string, leaf: string) => `${open.repeat(depth)}${leaf}${' }'.repeat(depth)}`;

describe('security checks against a production-mode server', () => {
  let server: TestServer;
  let url: string;
  let introspective: RunningApp;
  let allowlisted: RunningApp;
  let tmp: string;

  before(async () => {
    // The docs' Materials Project examples run on the 14-electrode fixture export.
    server = await startTestServer({ production: true, materialsProject: 'fixture' });
    url = server.app.url;
    introspective = await startApp(server.db, 0, { production: true, host: '127.0.0.1', security: { introspection: true } });
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-allowlist-'));
    const file = path.join(tmp, 'allowlist.json');
    writeFileSync(file, JSON.stringify(allowlistFile(clientOperations())));
    allowlisted = await startApp(server.db, 0, { production: true, host: '127.0.0.1', security: { operationAllowlist: file } });
  });
  after(async () => {
    console.log(`# security: ${exchanges} HTTP exchanges checked (no 5xx, JSON, codes, no stacks, no suggestions)`);
    await allowlisted?.close();
    await introspective?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  describe('documented usage passes the limits', () => {
    test('every ```graphql block of README.md and docs/*.md returns data without errors, and the output shown after it', async () => {
      const examples = docExamples();
      assert.ok(examples.length >= 10, `found only ${examples.length} graphql blocks in the docs`);
      for (const { where, query, expected } of examples) {
        const exchange = await post(url, query);
        succeeded(exchange, `${where}:\n${query}`);
        if (expected === undefined) continue;
        const miss = expectedOutputMismatch(expected, exchange.body.data);
        assert.equal(miss, null, `${where}: the example output after the query is not in its answer (${miss})\n${exchange.text.slice(0, 2000)}`);
      }
      const outputs = examples.filter((e) => e.expected !== undefined).length;
      console.log(`# security: ${examples.length} documented queries ran within the limits, ${outputs} example outputs matched`);
    });

    test("GraphiQL's default query and the dashboard's queries return data without errors", async () => {
      succeeded(await post(url, DEFAULT_QUERY), 'src/web/default-query.graphql');
      for (const { name, document } of clientOperations()) succeeded(await post(url, document), name);
    });

    test('the deepest derivation trace the data holds (15 levels, down to the paper DOI) passes with a small page', async () => {
      const trace = `{ materials(first: 2, filter: { chemicalFormulaReduced: "NaO3V", role: CATHODE }) { edges { node { voltagePairs { volumetricEnergy {
        inputs { derivation { inputs { derivation { inputs { derivation { inputs { name source { paper { doi } } } } } } } } } } } } } } }`;
      const exchange = await post(url, trace);
      succeeded(exchange, 'deep trace');
      assert.match(exchange.text, /"doi"/);
    });

    test('GraphiQL\'s introspection query passes when introspection is on', async () => {
      const exchange = await post(introspective.url, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }));
      succeeded(exchange, 'introspection query');
      assert.ok(exchange.body.data!.__schema.types.length > 50);
    });
  });

  describe('alias overloading', () => {
    test('101 aliases are refused', async () => {
      refused(await post(url, `{ ${aliases(101, 'papers { doi }')} }`), 'TOO_MANY_ALIASES', /101 aliases; at most 10/);
    });
    test('11 __typename aliases are refused too (no exemption), 10 pass', async () => {
      refused(await post(url, `{ ${aliases(11, '__typename')} }`), 'TOO_MANY_ALIASES', /11 aliases/);
      succeeded(await post(url, `{ ${aliases(10, '__typename')} }`), '10 aliases');
    });
    test('aliases hidden in fragments are counted where the fragment is spread', async () => {
      const query = `{ ...F ...F } fragment F on Query { ${aliases(6, '__typename')} }`;
      refused(await post(url, query), 'TOO_MANY_ALIASES', /12 aliases/);
    });
  });

  describe('batching', () => {
    test('an array of 10 queries is refused with 400', async () => {
      const batch = Array.from({ length: 10 }, () => ({ query: '{ papers { doi } }' }));
      const exchange = await send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
      refused(exchange, 'BAD_REQUEST', /batching disabled/i);
    });
  });

  describe('field duplication', () => {
    test('500 copies of __typename are refused', async () => {
      refused(await post(url, `{ ${'__typename '.repeat(500)}}`), 'DUPLICATE_FIELD', /"__typename" is selected 500 times/);
    });
    test('500 copies of a field are refused', async () => {
      refused(await post(url, `{ papers { ${'doi '.repeat(500)}} }`), 'DUPLICATE_FIELD', /"doi" is selected 500 times/);
    });
  });

  describe('directive overloading', () => {
    test('10 repeated directives on one field are refused', async () => {
      refused(await post(url, `{ __typename ${'@include(if: true) '.repeat(10)}}`), 'TOO_MANY_DIRECTIVES', /10 directives; at most 5/);
    });
    test('10 unknown directives are refused', async () => {
      const exchange = await post(url, `{ __typename ${'@aa '.repeat(10)}}`);
      refused(exchange, 'TOO_MANY_DIRECTIVES');
    });
    test('6 distinct directives across fields are refused, 5 pass', async () => {
      const fields = ['doi', 'title', 'year', 'journal', 'volume', 'pages'];
      const query = (n: number) => `{ papers { ${fields.map((f, i) => (i < n ? `${f} @include(if: true)` : f)).join(' ')} } }`;
      refused(await post(url, query(6)), 'TOO_MANY_DIRECTIVES', /6 directives/);
      succeeded(await post(url, query(5)), '5 directives');
    });
  });

  describe('deep and circular queries', () => {
    test('circular introspection is refused even with introspection on', async () => {
      const circular = '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }';
      refused(await post(introspective.url, circular), 'GRAPHQL_VALIDATION_FAILED', /introspection depth/i);
    });
    test('deep ofType nesting hits the depth limit even with introspection on', async () => {
      const deep = `{ __type(name: "Material") { ${nest(20, 'ofType { ', 'name')} } }`;
      refused(await post(introspective.url, deep), 'QUERY_TOO_DEEP', new RegExp(`depth 22 exceeds the limit of ${DEFAULT_QUERY_LIMITS.maxDepth}`));
    });
    test('a query one level deeper than the limit is refused, at the limit it runs', async () => {
      // Material.substrate is a Material: a chain as deep as the client likes, one object per level.
      const chain = (depth: number) => `{ materials(first: 1) { edges { node { ${nest(depth - 4, 'substrate { ', 'key')} } } } }`;
      const limit = DEFAULT_QUERY_LIMITS.maxDepth;
      refused(await post(url, chain(limit + 1)), 'QUERY_TOO_DEEP', new RegExp(`depth ${limit + 1} exceeds`));
      succeeded(await post(url, chain(limit)), `depth ${limit}`);
    });
    test('fragment cycles are refused by validation', async () => {
      const exchange = await post(url, '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
      refused(exchange, 'GRAPHQL_VALIDATION_FAILED', /cannot spread fragment "A" within itself/i);
    });
  });

  describe('cost and size', () => {
    test('a query whose lists multiply past the budget is refused before it runs', async () => {
      const query = '{ materials(first: 100) { edges { node { measurements { conditions { currentDensity { inputs { source { paper { doi } } } } } } } } } }';
      refused(await post(url, query), 'QUERY_TOO_COSTLY', /estimated cost \d+ exceeds the budget of 5000/);
    });
    test('page sizes from variables count: the same document passes with first: 2 and is refused with first: 100', async () => {
      const query = 'query($n: Int) { materials(first: $n) { edges { node { measurements { conditions { currentDensity { inputs { source { paper { doi } } } } } } } } } }';
      succeeded(await post(url, query, { n: 2 }), 'first: 2');
      refused(await post(url, query, { n: 100 }), 'QUERY_TOO_COSTLY');
    });
    test('first: 101 is refused by the resolver', async () => {
      const exchange = await post(url, '{ materials(first: 101) { totalCount } }');
      assert.equal(exchange.body.errors?.[0]?.extensions?.code, 'PAGE_SIZE_EXCEEDED');
    });
    test('more than 1000 tokens are refused at parse time', async () => {
      refused(await post(url, `{ papers { doi ${Array.from({ length: 1000 }, (_, i) => `f${i}`).join(' ')} } }`), 'GRAPHQL_PARSE_FAILED', /more tha[nt] 1000 tokens/);
    });
    test('a body over 100 kB gets a JSON 413', async () => {
      const exchange = await send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ papers { doi } } # ${'x'.repeat(110_000)}` }) });
      refused(exchange, 'PAYLOAD_TOO_LARGE', /larger than the limit of 100 kB/);
      assert.equal(exchange.status, 413);
    });
  });

  describe('production behaviour', () => {
    test('no field, argument or enum suggestions', async () => {
      const cases: [string, Record<string, unknown>?][] = [
        ['{ materals { totalCount } }'],
        ['{ materials(frist: 2) { totalCount } }'],
        ['{ materials(filter: { famly: "x" }) { totalCount } }'],
        ['{ materials(filter: { role: CATHOD }) { totalCount } }'],
        ['query($r: MaterialRole) { materials(filter: { role: $r }) { totalCount } }', { r: 'CATHOD' }],
        ['query($f: MaterialFilter) { materials(filter: $f) { totalCount } }', { f: { famly: 'x' } }],
        ['{ papers { titel } }'],
      ];
      for (const [query, variables] of cases) {
        const exchange = await post(url, query, variables);
        assert.ok(exchange.body.errors?.length, `expected an error for ${query}`);
        for (const error of exchange.body.errors!) assert.doesNotMatch(error.message, /did you mean/i);
      }
    });

    test('introspection is off by default: __schema, __type and _service are refused, __typename is not', async () => {
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Material") { name } }', '{ _service { sdl } }']) {
        const exchange = await post(url, query);
        refused(exchange, 'GRAPHQL_VALIDATION_FAILED');
        assert.equal(exchange.body.errors![0]!.extensions?.validationErrorCode, 'INTROSPECTION_DISABLED', query);
      }
      succeeded(await post(url, '{ __typename }'), '__typename');
    });

    test('errors carry codes and no stack traces, SQL or internals', async () => {
      const cases = [
        '{ materials(after: "garbage") { totalCount } }',
        '{ node(id: "not-an-id") { id } }',
        '{ materials(filter: { propertyRanges: [{ property: "nope", min: 1 }] }) { totalCount } }',
        '{ materials { edges { node { molarMass(unit: "furlong") { value } } } } }',
        '{ papers { doi',
      ];
      for (const query of cases) {
        const exchange = await post(url, query);
        assert.ok(exchange.body.errors?.length, query);
        for (const error of exchange.body.errors!) assert.ok(!JSON.stringify(error).includes('stacktrace'), query);
      }
    });
  });

  describe('CSRF and HTTP methods', () => {
    test('GET without a preflight header is refused; with one, queries run', async () => {
      refused(await get(url, { query: '{ papers { doi } }' }), 'BAD_REQUEST', /Cross-Site Request Forgery/);
      succeeded(await get(url, { query: '{ papers { doi } }' }, { 'apollo-require-preflight': 'true' }), 'GET with preflight header');
      succeeded(await get(url, { query: '{ papers { doi } }' }, { 'content-type': 'application/json' }), 'GET with a JSON content-type (Apollo Client)');
    });
    test('url-encoded, multipart and text/plain POSTs are refused', async () => {
      for (const contentType of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
        const exchange = await send(url, { method: 'POST', headers: { 'content-type': contentType }, body: 'query=%7B__typename%7D' });
        refused(exchange, 'BAD_REQUEST', /Cross-Site Request Forgery/);
      }
    });
    test('mutations over GET are refused (405), with or without a preflight header', async () => {
      refused(await get(url, { query: 'mutation { __typename }' }), 'BAD_REQUEST');
      const exchange = await get(url, { query: 'mutation { __typename }' }, { 'apollo-require-preflight': 'true' });
      refused(exchange, 'BAD_REQUEST', /GET requests only support query operations/);
      assert.equal(exchange.status, 405);
    });
  });

  describe('automatic persisted queries', () => {
    test('an unknown hash asks for the document; once sent with it, the hash alone runs it', async () => {
      const query = '{ papers { doi year } }';
      const persisted = { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } };
      const hashOnly = () => send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions: persisted }) });
      const first = await hashOnly();
      assert.equal(first.body.errors?.[0]?.extensions?.code, 'PERSISTED_QUERY_NOT_FOUND', first.text);
      succeeded(await post(url, query, undefined, { extensions: persisted }), 'APQ registration');
      const again = await hashOnly();
      succeeded(again, 'APQ by hash');
      assert.equal(again.body.data!.papers.length, 3);
      // Also over GET (a CDN-cacheable request), with the preflight header.
      succeeded(await get(url, { extensions: JSON.stringify(persisted) }, { 'apollo-require-preflight': 'true' }), 'APQ over GET');
    });
    test('a hash that does not match the document is refused', async () => {
      const exchange = await post(url, '{ papers { doi } }', undefined, { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
      refused(exchange, 'BAD_REQUEST', /provided sha does not match query/);
    });
    test('persisted documents still pass the limits', async () => {
      const query = `{ ${aliases(11, '__typename')} }`;
      refused(await post(url, query, undefined, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } } }), 'TOO_MANY_ALIASES');
    });
  });

  describe('operation allow-list', () => {
    test("the dashboard's queries and GraphiQL's default query run", async () => {
      for (const { name, document } of clientOperations()) succeeded(await post(allowlisted.url, document), name);
    });
    test('any other document is refused with 403 OPERATION_NOT_ALLOWED, before it is parsed', async () => {
      for (const query of ['{ __typename }', '{ papers { doi } }', 'not graphql at all', `${DEFAULT_QUERY} `]) {
        const exchange = await post(allowlisted.url, query);
        refused(exchange, 'OPERATION_NOT_ALLOWED', /allow-list/);
        assert.equal(exchange.status, 403);
      }
      refused(await get(allowlisted.url, { query: '{ __typename }' }, { 'apollo-require-preflight': 'true' }), 'OPERATION_NOT_ALLOWED');
      const unknownHash = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('{ __typename }') } } };
      refused(await send(allowlisted.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(unknownHash) }), 'OPERATION_NOT_ALLOWED');
    });
    test('a listed document can be sent by its hash (APQ)', async () => {
      const { document } = clientOperations()[0]!;
      const persisted = { persistedQuery: { version: 1, sha256Hash: sha256Hex(document) } };
      const first = await send(allowlisted.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions: persisted }) });
      assert.equal(first.body.errors?.[0]?.extensions?.code, 'PERSISTED_QUERY_NOT_FOUND', first.text);
      succeeded(await post(allowlisted.url, document, undefined, { extensions: persisted }), 'register');
      succeeded(await send(allowlisted.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions: persisted }) }), 'by hash');
    });
  });
});

describe('limit settings', () => {
  test('defaults, environment variables and overrides', () => {
    assert.deepEqual(loadSecurityConfig({}, false).limits, DEFAULT_QUERY_LIMITS);
    assert.equal(loadSecurityConfig({}, false).introspection, true);
    assert.equal(loadSecurityConfig({}, true).introspection, false);
    assert.equal(loadSecurityConfig({ GRAPHQL_INTROSPECTION: 'true' }, true).introspection, true);
    assert.equal(loadSecurityConfig({ GRAPHQL_INTROSPECTION: '0' }, false).introspection, false);
    const config = loadSecurityConfig({ GRAPHQL_MAX_DEPTH: '12', GRAPHQL_MAX_ALIASES: ' 20 ', GRAPHQL_MAX_COST: '', OPERATION_ALLOWLIST: 'x.json' }, true, { limits: { maxTokens: 50 } });
    assert.deepEqual(config.limits, { ...DEFAULT_QUERY_LIMITS, maxDepth: 12, maxAliases: 20, maxTokens: 50 });
    assert.equal(config.operationAllowlist, 'x.json');
  });
  test('a bad value stops startup with a message naming the variable', () => {
    assert.throws(() => loadSecurityConfig({ GRAPHQL_MAX_DEPTH: 'deep' }, false), (e: Error) => e instanceof SecurityConfigError && /GRAPHQL_MAX_DEPTH="deep": must be a whole number/.test(e.message));
    assert.throws(() => loadSecurityConfig({ GRAPHQL_MAX_COST: '0' }, false), /GRAPHQL_MAX_COST="0": must be at least 1/);
    assert.throws(() => loadSecurityConfig({ GRAPHQL_MAX_TOKENS: '-5' }, false), /GRAPHQL_MAX_TOKENS/);
    assert.throws(() => loadSecurityConfig({ GRAPHQL_INTROSPECTION: 'yes' }, false), /GRAPHQL_INTROSPECTION="yes": must be true or false/);
  });
});
