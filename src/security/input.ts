/**
 * Input the database cannot take, refused before any resolver runs (found by the hostile corpus
 * and the fuzzing in test/integration/hostile-corpus.test.ts; each used to surface as an internal
 * error from Prisma or PostgreSQL):
 * - strings with U+0000 (PostgreSQL text cannot hold it) or a lone UTF-16 surrogate (not Unicode;
 *   Prisma's query protocol fails on it), in literals and in variables;
 * - number literals beyond the double range (`1e400`: graphql-js parses a Float literal without a
 *   finiteness check, and Infinity reached Prisma);
 * - operations of a type the schema does not have (`subscription { … }`: graphql-js validation
 *   lets it through and execution fails without a code).
 */
import { GraphQLError, type ValidationRule } from 'graphql';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored or searched, or undefined when it can. */
export function unstorableString(value: string): string | undefined {
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'is not valid Unicode (a lone surrogate)';
  return undefined;
}

/** Refuses string literals that cannot be stored and number literals that are not finite. */
export const storableLiteralsRule: ValidationRule = (context) => ({
  StringValue(node) {
    const reason = unstorableString(node.value);
    if (reason) context.reportError(new GraphQLError(`A string literal ${reason}.`, { nodes: [node] }));
  },
  FloatValue(node) {
    if (!Number.isFinite(Number(node.value))) context.reportError(new GraphQLError(`The number ${node.value.slice(0, 40)} is out of range.`, { nodes: [node] }));
  },
  IntValue(node) {
    if (!Number.isFinite(Number(node.value))) context.reportError(new GraphQLError(`The number ${node.value.slice(0, 40)} is out of range.`, { nodes: [node] }));
  },
});

/** Refuses an operation whose root type the schema lacks (e.g. `subscription` here). */
export const supportedOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This server has no ${node.operation} operations.`, { nodes: [node] }));
    }
  },
});

interface PathNode {
  parent?: PathNode;
  key: string | number;
}

function formatPath(node: PathNode | undefined): string {
  const keys: (string | number)[] = [];
  for (let n = node; n; n = n.parent) keys.unshift(n.key);
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? `$${k}` : `.${k}`)).join('');
}

/**
 * The first unstorable string in request variables, as "$path reason", or undefined.
 * Iterative, with paths built only for the answer: a 100 kB body can nest arrays 50,000 deep.
 */
export function unstorableVariable(variables: unknown): string | undefined {
  const stack: [value: unknown, path: PathNode | undefined][] = [[variables, undefined]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const reason = unstorableString(value);
      if (reason) return `${formatPath(path) || 'a variable'} ${reason}`;
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, { parent: path, key: i }]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const reason = unstorableString(key);
        if (reason) return `a key in ${formatPath(path) || 'the variables'} ${reason}`;
        stack.push([item, { parent: path, key }]);
      }
    }
  }
  return undefined;
}
