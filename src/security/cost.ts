/**
 * Query cost: an estimate of how many objects an operation can make the server produce, computed
 * before execution from the document, the schema and the request's variables.
 *
 * The model (docs/operations.md, "Limits and production hardening") counts objects, like a node limit:
 * - a field that returns objects costs 1 per object it can return, plus its sub-selection's cost
 *   per object; leaves (scalars, enums, `__typename`) cost 0, they come with their object;
 * - fragments are expanded where they are spread, so a fragment spread twice costs twice;
 * - how many objects a field can return:
 *   - a field with a `first` argument: the page size, from the literal, the variable's value
 *     or the argument's default (`materials`, `facts`: 20); a plain list whose optional `first`
 *     is not given (`measurements`, `papers`, …: the whole list) counts as any list below;
 *   - a list field of a `…Connection` type (`edges`): 1, the page size is already counted;
 *   - `_entities(representations:)` (federation): the number of representations;
 *   - a list field of an introspection type (`__Schema.types`, `__Type.fields`, …): 1
 *     (introspection is bounded by the schema's size, its nesting by graphql-js's
 *     MaxIntrospectionDepthRule and by the depth limit);
 *   - a list field that is short by nature (`LIST_SIZES`): its length there;
 *   - any other list field (`structures`, `measurements`, `papers`, …): `DEFAULT_LIST_SIZE`;
 *   - any other field: 1.
 * `@skip`/`@include` are ignored (the selection is counted as if included). The sum is computed
 * with one pass per fragment (memoised), so an exponential fragment fan-out costs its exponential
 * number without taking exponential time to count.
 */
import {
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Assumed length of a list that grows with the data (a material's structures, measurements,
 * computed properties, reactions; a paper's materials). Today's seeds hold up to 3 structures,
 * 53 measurements and 34 computed properties per material: 10 is a typical length, not a bound.
 */
export const DEFAULT_LIST_SIZE = 10;

/**
 * List fields that are short by nature, not by the amount of data: the inputs of one formula,
 * the 7 stability criteria, the elements of one formula, the Hubbard U values of one method, the
 * settings of one cell, the participants of one reaction, the voltage steps between one
 * material's phases. Each value is the longest such list the resolvers build from the seeds
 * (measured over every material), rounded up where the kind of thing allows more.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'DerivedQuantity.inputs': 3,
  'StabilityAssessment.criteria': 7,
  'Material.composition': 8,
  'ComputationalMethod.hubbardU': 8,
  'SpaceGroupCheck.numbersForSymbol': 2,
  'Structure.lattices': 3,
  'Material.voltagePairs': 3,
  'Reaction.reactants': 5,
  'Reaction.products': 5,
  // An electrode's stored values (ELECTRODE_VALUES, 11), its re-derivations (5), the electrodes a
  // material is an end of (1 for a database material, 0 for a paper's), the database exports (1).
  'InsertionElectrode.values': 11,
  'InsertionElectrode.rederivations': 5,
  'InsertionElectrode.elements': 8,
  'Material.insertionElectrodes': 2,
  'Query.databases': 2,
};

export interface CostOptions {
  /** Variables of the request, as sent (not yet coerced). */
  variables?: Readonly<Record<string, unknown>>;
  defaultListSize?: number;
  listSizes?: Readonly<Record<string, number>>;
}

/** The cost of one operation of a validated document (see the module comment). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, options: CostOptions = {}): number {
  const variables = options.variables ?? {};
  const defaultListSize = options.defaultListSize ?? DEFAULT_LIST_SIZE;
  const listSizes = options.listSizes ?? LIST_SIZES;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();

  const intValue = (node: ValueNode | undefined): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const value = variables[node.name.value];
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (value === undefined) return intValue(variableDefaults.get(node.name.value));
    }
    return undefined;
  };
  const listLength = (node: ValueNode | undefined): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.LIST) return node.values.length;
    if (node.kind === Kind.VARIABLE) {
      const value = variables[node.name.value];
      if (Array.isArray(value)) return value.length;
    }
    return undefined;
  };

  function multiplier(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
    const argument = (name: string) => node.arguments?.find((a) => a.name.value === name)?.value;
    const firstDef = field.args.find((a) => a.name === 'first');
    if (firstDef) {
      const given = intValue(argument('first'));
      if (given !== undefined) return Math.max(1, Math.floor(given));
      if (typeof firstDef.defaultValue === 'number') return Math.max(1, Math.floor(firstDef.defaultValue));
      // A plain list whose `first` is optional (no default: the whole list) is estimated like any list.
      if (isPaginated(field)) return 100;
    }
    if (parent.name === 'Query' && field.name === '_entities') return Math.max(1, listLength(argument('representations')) ?? 1);
    if (!isListType(getNullableType(field.type))) return 1;
    if (parent.name.startsWith('__') || parent.name.endsWith('Connection')) return 1;
    return listSizes[`${parent.name}.${field.name}`] ?? defaultListSize;
  }

  /** A Relay page: one connection object holding `first` items. */
  const isPaginated = (field: GraphQLField<unknown, unknown>) => getNamedType(field.type).name.endsWith('Connection') && field.args.some((a) => a.name === 'first');

  function fieldDefinition(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
    if (name === '__typename') return TypeNameMetaFieldDef;
    if (parent === schema.getQueryType()) {
      if (name === '__schema') return SchemaMetaFieldDef;
      if (name === '__type') return TypeMetaFieldDef;
    }
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  }

  function fragmentCost(name: string): number {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return 0; // unknown or cyclic: validation reports it
    inProgress.add(name);
    const type = schema.getType(fragment.typeCondition.name.value);
    const cost = type ? selectionSetCost(type, fragment.selectionSet) : 0;
    inProgress.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  }

  function selectionSetCost(parent: GraphQLNamedType, selectionSet: SelectionSetNode): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // Leaves are free: they come with their object. Literal duplicates are refused by a
        // validation rule, duplicates through fragments are counted here.
        const field = fieldDefinition(parent, selection.name.value);
        if (!field || !selection.selectionSet) continue;
        const type = getNamedType(field.type);
        if (!isCompositeType(type)) continue;
        const sub = selectionSetCost(type, selection.selectionSet);
        // A page (`first`) is one connection object holding `first` items; a list (`first` or not) is its items.
        total += isPaginated(field) ? 1 + multiplier(parent, field, selection) * sub : multiplier(parent, field, selection) * (1 + sub);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type) total += selectionSetCost(type, selection.selectionSet);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  }

  const root = schema.getRootType(operation.operation);
  return root ? selectionSetCost(root, operation.selectionSet) : 0;
}
