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
import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PGLITE_LOCK_FILE = 'cathode-kb.lock';

const held = new Set<string>();
process.once('exit', () => {
  for (const lockPath of held) rmSync(lockPath, { force: true });
});

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
  // A killed process not yet reaped (a zombie) still answers signal 0 but holds nothing (Linux).
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/**
 * Create `file` holding our pid, atomically with its content: a hard link of a complete temporary
 * file fails with EEXIST if the name is taken (a plain `wx` create would be seen empty for a moment,
 * and an empty lock looks stale to a reader). True when we created it.
 */
function createWithPid(file: string): boolean {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, `${process.pid}\n`);
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

const readPid = (file: string): number | null => {
  try {
    return Number.parseInt(readFileSync(file, 'utf8'), 10);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

/** How many crashed breakers in a row we step over before giving up (each leaves one file). */
const MAX_BREAK_DEPTH = 4;

/**
 * Take `file` for this process: 'taken', or the pid of the live process holding it. A file naming a
 * dead process is stale, but "delete it and create ours" is not atomic: two processes that both saw
 * it stale could each delete and create, the second deleting the first's fresh lock. So breaking the
 * stale lock of pid P is itself guarded by the lock `file.break-P`, taken the same way: only its
 * holder re-checks that `file` still names P, removes it and creates its own.
 */
function take(file: string, depth = 0): 'taken' | number {
  for (;;) {
    if (createWithPid(file)) return 'taken';
    const holder = readPid(file);
    if (holder === null) continue; // released meanwhile
    // Our own pid without holding the lock is a previous run that got the same pid (a container's
    // pid 1 after a restart), so that is stale too.
    if (holder === process.pid && held.has(file)) return holder;
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processIsAlive(holder)) return holder;
    if (depth >= MAX_BREAK_DEPTH) throw new Error(`Could not lock ${file}: stale lock files keep piling up; remove ${file}* by hand once no process uses the folder`);
    const breaker = `${file}.break-${Number.isInteger(holder) ? holder : 'unreadable'}`;
    const guard = take(breaker, depth + 1);
    if (guard !== 'taken') continue; // another process is breaking it: look again
    try {
      if (readPid(file) === holder) rmSync(file, { force: true });
    } finally {
      rmSync(breaker, { force: true });
    }
  }
}

/** Take the folder's lock or throw naming the process that holds it; returns the release function. */
export function lockPGliteFolder(dataDir: string): () => void {
  const lockPath = path.join(dataDir, PGLITE_LOCK_FILE);
  const holder = take(lockPath);
  if (holder !== 'taken') {
    const who = holder === process.pid ? 'this process (it is already open here)' : `process ${holder}`;
    throw new Error(
      `The embedded database in ${dataDir} is in use by ${who}. Only one process may open it at a time: stop the other one (e.g. the server started by npm start) first, or use a PostgreSQL server (DATABASE_URL) to share one database.`,
    );
  }
  held.add(lockPath);
  return () => {
    if (held.delete(lockPath)) rmSync(lockPath, { force: true });
  };
}
