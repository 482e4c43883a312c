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
 * - every root field costs at least 1, a leaf (`__typename`) too: root fields' aliases are not
 *   limited by the alias rule (gateways alias them), so their number is bounded here;
 * - every entry of a list argument, at any depth of an input object
 *   (`filter: { propertyRanges: [...] }`, `exclude: [...]`), costs its `LIST_ARGUMENTS` entry
 *   cost once per field of the document, not per parent object: the database evaluates each
 *   entry as a condition, in one batched statement for all parents (DataLoader); and each
 *   list has a cap (`LIST_ARGUMENTS`, else `DEFAULT_LIST_ARGUMENT`), refused past it
 *   (LIST_SIZE_EXCEEDED), so no single argument can make one statement arbitrarily large.
 * `@skip`/`@include` are ignored (the selection is counted as if included). The sum is computed
 * with one pass per fragment (memoised), so an exponential fragment fan-out costs its exponential
 * number without taking exponential time to count.
 */
import {
  Kind,
  isInputObjectType,
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
  type ASTNode,
  type GraphQLField,
  type GraphQLInputType,
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

/**
 * Caps and entry costs of list arguments, by `InputType.field` or `Type.field.argument`; any list
 * argument not named here gets DEFAULT_LIST_ARGUMENT, so a new one is capped from the start.
 * `propertyRanges`: each entry adds two EXISTS subqueries per candidate material (200 entries
 * took 5.5 s on 3,048 materials on the embedded database); `elements`: a formula has at most 8
 * (Material.composition); `exclude`: material keys, an index lookup each.
 */
export const LIST_ARGUMENTS: Readonly<Record<string, { cap: number; entryCost: number }>> = {
  'MaterialFilter.propertyRanges': { cap: 10, entryCost: DEFAULT_LIST_SIZE },
  'MaterialFilter.elements': { cap: 10, entryCost: 1 },
  'Query.correlation.exclude': { cap: 200, entryCost: 1 },
};
export const DEFAULT_LIST_ARGUMENT = { cap: 20, entryCost: 1 } as const;
/** Counted by the cost (one object per representation), not capped here. */
const UNCAPPED_LISTS = new Set(['Query._entities.representations']);

export interface CostOptions {
  /** Variables of the request, as sent (not yet coerced). */
  variables?: Readonly<Record<string, unknown>>;
  defaultListSize?: number;
  listSizes?: Readonly<Record<string, number>>;
}

/** One list in a field's arguments. */
export interface ListArgument {
  /** `LIST_ARGUMENTS` key: `MaterialFilter.propertyRanges`, `Query.correlation.exclude`. */
  key: string;
  /** As the client wrote it: `materials(filter.propertyRanges)`. */
  argument: string;
  length: number;
  cap: number;
  node: ASTNode;
}

/** A field on the costliest path and how many objects it multiplies by. */
export interface CostStep {
  field: string;
  multiplier: number;
  /** Where the multiplier comes from (`first: 100`, `assumed 10 per list`…); empty when 1. */
  why: string;
}

export interface CostReport {
  cost: number;
  lists: ListArgument[];
  /** The path holding the largest share: from the costliest root field, the costliest child each step. */
  costliest?: { path: string; share: number; steps: CostStep[] };
  /** Whether any variable's value (or default) went into the report; if not, it holds for every request of the same document. */
  readsVariables: boolean;
}

/** The cost of one operation of a validated document (see the module comment). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, options: CostOptions = {}): number {
  return costReport(schema, document, operation, options).cost;
}

/** The cost, the list arguments and the costliest path of one operation. */
export function costReport(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, options: CostOptions = {}): CostReport {
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
  const lists: ListArgument[] = [];
  /** Per field node: its cost per object of its parent, and its own multiplier. */
  const terms = new Map<FieldNode, { cost: number; step: CostStep }>();
  /** List-argument entries, once per field of the document (see the module comment). */
  let argumentTotal = 0;

  let readsVariables = false;
  const variableValue = (name: string): { value: unknown } | { node: ValueNode } | undefined => {
    readsVariables = true;
    if (Object.hasOwn(variables, name)) return { value: variables[name] };
    const fallback = variableDefaults.get(name);
    return fallback ? { node: fallback } : undefined;
  };
  const intValue = (node: ValueNode | undefined): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const given = variableValue(node.name.value);
      if (given && 'value' in given) return typeof given.value === 'number' && Number.isFinite(given.value) ? given.value : undefined;
      return intValue(given?.node);
    }
    return undefined;
  };
  const listLength = (node: ValueNode | undefined): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.LIST) return node.values.length;
    if (node.kind === Kind.VARIABLE) {
      const given = variableValue(node.name.value);
      if (given && 'value' in given) return Array.isArray(given.value) ? given.value.length : undefined;
      return listLength(given?.node);
    }
    return undefined;
  };

  /**
   * Records the lists in one argument value (a literal, a variable's JSON value, or a mix) and
   * returns the cost of their entries.
   */
  function listEntries(type: GraphQLInputType, value: { node: ValueNode } | { value: unknown }, key: string, argument: string, node: ASTNode): number {
    const nullable = getNullableType(type);
    // A scalar or an enum holds no list, whatever its value: reading it would make the report
    // depend on variables it does not depend on (`material(id: $id)` is cached per document).
    if (!isListType(nullable) && !isInputObjectType(nullable)) return 0;
    if ('node' in value && value.node.kind === Kind.VARIABLE) {
      const given = variableValue(value.node.name.value);
      return given ? listEntries(type, given, key, argument, node) : 0;
    }
    if ('node' in value ? value.node.kind === Kind.NULL : value.value == null) return 0;
    if (isListType(nullable)) {
      const items: ({ node: ValueNode } | { value: unknown })[] =
        'node' in value ? (value.node.kind === Kind.LIST ? value.node.values.map((n) => ({ node: n })) : [value]) : Array.isArray(value.value) ? value.value.map((v) => ({ value: v })) : [value];
      if (UNCAPPED_LISTS.has(key)) return 0;
      const { cap, entryCost } = LIST_ARGUMENTS[key] ?? DEFAULT_LIST_ARGUMENT;
      lists.push({ key, argument, length: items.length, cap, node });
      // Entries past the cap are refused anyway: do not walk a 50,000-item list.
      let total = Math.min(items.length, cap + 1) * entryCost;
      for (const item of items.slice(0, cap + 1)) total += listEntries(nullable.ofType as GraphQLInputType, item, key, argument, node);
      return total;
    }
    if (!isInputObjectType(nullable)) return 0;
    const fields = nullable.getFields();
    let total = 0;
    if ('node' in value) {
      if (value.node.kind !== Kind.OBJECT) return 0;
      for (const f of value.node.fields) {
        const def = fields[f.name.value];
        if (def) total += listEntries(def.type, { node: f.value }, `${nullable.name}.${def.name}`, `${argument}.${def.name}`, f);
      }
    } else if (typeof value.value === 'object') {
      for (const [name, v] of Object.entries(value.value as Record<string, unknown>)) {
        const def = fields[name];
        if (def) total += listEntries(def.type, { value: v }, `${nullable.name}.${def.name}`, `${argument}.${def.name}`, node);
      }
    }
    return total;
  }

  function argumentsCost(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
    let total = 0;
    for (const a of node.arguments ?? []) {
      const def = field.args.find((d) => d.name === a.name.value);
      if (def) total += listEntries(def.type, { node: a.value }, `${parent.name}.${field.name}.${def.name}`, `${field.name}(${def.name})`, a);
    }
    return total;
  }

  function multiplier(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, node: FieldNode): { n: number; why: string } {
    const argument = (name: string) => node.arguments?.find((a) => a.name.value === name)?.value;
    const firstDef = field.args.find((a) => a.name === 'first');
    if (firstDef) {
      const given = intValue(argument('first'));
      if (given !== undefined) {
        const n = Math.max(1, Math.floor(given));
        return { n, why: `first: ${n}` };
      }
      if (typeof firstDef.defaultValue === 'number') {
        const n = Math.max(1, Math.floor(firstDef.defaultValue));
        return { n, why: `first: ${n} (the default page)` };
      }
      // A plain list whose `first` is optional (no default: the whole list) is estimated like any list.
      if (isPaginated(field)) return { n: 100, why: 'first: 100 (the largest page)' };
    }
    if (parent.name === 'Query' && field.name === '_entities') {
      const n = Math.max(1, listLength(argument('representations')) ?? 1);
      return { n, why: `${n.toLocaleString('en-US')} representations` };
    }
    if (!isListType(getNullableType(field.type))) return { n: 1, why: '' };
    if (parent.name.startsWith('__') || parent.name.endsWith('Connection')) return { n: 1, why: '' };
    const known = listSizes[`${parent.name}.${field.name}`];
    if (known !== undefined) return { n: known, why: `${known} per list (its longest in the data)` };
    return { n: defaultListSize, why: `assumed ${defaultListSize} per list (grows with the data)` };
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

  function fragmentCost(name: string, atRoot: boolean): number {
    const memoKey = atRoot ? `root:${name}` : name;
    const known = fragmentCosts.get(memoKey);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(memoKey)) return 0; // unknown or cyclic: validation reports it
    inProgress.add(memoKey);
    const type = schema.getType(fragment.typeCondition.name.value);
    const cost = type ? selectionSetCost(type, fragment.selectionSet, atRoot) : 0;
    inProgress.delete(memoKey);
    fragmentCosts.set(memoKey, cost);
    return cost;
  }

  function selectionSetCost(parent: GraphQLNamedType, selectionSet: SelectionSetNode, atRoot = false): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // Leaves are free below the root: they come with their object. Literal duplicates are
        // refused by a validation rule, duplicates through fragments are counted here.
        const field = fieldDefinition(parent, selection.name.value);
        if (!field) continue;
        const type = getNamedType(field.type);
        argumentTotal += argumentsCost(parent, field, selection);
        let term = 0;
        const key = (selection.alias ?? selection.name).value;
        let step: CostStep = { field: key, multiplier: 1, why: '' };
        if (selection.selectionSet && isCompositeType(type)) {
          const sub = selectionSetCost(type, selection.selectionSet);
          const { n, why } = multiplier(parent, field, selection);
          step = { field: key, multiplier: n, why };
          // A page (`first`) is one connection object holding `first` items; a list (`first` or not) is its items.
          term += isPaginated(field) ? 1 + n * sub : n * (1 + sub);
        }
        if (atRoot) term = Math.max(1, term);
        terms.set(selection, { cost: term, step });
        total += term;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type) total += selectionSetCost(type, selection.selectionSet, atRoot);
      } else {
        total += fragmentCost(selection.name.value, atRoot);
      }
    }
    return total;
  }

  /** The field nodes of a selection set, through inline fragments and fragment spreads. */
  function fieldsOf(set: SelectionSetNode, seen = new Set<string>()): FieldNode[] {
    return set.selections.flatMap((s) => {
      if (s.kind === Kind.FIELD) return [s];
      if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(s.selectionSet, seen);
      const fragment = fragments.get(s.name.value);
      if (!fragment || seen.has(s.name.value)) return [];
      seen.add(s.name.value);
      return fieldsOf(fragment.selectionSet, seen);
    });
  }

  function costliestPath(): CostReport['costliest'] {
    const steps: CostStep[] = [];
    let share = 0;
    for (let set: SelectionSetNode | undefined = operation.selectionSet; set && steps.length < 64; ) {
      let best: FieldNode | undefined;
      for (const field of fieldsOf(set)) {
        if ((terms.get(field)?.cost ?? 0) > (best ? terms.get(best)!.cost : 0)) best = field;
      }
      if (!best) break;
      if (steps.length === 0) share = terms.get(best)!.cost;
      steps.push(terms.get(best)!.step);
      set = best.selectionSet;
    }
    return steps.length ? { path: steps.map((s) => s.field).join('.'), share, steps } : undefined;
  }

  const root = schema.getRootType(operation.operation);
  const cost = (root ? selectionSetCost(root, operation.selectionSet, true) : 0) + argumentTotal;
  let costliest: CostReport['costliest'] | null = null;
  return {
    cost,
    lists,
    // Only a refusal names it: worked out when first asked for.
    get costliest() {
      if (costliest === null) costliest = costliestPath();
      return costliest;
    },
    readsVariables,
  };
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** The refusal message for a cost past the budget: what to shrink, and by how much it counts. */
export function describeCostRefusal(report: CostReport, maxCost: number): string {
  const head = `The operation's estimated cost ${thousands(report.cost)} exceeds the budget of ${thousands(maxCost)} (every object a field can return counts; page sizes and list lengths multiply).`;
  const top = report.costliest;
  if (!top) return `${head} Request smaller pages (first:) or fewer nested lists.`;
  const factors = top.steps.filter((s) => s.multiplier > 1).map((s) => `${s.field} ${s.why}`);
  const advice = top.steps[0]?.why.endsWith('representations')
    ? 'send fewer representations per request (a gateway: page the list that references them) or select less on them'
    : 'request a smaller page (first:) or fewer nested lists there';
  return `${head} The largest share, ${thousands(top.share)}, is ${top.path}${factors.length ? ` (${factors.join(' × ')})` : ''}: ${advice}.`;
}

/** The refusal message for a list argument past its cap. */
export function describeListRefusal(list: ListArgument): string {
  return `${list.argument} has ${thousands(list.length)} entries; at most ${list.cap} are allowed. Split the request or narrow the list.`;
}
