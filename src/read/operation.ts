/**
 * Whole operations answered by the database: when every root field of a query is one the SQL
 * read path compiles (material, materials, _entities of Materials by id) and its arguments are
 * valid, the response data is the JSON the statements return (as text, when the writer takes it:
 * src/graphql-post.ts), with no field resolution in graphql-js (an Apollo plugin's
 * responseForOperation, which runs after parsing, validation and the operation guards of
 * src/security). Anything else, including every error case, returns null
 * and is executed as usual, so errors keep their one shape.
 */
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { getArgumentValues, getVariableValues, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { MaterialFilter } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { fromGlobalId } from '../ids.js';
import { requireKnownFamily, materialWhere } from '../resolvers/filters.js';
import { checkPageSize } from '../resolvers/pagination.js';
import { compactJson } from './compact-json.js';
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
  // Each value is the root field's answer as JSON text (or null).
  const values = (await Promise.all(roots.map(([, v]) => v))) as (string | null)[];
  if (roots.some(([, , nullIsFallback], i) => nullIsFallback && values[i] === null)) return null;
  return Object.fromEntries(roots.map(([key], i) => [key, values[i] === null ? null : rawValue(context, values[i]!)]));
}

/** A per-process mark no answer can hold (U+0000 is refused in input and cannot be stored). */
const PLACEHOLDER_MARK = `\u0000cathode-kb:${randomUUID()}:`;

/**
 * What stands for a root field's JSON text in the response: when the request's writer takes
 * texts (`context.rawJson`, src/graphql-post.ts), a placeholder string it replaces with the text's
 * bytes as JSON.stringify would write them (compact-json.ts); otherwise the parsed value.
 */
function rawValue(context: Context, json: string): unknown {
  if (!context.rawJson) return JSON.parse(json);
  const placeholder = `${PLACEHOLDER_MARK}${context.rawJson.size}\u0000`;
  context.rawJson.set(JSON.stringify(placeholder), compactJson(json));
  return placeholder;
}

/** The response body with each placeholder's JSON string replaced by its bytes (see rawValue). */
export function withRawJson(body: string, rawJson: ReadonlyMap<string, Buffer>): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  const found = [...rawJson].map(([quoted, bytes]) => ({ at: body.indexOf(quoted), quoted, bytes })).filter((p) => p.at !== -1);
  found.sort((a, b) => a.at - b.at);
  for (const { at, quoted, bytes } of found) {
    parts.push(Buffer.from(body.slice(from, at)), bytes);
    from = at + quoted.length;
  }
  parts.push(Buffer.from(body.slice(from)));
  return Buffer.concat(parts);
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
