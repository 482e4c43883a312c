/**
 * HTTP-level guards of /graphql, in front of Apollo Server: the operation allow-list, and JSON
 * errors (never express's HTML page, never a stack) for bodies that cannot be read: too large
 * (413), not JSON (400), unsupported encoding or charset (415).
 */
import { timingSafeEqual } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode, httpStatus } from '../errors.js';
import { sha256Hex, type OperationAllowlist } from './allowlist.js';
import { prefersGraphQLResponseJson } from './status.js';

function errorBody(message: string, code: ErrorCode) {
  return { errors: [{ message, extensions: { code } }] };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function persistedHash(extensions: unknown): string | undefined {
  if (!isRecord(extensions) || !isRecord(extensions.persistedQuery)) return undefined;
  const hash = extensions.persistedQuery.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/** What the guards read of a request: express's or node:http's (src/graphql-post.ts). */
export interface GuardedRequest {
  method: string;
  /** The parsed JSON body of a POST. */
  body?: unknown;
  /** Path and query string, for a GET. */
  url?: string;
  header(name: string): string | undefined;
}

/**
 * The SHA-256 that identifies the request's document: of `query` when the request carries its
 * text, else the automatic-persisted-query hash. undefined when the request names no document
 * (a batch, an empty body, a repeated parameter): Apollo refuses those itself.
 */
export function requestDocumentHash(req: GuardedRequest): string | undefined {
  if (req.method === 'POST') {
    const body: unknown = req.body;
    if (!isRecord(body)) return undefined;
    if (typeof body.query === 'string') return sha256Hex(body.query);
    return persistedHash(body.extensions);
  }
  if (req.method === 'GET') {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const queries = params.getAll('query');
    if (queries.length === 1) return sha256Hex(queries[0]!);
    const extensions = params.getAll('extensions');
    if (queries.length > 1 || extensions.length !== 1) return undefined;
    try {
      return persistedHash(JSON.parse(extensions[0]!));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The header a gateway sends its ALLOWLIST_GATEWAY_SECRET in. */
export const GATEWAY_SECRET_HEADER = 'gateway-secret';

function sameSecret(presented: string | undefined, secret: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface AllowlistGuard {
  allowlist: OperationAllowlist;
  gatewaySecret?: string;
}

/**
 * OPERATION_NOT_ALLOWED for every document that is not on the allow-list, unless the request
 * carries the gateway secret: a gateway plans its own subgraph operations (their text depends on
 * the gateway and its version), so it is trusted to run its own allow-list. HTTP status: 403, or
 * 200 for an application/json client (src/errors.ts httpStatus). undefined: the request may run.
 */
export function allowlistRefusal({ allowlist, gatewaySecret }: AllowlistGuard, req: GuardedRequest): { status: number; body: unknown } | undefined {
  const hash = requestDocumentHash(req);
  if (hash === undefined || allowlist.has(hash) || (gatewaySecret !== undefined && sameSecret(req.header(GATEWAY_SECRET_HEADER), gatewaySecret))) return undefined;
  return {
    status: httpStatus([ErrorCode.OPERATION_NOT_ALLOWED], { hasData: false, graphqlResponseJson: prefersGraphQLResponseJson(req.header('accept')) }),
    body: errorBody(
      `This server runs only the operations on its allow-list, and this document (sha256 ${hash.slice(0, 12)}…) is not on it. Send one of the allowed documents exactly as listed.`,
      ErrorCode.OPERATION_NOT_ALLOWED,
    ),
  };
}

/** The allow-list as express middleware (GETs, and the POSTs src/graphql-post.ts leaves to express). */
export function operationAllowlistMiddleware(guard: AllowlistGuard): RequestHandler {
  return (req, res, next) => {
    const refusal = allowlistRefusal(guard, { method: req.method, body: req.body, url: req.originalUrl, header: (name) => req.get(name) });
    if (refusal) res.status(refusal.status).json(refusal.body);
    else next();
  };
}

interface BodyParserError {
  status?: number;
  statusCode?: number;
  type?: string;
  limit?: number;
  message?: string;
}

/**
 * The answer to a body that could not be read (body-parser's error, or the same kinds from
 * src/graphql-post.ts): its 4xx status, or 500 for anything else, with a GraphQL-shaped JSON body.
 */
export function bodyReadError(error: BodyParserError): { status: number; body: unknown } {
  const status = error.status ?? error.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return { status: 500, body: errorBody('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR) };
  if (status === 413) {
    const limit = typeof error.limit === 'number' ? ` of ${Math.round(error.limit / 1024)} kB` : '';
    return { status, body: errorBody(`The request body is larger than the limit${limit}.`, ErrorCode.PAYLOAD_TOO_LARGE) };
  }
  const message =
    error.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON (a GraphQL POST is a JSON object with a "query" string).'
      : status === 415
        ? `Unsupported request body: ${error.message ?? 'unsupported encoding or charset'}.`
        : `The request body could not be read: ${error.message ?? 'bad request'}.`;
  return { status, body: errorBody(message, ErrorCode.BAD_REQUEST) };
}

/** express error handler for /graphql: body-parser's errors as GraphQL-shaped JSON. */
export const graphqlHttpErrorHandler: ErrorRequestHandler = (error: BodyParserError, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const { status, body } = bodyReadError(error ?? {});
  if (status === 500) console.error('internal error before GraphQL:', error);
  res.status(status).json(body);
};
