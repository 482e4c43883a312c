/**
 * Closing the app (what SIGTERM does before the database closes): operations whose client has
 * gone away keep executing after Apollo's drain, which waits only for open connections; close()
 * waits for them too, so none of them runs into a closed database.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { startApp } from '../../src/app.js';
import { createDatabase } from '../../src/db/client.js';
import { freshDatabaseTarget, startTestServer } from './testkit.js';

test('close() waits for operations whose client went away: no statement runs after it, nothing is logged', async () => {
  const server = await startTestServer();
  const logged: unknown[][] = [];
  const consoleError = console.error;
  try {
    // Every read through the DataLoaders: several statements per request, one after another.
    const app = await startApp(server.db, 0, { host: '127.0.0.1', compiledReads: false });
    const body = JSON.stringify({ query: '{ materials(first: 50) { edges { node { key measurements { value unit source { paper { doi } } } structures { spaceGroupSymbol lattices { aA volumeA3 } } } } } }' });
    const controller = new AbortController();
    const before = server.db.statementCount();
    const requests = Array.from({ length: 12 }, () =>
      fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: controller.signal }).then(
        () => 'answered',
        () => 'aborted',
      ),
    );
    // The clients leave once the server is executing their requests.
    while (server.db.statementCount() === before) await sleep(1);
    controller.abort();
    console.error = (...args: unknown[]) => void logged.push(args);
    assert.ok((await Promise.all(requests)).includes('aborted'));
    await app.close();
    const atClose = server.db.statementCount();
    await sleep(300);
    assert.equal(server.db.statementCount(), atClose, 'statements ran after close() returned');
    assert.deepEqual(logged, []);
  } finally {
    console.error = consoleError;
    await server.close();
  }
});

test('startApp leaves SIGINT and SIGTERM to its caller (Apollo would stop and raise the signal again: the shutdown ran twice)', async () => {
  const server = await startTestServer({ seed: false });
  try {
    const before = ['SIGINT', 'SIGTERM'].map((signal) => process.listenerCount(signal));
    const app = await startApp(server.db, 0, { host: '127.0.0.1' });
    assert.deepEqual(['SIGINT', 'SIGTERM'].map((signal) => process.listenerCount(signal)), before);
    await app.close();
  } finally {
    await server.close();
  }
});

test('closing a database twice at once closes it once', async () => {
  const { target, cleanup } = await freshDatabaseTarget();
  const db = createDatabase(target);
  try {
    await db.prisma.$queryRaw`SELECT 1`;
    await Promise.all([db.close(), db.close()]);
    await db.close();
  } finally {
    await cleanup();
  }
});
