/**
 * Which running server holds an embedded database folder, and where it listens: `npm start`
 * writes `cathode-kb.server.json` ({ pid, url }) beside the folder's lock once it serves, so a
 * command that may not open the folder itself (the lock allows one process) can send its work
 * through that server instead (`npm run ingest`). Removed when the server stops; a file whose
 * process is gone is ignored.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SERVER_FILE = 'cathode-kb.server.json';

export interface RunningServer {
  pid: number;
  /** The server's origin, e.g. http://localhost:4000 */
  url: string;
}

/** Say that this process serves `dataDir` at `url`; returns the function that takes it back. */
export function announceServer(dataDir: string, url: string): () => void {
  const file = path.join(dataDir, SERVER_FILE);
  writeFileSync(file, `${JSON.stringify({ pid: process.pid, url } satisfies RunningServer)}\n`);
  const remove = () => {
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as RunningServer).pid === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone, or rewritten by a later server
    }
  };
  process.once('exit', remove);
  return remove;
}

/** The live server that announced itself for `dataDir`, if any. */
export function runningServer(dataDir: string): RunningServer | null {
  let announced: RunningServer;
  try {
    announced = JSON.parse(readFileSync(path.join(dataDir, SERVER_FILE), 'utf8')) as RunningServer;
  } catch {
    return null;
  }
  if (!Number.isInteger(announced.pid) || announced.pid === process.pid || typeof announced.url !== 'string') return null;
  try {
    process.kill(announced.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null; // gone
  }
  return announced;
}

/**
 * The curator token (CURATOR_TOKEN) a command sends its work to `server` with, because `server`
 * holds the embedded database in `dataDir`; without one, an error saying how to go on (`doing`: "to ingest through it").
 */
export function curatorTokenForServer(server: RunningServer, dataDir: string, doing: string): string {
  const token = process.env.CURATOR_TOKEN?.trim();
  if (!token) {
    throw new Error(
      `The embedded database in ${dataDir} is served by process ${server.pid} at ${server.url}. Set CURATOR_TOKEN to a curator token of that server (see docs/curation.md) ${doing}, or stop the server first.`,
    );
  }
  return token;
}
