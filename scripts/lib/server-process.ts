/**
 * The server in a child process of its own, for the benchmarks and tests that need one (or several
 * on one database): under tsx from src/server.ts, as `npm start` runs it once migrations are
 * applied (compiled), or `npm start` itself.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../src/paths.js';

export interface ServerProcess {
  child: ChildProcess;
  /** The GraphQL endpoint the server printed, on 127.0.0.1. */
  url: string;
}

/**
 * How the server is started:
 * - `tsx`: `node --import tsx src/server.ts`, the TypeScript source as it is (no build step);
 * - `compiled`: `npm run build`, then the `node …` command package.json's start script ends with
 *   (its environment, flags and dist/src/server.js): the process `npm start` serves from, migrations aside;
 * - `npm start`: the start script itself (build, migrate deploy, serve); the child is npm, which
 *   passes SIGTERM on to the server.
 */
export type ServerCommand = 'tsx' | 'compiled' | 'npm start';

/**
 * The command that ends package.json's start script, `[NAME=value …] exec node <flags> <script>`:
 * its environment assignments and node's arguments.
 */
export function npmStartCommand(): { env: Record<string, string>; nodeArgs: string[] } {
  const start = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = start.split('&&').at(-1)!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  if (words.shift() !== 'exec' || words.shift() !== 'node') throw new Error(`package.json's start script should end with "exec node … dist/src/server.js", not: ${start}`);
  return { env, nodeArgs: words };
}

/**
 * `npm run build` (dist/ from src/), or another build script (`build:bench`): incremental, quick
 * when up to date; throws with tsc's output if it fails.
 */
export function buildServer(script = 'build'): void {
  const result = spawnSync('npm', ['run', script, '--silent'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed:\n${result.stdout}${result.stderr}${result.error ?? ''}`);
}

/** Start the server with `env` added (PORT=0 and HOST=127.0.0.1 unless given); resolves once it prints its URL. */
export function startServerProcess(env: NodeJS.ProcessEnv, onLine?: (line: string) => void, command: ServerCommand = 'tsx'): Promise<ServerProcess> {
  if (command === 'compiled') buildServer();
  const start = command === 'compiled' ? npmStartCommand() : { env: {}, nodeArgs: [] };
  const [program, args] =
    command === 'npm start' ? ['npm', ['start']] : [process.execPath, command === 'compiled' ? start.nodeArgs : ['--import', 'tsx', 'src/server.ts']];
  const child = spawn(program, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...start.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${command === 'tsx' ? 'src/server.ts' : command} exited with ${code} before printing its URL`)));
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
