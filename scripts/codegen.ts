/**
 * `npm run generate` (resolver types from schema/*.graphql, as configured in codegen.ts) and
 * `npm run generate:check` (`--check`: fail if the committed output is stale). graphql-codegen's
 * own core and plugins, without its CLI: the CLI's schema loaders (URL, GitHub, Apollo Engine,
 * git) are never used here, and their dependencies need Node 22 (docs/development.md).
 * The schema is sorted as the CLI sorts it, so the output is the CLI's byte for byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as typescriptResolversPlugin from '@graphql-codegen/typescript-resolvers';
import { buildASTSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import config from '../codegen.js';
import { loadTypeDefs } from '../src/schema.js';

const ROOT = path.join(import.meta.dirname, '..');
const pluginMap = { typescript: typescriptPlugin, 'typescript-resolvers': typescriptResolversPlugin };
const check = process.argv.includes('--check');

// The SDL uses federation directives it does not define (schema/federation.graphql links them).
const schema = lexicographicSortSchema(buildASTSchema(parse(loadTypeDefs()), { assumeValidSDL: true }));
const stale: string[] = [];
for (const [file, target] of Object.entries(config.generates)) {
  const { plugins, config: pluginConfig } = target as { plugins: (keyof typeof pluginMap)[]; config?: Record<string, unknown> };
  const output = await codegen({
    filename: file,
    schema: parse(printSchema(schema)),
    schemaAst: schema,
    documents: [],
    config: pluginConfig ?? {},
    plugins: plugins.map((name) => ({ [name]: {} })),
    pluginMap,
  });
  const absolute = path.join(ROOT, file);
  let current: string | null = null;
  try {
    current = readFileSync(absolute, 'utf8');
  } catch {
    // not generated yet
  }
  if (current === output) continue;
  if (check) stale.push(file);
  else writeFileSync(absolute, output);
}
if (stale.length) {
  console.error(`out of date with schema/ or codegen.ts: ${stale.join(', ')}; run npm run generate`);
  process.exit(1);
}
console.log(check ? 'generated code is current' : 'generated resolver types');
