/** The query cost's dependence on variables: a report that reads none is reused per document (src/security/limits.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { buildSchema } from '../../src/schema.js';
import { costReport } from '../../src/security/cost.js';

const schema = buildSchema();
const report = (query: string, variables: Record<string, unknown>) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return costReport(schema, document, operation, { variables });
};

test('a scalar variable (an id) does not make the cost depend on variables; a page size and a list do', () => {
  const byId = 'query ($id: ID!) { material(id: $id) { name measurements { value } } }';
  const a = report(byId, { id: 'TWF0ZXJpYWw6MQ' });
  const b = report(byId, { id: 'TWF0ZXJpYWw6Mg' });
  assert.equal(a.readsVariables, false);
  assert.equal(a.cost, b.cost);

  const page = 'query ($n: Int) { materials(first: $n) { edges { node { name } } } }';
  assert.equal(report(page, { n: 2 }).readsVariables, true);
  assert.ok(report(page, { n: 100 }).cost > report(page, { n: 2 }).cost);

  const filtered = 'query ($f: MaterialFilter) { materials(first: 5, filter: $f) { edges { node { name } } } }';
  const ranges = (n: number) => ({ propertyRanges: Array.from({ length: n }, () => ({ property: 'average_voltage', min: 1 })) });
  assert.equal(report(filtered, { f: ranges(2) }).readsVariables, true);
  assert.ok(report(filtered, { f: ranges(5) }).cost > report(filtered, { f: ranges(2) }).cost);

  const entities = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Material { name } } }';
  assert.equal(report(entities, { r: [{ __typename: 'Material', id: 'x' }] }).readsVariables, true);
});
