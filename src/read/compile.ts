/**
 * A GraphQL selection (fields, aliases, fragments, @skip/@include) on a mapped type, compiled to
 * one SQL expression that builds the answer as JSON in the database: only the selected columns,
 * to-one relations as correlated sub-selects, lists as json_agg sub-selects, all in one statement
 * whatever the page size (what PostGraphile and Hasura do). Objects are keyed by response key and
 * carry the COMPILED marker, so the field resolvers hand them through (see passThrough).
 *
 * A selection the mapping cannot express (an unmapped field, an argument with a value, an
 * abstract type) is refused with NotCompilable, and the caller resolves it the usual way.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { READ_MAPPING, type TypeMapping } from './mapping.js';

/** Key present (and true) on every object the database built; response keys cannot start with "$". */
export const COMPILED = '$c';

/**
 * 'resolvers': objects go through graphql-js, which asks the field resolvers (they hand the
 * COMPILED objects through) and answers __typename itself. 'response': the object is the
 * response as it is sent (the whole operation was compiled): no marker, __typename written in.
 */
export type CompileMode = 'resolvers' | 'response';

export class NotCompilable extends Error {}

export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Set when compiling read a variable (in @skip/@include or a nested argument): the SQL is then this request's only. */
  readVariables?: boolean;
}

/** Whether an argument value mentions a variable anywhere. */
function hasVariable(node: ValueNode): boolean {
  if (node.kind === Kind.VARIABLE) return true;
  if (node.kind === Kind.LIST) return node.values.some(hasVariable);
  if (node.kind === Kind.OBJECT) return node.fields.some((f) => hasVariable(f.value));
  return false;
}

/** Response key → the field nodes asked under it (merged, as graphql-js's collectFields does). */
export function collectFields(ctx: SelectionContext, type: GraphQLObjectType, selectionSets: readonly (SelectionSetNode | undefined)[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const included = (node: FieldNode | FragmentDefinitionNode | { directives?: FieldNode['directives'] }) => {
    if (!node.directives?.length) return true;
    if (node.directives.some((d) => d.arguments?.some((a) => hasVariable(a.value)))) ctx.readVariables = true;
    return included0(node);
  };
  const included0 = (node: FieldNode | FragmentDefinitionNode | { directives?: FieldNode['directives'] }) =>
    !getDirectiveValues(GraphQLSkipDirective, node, ctx.variables)?.if && getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables)?.if !== false;
  const applies = (typeCondition: string | undefined) => {
    if (!typeCondition || typeCondition === type.name) return true;
    const condition = ctx.schema.getType(typeCondition);
    return condition !== undefined && isAbstractType(condition) && ctx.schema.isSubType(condition, type);
  };
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = ctx.fragments[name];
        if (visited.has(name) || !fragment || !applies(fragment.typeCondition.name.value)) continue;
        visited.add(name);
        walk(fragment.selectionSet);
      }
    }
  };
  for (const set of selectionSets) walk(set);
  return fields;
}

/** A double-quoted SQL identifier. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** base64url of "<prefix>:<id>", unpadded, as src/ids.ts writes global IDs and cursors. */
export const globalIdSql = (prefix: string, id: string) => `translate(encode(convert_to(${literal(`${prefix}:`)} || ${id}, 'UTF8'), 'base64'), '+/=', '-_')`;

/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 49;

export class SqlBuilder {
  private aliases = 0;
  /**
   * The LEFT JOINs of each list's FROM, by the alias of its rows: a to-one relation of a listed
   * row (a measurement's property, paper, method) joins there instead of being a sub-select per
   * row, which cost the database a quarter more for a material with its facts.
   */
  private joins = new Map<string, string[]>();
  constructor(
    readonly ctx: SelectionContext,
    readonly mode: CompileMode,
  ) {}

  /** json_build_object over [key, SQL] pairs, marked in 'resolvers' mode. */
  build(type: GraphQLObjectType, pairs: [string, string][]): string {
    const parts = this.mode === 'resolvers' ? [`'${COMPILED}', true`] : [];
    for (const [key, sql] of pairs) parts.push(`${literal(key)}, ${sql}`);
    if (parts.length > MAX_KEYS) throw new NotCompilable(`more than ${MAX_KEYS - 1} fields on ${type.name}`);
    return `json_build_object(${parts.join(', ')})`;
  }

