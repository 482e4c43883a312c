/**
 * Query safety for a public endpoint: the limits every GraphQL document must pass, their
 * configuration (environment variables, read and validated here only), and the Apollo Server
 * options and plugin that apply them. docs/operations.md, "Limits and production hardening".
 *
 * - depth, aliases, directives, literal duplicate fields: validation rules (below);
 * - tokens: graphql-js's parser option `maxTokens`;
 * - cost: a plugin hook after validation, because page sizes may come from variables
 *   (src/security/cost.ts has the model);
 * - input the database cannot take (NUL, lone surrogates, 1e400, unsupported operation types):
 *   src/security/input.ts;
 * - `first` ≤ 100: the resolvers (PAGE_SIZE_EXCEEDED); request body ≤ 100 kB: express.json,
 *   with the JSON error handler of src/security/http.ts.
 *
 * Every refusal is a GraphQL error with a stable `extensions.code` and HTTP 400.
 */
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { z } from 'zod';
import { operationCost } from './cost.js';
import { storableLiteralsRule, supportedOperationTypesRule, unstorableVariable } from './input.js';

/** `extensions.code` of each refusal made here (Apollo's own codes are kept for the rest). */
export const LimitCode = {
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  DUPLICATE_FIELD: 'DUPLICATE_FIELD',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  OPERATION_NOT_ALLOWED: 'OPERATION_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
} as const;
export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];
const LIMIT_CODES = new Set<string>(Object.values(LimitCode));

export interface QueryLimits {
  /** Fields on the longest path, leaves included (`{ papers { doi } }` is 2). */
  maxDepth: number;
  /** Aliased fields per operation, fragments expanded, `__typename` included. */
  maxAliases: number;
  /** Directives per operation, fragments expanded. */
  maxDirectives: number;
  /** Lexical tokens per document. */
  maxTokens: number;
  /** Cost per operation (src/security/cost.ts). */
  maxCost: number;
}

/**
 * Defaults. Depth 16: the deepest trace the data holds is three derivations down
 * (`materials.edges.node.voltagePairs.volumetricEnergy.inputs.derivation.inputs.derivation.inputs.derivation.inputs`,
 * 13 fields) and its stored inputs' `source.paper.doi` make it 15; graphql-js's introspection
 * query (GraphiQL's docs) needs 15 too, the deepest documented query 10. Cost 5000: the costliest
 * documented query is 3001, the dashboard's 2041.
 */
export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = {
  maxDepth: 16,
  maxAliases: 10,
  maxDirectives: 5,
  maxTokens: 1000,
  maxCost: 5000,
};

export interface SecurityConfig {
  limits: QueryLimits;
  /** Whether `__schema`, `__type` and federation's `_service` may be queried. */
  introspection: boolean;
  /** Path of the operation allow-list file (src/security/allowlist.ts); none: every operation may run. */
  operationAllowlist?: string;
}

export interface SecurityOverrides {
  limits?: Partial<QueryLimits>;
  introspection?: boolean;
  operationAllowlist?: string;
}

/** A setting that makes no sense: the server refuses to start, with this message. */
export class SecurityConfigError extends Error {
  override name = 'SecurityConfigError';
}

const count = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1').max(max, `must be at most ${max}`));

const EnvSchema = z.object({
  GRAPHQL_MAX_DEPTH: count(1000).optional(),
  GRAPHQL_MAX_ALIASES: count(10_000).optional(),
  GRAPHQL_MAX_DIRECTIVES: count(10_000).optional(),
  GRAPHQL_MAX_TOKENS: count(1_000_000).optional(),
  GRAPHQL_MAX_COST: count(1_000_000_000).optional(),
  GRAPHQL_INTROSPECTION: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }))
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  OPERATION_ALLOWLIST: z.string().trim().min(1).optional(),
});

/**
 * The security settings from the environment (unset or empty variables take the defaults) and
 * explicit overrides (tests, embedding). Introspection defaults to on in development and off in
 * production. Throws SecurityConfigError naming every bad variable.
 */
export function loadSecurityConfig(env: Readonly<Record<string, string | undefined>>, production: boolean, overrides: SecurityOverrides = {}): SecurityConfig {
  const present = Object.fromEntries(
    Object.keys(EnvSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(present[name])}: ${issue.message}`;
    });
    throw new SecurityConfigError(`invalid query-limit settings: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const limits: QueryLimits = {
    maxDepth: e.GRAPHQL_MAX_DEPTH ?? DEFAULT_QUERY_LIMITS.maxDepth,
    maxAliases: e.GRAPHQL_MAX_ALIASES ?? DEFAULT_QUERY_LIMITS.maxAliases,
    maxDirectives: e.GRAPHQL_MAX_DIRECTIVES ?? DEFAULT_QUERY_LIMITS.maxDirectives,
    maxTokens: e.GRAPHQL_MAX_TOKENS ?? DEFAULT_QUERY_LIMITS.maxTokens,
    maxCost: e.GRAPHQL_MAX_COST ?? DEFAULT_QUERY_LIMITS.maxCost,
    ...Object.fromEntries(Object.entries(overrides.limits ?? {}).filter(([, value]) => value !== undefined)),
  };
  return {
    limits,
    introspection: overrides.introspection ?? e.GRAPHQL_INTROSPECTION ?? !production,
    operationAllowlist: overrides.operationAllowlist ?? e.OPERATION_ALLOWLIST,
  };
}

// ------------------------------------------------------------------ validation rules

function limitError(code: LimitCode, message: string, node: ASTNode, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { nodes: [node], extensions: { code, ...details } });
}

