import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectGlobalId, fromCursor, fromGlobalId, toCursor, toGlobalId } from '../../src/ids.js';

test('global IDs round-trip and carry their type', () => {
  const id = toGlobalId('Material', 42);
  assert.deepEqual(fromGlobalId(id), { type: 'Material', id: 42 });
  assert.equal(expectGlobalId(id, 'Material'), 42);
  assert.throws(() => expectGlobalId(id, 'Paper'), /is a Material, not a Paper/);
});

test('foreign IDs and cursors are rejected with a code', () => {
  assert.throws(() => fromGlobalId('bm9wZQ'), (e: any) => e.extensions.code === 'INVALID_ID');
  assert.throws(() => fromGlobalId(toGlobalId('Material', 1).replace(/./, 'Z')), (e: any) => e.extensions.code === 'INVALID_ID');
  assert.equal(fromCursor(toCursor(7)), 7);
  assert.throws(() => fromCursor('abc'), (e: any) => e.extensions.code === 'INVALID_CURSOR');
});
