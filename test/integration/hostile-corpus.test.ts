/**
 * Bad input, on purpose: a corpus of malformed, oversized and hostile GraphQL requests, then
 * property-based fuzzing (fast-check) of documents, argument values, ids, cursors, units and
 * bodies. Every answer must be a 4xx or a GraphQL error with a clear message and a stable
 * `extensions.code` (never INTERNAL_SERVER_ERROR), or data: never a 5xx, never a crash.
 *
 * The fuzz is reproducible: FUZZ_SEED=<n> (default fixed) and FUZZ_SCALE=<factor> (default 1)
 * to explore further, e.g. `FUZZ_SEED=$RANDOM FUZZ_SCALE=10 npx tsx --test test/integration/hostile-corpus.test.ts`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { KNOWN_UNITS } from '../../src/units.js';
import { startTestServer, type TestServer } from './testkit.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const CONCURRENCY = 6;

interface Request {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  search?: string;
}

interface Outcome {
  status: number;
  text: string;
  body?: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

let url = '';
let corpusCases = 0;
let fuzzCases = 0;

const json = (query: string, variables?: unknown): Request => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });

async function send(request: Request): Promise<Outcome> {
  // As a GraphQL-over-HTTP client, which gets the refusals' HTTP statuses.
  const response = await fetch(url + (request.search ?? ''), { method: request.method ?? 'POST', headers: { accept: 'application/graphql-response+json', ...request.headers }, body: request.body });
  const text = await response.text();
  let body: Outcome['body'];
  try {
    body = JSON.parse(text) as Outcome['body'];
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body };
}

/** What is wrong with an answer (empty when it is acceptable). */
function violations(request: Request, outcome: Outcome): string[] {
  const found: string[] = [];
  if (outcome.status >= 500) found.push(`HTTP ${outcome.status}`);
  if (request.method === 'HEAD') return found;
  if (!outcome.body || typeof outcome.body !== 'object') return [...found, 'the answer is not JSON'];
  const errors = outcome.body.errors;
  if (outcome.status >= 400 && !(Array.isArray(errors) && errors.length > 0)) found.push(`HTTP ${outcome.status} without errors`);
  if (outcome.status < 400 && outcome.body.data === undefined && !errors?.length) found.push('neither data nor errors');
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') found.push(`error without a code: ${error.message}`);
    else if (code === 'INTERNAL_SERVER_ERROR') found.push(`internal error: ${error.message}`);
    if (typeof error.message !== 'string' || error.message.trim() === '') found.push('error without a message');
  }
  return found;
}

function describeFailure(request: Request, outcome: Outcome, problems: string[], input?: unknown): string {
  return [
    `problems: ${problems.join('; ')}`,
    input === undefined ? '' : `input: ${JSON.stringify(input)?.slice(0, 1500)}`,
    `request: ${request.method ?? 'POST'} ${request.search ?? ''} ${JSON.stringify(request.headers ?? {})} ${(request.body ?? '').slice(0, 1500)}`,
    `answer ${outcome.status}: ${outcome.text.slice(0, 1500)}`,
  ].join('\n');
}

/** Runs requests with a few in flight; returns the failures' descriptions. */
async function runPool<T>(inputs: T[], check: (input: T) => Promise<string | undefined>): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < inputs.length) {
        const input = inputs[next++]!;
        const failure = await check(input);
        if (failure) failures.push(failure);
      }
    }),
  );
  return failures;
}

/**
 * Fuzzes one request shape: `runs` inputs sampled by fast-check (seeded), each sent and checked.
 * `expect` may add a property of its own (e.g. which refusal code a document must get).
 */
async function fuzz<T>(label: string, arbitrary: fc.Arbitrary<T>, runs: number, toRequest: (input: T) => Request, expect?: (input: T, outcome: Outcome) => string[]): Promise<void> {
  const numRuns = Math.max(1, Math.round(runs * SCALE));
  const inputs = fc.sample(arbitrary, { numRuns, seed: SEED + label.length * 7919 });
  const failures = await runPool(inputs, async (input) => {
    const request = toRequest(input);
    const outcome = await send(request);
    const problems = [...violations(request, outcome), ...(expect?.(input, outcome) ?? [])];
    return problems.length ? describeFailure(request, outcome, problems, input) : undefined;
  });
  fuzzCases += inputs.length;
  console.log(`# hostile-corpus fuzz ${label}: ${inputs.length} cases`);
  assert.equal(failures.length, 0, `${failures.length} of ${inputs.length} ${label} cases failed (FUZZ_SEED=${SEED}); first ones:\n\n${failures.slice(0, 3).join('\n\n')}`);
}

