/**
 * Operation allow-list (OPERATION_ALLOWLIST=<file>): when set, the server runs only the listed
 * documents, identified by the SHA-256 of their exact text (the hash Apollo's automatic persisted
 * queries use too), and refuses every other one with OPERATION_NOT_ALLOWED before parsing it.
 *
 * File format (JSON), as written by `npm run allowlist`:
 *   { "operations": [ { "name": "dashboard/stability", "sha256": "…64 hex…", "document": "{ … }" }, … ] }
 * Each entry needs `sha256` or `document` (or both, which must agree); a bare array of entries or
 * of hash strings is accepted as well.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parse } from 'graphql';
import { z } from 'zod';
import { WEB_DIR } from '../paths.js';
import { SecurityConfigError } from './limits.js';


export interface AllowedOperation {
  name?: string;
  sha256: string;
  document?: string;
}

export interface OperationAllowlist {
  file?: string;
  operations: AllowedOperation[];
  has(sha256: string): boolean;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex (64 characters)');
const Entry = z.union([
  Hash.transform((sha256) => ({ sha256 }) as { name?: string; sha256?: string; document?: string }),
  z
    .object({ name: z.string().optional(), sha256: Hash.optional(), document: z.string().min(1).optional() })
    .refine((e) => e.sha256 !== undefined || e.document !== undefined, 'needs "sha256" or "document"'),
]);
const FileSchema = z.union([z.object({ operations: z.array(Entry) }), z.array(Entry).transform((operations) => ({ operations }))]);

export function makeAllowlist(operations: AllowedOperation[], file?: string): OperationAllowlist {
  const hashes = new Set(operations.map((o) => o.sha256));
  return { file, operations, has: (sha256) => hashes.has(sha256) };
}

/** Reads and checks an allow-list file; any problem is a SecurityConfigError (the server does not start). */
export function loadOperationAllowlist(file: string): OperationAllowlist {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SecurityConfigError(`OPERATION_ALLOWLIST=${file}: cannot read it as JSON (${(error as Error).message})`);
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new SecurityConfigError(`OPERATION_ALLOWLIST=${file}: not an allow-list (${problems.join('; ')})`);
  }
  const operations = parsed.data.operations.map((entry, index): AllowedOperation => {
    const computed = entry.document !== undefined ? sha256Hex(entry.document) : undefined;
    if (entry.sha256 && computed && entry.sha256 !== computed) {
      throw new SecurityConfigError(`OPERATION_ALLOWLIST=${file}: operations.${index} (${entry.name ?? 'unnamed'}): sha256 does not match its document (the document hashes to ${computed})`);
    }
    return { name: entry.name, sha256: (entry.sha256 ?? computed)!, document: entry.document };
  });
  return makeAllowlist(operations, file);
}

/**
 * The documents this server's own pages send, exactly as sent: the dashboard's four queries
 * (src/web/dashboard.js, its QUERIES object evaluated with its CO_KEY) and the GraphiQL editor's
 * default query (src/web/default-query.graphql, sent as the file's text unless edited).
 */
export function clientOperations(webDir = WEB_DIR): { name: string; document: string }[] {
  const script = readFileSync(path.join(webDir, 'dashboard.js'), 'utf8');
  const coKey = /^\s*const CO_KEY = [^\n]*;$/m.exec(script);
  const start = script.indexOf('const QUERIES = {');
  const end = script.indexOf('\n  };', start);
  if (!coKey || start < 0 || end < 0) throw new Error('src/web/dashboard.js: cannot find `const CO_KEY = …;` and `const QUERIES = { … };`');
  const queries = vm.runInNewContext(`${coKey[0]}\n${script.slice(start, end + 4)}\nQUERIES`) as Record<string, unknown>;
  const operations = Object.entries(queries).map(([key, document]) => {
    if (typeof document !== 'string') throw new Error(`src/web/dashboard.js: QUERIES.${key} is not a string`);
    return { name: `dashboard/${key}`, document };
  });
  operations.push({ name: 'graphiql/default-query', document: readFileSync(path.join(webDir, 'default-query.graphql'), 'utf8') });
  for (const { name, document } of operations) {
    try {
      parse(document); // a typo fails here, not in production
    } catch (error) {
      throw new Error(`${name}: ${(error as Error).message}`);
    }
  }
  return operations;
}

/** The allow-list file's content for these documents. */
export function allowlistFile(documents: { name: string; document: string }[]): { description: string; operations: AllowedOperation[] } {
  return {
    description: 'Operations this server runs when OPERATION_ALLOWLIST names this file (docs/operations.md, "Limits and production hardening"). Written by `npm run allowlist`.',
    operations: documents.map(({ name, document }) => ({ name, sha256: sha256Hex(document), document })),
  };
}
