/**
 * What a GraphQL security scanner tries, against a production-mode server: each attempt must be
 * refused with a 4xx or a GraphQL error with a clear message and a stable `extensions.code`,
 * never a 5xx, a stack trace or a field suggestion. And the limits must never break documented
 * usage: every ```graphql block of README.md and docs/*.md, GraphiQL's default query and the dashboard's
 * queries run without errors, and the example outputs shown after those blocks are what they answer.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { getIntrospectionQuery, parse } from 'graphql';
import { startApp, type RunningApp } from '../../src/app.js';
import { allowlistFile, clientOperations, sha256Hex } from '../../src/security/allowlist.js';
import { docExamples, expectedOutputMismatch } from '../docs-examples.js';
import { DEFAULT_QUERY_LIMITS, documentWords, loadSecurityConfig, SecurityConfigError } from '../../src/security/limits.js';
import { startTestServer, type TestServer } from './testkit.js';

interface Exchange {
  status: number;
  contentType: string;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  text: string;
}

let exchanges = 0;

/**
 * Sends a request and checks what every answer must satisfy: no 5xx, JSON, codes, no stacks.
 * As a GraphQL-over-HTTP client (Accept: application/graphql-response+json), which gets the
 * refusals' HTTP statuses; a plain application/json client gets 200 (see 'HTTP status').
 */