const codes = (outcome: Outcome) => (outcome.body?.errors ?? []).map((e) => e.extensions?.code);

describe('hostile GraphQL requests', () => {
  let server: TestServer;
  const vocabulary = { properties: [] as string[], families: [] as string[], ids: [] as string[], cursors: [] as string[], dois: [] as string[], keys: [] as string[] };

  before(async () => {
    server = await startTestServer();
    url = server.app.url;
    const data = await server.data<any>(`{
      propertyKeys { key } families { key } papers { doi id }
      materials(first: 100) { edges { cursor node { id key structures { id } measurements { id } } } }
    }`);
    vocabulary.properties = data.propertyKeys.map((p: { key: string }) => p.key);
    vocabulary.families = data.families.map((f: { key: string }) => f.key);
    vocabulary.dois = data.papers.map((p: { doi: string }) => p.doi);
    vocabulary.cursors = data.materials.edges.map((e: { cursor: string }) => e.cursor);
    vocabulary.keys = data.materials.edges.map((e: any) => e.node.key);
    vocabulary.ids = [
      ...data.papers.map((p: { id: string }) => p.id),
      ...data.materials.edges.flatMap((e: any) => [e.node.id, ...e.node.structures.map((s: { id: string }) => s.id), ...e.node.measurements.slice(0, 2).map((m: { id: string }) => m.id)]),
    ];
  });
  after(async () => {
    console.log(`# hostile-corpus: ${corpusCases} corpus cases, ${fuzzCases} fuzz cases, ${corpusCases + fuzzCases} in all (FUZZ_SEED=${SEED})`);
    await server?.close();
  });

  test('a corpus of malformed, oversized and hostile requests', async () => {
    const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    const chain = (depth: number) => `{ materials(first: 1) { edges { node { ${'substrate { '.repeat(depth)}key ${'} '.repeat(depth)}} } } }`;
    const corpus: [name: string, request: Request, expected?: string | 'data'][] = [
      // documents
      ['deep nesting past the limit', json(chain(40)), 'QUERY_TOO_DEEP'],
      ['deep nesting (600 levels)', json(`{ ${'a { '.repeat(600)}b ${'} '.repeat(600)}}`), 'QUERY_TOO_DEEP'],
      ['deep nesting past the parser\'s token bound', json(`{ ${'a { '.repeat(3000)}b ${'} '.repeat(3000)}}`), 'GRAPHQL_PARSE_FAILED'],
      ['alias flood', json(`{ papers { ${Array.from({ length: 60 }, (_, i) => `a${i}: doi`).join(' ')} } }`), 'TOO_MANY_ALIASES'],
      ['root alias flood (held by the cost)', json(`{ ${Array.from({ length: 60 }, (_, i) => `a${i}: papers { materials { key } }`).join(' ')} }`), 'QUERY_TOO_COSTLY'],
      ['fragment cycle', json('{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['fragment spreading itself', json('{ ...A } fragment A on Query { papers { doi } ...A }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['exponential fragments', json(`{ ...F0 } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F30 on Query { papers { doi } }`), 'QUERY_TOO_COSTLY'],
      ['huge string literal (90 kB)', json(`{ materials(filter: { family: "${'x'.repeat(90_000)}" }) { totalCount } }`), 'UNKNOWN_FAMILY'],
      ['huge block string', json(`{ paper(doi: """${'y'.repeat(90_000)}""") { title } }`), 'data'],
      ['null byte in a string', json('{ paper(doi: "10.1\\u0000") { title } }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['lone surrogate escape', json('{ paper(doi: "\\ud800") { title } }'), 'GRAPHQL_PARSE_FAILED'],
      ['raw control characters', json('{ papers \u0007 { doi } }'), 'GRAPHQL_PARSE_FAILED'],
      ['byte-order mark', json('\ufeff{ papers { doi } }'), 'data'],
      ['unterminated document', json('{ papers { doi '), 'GRAPHQL_PARSE_FAILED'],
      ['empty document', json(''), 'BAD_REQUEST'],
      ['only a comment', json('# nothing'), 'GRAPHQL_PARSE_FAILED'],
      ['two anonymous operations', json('{ papers { doi } } { families { key } }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['unknown operationName', { ...json('query A { papers { doi } }'), body: JSON.stringify({ query: 'query A { papers { doi } }', operationName: 'B' }) }],
      ['subscription', json('subscription { papers { doi } }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['mutation on the read API', json('mutation { papers { doi } }'), 'GRAPHQL_VALIDATION_FAILED'],
      // argument types and values
      ['wrong argument type: first as a string', json('{ materials(first: "ten") { totalCount } }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['wrong argument type: doi as a number', json('{ paper(doi: 42) { title } }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['wrong variable type', json('query($n: Int) { materials(first: $n) { totalCount } }', { n: 'ten' }), 'BAD_USER_INPUT'],
      ['variable of an undeclared type', json('query($n: Nope) { materials(first: $n) { totalCount } }', { n: 1 }), 'GRAPHQL_VALIDATION_FAILED'],
      ['Int overflow', json('{ materials(first: 99999999999999999999) { totalCount } }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['Float overflow', json('{ materials(filter: { propertyRanges: [{ property: "average_voltage", min: 1e400 }] }) { totalCount } }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['unknown enum value', json('{ materials(filter: { role: CATHOD }) { totalCount } }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['unknown enum value in a variable', json('query($r: MaterialRole) { materials(filter: { role: $r }) { totalCount } }', { r: 'cathode' }), 'BAD_USER_INPUT'],
      ['enum as a string literal', json('{ materials(filter: { role: "CATHODE" }) { totalCount } }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['first: 101', json('{ materials(first: 101) { totalCount } }'), 'PAGE_SIZE_EXCEEDED'],
      ['first: 0', json('{ materials(first: 0) { totalCount } }'), 'PAGE_SIZE_EXCEEDED'],
      ['negative first', json('{ materials(first: -5) { totalCount } }'), 'PAGE_SIZE_EXCEEDED'],
      ['first: null', json('{ materials(first: null) { totalCount } }')],
      ['invalid cursor', json('{ materials(after: "garbage") { totalCount } }'), 'INVALID_CURSOR'],
      ['empty cursor', json('{ materials(after: "") { totalCount } }'), 'INVALID_CURSOR'],
      ['cursor past any id', json(`{ materials(after: "${b64('cursor:999999999999')}") { edges { node { key } } } }`), 'INVALID_CURSOR'],
      ['cursor past the last row', json(`{ materials(after: "${b64('cursor:2147483647')}") { edges { node { key } } } }`), 'data'],
      ['cursor of a negative id', json(`{ materials(after: "${b64('cursor:-1')}") { edges { node { key } } } }`), 'INVALID_CURSOR'],
      ['invalid global id', json('{ node(id: "garbage") { id } }'), 'INVALID_ID'],
      ['global id of an unknown type', json(`{ node(id: "${b64('Secret:1')}") { id } }`), 'INVALID_ID'],
      ['global id past any id', json(`{ node(id: "${b64('Material:999999999999')}") { id } }`), 'INVALID_ID'],
      ['global id past the last row', json(`{ node(id: "${b64('Material:2147483647')}") { id } }`), 'data'],
      ['global id of another type', json(`{ material(id: "${b64('Paper:1')}") { key } }`), 'INVALID_ID'],
      ['10 kB id', json(`{ node(id: "${'A'.repeat(10_000)}") { id } }`), 'INVALID_ID'],
      ['unknown property in a range filter', json('{ materials(filter: { propertyRanges: [{ property: "unobtainium", min: 1 }] }) { totalCount } }'), 'UNKNOWN_PROPERTY'],
      ['unknown property in a measurement filter', json('{ materials(first: 2) { edges { node { measurements(filter: { properties: ["nope"] }) { value } } } } }'), 'UNKNOWN_PROPERTY'],
      ['unknown unit in a range filter', json('{ materials(filter: { propertyRanges: [{ property: "average_voltage", min: 1, unit: "furlong" }] }) { totalCount } }'), 'UNKNOWN_UNIT'],
      ['incompatible unit in a range filter', json('{ materials(filter: { propertyRanges: [{ property: "average_voltage", min: 1, unit: "mAh/g" }] }) { totalCount } }'), 'UNKNOWN_UNIT'],
      ['prototype key as a unit', json('{ materials(first: 2) { edges { node { molarMass(unit: "constructor") { value } } } } }'), 'UNKNOWN_UNIT'],
      ['prototype key as a property', json('{ materials(filter: { propertyRanges: [{ property: "__proto__", min: 1 }] }) { totalCount } }'), 'UNKNOWN_PROPERTY'],
      ['unknown input field', json('{ materials(filter: { colour: "red" }) { totalCount } }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['correlation of a property with no values', json('{ correlation(x: { property: "elf_max" }, y: { property: "dsc_heat" }) { n pearsonR notes } }')],
      ['_entities with an unknown key', json('{ _entities(representations: [{ __typename: "Material", id: "garbage" }, { __typename: "Paper", doi: "x" }]) { ... on Material { key } } }'), 'data'],
      ['_entities with an unknown type', json('{ _entities(representations: [{ __typename: "Material", id: "garbage" }, { __typename: "Nope" }]) { ... on Material { key } } }'), 'BAD_USER_INPUT'],
      ['_entities with a representation that is not an object', json('{ _entities(representations: [1, "x", {}]) { ... on Material { key } } }'), 'BAD_USER_INPUT'],
      ['null byte in a variable', json('query($d: String!) { paper(doi: $d) { title } }', { d: '10.1\u0000' }), 'BAD_USER_INPUT'],
      ['lone surrogate in a variable', json('query($d: String!) { paper(doi: $d) { title } }', { d: '\ud800x' }), 'BAD_USER_INPUT'],
      // HTTP
      ['batch of 10', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Array.from({ length: 10 }, () => ({ query: '{ papers { doi } }' }))) }, 'BAD_REQUEST'],
      ['empty batch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' }, 'BAD_REQUEST'],
      ['empty body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' }, 'BAD_REQUEST'],
      ['empty object', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, 'BAD_REQUEST'],
      ['non-JSON body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ papers { doi } }' }, 'BAD_REQUEST'],
      ['truncated JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ papers { doi } }"' }, 'BAD_REQUEST'],
      ['JSON null', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null' }, 'BAD_REQUEST'],
      ['JSON string', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '"{ papers { doi } }"' }, 'BAD_REQUEST'],
      ['query as a number', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": 5}' }, 'BAD_REQUEST'],
      ['variables as a string', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ papers { doi } }", "variables": "x"}' }, 'BAD_REQUEST'],
      ['deeply nested JSON variables', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query": "query($f: MaterialFilter) { materials(filter: $f) { totalCount } }", "variables": {"f": ${'['.repeat(3000)}${']'.repeat(3000)}}}` }, 'BAD_USER_INPUT'],
      ['text/plain', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ papers { doi } }"}' }, 'BAD_REQUEST'],
      ['url-encoded form', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B%20papers%20%7B%20doi%20%7D%20%7D' }, 'BAD_REQUEST'],
      ['multipart', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\n\r\n--x--' }, 'BAD_REQUEST'],
      ['application/xml', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<query/>' }, 'BAD_REQUEST'],
      ['application/graphql', { method: 'POST', headers: { 'content-type': 'application/graphql' }, body: '{ papers { doi } }' }, 'BAD_REQUEST'],
      ['unsupported charset', { method: 'POST', headers: { 'content-type': 'application/json; charset=ebcdic' }, body: '{}' }, 'BAD_REQUEST'],
      ['gzip that is not gzip', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: '{"query":"{ papers { doi } }"}' }, 'BAD_REQUEST'],
      ['unknown content-encoding', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'zstd-9000' }, body: '{}' }, 'BAD_REQUEST'],
      ['oversized body (>1 MB)', json(`{ papers { doi } } #${'z'.repeat(1_100_000)}`), 'PAYLOAD_TOO_LARGE'],
      ['GET without the preflight header', { method: 'GET', search: '?query=%7B__typename%7D' }, 'BAD_REQUEST'],
      ['GET with malformed variables', { method: 'GET', headers: { 'apollo-require-preflight': '1' }, search: '?query=%7B__typename%7D&variables=%7Bnope' }, 'BAD_REQUEST'],
      ['GET with two queries', { method: 'GET', headers: { 'apollo-require-preflight': '1' }, search: '?query=%7B__typename%7D&query=%7B__typename%7D' }, 'BAD_REQUEST'],
      ['GET of a mutation', { method: 'GET', headers: { 'apollo-require-preflight': '1' }, search: '?query=mutation%7B__typename%7D' }, 'BAD_REQUEST'],
      ['PUT', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"query":"{ papers { doi } }"}' }, 'BAD_REQUEST'],
      ['DELETE', { method: 'DELETE', headers: { 'content-type': 'application/json' } }, 'BAD_REQUEST'],
      ['PATCH', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{}' }, 'BAD_REQUEST'],
      ['HEAD', { method: 'HEAD' }],
      ['APQ of an unknown version', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } }) }, 'BAD_REQUEST'],
      ['APQ with a wrong hash', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ papers { doi } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'nope' } } }) }, 'BAD_REQUEST'],
    ];
    const failures: string[] = [];
    for (const [name, request, expected] of corpus) {
      const outcome = await send(request);
      const problems = violations(request, outcome);
      if (expected === 'data' && (outcome.status !== 200 || outcome.body?.errors)) problems.push('expected data without errors');
      else if (expected && expected !== 'data' && !codes(outcome).includes(expected)) problems.push(`expected ${expected}, got ${codes(outcome).join(', ') || 'no error'}`);
      if (problems.length) failures.push(`${name}\n${describeFailure(request, outcome, problems)}`);
    }
    corpusCases += corpus.length;
    console.log(`# hostile-corpus: ${corpus.length} corpus cases`);
    assert.equal(failures.length, 0, failures.join('\n\n'));
  });

  describe('property-based fuzzing', () => {
    // ---------------------------------------------------------------- arbitraries
    const nasty = fc.constantFrom(
      '', ' ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'NaN', 'Infinity', '-0', '1e309', "'; DROP TABLE \"Material\"; --",
      '\u0000', '\ud800', '\u202e', '💥', 'ǅ', '../../etc/passwd', '${x}', '%s%n', 'null', 'undefined', '%', '%%', '\\', '"', '\n', 'a'.repeat(5000),
    );
    const text = fc.oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
      { weight: 2, arbitrary: nasty },
    );
    const anyJson = fc.jsonValue({ maxDepth: 2 });
    /** Usually `arb`, sometimes any JSON value (type confusion), sometimes absent. */
    const loose = <T,>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: anyJson }, { weight: 1, arbitrary: fc.constant(null) });
    const number = fc.oneof(
      fc.double(),
      fc.integer({ min: -1000, max: 1000 }),
      fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 0.1, 100, 1e-9),
    );
    const unit = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...KNOWN_UNITS) },
      { weight: 2, arbitrary: fc.constantFrom('kg', 'm', 'V^2', '1/0', 'mA*h/g', ' V', 'v', 'MV', 'mV/0', '(', 'e', 'pi', 'Ah', 'W h/kg', 'degF', 'mol', 'unity', 'pct', 'bohrMagneton') },
      { weight: 2, arbitrary: text },
    );
    const property = () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...vocabulary.properties) }, { weight: 1, arbitrary: text });
    const elementSymbol = fc.oneof(fc.constantFrom('Li', 'Na', 'V', 'Mn', 'Ni', 'Co', 'O', 'B', 'Fe', 'X', 'li', 'Uue'), text);
    const enumOf = (...values: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: text });
    const materialFilter = () =>
      fc.record(
        {
          elements: loose(fc.array(elementSymbol, { maxLength: 5 })),
          workingIon: loose(enumOf('Li', 'Na', 'K', 'Mg')),
          family: loose(fc.oneof(fc.constantFrom(...vocabulary.families), text)),
          role: loose(enumOf('CATHODE', 'COATED_CATHODE', 'COATING', 'ANODE', 'COMPETING_PHASE')),
          paperDoi: loose(fc.oneof(fc.constantFrom(...vocabulary.dois), text)),
          hasCoating: loose(fc.boolean()),
          nelements: loose(fc.record({ min: loose(fc.integer()), max: loose(fc.integer()) }, { requiredKeys: [] })),
          chemicalFormulaReduced: loose(fc.oneof(fc.constantFrom('NaO3V', 'Co2.2B', 'LiO2', 'O'), text)),
          propertyRanges: loose(
            fc.array(fc.record({ property: property(), min: loose(number), max: loose(number), unit: loose(unit), kind: loose(enumOf('COMPUTED', 'MEASURED', 'ANY')) }, { requiredKeys: [] }), { maxLength: 3 }),
          ),
        },
        { requiredKeys: [] },
      );
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
    const idLike = () =>
      fc.oneof(
        fc.constantFrom(...vocabulary.ids),
        fc.tuple(fc.constantFrom('Paper', 'Material', 'Coating', 'Structure', 'Measurement', 'ComputedProperty', 'Reaction', 'cursor', 'Secret', ''), fc.oneof(fc.nat().map(String), fc.constantFrom('0', '-1', '1.5', '0x10', '999999999999', '9999999999999', '2147483648', '', ' 1')), fc.constantFrom(':', '::', ' : ', '')).map(([t, n, sep]) => b64(`${t}${sep}${n}`)),
        text.map(b64),
        text,
      );

    test('material filters (variables)', async () => {
      const query = 'query($f: MaterialFilter, $first: Int, $after: String) { materials(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { key formula chemicalFormulaReduced nelements } } } }';
      const first = loose(fc.oneof(fc.integer({ min: -5, max: 120 }), fc.integer()));
      const after = fc.option(fc.oneof(fc.constantFrom(...vocabulary.cursors), idLike()), { nil: undefined });
      await fuzz('material filters', fc.record({ f: loose(materialFilter()), first, after }, { requiredKeys: [] }), 500, (variables) => json(query, variables));
    });

    test('units and numbers of derived fields (variables)', async () => {
      const query = `query($u: String, $n: Float, $e: Float, $p: [String!]) { materials(first: 4) { edges { node {
        molarMass(unit: $u) { value unit status } theoreticalCapacity(ionsExchanged: $n, unit: $u) { value status reason }
        specificEnergy(ionsExchanged: $n, unit: $u) { value } averageVoltage(unit: $u) { value }
        capacityFade(endOfLifePercent: $e) { fadePerCycle(unit: $u) { value } cyclesToEndOfLife { value } }
        coatingEffects(properties: $p) { difference(unit: $u) { value } ratio { value } }
        voltagePairs { volumeChange(unit: $u) { value } gravimetricEnergy(unit: $u) { value } averageVoltage(unit: $u) { value } }
        structures { volumePerFormulaUnit(unit: $u) { value } lattices { volume(unit: $u) { value } } }
        tmMigration { reversibleFraction(unit: $u) { value } }
      } } } }`;
      const input = fc.record({ u: loose(unit), n: loose(number), e: loose(number), p: loose(fc.array(property(), { maxLength: 4 })) }, { requiredKeys: [] });
      await fuzz('derived-field units and numbers', input, 300, (variables) => json(query, variables));
    });

    test('conditions of measurements: units of derived C-rates and current densities', async () => {
      const query = 'query($u: String, $mf: MeasurementFilter, $cf: ComputedPropertyFilter) { materials(first: 3) { edges { node { measurements(filter: $mf) { value unit conditions { currentDensity(unit: $u) { value } impliedOneC(unit: $u) { value } cRateDerived { value } } } computedProperties(filter: $cf) { value unit } } } } }';
      const range = loose(fc.record({ min: loose(number), max: loose(number) }, { requiredKeys: [] }));
      const mf = loose(
        fc.record(
          { properties: loose(fc.array(property(), { maxLength: 3 })), temperatureC: range, cRate: range, cycleNumber: loose(fc.integer()), cellType: loose(enumOf('COIN_HALF_CELL', 'POUCH_FULL_CELL')), state: loose(text), technique: loose(text) },
          { requiredKeys: [] },
        ),
      );
      const cf = loose(fc.record({ properties: loose(fc.array(property(), { maxLength: 3 })), method: loose(text), configuration: loose(text) }, { requiredKeys: [] }));
      await fuzz('measurement and computed-property filters', fc.record({ u: loose(unit), mf, cf }, { requiredKeys: [] }), 300, (variables) => json(query, variables));
    });

    test('ids, cursors and DOIs', async () => {
      const queries = [
        'query($id: ID!) { node(id: $id) { id __typename } }',
        'query($id: ID!) { material(id: $id) { key formula } }',
        'query($id: String) { materials(first: 2, after: $id) { edges { cursor } } }',
        'query($id: String!) { paper(doi: $id) { title } }',
        'query($id: ID!) { _entities(representations: [{ __typename: "Material", id: $id }, { __typename: "Paper", doi: $id }, { __typename: "Material", key: $id }]) { ... on Material { key } ... on Paper { title } } }',
      ];
      const input = fc.tuple(fc.nat({ max: queries.length - 1 }), fc.oneof({ weight: 5, arbitrary: idLike() }, { weight: 1, arbitrary: fc.constantFrom(...vocabulary.dois, ...vocabulary.keys) }), fc.boolean());
      await fuzz('ids, cursors and DOIs', input, 400, ([q, id, inline]) =>
        inline ? json(queries[q]!.replace(/query\(\$id: [A-Za-z]+!?\) /, '').replaceAll('$id', JSON.stringify(id))) : json(queries[q]!, { id }),
      );
    });

    test('correlation axes', async () => {
      const axis = fc.record(
        {
          property: property(),
          kind: loose(enumOf('COMPUTED', 'MEASURED', 'ANY')),
          unit: loose(unit),
          method: loose(fc.oneof(fc.constantFrom('namo3-hse06', 'namo3-pbeu'), text)),
          site: loose(text),
          locator: loose(fc.oneof(fc.constantFrom('Table I', 'Table III', 'Table S1'), text)),
          alkaliContent: loose(number),
        },
        { requiredKeys: ['property'] },
      );
      const query = 'query($x: CorrelationAxis!, $y: CorrelationAxis!, $f: MaterialFilter, $ex: [String!]) { correlation(x: $x, y: $y, filter: $f, exclude: $ex) { n pearsonR spearmanRho slope intercept rSquared xUnit yUnit notes points { x y residual material { key } } missing { key } } }';
      const input = fc.record({ x: loose(axis), y: loose(axis), f: loose(materialFilter()), ex: loose(fc.array(fc.oneof(fc.constantFrom(...vocabulary.keys), text), { maxLength: 4 })) }, { requiredKeys: ['x', 'y'] });
      await fuzz('correlation axes', input, 300, (variables) => json(query, variables));
    });

    test('nesting, aliases and directives: refused exactly when past a limit', async () => {
      const input = fc.record({ depth: fc.integer({ min: 4, max: 24 }), aliases: fc.integer({ min: 0, max: 14 }), directives: fc.integer({ min: 0, max: 8 }) });
      const document = ({ depth, aliases, directives }: { depth: number; aliases: number; directives: number }) =>
        [
          '{',
          `materials(first: 1) { edges { node { ${'substrate { '.repeat(depth - 4)}key ${'} '.repeat(depth - 4)}} } }`,
          `papers { ${Array.from({ length: aliases }, (_, i) => `t${i}: __typename`).join(' ')} doi }`,
          ...Array.from({ length: directives }, () => '... on Query @include(if: true) { __typename }'),
          '}',
        ].join(' ');
      await fuzz('nesting, alias and directive counts', input, 300, (v) => json(document(v)), (v, outcome) => {
        const expected = [...(v.depth > 16 ? ['QUERY_TOO_DEEP'] : []), ...(v.aliases > 10 ? ['TOO_MANY_ALIASES'] : []), ...(v.directives > 5 ? ['TOO_MANY_DIRECTIVES'] : [])];
        const got = [...new Set(codes(outcome))];
        if (expected.length === 0) return outcome.status === 200 && !outcome.body?.errors ? [] : [`expected data, got ${got.join(', ')}`];
        return JSON.stringify(got.sort()) === JSON.stringify(expected.sort()) && outcome.status === 400 ? [] : [`expected ${expected.join(', ')} (400), got ${got.join(', ')} (${outcome.status})`];
      });
    });

    test('random and mutated document text', async () => {
      const tokens = fc.constantFrom(
        '{', '}', '(', ')', '[', ']', ':', '$v', '...', '@include(if: true)', '!', '=', 'query', 'mutation', 'fragment F on Query', 'on', 'materials', 'papers', 'first: 3', 'filter:', 'edges', 'node',
        'key', '__typename', '__schema', '"x"', '1', '-1', '1.5e9', 'true', 'null', 'CATHODE', '#c\n', ',', '"""block"""', 'a:', 'substrate', 'measurements', 'value', 'unit', '...F', '"\\u0000"',
      );
      const valid: fc.Arbitrary<string> = fc.constantFrom(
        '{ materials(first: 3) { edges { node { key measurements { value unit } } } } }',
        '{ papers { doi materials { key } } }',
        'query($f: MaterialFilter) { materials(filter: $f) { totalCount } }',
        '{ correlation(x: { property: "elf_max" }, y: { property: "average_voltage" }) { n } }',
        '{ __type(name: "Material") { fields { name } } }',
      );
      const mutated = fc.tuple(valid, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.oneof(tokens, fc.string({ maxLength: 3 }))), { minLength: 1, maxLength: 4 })).map(([doc, edits]) =>
        edits.reduce((d: string, [at, del, insert]) => {
          const i = at % (d.length + 1);
          return d.slice(0, i) + insert + d.slice(i + del);
        }, doc),
      );
      const input = fc.oneof(fc.array(tokens, { maxLength: 60 }).map((t) => t.join(' ')), mutated, fc.string({ unit: 'binary', maxLength: 200 }), text);
      await fuzz('random and mutated documents', input, 500, (query) => json(query));
    });

    test('literal argument values written into the document', async () => {
      const name = fc.oneof(fc.constantFrom('family', 'role', 'elements', 'propertyRanges', 'property', 'min', 'unit', 'kind', 'x', '__proto__'), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/));
      const literal: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
        value: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          text.map((s) => JSON.stringify(s)),
          number.map((n) => String(n)),
          fc.constantFrom('true', 'false', 'null', 'CATHODE', 'COMPUTED', 'NOPE', '$undefinedVar', '"""x"""', '1e400', '-0', '00', '1.', '.5', '0x1F', 'NaN', 'Infinity'),
          fc.array(tie('value'), { maxLength: 3 }).map((values) => `[${values.join(', ')}]`),
          fc.array(fc.tuple(name, tie('value')), { maxLength: 3 }).map((fields) => `{ ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
        ),
      })).value;
      const places = [
        (l: string) => `{ materials(filter: ${l}) { totalCount } }`,
        (l: string) => `{ materials(filter: { propertyRanges: [{ property: "average_voltage", min: ${l}, unit: ${l} }] }) { totalCount } }`,
        (l: string) => `{ materials(first: ${l}) { totalCount } }`,
        (l: string) => `{ materials(first: 2) { edges { node { molarMass(unit: ${l}) { value } theoreticalCapacity(ionsExchanged: ${l}) { value } } } } }`,
        (l: string) => `{ node(id: ${l}) { id } }`,
        (l: string) => `{ correlation(x: ${l}, y: { property: "average_voltage" }) { n } }`,
        (l: string) => `{ materials(first: 2) { edges { node { measurements(filter: ${l}) { value } } } } }`,
      ];
      const input = fc.tuple(fc.nat({ max: places.length - 1 }), literal);
      await fuzz('literal argument values', input, 400, ([p, l]) => json(places[p]!(l)));
    });

    test('request bodies and content types', async () => {
      const bodyValue = fc.oneof(
        anyJson,
        fc.record({ query: fc.oneof(text, anyJson, fc.constant('{ papers { doi } }')), variables: anyJson, operationName: anyJson, extensions: anyJson }, { requiredKeys: [] }),
        fc.array(fc.record({ query: fc.constant('{ __typename }') }), { maxLength: 3 }),
      );
      const contentType = fc.constantFrom(
        'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'text/plain', 'application/xml',
        'application/graphql', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/graphql-response+json', '*/*', 'garbage/;;=', '',
      );
      const input = fc.tuple(contentType, fc.oneof(bodyValue.map((v) => JSON.stringify(v)), fc.string({ unit: 'binary', maxLength: 100 })), fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT'));
      await fuzz('request bodies and content types', input, 300, ([type, body, method]) => ({
        method,
        headers: type ? { 'content-type': type } : ({} as Record<string, string>),
        ...(method === 'GET' ? { search: `?query=${encodeURIComponent(body)}` } : { body }),
      }));
    });
  });
});
