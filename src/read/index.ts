/**
 * The SQL-compiled read path: a request's selection on materials becomes one statement that
 * returns the answer as JSON built by the database (compile.ts, mapping.ts), sent through the
 * same connections as Prisma (src/db/sql.ts). Resolvers ask here first and fall back to their
 * DataLoaders when a selection is not compilable (derived fields, nested list filters, filters
 * not translated below).
 */
import DataLoader from 'dataloader';
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { MaterialFilter } from '../__generated__/resolvers-types.js';
import type { SqlClient } from '../db/sql.js';
import { fromCursor } from '../ids.js';
import { COMPILED, collectFields, globalIdSql, NotCompilable, SqlBuilder, type CompileMode, type SelectionContext } from './compile.js';
import { READ_MAPPING } from './mapping.js';
import { reducedFormula } from '../resolvers/filters.js';
import type { Material } from '@prisma/client';
import type { Loaders } from '../db/loaders.js';
import { primeDerivedInputs } from './derived-inputs.js';

const batchScheduleFn = (callback: () => void) => setImmediate(callback);

/** One root field's selection: where it is (schema, fragments, variables) and its field nodes. */
export interface Selection {
  ctx: SelectionContext;
  nodes: readonly FieldNode[];
}

const selectionOf = (info: GraphQLResolveInfo): Selection => ({
  ctx: { schema: info.schema, fragments: info.fragments, variables: info.variableValues },
  nodes: info.fieldNodes,
});

/**
 * The compiled SQL of a selection, or null when it is not compilable. Kept per field node, mode
 * and `shape` (what else the text depends on, e.g. which filters a page has), unless compiling
 * read a variable (@skip/@include or a nested argument): Apollo keeps parsed documents, so the
 * same node comes back with every request of the same query text.
 */
const compiledCache = new WeakMap<object, Map<string, string | null>>();
function compileOnce(selection: Selection, mode: CompileMode, build: (builder: SqlBuilder) => string, shape = ''): string | null {
  const node = selection.nodes[0]!;
  const key = `${mode}|${shape}`;
  const cached = compiledCache.get(node)?.get(key);
  if (cached !== undefined) return cached;
  const ctx = { ...selection.ctx, readVariables: false };
  let sql: string | null;
  try {
    sql = build(new SqlBuilder(ctx, mode));
  } catch (error) {
    if (!(error instanceof NotCompilable)) throw error;
    sql = null;
  }
  if (!ctx.readVariables) compiledCache.set(node, (compiledCache.get(node) ?? new Map()).set(key, sql));
  return sql;
}

/**
 * Material filters compiled to SQL conditions on a row alias, with the values appended to
 * `values`; every key of MaterialFilter must be listed here to compile (as src/resolvers/filters.ts
 * reads them: empty lists and blank strings ask nothing).
 */
export function materialFilterSql(filter: MaterialFilter | null | undefined, values: unknown[]): (row: string) => string[] {
  const where: ((row: string) => string)[] = [];
  const param = (value: unknown, cast = '') => {
    values.push(value);
    return `$${values.length}${cast}`;
  };
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === null || value === undefined) continue;
    const f = filter!;
    switch (key as keyof MaterialFilter) {
      case 'elements':
        if (f.elements!.length) {
          const p = param(f.elements, '::text[]');
          where.push((row) => `${row}.elements @> ${p}`);
        }
        break;
      case 'nelements': {
        const { min, max } = f.nelements!;
        if (min != null) {
          const p = param(min);
          where.push((row) => `${row}.nelements >= ${p}`);
        }
        if (max != null) {
          const p = param(max);
          where.push((row) => `${row}.nelements <= ${p}`);
        }
        break;
      }
      case 'chemicalFormulaReduced':
        if (f.chemicalFormulaReduced) {
          const p = param(reducedFormula(f.chemicalFormulaReduced));
          where.push((row) => `${row}."chemicalFormulaReduced" = ${p}`);
        }
        break;
      case 'workingIon': {
        const p = param(f.workingIon, '::"WorkingIon"');
        where.push((row) => `${row}."workingIon" = ${p}`);
        break;
      }
      case 'family':
        if (f.family) {
          const p = param(f.family);
          where.push((row) => `${row}."familyKey" = ${p}`);
        }
        break;
      case 'role': {
        const p = param(f.role, '::"MaterialRole"');
        where.push((row) => `${row}.role = ${p}`);
        break;
      }
      case 'hasCoating':
        where.push((row) => `${row}."coatingId" IS ${f.hasCoating ? 'NOT NULL' : 'NULL'}`);
        break;
      default:
        throw new NotCompilable(`material filter ${key} is not compiled`);
    }
  }
  return (row) => where.map((w) => w(row));
}

