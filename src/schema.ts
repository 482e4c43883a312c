/**
 * The executable schema: SDL from schema/*.graphql plus the resolvers, built as an Apollo
 * Federation v2 subgraph (schema/federation.graphql links the spec; entity resolvers are in
 * resolvers/federation.ts). buildSubgraphSchema adds `_service { sdl }` and `_entities`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { isInterfaceType, isObjectType, isScalarType, parse, type GraphQLSchema } from 'graphql';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { federationResolvers } from './resolvers/federation.js';
import { passCompiledThrough } from './read/index.js';
import { resolvers } from './resolvers/index.js';
import { PROJECT_ROOT } from './paths.js';
import { guardEntityRepresentations } from './security/entities.js';

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

export function loadTypeDefs(): string {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(SCHEMA_DIR, f), 'utf8'))
    .join('\n');
}

/** What buildSubgraphSchema accepts as resolvers (its map type is not exported). */
type SubgraphResolverMap = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;

/** The main resolvers with the federation ones merged in, type by type. */
export function allResolvers(): Resolvers {
  const merged: Resolvers = { ...resolvers };
  for (const [typeName, fields] of Object.entries(federationResolvers)) {
    merged[typeName] = { ...resolvers[typeName], ...fields };
  }
  return passCompiledThrough(merged);
}

/**
 * buildSubgraphSchema silently ignores resolvers for types or fields the SDL lacks (unlike
 * makeExecutableSchema); fail instead, so a renamed field cannot leave a dead resolver.
 */
function assertResolversMatchSchema(schema: GraphQLSchema, resolverMap: Resolvers): void {
  for (const [typeName, fields] of Object.entries(resolverMap)) {
    const type = schema.getType(typeName);
    if (!type) throw new Error(`resolvers define type "${typeName}", which the schema lacks`);
    if (isScalarType(type) || !(isObjectType(type) || isInterfaceType(type))) continue;
    const schemaFields = type.getFields();
    for (const fieldName of Object.keys(fields as object)) {
      if (!fieldName.startsWith('__') && !schemaFields[fieldName]) {
        throw new Error(`resolvers define ${typeName}.${fieldName}, which the schema lacks`);
      }
    }
  }
}

/** The executable subgraph schema served by the app. */
export function buildSchema(): GraphQLSchema {
  const resolverMap = allResolvers();
  const schema = buildSubgraphSchema({ typeDefs: parse(loadTypeDefs()), resolvers: resolverMap as SubgraphResolverMap });
  assertResolversMatchSchema(schema, resolverMap);
  guardEntityRepresentations(schema);
  return schema;
}
