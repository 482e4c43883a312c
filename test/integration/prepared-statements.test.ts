import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { PREPARED_STATEMENT_LIMIT, pgSqlClient, resolvePreparedStatements } from '../../src/db/sql.js';
import { freshDatabaseTarget } from './testkit.js';

// The plain-SQL reads on PostgreSQL go out as named statements: parsed and planned once per
// connection, then only bound and executed; bounded in number, and off for a pooler that needs it.
const skip = process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (PostgreSQL)';
let url: string;
let cleanup: () => Promise<void>;
before(async () => {
  if (skip) return;
  const fresh = await freshDatabaseTarget('postgres');
  url = (fresh.target as { url: string }).url;
  cleanup = fresh.cleanup;
});
after(async () => cleanup?.());

/** One connection, so the session's pg_prepared_statements is the one the client used. */
async function withOneConnection(preparedStatements: boolean, run: (query: (text: string, values?: unknown[]) => Promise<unknown[]>, prepared: () => Promise<string[]>) => Promise<void>) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  let statements = 0;
  const sql = pgSqlClient(pool, () => (statements += 1), preparedStatements);
  try {
    await run(
      (text, values) => sql.query(text, values, { prepared: true }),
      async () => (await pool.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY prepare_time')).rows.map((r) => r.statement),
    );
  } finally {
    await pool.end();
  }
}

test('a statement text is prepared once per connection and then executed with new values', { skip }, async () => {
  await withOneConnection(true, async (query, prepared) => {
    const text = `SELECT json_build_object('n', $1::int + 1) AS j`;
    assert.deepEqual(await query(text, [1]), [{ j: { n: 2 } }]);
    assert.deepEqual(await query(text, [41]), [{ j: { n: 42 } }]);
    assert.deepEqual(await prepared(), [text]);
  });
});

test('a statement not asked to be prepared goes unnamed (planned for its values)', { skip }, async () => {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const sql = pgSqlClient(pool, () => {}, true);
    assert.deepEqual(await sql.query('SELECT $1::int AS n', [7]), [{ n: 7 }]);
    assert.deepEqual((await pool.query('SELECT statement FROM pg_prepared_statements')).rows, []);
  } finally {
    await pool.end();
  }
});

test('PREPARED_STATEMENTS=off sends every statement unnamed', { skip }, async () => {
  await withOneConnection(false, async (query, prepared) => {
    await query('SELECT $1::int AS n', [1]);
    await query('SELECT $1::int AS n', [2]);
    assert.deepEqual(await prepared(), []);
  });
});

test('past the limit of distinct texts, statements still run, unnamed', { skip }, async () => {
  await withOneConnection(true, async (query, prepared) => {
    for (let i = 0; i < PREPARED_STATEMENT_LIMIT + 5; i++) assert.deepEqual(await query(`SELECT ${i}::int AS n`), [{ n: i }]);
    assert.equal((await prepared()).length, PREPARED_STATEMENT_LIMIT);
  });
});

test('PREPARED_STATEMENTS accepts on and off, and names anything else', () => {
  assert.equal(resolvePreparedStatements({}), true);
  assert.equal(resolvePreparedStatements({ PREPARED_STATEMENTS: 'on' }), true);
  assert.equal(resolvePreparedStatements({ PREPARED_STATEMENTS: ' OFF ' }), false);
  assert.throws(() => resolvePreparedStatements({ PREPARED_STATEMENTS: 'no' }), /PREPARED_STATEMENTS must be on or off, got "no"/);
});

test('an idle connection closed by the server is dropped from the pool, and the process goes on', { skip }, async () => {
  const { createDatabase } = await import('../../src/db/client.js');
  const db = createDatabase({ kind: 'postgres', url }, []);
  try {
    // Plain SQL first: Prisma's adapter has not connected, so only the pool's own listener hears it.
    const sql = db.sqlFor(db.prisma)!;
    const { pid } = (await sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      assert.deepEqual((await admin.query('SELECT pg_terminate_backend($1) AS done', [pid])).rows, [{ done: true }]);
    } finally {
      await admin.end();
    }
    // Before the fix the 'error' event of the idle client ended the process here (no listener).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { other } = (await sql.query<{ other: number }>('SELECT pg_backend_pid() AS other'))[0]!;
    assert.notEqual(other, pid);
  } finally {
    await db.close();
  }
});