/**
 * Folds a value over an operation's selections with fragments expanded where they are spread,
 * one pass per fragment (memoised; cycles count 0, NoFragmentCyclesRule reports them).
 */
function fragmentMemo<T>(context: ValidationContext, ofSelectionSet: (set: SelectionSetNode, fragment: (name: string) => T | undefined) => T) {
  const memo = new Map<string, T>();
  const inProgress = new Set<string>();
  const fragment = (name: string): T | undefined => {
    if (memo.has(name)) return memo.get(name);
    const definition: FragmentDefinitionNode | undefined | null = context.getFragment(name);
    if (!definition || inProgress.has(name)) return undefined;
    inProgress.add(name);
    const value = ofSelectionSet(definition.selectionSet, fragment);
    inProgress.delete(name);
    memo.set(name, value);
    return value;
  };
  return (set: SelectionSetNode) => ofSelectionSet(set, fragment);
}

/** Depth: fields on the longest path, leaves included; fragments add no level. */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context) => {
    const depthOf = fragmentMemo<number>(context, function depth(set, fragment): number {
      let deepest = 0;
      for (const s of set.selections) {
        const d = s.kind === Kind.FIELD ? 1 + (s.selectionSet ? depth(s.selectionSet, fragment) : 0) : s.kind === Kind.INLINE_FRAGMENT ? depth(s.selectionSet, fragment) : (fragment(s.name.value) ?? 0);
        if (d > deepest) deepest = d;
      }
      return deepest;
    });
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(limitError(LimitCode.QUERY_TOO_DEEP, `Query depth ${depth} exceeds the limit of ${maxDepth} nested fields.`, operation, { limit: maxDepth, found: depth }));
        }
      },
    };
  };
}

/** Aliases per operation, fragments expanded; every alias counts, `__typename` included. */
export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context) => {
    const aliasesOf = fragmentMemo<number>(context, function aliases(set, fragment): number {
      let n = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) n += (s.alias ? 1 : 0) + (s.selectionSet ? aliases(s.selectionSet, fragment) : 0);
        else if (s.kind === Kind.INLINE_FRAGMENT) n += aliases(s.selectionSet, fragment);
        else n += fragment(s.name.value) ?? 0;
      }
      return n;
    });
    return {
      OperationDefinition(operation) {
        const n = aliasesOf(operation.selectionSet);
        if (n > maxAliases) {
          context.reportError(limitError(LimitCode.TOO_MANY_ALIASES, `The operation uses ${n} aliases; at most ${maxAliases} are allowed.`, operation, { limit: maxAliases, found: n }));
        }
      },
    };
  };
}

/** Directives per operation (on the operation, its variables and every selection), fragments expanded. */
export function maxDirectivesRule(maxDirectives: number): ValidationRule {
  return (context) => {
    const directivesOf = fragmentMemo<number>(context, function directives(set, fragment): number {
      let n = 0;
      for (const s of set.selections) {
        n += s.directives?.length ?? 0;
        if (s.kind === Kind.FIELD) n += s.selectionSet ? directives(s.selectionSet, fragment) : 0;
        else if (s.kind === Kind.INLINE_FRAGMENT) n += directives(s.selectionSet, fragment);
        else n += fragment(s.name.value) ?? 0;
      }
      return n;
    });
    return {
      OperationDefinition(operation) {
        const own = (operation.directives?.length ?? 0) + (operation.variableDefinitions ?? []).reduce((sum, v) => sum + (v.directives?.length ?? 0), 0);
        const n = own + directivesOf(operation.selectionSet);
        if (n > maxDirectives) {
          context.reportError(limitError(LimitCode.TOO_MANY_DIRECTIVES, `The operation uses ${n} directives; at most ${maxDirectives} are allowed.`, operation, { limit: maxDirectives, found: n }));
        }
      },
    };
  };
}

/**
 * A response key written more than once in the same selection set (`{ __typename __typename }`):
 * legal GraphQL that no client needs, and the cheapest way to make validation and execution do
 * quadratic work. Repeats through fragments are allowed (and counted by the cost).
 */
