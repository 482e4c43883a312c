/**
 * Query safety for a public endpoint: the limits every GraphQL document must pass, their
 * configuration (environment variables, read and validated here only), and the Apollo Server
 * options and plugin that apply them. docs/operations.md, "Limits and production hardening".
 *
 * - depth, aliases, directives, words, literal duplicate fields: validation rules (below);
 * - tokens of any kind: graphql-js's parser option `maxTokens` (PARSER_TOKEN_FACTOR × maxTokens);
 * - cost and list-argument caps: a plugin hook after validation, because page sizes and lists
 *   may come from variables (src/security/cost.ts has the model);
 * - input the database cannot take (NUL, lone surrogates, 1e400, unsupported operation types):
 *   src/security/input.ts;
 * - `first` ≤ 100: the resolvers (PAGE_SIZE_EXCEEDED); request body ≤ maxBodyKb: express.json,
 *   with the JSON error handler of src/security/http.ts; the deadline: src/security/deadline.ts.
 *
 * Every refusal is a GraphQL error with a stable `extensions.code` from src/errors.ts, which
 * also decides the HTTP status.
 */
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  Lexer,
  TokenKind,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type GraphQLFormattedError,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { z } from 'zod';
import { ErrorCode, isErrorCode } from '../errors.js';
import { costReport, describeCostRefusal, describeListRefusal, type CostReport } from './cost.js';
import { storableLiteralsRule, supportedOperationTypesRule, unstorableVariable } from './input.js';

export interface QueryLimits {
  /** Fields on the longest path, leaves included (`{ papers { doi } }` is 2). */
  maxDepth: number;
  /**
   * Aliased fields per operation below the root, fragments expanded, `__typename` included.
   * Root fields are not counted: gateways alias them (Hive Gateway merges parallel `_entities`
   * fetches as `_0: _entities(…) _1: _entities(…)`, and its planner aliases root fields), and
   * every root field costs at least 1 in the cost model.
   */
  maxAliases: number;
  /** Directives per operation, fragments expanded. */
  maxDirectives: number;
  /**
   * Words per document: names and values, not counting punctuation, variable definitions,
   * unaliased `__typename`, nor federation's `_entities(representations: $x) { ... on T }`
   * envelope. A gateway's rewriting (literals into variables, added `__typename`, entity fetches)
   * does not increase the count. The parser itself stops at PARSER_TOKEN_FACTOR × as many tokens.
   */
  maxTokens: number;
  /** Cost per operation (src/security/cost.ts). */
  maxCost: number;
  /** Request body in kB (query and variables as JSON; a gateway's `_entities` batch too). */
  maxBodyKb: number;
  /** Request deadline: after it the client gets REQUEST_TIMEOUT and no resolver starts new work. */
  requestTimeoutMs: number;
  /** PostgreSQL statement_timeout of the server's connections (the embedded database has none). */
  statementTimeoutMs: number;
}

/** The parser's own bound on tokens of any kind, as a multiple of maxTokens. */
export const PARSER_TOKEN_FACTOR = 8;

/**
 * Defaults. Depth 16: the deepest trace the data holds is three derivations down
 * (`materials.edges.node.voltagePairs.volumetricEnergy.inputs.derivation.inputs.derivation.inputs.derivation.inputs`,
 * 13 fields) and its stored inputs' `source.paper.doi` make it 15; graphql-js's introspection
 * query (GraphiQL's docs) needs 15 too, the deepest documented query 10. Cost 5000: the costliest
 * documented query is 3001, the dashboard's 2041. Body 1 MB: about 15,000 `_entities`
 * representations by id, more than the cost budget admits, so a gateway meets the budget (with
 * its message) before a 413. Deadline 15 s and the statement timeout the same: a correlation
 * over a whole family on the embedded database takes a few seconds.
 */
export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = {
  maxDepth: 16,
  maxAliases: 10,
  maxDirectives: 5,
  maxTokens: 1000,
  maxCost: 5000,
  maxBodyKb: 1024,
  requestTimeoutMs: 15_000,
  statementTimeoutMs: 15_000,
};

