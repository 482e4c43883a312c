/**
 * Plain SQL for the hot read path, beside Prisma: the pg pool Prisma's adapter runs on (PostgreSQL)
 * or the PGlite instance (embedded). Statements built from a GraphQL selection return JSON built
 * by the database itself, so no row goes through Prisma's query compiler or result mapping.
 */
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export interface SqlClient {
  /**
   * Rows of one statement; json columns arrive parsed. `prepared`: on PostgreSQL, as a named
   * statement (below), for statements whose best plan does not depend on the values: lookups by
   * primary key. Anything else (a page: which index fits depends on its cursor and filter) goes
   * unnamed and is planned for its values.
   */
  query<T = Record<string, unknown>>(text: string, values?: unknown[], options?: { prepared?: boolean }): Promise<T[]>;
}

/**
 * How many distinct statement texts are sent as named (prepared) statements. The texts come from
 * compiled selections, so a few dozen cover every client's queries; past the bound a text goes
 * unnamed, which keeps what each PostgreSQL connection holds bounded whatever clients send.
 */
export const PREPARED_STATEMENT_LIMIT = 256;

/**
 * PREPARED_STATEMENTS=off sends every statement unnamed, for a pooler that does not keep
 * prepared statements across transactions (PgBouncer in transaction mode before 1.21).
 */
export function resolvePreparedStatements(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.PREPARED_STATEMENTS?.trim().toLowerCase();
  if (!value || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`PREPARED_STATEMENTS must be on or off, got "${env.PREPARED_STATEMENTS}"`);
}

/**
 * On PostgreSQL a prepared text is parsed once per connection and then only bound and executed
 * (as PostGraphile does): planning the long JSON-building statement of a material cost more
 * database CPU than running it. PostgreSQL may then reuse a generic plan; a page's statement
 * under one (its cursor and filter unknown) took twice the database CPU at 100k materials, so
 * only callers that ask get a name. The name is a digest of the text, so one name never means
 * two texts.
 */
export function pgSqlClient(pool: pg.Pool, onStatement: () => void, preparedStatements = true): SqlClient {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    if (!preparedStatements) return undefined;
    let name = names.get(text);
    if (name === undefined && names.size < PREPARED_STATEMENT_LIMIT) {
      name = `kb_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
      names.set(text, name);
    }
    return name;
  };
  return {
    async query<T>(text: string, values?: unknown[], options?: { prepared?: boolean }) {
      onStatement();
      return (await pool.query({ name: options?.prepared ? nameOf(text) : undefined, text, values })).rows as T[];
    },
  };
}

/** PGlite has no named statements in its API; its planning is in-process and cheaper than a round trip anyway. */
export function pgliteSqlClient(pglite: PGlite, onStatement: () => void): SqlClient {
  return {
    async query<T>(text: string, values?: unknown[]) {
      onStatement();
      return (await pglite.query<T>(text, values)).rows;
    },
  };
}
