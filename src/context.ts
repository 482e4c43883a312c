/** Per-request context: the database client, a fresh DataLoader set and the caller's curator identity. */
import type { PrismaClient } from '@prisma/client';
import type { Curator } from './curation/auth.js';
import { createLoaders, type Loaders } from './db/loaders.js';
import type { SqlClient } from './db/sql.js';
import { createCompiledReads, type CompiledReads } from './read/index.js';

export interface Context {
  /** The client this request reads through: a read replica for queries when there are any. */
  prisma: PrismaClient;
  /** The primary database, where writes go. */
  primary: PrismaClient;
  loaders: Loaders;
  /** The SQL-compiled read path (src/read), when the database offers plain SQL beside Prisma. */
  reads?: CompiledReads;
  /** Set when the request carries a valid curator token; reads never need it. */
  curator: Curator | null;
  /** Why the request's Authorization header is not a curator credential (told to a mutation only). */
  curatorRefusal?: string;
  sqlFor?: (client: PrismaClient) => SqlClient | undefined;
}

/** `sqlFor` gives plain SQL on the same connections as a client (Database.sqlFor); without it, reads go through the loaders only. */
export function createContext(prisma: PrismaClient, curator: Curator | null = null, primary: PrismaClient = prisma, sqlFor?: (client: PrismaClient) => SqlClient | undefined): Context {
  const sql = sqlFor?.(prisma);
  return { prisma, primary, loaders: createLoaders(prisma), reads: sql && createCompiledReads(sql), curator, sqlFor };
}

/**
 * Plain SQL on the connections this request reads through: the database's own client (src/db/sql.ts)
 * or, where the context has none, Prisma's raw queries (which compile every statement anew).
 */
export function sqlOf(context: Context): SqlClient {
  return (
    context.sqlFor?.(context.prisma) ?? {
      query: <T>(text: string, values: unknown[] = []) => context.prisma.$queryRawUnsafe<T[]>(text, ...values),
    }
  );
}

/**
 * A mutation reads and writes the primary, so its answer shows its own write whatever a replica's
 * lag. Called once the operation is known and before any resolver has run (no loader is in use).
 */
export function readFromPrimary(context: Context): void {
  if (context.prisma === context.primary) return;
  context.prisma = context.primary;
  context.loaders = createLoaders(context.primary);
  const sql = context.sqlFor?.(context.primary);
  context.reads = sql && createCompiledReads(sql);
}
