/** The check of the docs' abridged example outputs (test/docs-examples.ts): what it accepts and what it catches. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { docExamples, examplesOf, expectedOutputMismatch } from '../docs-examples.js';

const answer = {
  materials: {
    edges: [
      { node: { formula: 'NaVO3', capacity: { value: 219.81138555836296, unit: 'mAh/g', inputs: [{ name: 'n' }, { name: 'F' }, { name: 'M' }] } } },
      { node: { formula: 'NaCoO3', capacity: { value: 221.5, unit: 'mAh/g', inputs: [] } } },
    ],
  },
};

describe('example outputs in the docs', () => {
  test('an abridged fragment found anywhere in the answer matches, numbers to 1e-9 relative', () => {
    assert.equal(expectedOutputMismatch({ capacity: { value: 219.811385558, unit: 'mAh/g' } }, answer), null);
    assert.equal(expectedOutputMismatch({ formula: 'NaCoO3', '…': '…' }, answer), null);
  });

  test('"…" skips list elements and strings containing "…" match any string, but the shown order holds', () => {
    assert.equal(expectedOutputMismatch({ inputs: [{ name: 'n' }, '…', { name: 'M' }] }, answer), null);
    assert.equal(expectedOutputMismatch({ formula: '…VO3' }, answer), null);
    assert.match(expectedOutputMismatch({ inputs: [{ name: 'M' }, { name: 'n' }] }, answer)!, /inputs\[1\]/);
  });

  test('a wrong number, a wrong string or a missing key is reported with its path', () => {
    assert.match(expectedOutputMismatch({ formula: 'NaVO3', capacity: { value: 219.9 } }, answer)!, /\.capacity\.value: expected 219\.9/);
    assert.match(expectedOutputMismatch({ formula: 'NaVO3', capacity: { unit: 'Ah/kg' } }, answer)!, /\.capacity\.unit: expected "Ah\/kg"/);
    assert.match(expectedOutputMismatch({ formula: 'NaVO3', voltage: {} }, answer)!, /\.voltage: missing/);
  });

  test('a json block right after a graphql block is its output; a bare "key": {…} is read as an object', () => {
    const text = 'x\n```graphql\n{ a }\n```\n\n```json\n"a": { "b": 1 }\n```\n\n```graphql\n{ c }\n```\ntext\n```json\n{ "d": 2 }\n```\n';
    const [first, second] = examplesOf('x.md', text);
    assert.deepEqual(first!.expected, { a: { b: 1 } });
    assert.equal(first!.where, 'x.md, block 1 (line 2)');
    assert.equal(second!.expected, undefined, 'prose between the blocks: not an output');
  });

  test('the docs hold the queries the integration test runs, and their outputs parse', () => {
    const examples = docExamples();
    assert.ok(examples.some((e) => e.where.startsWith('README.md')));
    assert.ok(examples.filter((e) => e.expected !== undefined).length >= 5);
  });
});
