/**
 * Integration testkit: a fresh embedded database in a temp folder, migrated with the real
 * `prisma migrate deploy`, seeded from seeds/, and the real HTTP server on a free port.
 * `execute()` prints the query and response when an expectation on it fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp, type RunningApp } from '../../src/app.js';
import type { CuratorAuth } from '../../src/curation/auth.js';
import { createDatabase, type Database } from '../../src/db/client.js';
import type { DatabaseTarget } from '../../src/db/adapter.js';
import { adminQuery, dropDatabase, migrateDeploy } from '../../src/db/admin.js';
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
export async function freshDatabaseTarget(kind: DatabaseTarget['kind'] = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'): Promise<{ target: DatabaseTarget; cleanup(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (kind === 'postgres') {
    if (!serverUrl) throw new Error('a PostgreSQL test database needs TEST_DATABASE_URL');
    const name = `cathode_kb_test_${process.pid}_${Date.now()}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    migrate({ DATABASE_URL: url.toString(), PGLITE_DATA_DIR: '' });
    return {
      target: { kind: 'postgres', url: url.toString() },
      cleanup: () => dropDatabase(serverUrl, name),
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-test-'));
  migrate({ PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' });
  return { target: { kind: 'pglite', dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

export function migrate(env: Record<string, string>): void {
  migrateDeploy({ ...process.env, ...env });
}

/** A 12-electrode Materials Project export (Li, Na, Mg, Al, Y …, NaCrO3's mp-1076642_Na among them) for tests. */
export const MP_FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'materials-project');

export interface TestServerOptions {
  seed?: boolean;
  /**
   * Which Materials Project export to load with the papers: none by default (every test server
   * would otherwise load 4,351 electrodes), 'fixture' for MP_FIXTURE_DIR, or a folder with source.yaml.
   */
  materialsProject?: 'fixture' | string | false;
  production?: boolean;
  curatorAuth?: CuratorAuth;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { target, cleanup } = await freshDatabaseTarget();
  const db = createDatabase(target);
  const materialsProject = options.materialsProject === 'fixture' ? MP_FIXTURE_DIR : (options.materialsProject ?? false);
  if (options.seed !== false) await seedDatabase(db, undefined, { materialsProject });
  const app = await startApp(db, 0, { production: options.production ?? false, host: '127.0.0.1', curatorAuth: options.curatorAuth });
  // A GraphQL-over-HTTP client: it gets the refusals' HTTP statuses (an application/json client gets 200).
  const execute = async <T,>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
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

export { graphqlData } from '../../scripts/lib/server-process.js';
