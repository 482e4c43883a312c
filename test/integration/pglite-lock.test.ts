/**
 * The embedded-database lock cannot be shared: processes racing for a folder whose lock was left by
 * a crashed process (a dead pid) get it exactly once per round.
 */
import assert from 'node:assert/strict';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { PGLITE_LOCK_FILE } from '../../src/db/pglite-lock.js';

const ROUNDS = 500;
const RACERS = 3;
const root = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-lock-race-'));
after(() => rmSync(root, { recursive: true, force: true }));

function racer(): Promise<{ child: ChildProcess; ask(message: object): Promise<{ taken?: boolean; reason?: string }> }> {
  const child = fork(path.resolve('test/fixtures/lock-race-worker.ts'), { execArgv: ['--import', 'tsx'] });
  let pending: ((reply: never) => void) | undefined;
  return new Promise((resolve) => {
    child.on('message', (reply: { ready?: boolean }) => {
      if (reply.ready) resolve({ child, ask: (message) => new Promise((r) => ((pending = r as never), child.send(message))) });
      else pending?.(reply as never);
    });
  });
}

test(`${RACERS} processes racing for a folder with a stale lock: exactly one gets it, ${ROUNDS} rounds`, async () => {
  const racers = await Promise.all(Array.from({ length: RACERS }, racer));
  const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
  const shared: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const dir = path.join(root, String(round));
      mkdirSync(dir);
      writeFileSync(path.join(dir, PGLITE_LOCK_FILE), `${dead}\n`);
      const at = Date.now() + 5;
      const replies = await Promise.all(racers.map((r) => r.ask({ dir, at })));
      const winners = replies.filter((r) => r.taken).length;
      if (winners !== 1) shared.push(round);
      for (const r of replies) if (!r.taken) assert.match(r.reason!, /in use by process \d+/);
      await Promise.all(racers.map((r) => r.ask({ release: true })));
      assert.deepEqual(readdirSync(dir), [], 'no lock or breaker file is left behind');
    }
  } finally {
    for (const r of racers) r.child.kill();
  }
  assert.deepEqual(shared, [], `rounds in which the lock was taken by more or fewer than one process`);
});
