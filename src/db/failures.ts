/**
 * Database failures a client can act on, told apart from bugs: the database is unreachable or
 * overloaded (SERVICE_UNAVAILABLE, retryable), or a statement ran past statement_timeout
 * (REQUEST_TIMEOUT: ask for less). Recognised in Prisma's errors (P1001 …, and the driver
 * adapter's cause in `meta.driverAdapterError`), node-postgres/pg-pool errors and socket errors.
 */
import { ErrorCode } from '../errors.js';

/** Prisma: cannot reach, timed out reaching, closed, pool timeout. */
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Driver adapter error kinds (Prisma 6 `DriverAdapterError.cause.kind`). */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'DatabaseDoesNotExist', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TransactionAlreadyClosed']);
/** SQLSTATE: connection exceptions (08…), shutdown and start-up (57P01–57P03), too many connections (53300). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/**
 * Prisma's P2028 covers several transaction failures; this one surely wrote nothing, the
 * transaction never began (it waited past maxWait, e.g. for the embedded database's one
 * connection while a backup or a seed held it).
 */
const TRANSACTION_NOT_STARTED = /Unable to start a transaction in the given time/;
/** pg-pool and node-postgres say these in words only. */
const UNAVAILABLE_MESSAGE = /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error|connection timeout/i;

export type DatabaseFailure = typeof ErrorCode.SERVICE_UNAVAILABLE | typeof ErrorCode.REQUEST_TIMEOUT;

export function databaseFailure(error: unknown): DatabaseFailure | undefined {
  const seen = new Set<unknown>();
  for (let e: any = error; e && typeof e === 'object' && !seen.has(e); e = e.cause ?? e.originalError) {
    seen.add(e);
    const cause = e.meta?.driverAdapterError?.cause ?? (e.name === 'DriverAdapterError' ? e.cause : undefined);
    const sqlState = cause?.originalCode ?? cause?.code ?? (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined);
    if (sqlState === '57014') return ErrorCode.REQUEST_TIMEOUT;
    if (typeof e.code === 'string' && (UNAVAILABLE_PRISMA.has(e.code) || UNAVAILABLE_SOCKET.has(e.code))) return ErrorCode.SERVICE_UNAVAILABLE;
    if (e.code === 'P2028' && typeof e.message === 'string' && TRANSACTION_NOT_STARTED.test(e.message)) return ErrorCode.SERVICE_UNAVAILABLE;
    if (typeof cause?.kind === 'string' && UNAVAILABLE_KINDS.has(cause.kind)) return ErrorCode.SERVICE_UNAVAILABLE;
    if (typeof sqlState === 'string' && UNAVAILABLE_SQLSTATE.test(sqlState)) return ErrorCode.SERVICE_UNAVAILABLE;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return ErrorCode.SERVICE_UNAVAILABLE;
  }
  return undefined;
}

export const DATABASE_FAILURE_MESSAGES: Record<DatabaseFailure, string> = {
  SERVICE_UNAVAILABLE: 'The database is unavailable or overloaded right now; retry in a moment (the request changed nothing).',
  REQUEST_TIMEOUT: 'A database statement ran past its time limit and was cancelled; ask for less (smaller pages, fewer filters or nested lists).',
};
