/**
 * The GraphQL operations still executing, so that closing the app waits for them before the
 * database closes under them. Apollo's drain waits only for requests whose connection is still
 * open: one whose client has gone away goes on executing, and with the pool ended its next
 * statement failed ("Cannot use a pool after calling end on the pool").
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

export interface InFlightOperations<TContext extends BaseContext> {
  plugin: ApolloServerPlugin<TContext>;
  /** Resolves once every operation started so far has finished, or after `timeoutMs` at most. */
  settled(timeoutMs: number): Promise<void>;
}

export function inFlightOperations<TContext extends BaseContext>(): InFlightOperations<TContext> {
  // Keyed by the request's context (one per request), so an operation is counted once however it ends.
  const pending = new Map<TContext, { done: Promise<void>; finish: () => void }>();
  const finish = (context: TContext) => {
    pending.get(context)?.finish();
    pending.delete(context);
  };
  return {
    plugin: {
      async requestDidStart({ contextValue }) {
        let resolve!: () => void;
        const done = new Promise<void>((r) => (resolve = r));
        pending.set(contextValue, { done, finish: resolve });
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
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.all([...pending.values()].map((p) => p.done)), timeout]);
      clearTimeout(timer);
    },
  };
}