  /** The selection on `type` as [response key, SQL] pairs, `field` giving each field's SQL (__typename handled here). */
  pairs(type: GraphQLObjectType, nodes: readonly { selectionSet?: SelectionSetNode }[], field: (name: string, nodes: FieldNode[]) => string): [string, string][] {
    const pairs: [string, string][] = [];
    for (const [key, fieldNodes] of collectFields(this.ctx, type, nodes.map((n) => n.selectionSet))) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') {
        if (this.mode === 'response') pairs.push([key, literal(type.name)]);
      } else {
        pairs.push([key, field(name, fieldNodes)]);
      }
    }
    return pairs;
  }

  alias(): string {
    return `t${this.aliases++}`;
  }

  private mapping(type: GraphQLObjectType): TypeMapping {
    const mapping = READ_MAPPING[type.name];
    if (!mapping) throw new NotCompilable(`type ${type.name} is not mapped`);
    return mapping;
  }

  /** The JSON object for the selection on `type`, from the row aliased `row`. */
  object(type: GraphQLObjectType, row: string, nodes: readonly FieldNode[]): string {
    const mapping = this.mapping(type);
    return this.build(type, this.pairs(type, nodes, (name, fieldNodes) => this.field(type, mapping, row, name, fieldNodes)));
  }

  private field(type: GraphQLObjectType, mapping: TypeMapping, row: string, name: string, nodes: FieldNode[]): string {
    const field = mapping.fields[name];
    const definition = type.getFields()[name];
    if (!field || !definition) throw new NotCompilable(`${type.name}.${name} is not mapped`);
    this.requireNoArguments(definition, nodes);
    const col = (column: string) => `${row}.${ident(column)}`;
    switch (field.kind) {
      case 'column':
        return col(field.column);
      case 'globalId':
        return globalIdSql(field.type, col('id'));
      case 'embedded':
        return this.object(this.objectType(field.type), row, nodes);
      case 'one': {
        const target = this.objectType(field.type);
        const alias = this.alias();
        // onlyWhere values are constants of the mapping, never request input.
        const only = Object.entries(field.onlyWhere ?? {}).map(([c, v]) => ` AND ${alias}.${ident(c)} = '${v.replace(/'/g, "''")}'`).join('');
        const match = `${alias}.${ident(field.remote)} = ${col(field.local)}${only}`;
        // `remote` is the target's primary key, so a join adds no rows. The list's row and the
        // rows joined to it share its FROM; a root row (whose FROM its caller writes) keeps a sub-select.
        const joins = this.joins.get(row);
        if (!joins) return `(SELECT ${this.object(target, alias, nodes)} FROM ${this.table(target)} ${alias} WHERE ${match})`;
        joins.push(`LEFT JOIN ${this.table(target)} ${alias} ON ${match}`);
        this.joins.set(alias, joins);
        return `CASE WHEN ${alias}.${ident(field.remote)} IS NULL THEN NULL ELSE ${this.object(target, alias, nodes)} END`;
      }
      case 'many': {
        const target = this.objectType(field.type);
        const alias = this.alias();
        const joins: string[] = [];
        this.joins.set(alias, joins);
        const object = this.object(target, alias, nodes);
        return `(SELECT coalesce(json_agg(${object} ORDER BY ${alias}.${ident(field.orderBy)}), '[]'::json) FROM ${this.table(target)} ${alias}${joins.map((j) => ` ${j}`).join('')} WHERE ${alias}.${ident(field.remote)} = ${col(field.local)})`;
      }
    }
  }

  /** Arguments the mapping does not translate are fine only when absent or null. */
  private requireNoArguments(definition: GraphQLField<unknown, unknown>, nodes: FieldNode[]) {
    if (definition.args.length === 0) return;
    for (const node of nodes) {
      if (node.arguments?.some((a) => hasVariable(a.value))) this.ctx.readVariables = true;
      const values = getArgumentValues(definition, node, this.ctx.variables);
      for (const [name, value] of Object.entries(values)) {
        if (value !== null && value !== undefined) throw new NotCompilable(`argument ${definition.name}(${name}:) is not compiled`);
      }
    }
  }

  objectType(name: string): GraphQLObjectType {
    const type = this.ctx.schema.getType(name);
    if (!isObjectType(type)) throw new NotCompilable(`${name} is not an object type`);
    return type;
  }

  table(type: GraphQLObjectType): string {
    const table = this.mapping(type).table;
    if (!table) throw new NotCompilable(`${type.name} has no table`);
    return ident(table);
  }
}
