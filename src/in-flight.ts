/**
 * The GraphQL operations still executing, so that closing the app waits for them before the
 * database closes under them. Apollo's drain waits only for requests whose connection is still
 * open: one whose client has gone away goes on executing, and with the pool ended its next
 * statement failed ("Cannot use a pool after calling end on the pool").
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

export interface InFlightOperations<TContext extends BaseContext> {
  plugin: ApolloServerPlugin<TContext>;
  /**
   * Resolves once no operation is executing, or after `timeoutMs` at most (called after the
   * server stopped taking requests, that is once every operation started so far has finished).
   */
  settled(timeoutMs: number): Promise<void>;
}

export function inFlightOperations<TContext extends BaseContext>(): InFlightOperations<TContext> {
  // The request's context (one per request), so an operation is counted once however it ends.
  // Nothing per request but the set entry: a promise only once someone waits.
  const pending = new Set<TContext>();
  let waiting: (() => void)[] = [];
  const finish = (context: TContext) => {
    if (!pending.delete(context) || pending.size > 0) return;
    for (const wake of waiting) wake();
    waiting = [];
  };
  return {
    plugin: {
      async requestDidStart({ contextValue }) {
        pending.add(contextValue);
        return {
          async willSendResponse() {
            finish(contextValue);
          },
        };
      },
      // The one way out of the request pipeline that skips willSendResponse.
      async unexpectedErrorProcessingRequest({ requestContext }) {
        finish(requestContext.contextValue);
      },
    },
    async settled(timeoutMs) {
      if (pending.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        timer = setTimeout(resolve, timeoutMs);
      });
      clearTimeout(timer);
    },
  };
}
