/** The order a backup writes and a restore inserts tables in, and which references wait until every row is in. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deferredColumns, foreignKeyOrder, type TableInfo } from '../../src/backup/tables.js';

const table = (name: string, foreignKeys: [string, string][], notNull: string[] = []): TableInfo => ({
  name,
  columns: ['id', ...foreignKeys.map(([c]) => c)],
  requiredColumns: notNull,
  notNullColumns: ['id', ...notNull],
  primaryKey: ['id'],
  foreignKeys: foreignKeys.map(([c, references]) => ({ columns: [c], references })),
  sequences: [],
});

// The shape of prisma/schema.prisma: a member needs its material, a material may name its coating
// and its substrate (itself), a coating may name its material.
const member = table('FamilyFactMember', [['materialId', 'Material']], ['materialId']);
const material = table('Material', [['paperId', 'Paper'], ['substrateId', 'Material'], ['coatingId', 'Coating']], ['paperId']);
const coating = table('Coating', [['paperId', 'Paper'], ['materialId', 'Material']], ['paperId']);
const paper = table('Paper', []);

test('referenced tables come first; a cycle of nullable references is broken without moving a NOT NULL one', () => {
  const order = foreignKeyOrder([member, material, coating, paper]).map((t) => t.name);
  // Otherwise in the given (schema) order: the member is ready once its material is in.
  assert.deepEqual(order, ['Paper', 'Material', 'FamilyFactMember', 'Coating']);
});

test('references to a table not yet inserted (or to the table itself) are filled after every row is in', () => {
  const order = ['Paper', 'Material', 'FamilyFactMember', 'Coating'];
  assert.deepEqual(deferredColumns(material, order), ['substrateId', 'coatingId']);
  assert.deepEqual(deferredColumns(coating, order), []);
  assert.deepEqual(deferredColumns(member, order), []);
  assert.throws(() => deferredColumns(member, ['FamilyFactMember', 'Paper', 'Material']), /FamilyFactMember: the foreign key column materialId cannot be filled after the rows they point at/);
});
