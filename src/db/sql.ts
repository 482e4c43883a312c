/**
 * Plain SQL for the hot read path, beside Prisma: the pg pool Prisma's adapter runs on (PostgreSQL)
 * or the PGlite instance (embedded). Statements built from a GraphQL selection return JSON built
 * by the database itself, so no row goes through Prisma's query compiler or result mapping.
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export interface SqlClient {
  /** Rows of one statement; json columns arrive parsed. */
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
}

export function pgSqlClient(pool: pg.Pool, onStatement: () => void): SqlClient {
  return {
    async query<T>(text: string, values?: unknown[]) {
      onStatement();
      return (await pool.query({ text, values })).rows as T[];
    },
  };
}

export function pgliteSqlClient(pglite: PGlite, onStatement: () => void): SqlClient {
  return {
    async query<T>(text: string, values?: unknown[]) {
      onStatement();
      return (await pglite.query<T>(text, values)).rows;
    },
  };
}
