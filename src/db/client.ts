/**
 * PrismaClient on the chosen database (and its read replicas, if any), with SQL statement
 * counting for tests and benchmarks.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { openPGlite, resolveDatabaseTarget, resolveReadReplicaUrls, type DatabaseTarget } from './adapter.js';
import { pgliteSqlClient, pgSqlClient, resolvePreparedStatements, type SqlClient } from './sql.js';

export interface Database {
  /** The primary: every write, seeding, and every read of a mutation request. */
  prisma: PrismaClient;
  /**
   * The client for a read-only request: the next read replica (round-robin) when
   * DATABASE_READ_REPLICA_URLS lists some, otherwise the primary.
   */
  reader(): PrismaClient;
  /** Plain SQL on the same connections as a client from `prisma` or `reader()` (see sql.ts). */
  sqlFor(client: PrismaClient): SqlClient | undefined;
  /** How many read replicas the reads are spread over (0: all on the primary). */
  replicaCount: number;
  target: DatabaseTarget;
  /** Number of SQL statements sent since start, on the primary and the replicas (read it before and after an operation). */
  statementCount(): number;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /**
   * PostgreSQL statement_timeout of every connection (the server sets it; seed and ingest do
   * not). The client also gives up on a statement this long plus 5 s, for a server that does
   * not answer at all. The embedded database has no equivalent: the cost model bounds its work.
   */
  statementTimeoutMs?: number;
  /** How long to wait for a PostgreSQL connection (from the pool or a new one) before SERVICE_UNAVAILABLE. */
  connectionTimeoutMs?: number;
  /** Plain-SQL reads as named prepared statements on PostgreSQL (sql.ts); default from PREPARED_STATEMENTS (on). */
  preparedStatements?: boolean;
}

/**
 * How long a request waits for a PostgreSQL connection by default: as long as the request
 * deadline (opening a connection to a busy server can take seconds; waiting past the deadline
 * would be for nothing).
 */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 15_000;

function pgPoolConfig(connectionString: string, options: DatabaseOptions) {
  const statement = options.statementTimeoutMs;
  return {
    connectionString,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    ...(statement ? { statement_timeout: statement, query_timeout: statement + 5_000 } : {}),
  };
}

export function createDatabase(target: DatabaseTarget = resolveDatabaseTarget(), replicaUrls: string[] = resolveReadReplicaUrls(target), options: DatabaseOptions = {}): Database {
  let pglite: PGlite | undefined;
  let statements = 0;
  const countStatement = () => {
    statements += 1;
  };
  const pools: pg.Pool[] = [];
  const preparedStatements = options.preparedStatements ?? resolvePreparedStatements();
  // One pool per server, shared by Prisma's adapter and the plain-SQL reads.
  const onPool = (url: string) => {
    const pool = new pg.Pool(pgPoolConfig(url, options));
    // An idle connection the server closed (a restart, an administrator, a dropped database) is
    // an 'error' event of the pool, which drops that connection. Prisma's adapter listens only
    // while connected, and the plain-SQL reads use the pool without it: unheard, the event would
    // end the process.
    pool.on('error', (error) => console.error(`an idle PostgreSQL connection was closed: ${error.message}`));
    pools.push(pool);
    return { adapter: new PrismaPg(pool), sql: pgSqlClient(pool, countStatement, preparedStatements) };
  };
  let primary: { adapter: PrismaPg | PrismaPGlite; sql: SqlClient };
  if (target.kind === 'postgres') {
    primary = onPool(target.url);
  } else {
    if (replicaUrls.length > 0) throw new Error('read replicas need a PostgreSQL primary, not the embedded database');
    pglite = openPGlite(target.dataDir);
    primary = { adapter: new PrismaPGlite(pglite), sql: pgliteSqlClient(pglite, countStatement) };
  }
  const sqlOf = new Map<PrismaClient, SqlClient>();
  const counted = ({ adapter, sql }: { adapter: PrismaPg | PrismaPGlite; sql: SqlClient }) => {
    const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
    client.$on('query' as never, countStatement);
    sqlOf.set(client, sql);
    return client;
  };
  const prisma = counted(primary);
  const replicas = replicaUrls.map((url) => counted(onPool(url)));
  let next = 0;
  let closing: Promise<void> | undefined;
  return {
    prisma,
    reader: () => (replicas.length === 0 ? prisma : replicas[next++ % replicas.length]!),
    sqlFor: (client) => sqlOf.get(client),
    replicaCount: replicas.length,
    target,
    statementCount: () => statements,
    // Once, however often it is called (a second signal during shutdown): pg's pool refuses a second end().
    close() {
      closing ??= (async () => {
        await Promise.all([prisma, ...replicas].map((client) => client.$disconnect()));
        await Promise.all(pools.map((pool) => pool.end()));
        await pglite?.close();
      })();
      return closing;
    },
  };
}

/**
 * For command-line entry points (server, seed, ingest): the configured database, or exit 1 with
 * the reason (a bad DATABASE_URL, the embedded database open in another process) and no stack trace.
 */
export function createDatabaseOrExit(options: DatabaseOptions = {}): Database {
  try {
    return createDatabase(undefined, undefined, options);
  } catch (error) {
    console.error(`cathode-kb: ${(error as Error).message}`);
    process.exit(1);
  }
}
