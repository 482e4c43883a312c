/**
 * The public error contract: every code a client can see, in `extensions.code` of a GraphQL error
 * or in `code` of a CurationError payload entry (the schema's `CurationErrorCode`, a subset), and
 * the HTTP status of each, decided here only (`httpStatus`). docs/operations.md lists them.
 */
import { GraphQLError } from 'graphql';
import type { CurationErrorCode } from './__generated__/resolvers-types.js';

interface CodeSpec {
  /** HTTP status of a request refused with this code (see httpStatus for when it applies). */
  status: number;
  /** The same request may succeed later unchanged (the client should retry with back-off). */
  retryable?: true;
  /** Also a value of the schema enum CurationErrorCode (a refusal in a mutation's payload). */
  payload?: true;
}

const CODES = {
  // The request as a whole cannot be run (Apollo Server's own codes first).
  GRAPHQL_PARSE_FAILED: { status: 400 },
  GRAPHQL_VALIDATION_FAILED: { status: 400 },
  BAD_REQUEST: { status: 400 },
  PERSISTED_QUERY_NOT_FOUND: { status: 404 },
  PERSISTED_QUERY_NOT_SUPPORTED: { status: 400 },
  OPERATION_RESOLUTION_FAILURE: { status: 400 },
  // Query limits (src/security/limits.ts, cost.ts, allowlist.ts, http.ts).
  QUERY_TOO_DEEP: { status: 400 },
  TOO_MANY_ALIASES: { status: 400 },
  TOO_MANY_DIRECTIVES: { status: 400 },
  TOO_MANY_TOKENS: { status: 400 },
  DUPLICATE_FIELD: { status: 400 },
  QUERY_TOO_COSTLY: { status: 400 },
  /** A list argument (filter.propertyRanges, exclude, …) longer than its cap. */
  LIST_SIZE_EXCEEDED: { status: 400 },
  OPERATION_NOT_ALLOWED: { status: 403 },
  PAYLOAD_TOO_LARGE: { status: 413 },
  // Arguments the resolvers refuse.
  BAD_USER_INPUT: { status: 400 },
  UNKNOWN_PROPERTY: { status: 400, payload: true },
  UNKNOWN_UNIT: { status: 400, payload: true },
  /** A material filter names a family that does not exist. */
  UNKNOWN_FAMILY: { status: 400 },
  INVALID_CURSOR: { status: 400 },
  INVALID_ID: { status: 400 },
  PAGE_SIZE_EXCEEDED: { status: 400 },
  /** No or an invalid curator token on a mutation (reads never need one). */
  UNAUTHENTICATED: { status: 401 },
  // Curation refusals, in the mutation's payload (schema/curation.graphql).
  INVALID: { status: 400, payload: true },
  UNKNOWN_REFERENCE: { status: 400, payload: true },
  DUPLICATE: { status: 409, payload: true },
  /** A write based on a value that changed meanwhile (a stale correction); the refusal carries the current value. */
  CONFLICT: { status: 409, payload: true },
  OUT_OF_RANGE: { status: 400, payload: true },
  /** A warning in a mutation's payload, not a refusal: the value was stored but lies outside the plausible range. */
  IMPLAUSIBLE: { status: 200, payload: true },
  NOT_FOUND: { status: 404, payload: true },
  // The server could not finish.
  /** The request passed its deadline (REQUEST_TIMEOUT_MS) or a statement its timeout: ask for less. */
  REQUEST_TIMEOUT: { status: 503 },
  /** The database is unreachable or overloaded: retry later. */
  SERVICE_UNAVAILABLE: { status: 503, retryable: true },
  INTERNAL_SERVER_ERROR: { status: 500 },
} as const satisfies Record<string, CodeSpec>;

export type ErrorCode = keyof typeof CODES;
export const ErrorCode = Object.fromEntries(Object.keys(CODES).map((code) => [code, code])) as { readonly [C in ErrorCode]: C };

/** Every CurationErrorCode of the schema must be a code here (a compile error otherwise). */
type PayloadCode = { [C in ErrorCode]: (typeof CODES)[C] extends { payload: true } ? C : never }[ErrorCode];
const _payloadCodesMatchSchema: [CurationErrorCode] extends [PayloadCode] ? ([PayloadCode] extends [CurationErrorCode] ? true : never) : never = true;
void _payloadCodesMatchSchema;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(CODES, code);
}

export function isRetryable(code: unknown): boolean {
  return isErrorCode(code) && (CODES[code] as CodeSpec).retryable === true;
}

/**
 * The HTTP status of a GraphQL response, from its errors' codes. GraphQL-over-HTTP: a client that
 * accepts `application/graphql-response+json` gets the status of the first error that stops the
 * whole request (no data, or a code like UNAUTHENTICATED or SERVICE_UNAVAILABLE); a client of
 * plain `application/json` (curl, browsers, and both gateways' subgraph fetches: Apollo's
 * gateway turns any non-2xx answer into "400: Bad Request" and drops the code) gets 200, with the
 * code and the advice in the body.
 */
export function httpStatus(codes: readonly unknown[], options: { hasData: boolean; graphqlResponseJson: boolean }): number {
  if (!options.graphqlResponseJson || codes.length === 0) return 200;
  for (const code of codes) {
    const spec: CodeSpec = isErrorCode(code) ? CODES[code] : CODES.INTERNAL_SERVER_ERROR;
    if (!options.hasData || spec.status === 401 || spec.status === 503) return spec.status;
  }
  return 200;
}

/** A request or argument error: the code's HTTP status follows from `httpStatus`. */
export class UserInputError extends GraphQLError {
  constructor(message: string, code: ErrorCode = ErrorCode.BAD_USER_INPUT, argument?: string) {
    super(message, { extensions: { code, ...(argument ? { argument } : {}) } });
  }
}

/** A refusal with a code from the contract and details for the client (limits, caps). */
export function refusal(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}
