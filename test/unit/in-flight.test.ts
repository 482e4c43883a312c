import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { inFlightOperations } from '../../src/in-flight.js';

/** Whether settled() returns well before its timeout of 2 s (false: it waited for the timeout). */
async function settlesAtOnce(inFlight: ReturnType<typeof inFlightOperations<object>>) {
  const started = performance.now();
  await inFlight.settled(2_000);
  return performance.now() - started < 1_000;
}

/** Starts an operation as Apollo does; returns its willSendResponse. */
async function start(inFlight: ReturnType<typeof inFlightOperations<object>>, contextValue: object) {
  const listeners = await inFlight.plugin.requestDidStart!({ contextValue } as never);
  return () => listeners!.willSendResponse!({ contextValue } as never);
}

test('settled() waits for a started operation until it sends its response; then nothing is pending', async () => {
  const inFlight = inFlightOperations<object>();
  const respond = await start(inFlight, {});
  let settled = false;
  const waiting = inFlight.settled(60_000).then(() => (settled = true));
  await sleep(20);
  assert.equal(settled, false);
  await respond();
  await waiting;
  assert.equal(settled, true);
  assert.ok(await settlesAtOnce(inFlight));
});

test('an operation ended by an unexpected error counts as finished', async () => {
  const inFlight = inFlightOperations<object>();
  const contextValue = {};
  await start(inFlight, contextValue);
  await inFlight.plugin.unexpectedErrorProcessingRequest!({ requestContext: { contextValue }, error: new Error('x') } as never);
  assert.ok(await settlesAtOnce(inFlight));
});

test('an operation that never ends holds settled() only until the timeout', async () => {
  const inFlight = inFlightOperations<object>();
  await start(inFlight, {});
  const started = performance.now();
  await inFlight.settled(50);
  assert.ok(performance.now() - started >= 45);
});