export const noDuplicateFieldsRule: ValidationRule = (context) => ({
  SelectionSet(set) {
    const seen = new Map<string, number>();
    for (const s of set.selections) {
      if (s.kind !== Kind.FIELD) continue;
      const key = (s.alias ?? s.name).value;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    for (const [key, times] of seen) {
      if (times > 1) {
        context.reportError(limitError(LimitCode.DUPLICATE_FIELD, `Field "${key}" is selected ${times} times in one selection set; select each field once.`, set, { field: key, found: times }));
        return false; // one report per selection set; do not descend
      }
    }
    return undefined;
  },
});

/**
 * With introspection off, federation's `_service { sdl }` is refused like `__schema`: it prints
 * the whole schema. (A router composing this subgraph reads it from an instance with
 * introspection on, or from schema/.)
 */
export const noServiceSdlRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '_service' && context.getParentType() === context.getSchema().getQueryType()) {
      context.reportError(
        new GraphQLError('Introspection is disabled on this server, and `_service { sdl }` would print the schema.', {
          nodes: [node],
          extensions: { validationErrorCode: 'INTROSPECTION_DISABLED' },
        }),
      );
    }
  },
});

export function queryLimitRules(config: SecurityConfig): ValidationRule[] {
  const { limits } = config;
  return [
    maxDepthRule(limits.maxDepth),
    maxAliasesRule(limits.maxAliases),
    maxDirectivesRule(limits.maxDirectives),
    noDuplicateFieldsRule,
    storableLiteralsRule,
    supportedOperationTypesRule,
    ...(config.introspection ? [] : [noServiceSdlRule]),
  ];
}

// ------------------------------------------------------------------ request plugin

/**
 * Checks made once the operation is known, with the request's variables: unstorable strings in
 * variables (BAD_USER_INPUT), then the cost budget (QUERY_TOO_COSTLY). Both answer HTTP 400.
 */
export function operationGuardPlugin<TContext extends object>(limits: Pick<QueryLimits, 'maxCost'>): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const bad = unstorableVariable(request.variables ?? {});
          if (bad) throw new GraphQLError(`Variable ${bad}.`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          const cost = operationCost(schema, document as DocumentNode, operation, { variables: request.variables ?? {} });
          if (cost > limits.maxCost) {
            throw new GraphQLError(
              `The operation's estimated cost ${cost} exceeds the budget of ${limits.maxCost} (page sizes and list lengths multiply). Request smaller pages (first:) or fewer nested lists.`,
              { nodes: [operation], extensions: { code: LimitCode.QUERY_TOO_COSTLY, limit: limits.maxCost, found: cost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

// ------------------------------------------------------------------ Apollo Server options

/**
 * The Apollo Server options that apply the limits and the production behaviour: validation
 * rules, token limit, introspection switch, suggestions hidden in production, CSRF prevention on,
 * HTTP batching off, APQ on (Apollo's in-memory cache). The cost limit and the variables check
 * are a plugin: `operationGuardPlugin(config.limits)`.
 */
export function apolloSecurityOptions<TContext extends object>(config: SecurityConfig, production: boolean) {
  return {
    introspection: config.introspection,
    validationRules: queryLimitRules(config),
    parseOptions: { maxTokens: config.limits.maxTokens },
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    persistedQueries: {},
  } satisfies Partial<ApolloServerOptions<TContext>>;
}

// ------------------------------------------------------------------ client errors

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Shapes an error for the client before the app's formatError:
 * - a limit refusal gets its own code back (Apollo files every validation error under
 *   GRAPHQL_VALIDATION_FAILED, keeping the rule's error as `originalError`);
 * - an Apollo refusal with a 4xx status but no code (bad APQ hash or version) gets BAD_REQUEST
 *   instead of being masked as an internal error;
 * - in production, "Did you mean …?" suggestions are removed from every message (Apollo's
 *   hideSchemaDetailsFromClientErrors covers validation only, not variable coercion).
 */
export function shapeClientError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  let shaped = formatted;
  // Apollo refuses a bad APQ request ("provided sha does not match query", "Unsupported persisted
  // query version") with HTTP 400 but no code, which would read as an internal error.
  if (error instanceof GraphQLError && error.extensions.code === undefined) {
    const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) shaped = { ...shaped, extensions: { ...shaped.extensions, code: 'BAD_REQUEST' } };
  }
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const code = original instanceof GraphQLError ? original.extensions.code : undefined;
  if (typeof code === 'string' && LIMIT_CODES.has(code) && shaped.extensions?.code !== code) {
    shaped = { ...shaped, extensions: { ...shaped.extensions, code } };
  }
  if (production) {
    const message = shaped.message.replace(SUGGESTION, '');
    if (message !== shaped.message) shaped = { ...shaped, message };
  }
  return shaped;
}
