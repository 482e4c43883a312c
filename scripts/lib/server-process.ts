/**
 * `src/server.ts` in a child process of its own, as `npm start` runs it once migrations are
 * applied: for the scale-out benchmark and test, which need several servers on one database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  child: ChildProcess;
  /** The GraphQL endpoint the server printed, on 127.0.0.1. */
  url: string;
}

/** Start the server with `env` added (PORT=0 and HOST=127.0.0.1 unless given); resolves once it prints its URL. */
export function startServerProcess(env: NodeJS.ProcessEnv, onLine?: (line: string) => void): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`src/server.ts exited with ${code} before printing its URL`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      onLine?.(line);
      const match = /GraphQL endpoint: (\S+)/.exec(line);
      if (match) resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1') });
    });
  });
}

/** SIGTERM, then wait until the process is gone. */
export async function stopServerProcess(server: ServerProcess): Promise<void> {
  server.child.removeAllListeners('exit');
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** POST a GraphQL request to `url` (with a curator token if given); fails on errors, returns `data`. */
export async function graphqlData(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (body.errors !== undefined || !body.data) throw new Error(`GraphQL request to ${url} failed\nquery: ${query}\nresponse (${response.status}): ${JSON.stringify(body)}`);
  return body.data;
}