async function send(url: string, init: RequestInit): Promise<Exchange> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/graphql-response+json', ...(init.headers as Record<string, string>) } });
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
    test('101 aliases below the root are refused', async () => {
      refused(await post(url, `{ papers { ${aliases(101, 'doi')} } }`), 'TOO_MANY_ALIASES', /101 aliases below its root fields; at most 10/);
    });
    test('11 __typename aliases below the root are refused too (no exemption), 10 pass', async () => {
      refused(await post(url, `{ papers { ${aliases(11, '__typename')} } }`), 'TOO_MANY_ALIASES', /11 aliases/);
      succeeded(await post(url, `{ papers { ${aliases(10, '__typename')} } }`), '10 aliases');
    });
    test('aliases hidden in fragments are counted where the fragment is spread', async () => {
      const query = `{ papers { ...F ...F } } fragment F on Paper { ${aliases(6, '__typename')} }`;
      refused(await post(url, query), 'TOO_MANY_ALIASES', /12 aliases/);
    });
    test('aliased root fields (as gateways send them) are held by the cost instead: 101 aliased papers lists are too costly', async () => {
      succeeded(await post(url, `{ ${aliases(20, '__typename')} ${aliases(11, 'papers { doi }').replace(/a(\d+):/g, 'p$1:')} }`), '31 aliased root fields');
      refused(await post(url, `{ ${aliases(101, 'papers { materials { key } }')} }`), 'QUERY_TOO_COSTLY', /The largest share, 110, is a\d+\.materials \(a\d+ assumed 10 per list/);
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
      const why = /estimated cost 12,201 exceeds the budget of 5,000 .* The largest share, 12,201, is materials\.edges\.node\.measurements\.conditions\.currentDensity\.inputs\.source\.paper \(materials first: 100 × measurements assumed 10 per list .* × inputs 3 per list/;
      refused(await post(url, query), 'QUERY_TOO_COSTLY', why);
      // Sent again, the document's kept report (it reads no variable) refuses it the same way.
      refused(await post(url, query), 'QUERY_TOO_COSTLY', why);
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
    test('more than 1000 names and values are refused; punctuation, variable definitions and __typename do not count', async () => {
      refused(await post(url, `{ papers { doi ${Array.from({ length: 1000 }, (_, i) => `f${i}`).join(' ')} } }`), 'TOO_MANY_TOKENS', /1002 names and values; at most 1000/);
      // What a gateway sends for a client's document: literals as variables, __typename added.
      const client = '{ materials(first: 3, filter: { elements: ["Ni", "Co"], role: CATHODE }) { edges { node { key } } } }';
      const planned = 'query($a: Int, $b: [String!], $c: MaterialRole) { materials(first: $a, filter: { elements: $b, role: $c }) { __typename edges { __typename node { __typename key } } } }';
      const entities = 'query($representations: [_Any!]!) { _0: _entities(representations: $representations) { ... on Material { __typename key } } }';
      assert.deepEqual([client, planned, entities].map((d) => documentWords(parse(d))), [12, 12, 2]);
    });
    test('past 8 times the token limit the parser stops', async () => {
      refused(await post(url, `query(${'$v: Int '.repeat(2001)}) { papers { doi } }`), 'GRAPHQL_PARSE_FAILED', /more tha[nt] 8000 tokens/);
    });
    test('a body over 1 MB gets a JSON 413', async () => {
      const exchange = await send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ papers { doi } } # ${'x'.repeat(1_100_000)}` }) });
      refused(exchange, 'PAYLOAD_TOO_LARGE', /larger than the limit of 1024 kB/);
      assert.equal(exchange.status, 413);
    });
  });

  describe('list arguments', () => {
    const ranges = (n: number) => Array.from({ length: n }, (_, i) => ({ property: 'average_voltage', min: i / 1000 }));
    test('200 and 2,000 propertyRanges entries are refused before any SQL runs, as a literal or a variable', async () => {
      const query = 'query($f: MaterialFilter) { materials(filter: $f) { totalCount } }';
      for (const n of [200, 2000]) {
        const before = server.db.statementCount();
        refused(await post(url, query, { f: { propertyRanges: ranges(n) } }), 'LIST_SIZE_EXCEEDED', new RegExp(`materials\\(filter\\)\\.propertyRanges has ${n.toLocaleString('en-US')} entries; at most 10`));
        assert.equal(server.db.statementCount(), before, `${n} entries: no statement`);
      }
      const literal = `{ materials(filter: { propertyRanges: [${ranges(11).map((r) => `{ property: "${r.property}", min: ${r.min} }`).join(', ')}] }) { totalCount } }`;
      refused(await post(url, literal), 'LIST_SIZE_EXCEEDED', /has 11 entries; at most 10/);
    });
    test('10 propertyRanges entries run', async () => {
      succeeded(await post(url, 'query($f: MaterialFilter) { materials(filter: $f) { totalCount } }', { f: { propertyRanges: ranges(10) } }), '10 ranges');
    });
    test('every list argument has a cap: elements, exclude and any list not named in LIST_ARGUMENTS', async () => {
      const elements = Array.from({ length: 11 }, () => 'Ni');
      refused(await post(url, 'query($e: [String!]) { materials(filter: { elements: $e }) { totalCount } }', { e: elements }), 'LIST_SIZE_EXCEEDED', /elements has 11 entries; at most 10/);
      const exclude = Array.from({ length: 201 }, (_, i) => `k${i}`);
      refused(await post(url, 'query($x: [String!]) { correlation(x: { property: "elf_max" }, y: { property: "average_voltage" }, exclude: $x) { n } }', { x: exclude }), 'LIST_SIZE_EXCEEDED', /correlation\(exclude\) has 201 entries; at most 200/);
      const properties = Array.from({ length: 21 }, () => 'average_voltage');
      refused(await post(url, 'query($p: [String!]) { materials(first: 1) { edges { node { coatingEffects(properties: $p) { property { key } } } } } }', { p: properties }), 'LIST_SIZE_EXCEEDED', /coatingEffects\(properties\) has 21 entries; at most 20/);
    });
  });

  describe('HTTP status', () => {
    test('an application/json client (curl, a browser, a gateway) gets 200 with the code and the advice in the body', async () => {
      const plain = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ papers { ${aliases(11, 'doi')} } }` }) });
      assert.equal(plain.status, 200);
      const body = (await plain.json()) as Exchange['body'];
      assert.equal(body.errors?.[0]?.extensions?.code, 'TOO_MANY_ALIASES');
      const listed = await fetch(allowlisted.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query: '{ papers { doi } }' }) });
      assert.equal(listed.status, 200);
      assert.equal(((await listed.json()) as Exchange['body']).errors?.[0]?.extensions?.code, 'OPERATION_NOT_ALLOWED');
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

    test('introspection is off by default: __schema and __type are refused; __typename and federation\'s _service { sdl } are not', async () => {
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Material") { name } }']) {
        const exchange = await post(url, query);
        refused(exchange, 'GRAPHQL_VALIDATION_FAILED');
        assert.equal(exchange.body.errors![0]!.extensions?.validationErrorCode, 'INTROSPECTION_DISABLED', query);
      }
      succeeded(await post(url, '{ __typename }'), '__typename');
      succeeded(await post(url, '{ _service { sdl } }'), '_service');
    });

    test('no X-Powered-By on any route: GraphQL both ways, GraphiQL, the front page, a 404', async () => {
      const origin = new URL(url).origin;
      const responses = [
        await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
        await fetch(url, { method: 'GET', headers: { 'apollo-require-preflight': 'true' } }),
        await fetch(`${origin}/graphiql`),
        await fetch(`${origin}/`),
        await fetch(`${origin}/no-such-page`),
      ];
      for (const response of responses) {
        await response.arrayBuffer();
        assert.equal(response.headers.get('x-powered-by'), null, response.url);
      }
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
      const query = `{ papers { ${aliases(11, '__typename')} } }`;
      refused(await post(url, query, undefined, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } } }), 'TOO_MANY_ALIASES');
    });
  });

  describe('POST /graphql without express (src/graphql-post.ts)', () => {
    /** The same POST with a Content-Length (the direct path) and as a chunked body (express's path). */
    async function bothPaths(target: string, body: string, headers: Record<string, string> = {}) {
      const once = (chunked: boolean) =>
        new Promise<{ status: number; contentType: string; etag: boolean; text: string }>((resolve, reject) => {
          const request = http.request(target, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers, ...(chunked ? {} : { 'content-length': Buffer.byteLength(body) }) } }, (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode!, contentType: String(response.headers['content-type']), etag: 'etag' in response.headers, text }));
          });
          request.on('error', reject);
          if (chunked) request.write(body.slice(0, 3));
          request.end(chunked ? body.slice(3) : body);
        });
      const [direct, viaExpress] = [await once(false), await once(true)];
      // express's res.send sets an ETag; the direct path does not: each request took the path meant.
      assert.equal(direct.etag, false, `direct path not taken: ${body.slice(0, 80)}`);
      assert.equal(viaExpress.etag, true, `express path not taken: ${body.slice(0, 80)}`);
      assert.deepEqual({ ...direct, etag: undefined }, { ...viaExpress, etag: undefined }, body.slice(0, 80));
      return direct;
    }

    test('answers as express does: data, GraphQL errors, bad JSON, a non-object body, a batch', async () => {
      const cases = [
        JSON.stringify({ query: '{ papers { doi } }' }),
        JSON.stringify({ query: 'query ($id: ID!) { material(id: $id) { name } }', variables: {} }),
        JSON.stringify({ query: '{ papers { nope } }' }),
        '{"query": "{ papers { doi } }"',
        '"{ papers { doi } }"',
        ' 123',
        JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
        `\uFEFF${JSON.stringify({ query: '{ __typename }' })}`,
      ];
      const statuses = [];
      for (const body of cases) statuses.push((await bothPaths(url, body)).status);
      assert.deepEqual(statuses, [200, 400, 400, 400, 400, 400, 400, 200]);
      // An application/json client gets 200 for a GraphQL error on both paths too.
      assert.equal((await bothPaths(url, cases[2]!, { accept: 'application/json' })).status, 200);
    });

    test('the compiled reads (a page, a material by id, _entities, a missing id) answer the same bytes on both paths', async () => {
      const node = 'id key name formula family { key } source { locator paper { doi } } structures { label spaceGroupNumber } measurements { value unit qualifier conditions { temperatureC cRate } property { key canonicalUnit } } computedProperties { value unit method { key } }';
      const page = await bothPaths(url, JSON.stringify({ query: `{ materials(first: 5) { totalCount edges { cursor node { ${node} } } pageInfo { hasNextPage endCursor } } }` }));
      assert.equal(page.status, 200, page.text.slice(0, 300));
      const ids = (JSON.parse(page.text) as { data: { materials: { edges: { node: { id: string } }[] } } }).data.materials.edges.map((e) => e.node.id);
      assert.equal(ids.length, 5);
      const one = await bothPaths(url, JSON.stringify({ query: `query ($id: ID!) { material(id: $id) { ${node} } other: material(id: $id) { name } }`, variables: { id: ids[1] } }));
      assert.match(one.text, /"other":\{"name":/);
      const entities = await bothPaths(url, JSON.stringify({ query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Material { id name formula } } }', variables: { r: ids.map((id) => ({ __typename: 'Material', id })) } }));
      assert.equal((JSON.parse(entities.text) as { data: { _entities: unknown[] } }).data._entities.length, 5);
      // An id of no material: null on both paths.
      const none = await bothPaths(url, JSON.stringify({ query: '{ material(id: "TWF0ZXJpYWw6OTk5OTk5OQ") { name } }' }));
      assert.match(none.text, /^\{"data":\{"material":null\}\}/);
    });

    test('the allow-list refuses and admits alike', async () => {
      const refusal = await bothPaths(allowlisted.url, JSON.stringify({ query: '{ __typename }' }));
      assert.equal(refusal.status, 403);
      assert.match(refusal.text, /OPERATION_NOT_ALLOWED/);
      const admitted = await bothPaths(allowlisted.url, JSON.stringify({ query: clientOperations()[0]!.document }));
      assert.equal(admitted.status, 200, admitted.text.slice(0, 300));
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
    assert.equal(loadSecurityConfig({}, true).serviceSdl, true);
    assert.equal(loadSecurityConfig({ GRAPHQL_SUBGRAPH_SDL: 'false' }, true).serviceSdl, false);
    assert.equal(loadSecurityConfig({ REQUEST_TIMEOUT_MS: '4000' }, true).limits.statementTimeoutMs, 4000);
    const config = loadSecurityConfig({ GRAPHQL_MAX_DEPTH: '12', GRAPHQL_MAX_ALIASES: ' 20 ', GRAPHQL_MAX_COST: '', OPERATION_ALLOWLIST: 'x.json' }, true, { limits: { maxTokens: 50 } });
    assert.deepEqual(config.limits, { ...DEFAULT_QUERY_LIMITS, maxDepth: 12, maxAliases: 20, maxTokens: 50 });
    assert.equal(config.operationAllowlist, 'x.json');
  });
  test('a bad value stops startup with a message naming the variable', () => {
    assert.throws(() => loadSecurityConfig({ GRAPHQL_MAX_DEPTH: 'deep' }, false), (e: Error) => e instanceof SecurityConfigError && /GRAPHQL_MAX_DEPTH="deep": must be a whole number/.test(e.message));
    assert.throws(() => loadSecurityConfig({ GRAPHQL_MAX_COST: '0' }, false), /GRAPHQL_MAX_COST="0": must be at least 1/);
    assert.throws(() => loadSecurityConfig({ GRAPHQL_MAX_TOKENS: '-5' }, false), /GRAPHQL_MAX_TOKENS/);
    assert.throws(() => loadSecurityConfig({ GRAPHQL_INTROSPECTION: 'yes' }, false), /GRAPHQL_INTROSPECTION="yes": must be true or false/);
    assert.throws(() => loadSecurityConfig({ ALLOWLIST_GATEWAY_SECRET: 'x'.repeat(40) }, false), /without OPERATION_ALLOWLIST/);
    assert.throws(() => loadSecurityConfig({ ALLOWLIST_GATEWAY_SECRET: 'short', OPERATION_ALLOWLIST: 'x.json' }, false), /ALLOWLIST_GATEWAY_SECRET=…: must be at least 32/);
  });
});
