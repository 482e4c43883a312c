/**
 * Setting databases up and tearing them down, for the tools that make their own (integration
 * tests, benchmarks): `migrate deploy` through src/db/prisma-cli.ts, and statements run as a
 * PostgreSQL role that may create databases.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../paths.js';

/** `prisma migrate deploy` on the database `env` names (DATABASE_URL or PGLITE_DATA_DIR); throws with the CLI's output on failure. */
export function migrateDeploy(env: NodeJS.ProcessEnv = process.env): void {
  // Absolute paths: the same from src/ (tsx) or dist/src/ (compiled), whatever the working directory.
  const cli = path.join(PROJECT_ROOT, 'src', 'db', 'prisma-cli.ts');
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), cli, 'migrate', 'deploy'], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

/** Run one statement on `adminUrl` in a connection of its own. */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Drop database `name`, ending connections left to it. FORCE cannot end an autovacuum worker
 * busy in it unless the role has pg_signal_backend (42501); a plain DROP stops autovacuum itself.
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  try {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
  }
}