const materialObject = (builder: SqlBuilder, selection: Selection, row: string) => builder.object(builder.objectType('Material'), row, selection.nodes);

export function createCompiledReads(sql: SqlClient) {
  const materialLoaders = new Map<string, DataLoader<number, unknown>>();
  const materialById = (selection: Selection, mode: CompileMode, id: number): Promise<unknown> | null => {
    const object = compileOnce(selection, mode, (builder) => materialObject(builder, selection, 'm'));
    if (object === null) return null;
    let loader = materialLoaders.get(object);
    if (!loader) {
      // One id (the usual request) by `=`: PostgreSQL keeps a generic plan of a prepared
      // statement for a scalar parameter, but plans `= ANY($1)` anew on every execution.
      const one = `SELECT m.id, ${object} AS j FROM "Material" m WHERE m.id = $1::int`;
      const many = `SELECT m.id, ${object} AS j FROM "Material" m WHERE m.id = ANY($1::int[])`;
      loader = new DataLoader<number, unknown>(
        async (ids) => {
          const rows = await sql.query<{ id: number; j: unknown }>(ids.length === 1 ? one : many, ids.length === 1 ? [ids[0]] : [ids], { prepared: true });
          const byId = new Map(rows.map((r) => [r.id, r.j]));
          return ids.map((i) => byId.get(i) ?? null);
        },
        { batchScheduleFn },
      );
      materialLoaders.set(object, loader);
    }
    return loader.load(id);
  };
  const materialPage = async (selection: Selection, mode: CompileMode, filter: MaterialFilter | null | undefined, first: number, after: string | null | undefined): Promise<unknown | null> => {
    const values: unknown[] = [after == null ? null : fromCursor(after), first];
    let where: (row: string) => string[];
    try {
      where = materialFilterSql(filter, values);
    } catch (error) {
      if (error instanceof NotCompilable) return null;
      throw error;
    }
    // The filter's values are parameters, so the text depends only on the filter's shape.
    const text = compileOnce(selection, mode, (builder) => pageSql(builder, selection, where), where('a').join(' AND '));
    if (text === null) return null;
    return (await sql.query<{ j: unknown }>(text, values))[0]!.j;
  };
  /** Material references by database id (null where none), in order, in one statement. */
  const materialsByIds = async (selection: Selection, ids: number[]): Promise<unknown[] | null> => {
    const object = compileOnce(selection, 'response', (builder) => materialObject(builder, selection, 'm'));
    if (object === null) return null;
    const rows = await sql.query<{ j: unknown[] }>(
      // A reference to no material is null in its place. One index lookup per reference: as a join,
      // PostgreSQL hashed the whole Material table for a batch of 100 (10k rows scanned per request).
      `SELECT coalesce(json_agg((SELECT ${object} FROM "Material" m WHERE m.id = r.id) ORDER BY r.at), '[]'::json) AS j FROM unnest($1::int[]) WITH ORDINALITY AS r(id, at)`,
      [ids],
      { prepared: true },
    );
    return rows[0]!.j;
  };
  return {
    /**
     * For a page of materials the resolvers answer (not compilable): when its nodes ask for a
     * field that is not stored (a derived one), load the derivations' inputs of every row in one
     * statement ahead and prime the request's loaders with them (derived-inputs.ts).
     */
    primePageInputs: async (info: GraphQLResolveInfo, loaders: Loaders, rows: Material[]) => {
      if (asksDerivedFields(selectionOf(info))) await primeDerivedInputs(sql, loaders, rows);
    },
    /** For Query.material and Material.__resolveReference: the material as the selection in `info` asks (batched per selection), or null when not compilable. */
    materialById: (info: GraphQLResolveInfo, id: number) => materialById(selectionOf(info), 'resolvers', id),
    /**
     * For Query.materials: a page in one statement (the page plus one row to tell whether
     * another follows, the total, every node as asked), or null when not compilable; `first`
     * and `after` are checked by the caller.
     */
    materialPage: (info: GraphQLResolveInfo, filter: MaterialFilter | null | undefined, first: number, after: string | null | undefined) => materialPage(selectionOf(info), 'resolvers', filter, first, after),
    byMode: { materialById, materialPage, materialsByIds },
  };
}

export type CompiledReads = ReturnType<typeof createCompiledReads>;

