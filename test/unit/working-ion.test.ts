import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { $Enums } from '@prisma/client';
import { parse } from 'graphql';
import { WORKING_ION_VALENCE, valenceOf } from '../../src/derive/working-ion.js';

test('the Prisma and GraphQL WorkingIon enums list exactly the ions whose valence is known', () => {
  const known = Object.keys(WORKING_ION_VALENCE).sort();
  assert.deepEqual(Object.values($Enums.WorkingIon).sort(), known);
  const sdl = parse(readFileSync(new URL('../../schema/material.graphql', import.meta.url), 'utf8'));
  const graphqlEnum = sdl.definitions.find((d) => d.kind === 'EnumTypeDefinition' && d.name.value === 'WorkingIon') as unknown as { values: { name: { value: string } }[] };
  assert.deepEqual(graphqlEnum.values.map((v) => v.name.value).sort(), known);
});

test('valences: alkali 1, Mg/Ca/Zn 2, Al/Y 3; anything else is refused', () => {
  assert.deepEqual(['Li', 'Na', 'K', 'Rb', 'Cs', 'Mg', 'Ca', 'Zn', 'Al', 'Y'].map(valenceOf), [1, 1, 1, 1, 1, 2, 2, 2, 3, 3]);
  assert.throws(() => valenceOf('Fe'), /not a working ion/);
});
