/**
 * Integration testkit: a fresh embedded database in a temp folder, migrated with the real
 * `prisma migrate deploy`, seeded from seeds/, and the real HTTP server on a free port.
 * `execute()` prints the query and response when an expectation on it fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startApp, type RunningApp } from '../../src/app.js';
import type { CuratorAuth } from '../../src/curation/auth.js';
import { createDatabase, type Database } from '../../src/db/client.js';
import type { DatabaseTarget } from '../../src/db/adapter.js';
import { seedDatabase } from '../../src/seed/run.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export interface TestServer {
  db: Database;
  app: RunningApp;
  execute<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** execute() and fail with the full exchange printed if there are errors. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A migrated, empty database: by default PGlite in its own temp folder; when TEST_DATABASE_URL
 * names a PostgreSQL server (a role allowed to CREATE DATABASE), a new database on it.
 */
export async function freshDatabaseTarget(): Promise<{ target: DatabaseTarget; cleanup(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `cathode_kb_test_${process.pid}_${Date.now()}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    migrate({ DATABASE_URL: url.toString(), PGLITE_DATA_DIR: '' });
    return {
      target: { kind: 'postgres', url: url.toString() },
      cleanup: async () => {
        try {
          await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } catch (error) {
          // FORCE may not terminate an autovacuum worker busy in the database (42501 without
          // pg_signal_backend); a plain DROP stops autovacuum itself, and our clients are closed.
          if ((error as { code?: string }).code !== '42501') throw error;
          await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
        }
      },
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-test-'));
  migrate({ PGLITE_DATA_DIR: dataDir });
  return { target: { kind: 'pglite', dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function migrate(env: Record<string, string>): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/db/prisma-cli.ts', 'migrate', 'deploy'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

export async function startTestServer(options: { seed?: boolean; production?: boolean; curatorAuth?: CuratorAuth } = {}): Promise<TestServer> {
  const { target, cleanup } = await freshDatabaseTarget();
  const db = createDatabase(target);
  if (options.seed !== false) await seedDatabase(db);
  const app = await startApp(db, 0, { production: options.production ?? false, host: '127.0.0.1', curatorAuth: options.curatorAuth });
  const execute = async <T,>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
  };
  return {
    db,
    app,
    execute,
    async data<T>(query: string, variables?: Record<string, unknown>) {
      const response = await execute<T>(query, variables);
      if (response.body.errors || !response.body.data) {
        throw new Error(`GraphQL request failed\nquery: ${query}\nvariables: ${JSON.stringify(variables)}\nresponse (${response.status}): ${JSON.stringify(response.body, null, 2)}`);
      }
      return response.body.data;
    },
    async close() {
      await app.close();
      await db.close();
      await cleanup();
    },
  };
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
