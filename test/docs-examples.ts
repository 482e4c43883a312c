/**
 * The examples of README.md and docs/*.md: every ```graphql block, and the ```json block right
 * after it (if any), which shows part of its answer. An example output is abridged: "…" as a
 * value, an array element or a key stands for what was left out, and a string containing "…"
 * matches any string, so `expectedOutputMismatch` checks that the answer contains what is shown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..');

export interface DocExample {
  /** e.g. "docs/derivations.md, block 3 (line 57)" */
  where: string;
  query: string;
  /** the ```json block right after the query, parsed (a bare `"key": {…}` is read as an object) */
  expected?: unknown;
}

export function docFiles(): string[] {
  const docs = readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

export function docExamples(files = docFiles()): DocExample[] {
  return files.flatMap((file) => examplesOf(file, readFileSync(path.join(ROOT, file), 'utf8')));
}

export function examplesOf(file: string, text: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const match of text.matchAll(/```graphql\n([\s\S]*?)```(\s*```json\n([\s\S]*?)```)?/g)) {
    const line = text.slice(0, match.index).split('\n').length;
    const where = `${file}, block ${examples.length + 1} (line ${line})`;
    examples.push({ where, query: match[1]!, expected: match[3] === undefined ? undefined : parseOutput(match[3], where) });
  }
  return examples;
}

function parseOutput(json: string, where: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    try {
      return JSON.parse(`{${json}}`);
    } catch (error) {
      throw new Error(`${where}: the example output is not JSON: ${(error as Error).message}`);
    }
  }
}

const ELLIPSIS = '…';

/**
 * Where `expected` is not found anywhere in `actual` (as a whole or as any nested object):
 * the miss that matched most before failing, or null when it is found. Numbers match to 1e-9
 * (relative), since examples print them rounded.
 */
export function expectedOutputMismatch(expected: unknown, actual: unknown): string | null {
  let best: { miss: string; matched: number } | null = null;
  let found = false;
  const visit = (node: unknown): void => {
    if (found || node === null || typeof node !== 'object') return;
    const score = { matched: 0 };
    const miss = mismatch(expected, node, '', score);
    if (miss === null) {
      found = true;
      return;
    }
    if (best === null || score.matched > best.matched) best = { miss, matched: score.matched };
    for (const child of Array.isArray(node) ? node : Object.values(node)) visit(child);
  };
  visit(actual);
  return found ? null : ((best as { miss: string } | null)?.miss ?? 'the answer holds no object');
}

/** Null when `actual` holds `expected`; counts in `score` the values matched before a miss. */
function mismatch(expected: unknown, actual: unknown, at: string, score: { matched: number }): string | null {
  const miss = mismatchAt(expected, actual, at, score);
  if (miss === null && (expected === null || typeof expected !== 'object')) score.matched++;
  return miss;
}

function mismatchAt(expected: unknown, actual: unknown, at: string, score: { matched: number }): string | null {
  if (typeof expected === 'string' && expected.includes(ELLIPSIS)) return null;
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)) ? null : `${at || '.'}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected a list, got ${JSON.stringify(actual)}`;
    // The shown elements, in order, each matching a later element of the answer ("…" skips any).
    let from = 0;
    for (const [i, element] of expected.entries()) {
      if (element === ELLIPSIS) continue;
      let index = from;
      while (index < actual.length && mismatch(element, actual[index], '', { matched: 0 }) !== null) index++;
      if (index === actual.length) {
        const tried = actual.slice(from).map((candidate) => mismatch(element, candidate, `${at}[${i}]`, { matched: 0 }));
        return tried[0] ?? `${at}[${i}]: no element of the answer's list is left to match ${JSON.stringify(element)}`;
      }
      mismatch(element, actual[index], '', score);
      from = index + 1;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${at}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      if (key === ELLIPSIS) continue;
      if (!(key in actual)) return `${at}.${key}: missing`;
      const miss = mismatch(value, (actual as Record<string, unknown>)[key], `${at}.${key}`, score);
      if (miss) return miss;
    }
    return null;
  }
  return Object.is(expected, actual) ? null : `${at || '.'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}
