/**
 * The request deadline (REQUEST_TIMEOUT_MS): once it has passed, every field that starts to
 * resolve fails, so no resolver sends the database new work, and the answer is one
 * REQUEST_TIMEOUT error without partial data. A statement already running ends at PostgreSQL's
 * statement_timeout (src/db/client.ts); on the embedded database a statement cannot be
 * interrupted, and the cost model and list caps bound what one can do.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, refusal } from '../errors.js';

/** Each request's deadline (ms since the epoch), by its context, for work outside field resolution (src/read/operation.ts). */
const deadlines = new WeakMap<object, number>();

/** Whether the request of this context has passed its deadline (false when it has none). */
export function deadlinePassed(context: object): boolean {
  const deadline = deadlines.get(context);
  return deadline !== undefined && Date.now() > deadline;
}

export function requestDeadlinePlugin<TContext extends object>(timeoutMs: number): ApolloServerPlugin<TContext> {
  const message = `The request passed its deadline of ${timeoutMs / 1000} s and was stopped; ask for less (smaller pages, fewer filters or nested lists).`;
  return {
    async requestDidStart({ contextValue }) {
      const deadline = Date.now() + timeoutMs;
      deadlines.set(contextValue, deadline);
      return {
        async executionDidStart() {
          return {
            willResolveField() {
              if (Date.now() > deadline) throw refusal(ErrorCode.REQUEST_TIMEOUT, message, { limit: timeoutMs });
            },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const timeout = response.body.singleResult.errors?.find((e) => e.extensions?.code === ErrorCode.REQUEST_TIMEOUT);
          // One clear error instead of one per field that was stopped, and no half-filled data.
          if (timeout) response.body.singleResult = { errors: [{ message: timeout.message, extensions: timeout.extensions }] };
        },
      };
    },
  };
}