/** Whether the nodes of a materials page ask for any Material field that is not stored (src/read/mapping.ts). */
function asksDerivedFields({ ctx, nodes }: Selection): boolean {
  const type = (name: string) => ctx.schema.getType(name) as GraphQLObjectType;
  const under = (parent: string, sets: readonly FieldNode[], field: string) => collectFields(ctx, type(parent), sets.map((n) => n.selectionSet)).get(field) ?? [];
  const materialNodes = under('MaterialEdge', under('MaterialConnection', nodes, 'edges'), 'node');
  const stored = READ_MAPPING.Material!.fields;
  return [...collectFields(ctx, type('Material'), materialNodes.map((n) => n.selectionSet)).values()].some(([field]) => field!.name.value !== '__typename' && !(field!.name.value in stored));
}

function pageSql(builder: SqlBuilder, selection: Selection, whereOf: (row: string) => string[]): string {
  const matching = (row: string, extra: string[] = []) => {
    const all = [...whereOf(row), ...extra];
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  const cursor = (id: string) => globalIdSql('cursor', id);
  const [connection, edge, pageInfo] = ['MaterialConnection', 'MaterialEdge', 'PageInfo'].map((name) => builder.objectType(name)) as [GraphQLObjectType, GraphQLObjectType, GraphQLObjectType];
  const top = builder.build(
    connection,
    builder.pairs(connection, selection.nodes, (name, nodes) => {
      switch (name) {
        case 'totalCount':
          return `(SELECT count(*)::int FROM "Material" c ${matching('c')})`;
        case 'edges': {
          const edgeObject = builder.build(
            edge,
            builder.pairs(edge, nodes, (edgeField, edgeNodes) => {
              if (edgeField === 'cursor') return cursor('e.id');
              if (edgeField === 'node') return builder.object(builder.objectType('Material'), 'e', edgeNodes);
              throw new NotCompilable(`MaterialEdge.${edgeField}`);
            }),
          );
          return `(SELECT coalesce(json_agg(${edgeObject} ORDER BY e.id), '[]'::json) FROM page e)`;
        }
        case 'pageInfo':
          return builder.build(
            pageInfo,
            builder.pairs(pageInfo, nodes, (infoField) => {
              switch (infoField) {
                case 'hasNextPage':
                  return `(SELECT count(*) FROM ahead) > $2`;
                case 'hasPreviousPage':
                  return `($1::int IS NOT NULL)`;
                case 'startCursor':
                  return `(SELECT ${cursor('min(id)')} FROM page)`;
                case 'endCursor':
                  return `(SELECT ${cursor('max(id)')} FROM page)`;
                default:
                  throw new NotCompilable(`PageInfo.${infoField}`);
              }
            }),
          );
        default:
          throw new NotCompilable(`MaterialConnection.${name}`);
      }
    }),
  );
  return `WITH ahead AS (SELECT a.* FROM "Material" a ${matching('a', ['($1::int IS NULL OR a.id > $1)'])} ORDER BY a.id LIMIT $2 + 1),
  page AS (SELECT * FROM ahead ORDER BY id LIMIT $2)
SELECT ${top} AS j`;
}

/** Types whose objects the compiled path builds besides the mapped ones, with their fields. */
const CONNECTION_FIELDS: Record<string, string[]> = {
  MaterialConnection: ['edges', 'pageInfo', 'totalCount'],
  MaterialEdge: ['cursor', 'node'],
  PageInfo: ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'],
};

type AnyResolver = (parent: any, args: unknown, context: unknown, info: GraphQLResolveInfo) => unknown;

/**
 * Every field the compiled path can build: an object built by the database (COMPILED) already
 * holds the answer under the response key; any other parent goes to the field's own resolver.
 */
export function passCompiledThrough<R extends Record<string, unknown>>(resolvers: R): R {
  const out: Record<string, Record<string, unknown>> = { ...(resolvers as Record<string, Record<string, unknown>>) };
  const fieldsOf = (type: string) => [...Object.keys(READ_MAPPING[type]?.fields ?? {}), ...(CONNECTION_FIELDS[type] ?? [])];
  for (const type of [...Object.keys(READ_MAPPING), ...Object.keys(CONNECTION_FIELDS)]) {
    const fields = { ...(out[type] ?? {}) };
    for (const field of fieldsOf(type)) {
      const original = fields[field] as AnyResolver | undefined;
      fields[field] = original
        ? (parent: any, args: unknown, context: unknown, info: GraphQLResolveInfo) => (parent[COMPILED] ? parent[info.path.key] : original(parent, args, context, info))
        : (parent: any, _args: unknown, _context: unknown, info: GraphQLResolveInfo) => (parent[COMPILED] ? parent[info.path.key] : parent[info.fieldName]);
    }
    out[type] = fields;
  }
  return out as R;
}
