/**
 * One process at a time per embedded-database folder. PGlite runs PostgreSQL in single-user mode
 * inside the process and does not stop a second process (or a second instance in the same one)
 * from opening the same folder: its postmaster.pid always names the same WebAssembly "process",
 * so it looks stale. Two instances writing one folder lose committed data and can leave a
 * folder that no longer opens, so `npm run seed` while `npm start` is serving must be refused.
 *
 * A pid file rather than proper-lockfile: that library judges staleness by the lock's mtime,
 * refreshed on a timer, and PGlite blocks the event loop for seconds at a time (bulk loads,
 * VACUUM), which would make a live lock look abandoned. A pid is stale exactly when its process
 * is gone, which also frees the folder at once after a crash.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PGLITE_LOCK_FILE = 'cathode-kb.lock';

const held = new Set<string>();
process.once('exit', () => {
  for (const lockPath of held) rmSync(lockPath, { force: true });
});

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}

/** Take the folder's lock or throw naming the process that holds it; returns the release function. */
export function lockPGliteFolder(dataDir: string): () => void {
  const lockPath = path.join(dataDir, PGLITE_LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      held.add(lockPath);
      return () => {
        if (held.delete(lockPath)) rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    // Our own pid without holding the lock is a previous run that got the same pid (a container's
    // pid 1 after a restart), so that is stale too.
    const otherLiveHolder = Number.isInteger(holder) && holder > 0 && holder !== process.pid && processIsAlive(holder);
    if (held.has(lockPath) || otherLiveHolder) {
      const who = held.has(lockPath) ? 'this process (it is already open here)' : `process ${holder}`;
      throw new Error(
        `The embedded database in ${dataDir} is in use by ${who}. Only one process may open it at a time: stop the other one (e.g. the server started by npm start) first, or use a PostgreSQL server (DATABASE_URL) to share one database.`,
      );
    }
    rmSync(lockPath, { force: true }); // left by a process that is gone
  }
  throw new Error(`Could not lock the embedded database in ${dataDir} (${lockPath} keeps reappearing)`);
}
