/**
 * Bounded work and retryable errors (issue 17, findings 4 and 10): the request deadline, the
 * PostgreSQL statement timeout (a statement that waits is cancelled in the database, and the
 * client hears REQUEST_TIMEOUT), and a database that is down or does not answer
 * (SERVICE_UNAVAILABLE, `retryable: true`, 503 + Retry-After for a GraphQL-over-HTTP client,
 * 200 for a plain JSON one). The slow-statement test needs PostgreSQL (TEST_DATABASE_URL): the
 * embedded database has no statement timeout, its work is bounded by the cost model and caps.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadCuratorAuth } from '../../src/curation/auth.js';
import { createDatabase, type Database } from '../../src/db/client.js';
import { startTestServer, type TestServer } from './testkit.js';

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

async function post(url: string, query: string, accept = GRAPHQL_RESPONSE_JSON) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body, ms: performance.now() - started };
}

describe('request deadline', () => {
  let server: TestServer;
  let hurried: RunningApp;
  before(async () => {
    server = await startTestServer();
    hurried = await startApp(server.db, 0, { host: '127.0.0.1', production: true, security: { limits: { requestTimeoutMs: 1 } } });
  });
  after(async () => {
    await hurried?.close();
    await server?.close();
  });

  test('past the deadline the client gets one REQUEST_TIMEOUT error and no partial data; no resolver starts after it', async () => {
    const query = '{ materials(first: 50) { edges { node { key measurements { value unit source { paper { doi } } } } } } }';
    const before = server.db.statementCount();
    const { status, body } = await post(hurried.url, query);
    assert.equal(status, 503);
    assert.equal(body.data, undefined);
    assert.deepEqual(body.errors?.map((e) => e.extensions?.code), ['REQUEST_TIMEOUT']);
    assert.match(body.errors![0]!.message, /passed its deadline of 0.001 s.*ask for less/);
    // The page loads at most; measurements and papers would be more statements.
    assert.ok(server.db.statementCount() - before <= 2, `${server.db.statementCount() - before} statements`);
    const plain = await post(hurried.url, query, 'application/json');
    assert.equal(plain.status, 200);
    assert.equal(plain.body.errors?.[0]?.extensions?.code, 'REQUEST_TIMEOUT');
  });
});

describe('PostgreSQL unavailable', () => {
  const apps: RunningApp[] = [];
  const databases: Database[] = [];
  let blackhole: net.Server;
  const held: net.Socket[] = [];
  before(async () => {
    // A port that accepts connections and never answers: a frozen database server.
    blackhole = net.createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await Promise.all(databases.map((d) => d.close()));
    for (const socket of held) socket.destroy();
    blackhole.close();
  });

  const serve = async (url: string) => {
    const db = createDatabase({ kind: 'postgres', url }, [], { connectionTimeoutMs: 500, statementTimeoutMs: 1000 });
    databases.push(db);
    const app = await startApp(db, 0, { host: '127.0.0.1', production: true });
    apps.push(app);
    return app;
  };

  test('nothing listening: SERVICE_UNAVAILABLE, retryable, 503 with Retry-After (200 for a plain JSON client)', async () => {
    // Port 1 on loopback: nothing listens there.
    const app = await serve('postgresql://cathode:cathode@127.0.0.1:1/cathode');
    const { status, retryAfter, body } = await post(app.url, '{ papers { doi } }');
    assert.equal(status, 503);
    assert.equal(retryAfter, '1');
    assert.deepEqual(body.errors?.map((e) => [e.extensions?.code, e.extensions?.retryable]), [['SERVICE_UNAVAILABLE', true]]);
    assert.match(body.errors![0]!.message, /database is unavailable.*retry/);
    const plain = await post(app.url, '{ papers { doi } }', 'application/json');
    assert.equal(plain.status, 200);
    assert.equal(plain.body.errors?.[0]?.extensions?.code, 'SERVICE_UNAVAILABLE');
  });

  test('a server that accepts and never answers: SERVICE_UNAVAILABLE after the connection timeout, not a hang', async () => {
    const app = await serve(`postgresql://cathode:cathode@127.0.0.1:${(blackhole.address() as net.AddressInfo).port}/cathode`);
    const { status, body, ms } = await post(app.url, '{ papers { doi } }');
    assert.equal(status, 503);
    assert.equal(body.errors?.[0]?.extensions?.code, 'SERVICE_UNAVAILABLE');
    assert.ok(ms < 10_000, `${Math.round(ms)} ms`);
  });
});

describe('the embedded database held by another transaction', { skip: process.env.TEST_DATABASE_URL ? 'the embedded database only: PostgreSQL has a pool of connections' : false }, () => {
  const token = 'alice-secret-token-0123456789';
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ curatorAuth: loadCuratorAuth({ CURATOR_TOKENS: `alice:${token}` }) });
  });
  after(async () => server?.close());

  test('a correction that cannot start its transaction in time (a backup or a seed holds the one connection) is SERVICE_UNAVAILABLE, retryable, and changes nothing', async () => {
    const read = async () => (await server.data<any>('{ materials(first: 1) { edges { node { measurements { id value } } } } }')).materials.edges[0].node.measurements[0] as { id: string; value: number };
    const { id, value } = await read();
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    // Held for 3 s, past Prisma's maxWait of 2 s for the correction's transaction to begin.
    const held = server.db.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      started();
      await sleep(3_000);
    });
    await holding;
    const correction = `mutation($input: CorrectValueInput!) { correctValue(input: $input) { corrected { id } errors { message code } } }`;
    const { status, body } = await server.execute(correction, { input: { id, value: value + 1, expectedValue: value, reason: 'while the database is held' } }, { authorization: `Bearer ${token}` });
    await held;
    assert.equal(status, 503, JSON.stringify(body));
    assert.deepEqual(body.errors?.map((e: any) => [e.extensions?.code, e.extensions?.retryable]), [['SERVICE_UNAVAILABLE', true]]);
    assert.match(body.errors![0]!.message, /retry in a moment \(the request changed nothing\)/);
    assert.equal((await read()).value, value);
  });
});

describe('PostgreSQL statement timeout', { skip: process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (PostgreSQL)' }, () => {
  let server: TestServer;
  let db: Database;
  let app: RunningApp;
  before(async () => {
    server = await startTestServer();
    assert.equal(server.db.target.kind, 'postgres');
    db = createDatabase(server.db.target, [], { statementTimeoutMs: 500 });
    app = await startApp(db, 0, { host: '127.0.0.1', production: true });
  });
  after(async () => {
    await app?.close();
    await db?.close();
    await server?.close();
  });

  test('a statement that runs past statement_timeout is cancelled in the database and the client hears REQUEST_TIMEOUT', async () => {
    const url = (server.db.target as { url: string }).url;
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      // Another session holds the papers table: the read waits, as behind a slow statement.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE "Paper" IN ACCESS EXCLUSIVE MODE');
      const { status, body, ms } = await post(app.url, '{ papers { doi } }');
      assert.equal(status, 503);
      assert.deepEqual(body.errors?.map((e) => e.extensions?.code), ['REQUEST_TIMEOUT']);
      assert.match(body.errors![0]!.message, /ran past its time limit and was cancelled/);
      assert.ok(ms < 5_000, `${Math.round(ms)} ms`);
      const waiting = await locker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query ILIKE '%"Paper"%'`);
      assert.equal(waiting.rows[0].n, 0, 'the cancelled statement is gone from the database');
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
    const again = await post(app.url, '{ papers { doi } }');
    assert.equal(again.status, 200);
    assert.equal(again.body.errors, undefined);
  });
});
