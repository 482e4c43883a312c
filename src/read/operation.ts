/**
 * Whole operations answered by the database: when every root field of a query is one the SQL
 * read path compiles (material, materials, _entities of Materials by id) and its arguments are
 * valid, the response data is the JSON the statements return, with no field resolution in
 * graphql-js (an Apollo plugin's responseForOperation, which runs after parsing, validation and
 * the operation guards of src/security). Anything else, including every error case, returns null
 * and is executed as usual, so errors keep their one shape.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { getArgumentValues, getVariableValues, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { MaterialFilter } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { fromGlobalId } from '../ids.js';
import { requireKnownFamily, materialWhere } from '../resolvers/filters.js';
import { checkPageSize } from '../resolvers/pagination.js';
import { collectFields, type SelectionContext } from './compile.js';
import type { CompiledReads } from './index.js';
import { deadlinePassed } from '../security/deadline.js';

async function compiledData(reads: CompiledReads, context: Context, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, inputs: Record<string, unknown>): Promise<Record<string, unknown> | null> {
  if (operation.operation !== 'query') return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  if (coerced.errors) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const ctx: SelectionContext = { schema, fragments, variables: coerced.coerced };
  const query = schema.getQueryType()!;
  const variables = Boolean(operation.variableDefinitions?.length);
  const { materialById, materialPage, materialsByIds } = reads.byMode;
  // Per root field: its value, and whether a null value means "not compilable" (a page or a list
  // is never null; a material by id is null when there is none).
  const roots: [string, Promise<unknown>, boolean][] = [];
  for (const [key, nodes] of collectFields(ctx, query, [operation.selectionSet])) {
    const name = nodes[0]!.name.value;
    const definition = query.getFields()[name];
    if (!definition) return null;
    const args = getArgumentValues(definition, nodes[0]!, ctx.variables) as Record<string, any>;
    const selection = { ctx, nodes, variables };
    let value: Promise<unknown> | null = null;
    const nullIsFallback = name !== 'material';
    try {
      if (name === 'material') {
        if (args.key != null) return null;
        const { type, id } = fromGlobalId(args.id as string);
        value = type === 'Material' ? materialById(selection, 'response', id) : null;
      } else if (name === 'materials') {
        const filter = args.filter as MaterialFilter | null | undefined;
        if (args.orderBy != null) return null;
        // The resolver's own checks, in its order (they may throw: then the usual path reports it).
        await materialWhere(context, filter);
        await requireKnownFamily(context, filter);
        value = materialPage(selection, 'response', filter, checkPageSize((args.first as number | null) ?? 20), args.after as string | null | undefined);
      } else if (name === '_entities') {
        const ids: number[] = [];
        for (const r of args.representations as { __typename?: unknown; id?: unknown }[]) {
          if (r?.__typename !== 'Material' || typeof r.id !== 'string' || Object.keys(r).length !== 2) return null;
          const { type, id } = fromGlobalId(r.id);
          if (type !== 'Material') return null;
          ids.push(id);
        }
        value = materialsByIds(selection, ids);
      }
    } catch {
      return null;
    }
    if (value === null) return null;
    roots.push([key, value, nullIsFallback]);
  }
  const values = await Promise.all(roots.map(([, v]) => v));
  if (roots.some(([, , nullIsFallback], i) => nullIsFallback && values[i] === null)) return null;
  return Object.fromEntries(roots.map(([key], i) => [key, values[i]]));
}

export function compiledOperationPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue, schema, document, operation, request }) {
          const reads = contextValue.reads;
          // A gateway asking for a federated trace (ftv1) gets the usual execution, which records one.
          if (!reads || request.http?.headers.get('apollo-federation-include-trace')) return null;
          let data: Record<string, unknown> | null;
          try {
            data = await compiledData(reads, contextValue, schema, document, operation, request.variables ?? {});
          } catch {
            // A database error: the usual execution meets it again and reports it the usual way.
            return null;
          }
          // Past the deadline the usual execution stops at its first field with REQUEST_TIMEOUT.
          if (deadlinePassed(contextValue)) return null;
          return data && { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}