export interface SecurityConfig {
  limits: QueryLimits;
  /** Whether `__schema` and `__type` may be queried. */
  introspection: boolean;
  /**
   * Whether federation's `_service { sdl }` answers. Default yes, as with @apollo/subgraph: a
   * gateway can load the subgraph while introspection stays off. GRAPHQL_SUBGRAPH_SDL=false
   * closes it (unless introspection is on).
   */
  serviceSdl: boolean;
  /** Path of the operation allow-list file (src/security/allowlist.ts); none: every operation may run. */
  operationAllowlist?: string;
  /**
   * With an allow-list: the secret a gateway sends as `Gateway-Secret` to have the operations it
   * plans admitted (they still meet every other limit).
   */
  gatewaySecret?: string;
}

export interface SecurityOverrides {
  limits?: Partial<QueryLimits>;
  introspection?: boolean;
  serviceSdl?: boolean;
  operationAllowlist?: string;
  gatewaySecret?: string;
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

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }))
  .transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  GRAPHQL_MAX_DEPTH: count(1000).optional(),
  GRAPHQL_MAX_ALIASES: count(10_000).optional(),
  GRAPHQL_MAX_DIRECTIVES: count(10_000).optional(),
  GRAPHQL_MAX_TOKENS: count(1_000_000).optional(),
  GRAPHQL_MAX_COST: count(1_000_000_000).optional(),
  GRAPHQL_MAX_BODY_KB: count(100_000).optional(),
  REQUEST_TIMEOUT_MS: count(3_600_000).optional(),
  STATEMENT_TIMEOUT_MS: count(3_600_000).optional(),
  GRAPHQL_INTROSPECTION: flag.optional(),
  GRAPHQL_SUBGRAPH_SDL: flag.optional(),
  OPERATION_ALLOWLIST: z.string().trim().min(1).optional(),
  ALLOWLIST_GATEWAY_SECRET: z.string().trim().min(32, 'must be at least 32 characters').optional(),
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
      const shown = name.endsWith('SECRET') ? '…' : JSON.stringify(present[name]);
      return `${name}=${shown}: ${issue.message}`;
    });
    throw new SecurityConfigError(`invalid query-limit settings: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const requestTimeoutMs = e.REQUEST_TIMEOUT_MS ?? DEFAULT_QUERY_LIMITS.requestTimeoutMs;
  const limits: QueryLimits = {
    maxDepth: e.GRAPHQL_MAX_DEPTH ?? DEFAULT_QUERY_LIMITS.maxDepth,
    maxAliases: e.GRAPHQL_MAX_ALIASES ?? DEFAULT_QUERY_LIMITS.maxAliases,
    maxDirectives: e.GRAPHQL_MAX_DIRECTIVES ?? DEFAULT_QUERY_LIMITS.maxDirectives,
    maxTokens: e.GRAPHQL_MAX_TOKENS ?? DEFAULT_QUERY_LIMITS.maxTokens,
    maxCost: e.GRAPHQL_MAX_COST ?? DEFAULT_QUERY_LIMITS.maxCost,
    maxBodyKb: e.GRAPHQL_MAX_BODY_KB ?? DEFAULT_QUERY_LIMITS.maxBodyKb,
    requestTimeoutMs,
    // A statement that outlives its request's deadline keeps the database busy for no one.
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS ?? requestTimeoutMs,
    ...Object.fromEntries(Object.entries(overrides.limits ?? {}).filter(([, value]) => value !== undefined)),
  };
  const operationAllowlist = overrides.operationAllowlist ?? e.OPERATION_ALLOWLIST;
  const gatewaySecret = overrides.gatewaySecret ?? e.ALLOWLIST_GATEWAY_SECRET;
  if (gatewaySecret && !operationAllowlist) throw new SecurityConfigError('ALLOWLIST_GATEWAY_SECRET is set without OPERATION_ALLOWLIST (it only lets a gateway past the allow-list)');
  return {
    limits,
    introspection: overrides.introspection ?? e.GRAPHQL_INTROSPECTION ?? !production,
    serviceSdl: overrides.serviceSdl ?? e.GRAPHQL_SUBGRAPH_SDL ?? true,
    operationAllowlist,
    gatewaySecret,
  };
}

// ------------------------------------------------------------------ validation rules

function limitError(code: ErrorCode, message: string, node: ASTNode, details: Record<string, unknown>): GraphQLError {
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
          context.reportError(limitError(ErrorCode.QUERY_TOO_DEEP, `Query depth ${depth} exceeds the limit of ${maxDepth} nested fields.`, operation, { limit: maxDepth, found: depth }));
        }
      },
    };
  };
}

/**
 * Aliases below the root fields, fragments expanded; every alias there counts, `__typename`
 * included. Root fields' aliases are free (see QueryLimits.maxAliases).
 */
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
    const belowRoot = fragmentMemo<number>(context, function root(set, fragment): number {
      let n = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) n += s.selectionSet ? aliasesOf(s.selectionSet) : 0;
        else if (s.kind === Kind.INLINE_FRAGMENT) n += root(s.selectionSet, fragment);
        else n += fragment(s.name.value) ?? 0;
      }
      return n;
    });
    return {
      OperationDefinition(operation) {
        const n = belowRoot(operation.selectionSet);
        if (n > maxAliases) {
          context.reportError(limitError(ErrorCode.TOO_MANY_ALIASES, `The operation uses ${n} aliases below its root fields; at most ${maxAliases} are allowed.`, operation, { limit: maxAliases, found: n }));
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
          context.reportError(limitError(ErrorCode.TOO_MANY_DIRECTIVES, `The operation uses ${n} directives; at most ${maxDirectives} are allowed.`, operation, { limit: maxDirectives, found: n }));
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
        context.reportError(limitError(ErrorCode.DUPLICATE_FIELD, `Field "${key}" is selected ${times} times in one selection set; select each field once.`, set, { field: key, found: times }));
        return false; // one report per selection set; do not descend
      }
    }
    return undefined;
  },
});

/** Name, number and string tokens outside these ranges of the source (see QueryLimits.maxTokens). */
export function documentWords(document: DocumentNode): number {
  const source = document.loc?.source;
  if (!source) return 0;
  const skipped: [start: number, end: number][] = [];
  visit(document, {
    VariableDefinition(node) {
      if (node.loc) skipped.push([node.loc.start, node.loc.end]);
    },
    Field(node, _key, _parent, _path, ancestors) {
      if (node.name.value === '__typename' && !node.alias && node.loc) skipped.push([node.loc.start, node.loc.end]);
      // ancestors end with the operation and its selection set (the parent array is not in them).
      const atRoot = (ancestors[ancestors.length - 2] as ASTNode | undefined)?.kind === Kind.OPERATION_DEFINITION;
      if (node.name.value !== '_entities' || !atRoot || !node.loc || !node.selectionSet?.loc) return;
      skipped.push([node.loc.start, node.selectionSet.loc.start]);
      for (const s of node.selectionSet.selections) {
        if (s.kind === Kind.INLINE_FRAGMENT && s.loc && s.typeCondition?.loc) skipped.push([s.loc.start, s.typeCondition.loc.end]);
      }
    },
  });
  skipped.sort((a, b) => a[0] - b[0]);
  const words = new Set<TokenKind>([TokenKind.NAME, TokenKind.INT, TokenKind.FLOAT, TokenKind.STRING, TokenKind.BLOCK_STRING]);
  const lexer = new Lexer(source);
  let n = 0;
  let range = 0;
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    while (range < skipped.length && skipped[range]![1] <= token.start) range++;
    const inSkipped = range < skipped.length && skipped[range]![0] <= token.start;
    if (!inSkipped && words.has(token.kind)) n++;
  }
  return n;
}

/** Words per document (QueryLimits.maxTokens). */
export function maxWordsRule(maxWords: number): ValidationRule {
  return (context) => ({
    Document(document) {
      const n = documentWords(document);
      if (n > maxWords) {
        context.reportError(
          limitError(ErrorCode.TOO_MANY_TOKENS, `The document has ${n} names and values; at most ${maxWords} are allowed (punctuation, variable definitions and __typename do not count). Split it into smaller operations.`, document, { limit: maxWords, found: n }),
        );
      }
      return false;
    },
  });
}

/**
 * `_service { sdl }` prints the whole schema: refused like `__schema` when both introspection and
 * GRAPHQL_SUBGRAPH_SDL are off. (A gateway then reads the SDL from schema/ or a composed file.)
 */
export const noServiceSdlRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '_service' && context.getParentType() === context.getSchema().getQueryType()) {
      context.reportError(
        new GraphQLError('This server does not print its schema: `_service { sdl }` is off (GRAPHQL_SUBGRAPH_SDL=false) and introspection is disabled.', {
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
    maxWordsRule(limits.maxTokens),
    maxDepthRule(limits.maxDepth),
    maxAliasesRule(limits.maxAliases),
    maxDirectivesRule(limits.maxDirectives),
    noDuplicateFieldsRule,
    storableLiteralsRule,
    supportedOperationTypesRule,
    ...(config.introspection || config.serviceSdl ? [] : [noServiceSdlRule]),
  ];
}

// ------------------------------------------------------------------ request plugin

/**
 * Checks made once the operation is known, with the request's variables: unstorable strings in
 * variables (BAD_USER_INPUT), list arguments past their caps (LIST_SIZE_EXCEEDED), then the cost
 * budget (QUERY_TOO_COSTLY, naming the costliest path).
 */
export function operationGuardPlugin<TContext extends object>(limits: Pick<QueryLimits, 'maxCost'>): ApolloServerPlugin<TContext> {
  // Apollo keeps parsed documents, so a query text sent again brings the same operation node: its
  // report is kept when no variable went into it (a material by id), and computed anew otherwise.
  const reports = new WeakMap<OperationDefinitionNode, CostReport>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const bad = unstorableVariable(request.variables ?? {});
          if (bad) throw new GraphQLError(`Variable ${bad}.`, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
          let report = reports.get(operation);
          if (!report) {
            report = costReport(schema, document as DocumentNode, operation, { variables: request.variables ?? {} });
            if (!report.readsVariables) reports.set(operation, report);
          }
          const tooLong = report.lists.find((list) => list.length > list.cap);
          if (tooLong) {
            throw new GraphQLError(describeListRefusal(tooLong), { nodes: [tooLong.node], extensions: { code: ErrorCode.LIST_SIZE_EXCEEDED, argument: tooLong.argument, limit: tooLong.cap, found: tooLong.length } });
          }
          if (report.cost > limits.maxCost) {
            throw new GraphQLError(describeCostRefusal(report, limits.maxCost), {
              nodes: [operation],
              extensions: { code: ErrorCode.QUERY_TOO_COSTLY, limit: limits.maxCost, found: report.cost, costliestPath: report.costliest?.path },
            });
          }
        },
      };
    },
  };
}

// ------------------------------------------------------------------ Apollo Server options

/**
 * The Apollo Server options that apply the limits and the production behaviour: validation
 * rules, the parser's token bound, introspection switch, suggestions hidden in production, CSRF
 * prevention on, HTTP batching off, APQ on (Apollo's in-memory cache). The cost limit and the
 * variables check are a plugin: `operationGuardPlugin(config.limits)`.
 */
export function apolloSecurityOptions<TContext extends object>(config: SecurityConfig, production: boolean) {
  return {
    introspection: config.introspection,
    validationRules: queryLimitRules(config),
    parseOptions: { maxTokens: config.limits.maxTokens * PARSER_TOKEN_FACTOR },
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
    if (typeof status === 'number' && status >= 400 && status < 500) shaped = { ...shaped, extensions: { ...shaped.extensions, code: ErrorCode.BAD_REQUEST } };
  }
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const code = original instanceof GraphQLError ? original.extensions.code : undefined;
  if (isErrorCode(code) && shaped.extensions?.code !== code) {
    shaped = { ...shaped, extensions: { ...shaped.extensions, code } };
  }
  if (production) {
    const message = shaped.message.replace(SUGGESTION, '');
    if (message !== shaped.message) shaped = { ...shaped, message };
  }
  return shaped;
}
