/**
 * The HTTP status and retry headers of every GraphQL response, from its errors' codes and the
 * client's Accept header (src/errors.ts `httpStatus` decides; this applies it). Error objects
 * carry no `extensions.http`: the status is set here only.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';
import { ErrorCode, httpStatus } from '../errors.js';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/** Whether a client asked for GraphQL-over-HTTP's `application/graphql-response+json` (as Apollo Server would choose). */
export function prefersGraphQLResponseJson(accept: string | undefined | null): boolean {
  if (!accept) return false;
  return new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_JSON]) === GRAPHQL_RESPONSE_JSON;
}

/** Seconds a client should wait before retrying a SERVICE_UNAVAILABLE answer. */
export const RETRY_AFTER_SECONDS = 1;

export function httpStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          // 405 (a mutation over GET) is about the HTTP method, whatever the client accepts.
          if (response.body.kind !== 'single' || response.http.status === 405) return;
          const { errors, data } = response.body.singleResult;
          const codes = (errors ?? []).map((e) => e.extensions?.code);
          response.http.status = httpStatus(codes, { hasData: data !== undefined, graphqlResponseJson: prefersGraphQLResponseJson(request.http?.headers.get('accept')) });
          if (codes.includes(ErrorCode.SERVICE_UNAVAILABLE)) response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
