/**
 * `npm run bench:data -- --materials N [--out dir]`: write N synthetic materials as seeds/-format
 * paper files (one per 1000 materials) plus a copy of seeds/vocabulary.yaml and a manifest.
 * Deterministic: the same N gives the same bytes (see synthetic.ts). Default dir: data/bench/<N>.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SEED_DIR } from '../../src/seed/run.js';
import { VOCABULARY_FILE } from '../../src/seed/validate.js';
import { generateDataset } from './synthetic.js';

export interface Manifest {
  materials: number;
  papers: number;
  facts: number;
  bytes: number;
  /** sha256 over every file's name and bytes, in order: identifies the data set. */
  sha256: string;
  files: string[];
}

export const MANIFEST_FILE = 'manifest.json';

export function defaultDataDir(materials: number): string {
  return path.resolve('data', 'bench', String(materials));
}

export function writeDataset(materials: number, out = defaultDataDir(materials)): Manifest {
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) if (/^bench-paper-\d+\.yaml$/.test(name) || name === MANIFEST_FILE) rmSync(path.join(out, name));
  copyFileSync(path.join(SEED_DIR, VOCABULARY_FILE), path.join(out, VOCABULARY_FILE));
  const hash = createHash('sha256');
  const manifest: Manifest = { materials: 0, papers: 0, facts: 0, bytes: 0, sha256: '', files: [] };
  for (const paper of generateDataset(materials)) {
    writeFileSync(path.join(out, paper.file), paper.text);
    hash.update(paper.file).update('\0').update(paper.text).update('\0');
    manifest.materials += paper.materials;
    manifest.papers += 1;
    manifest.facts += paper.facts;
    manifest.bytes += Buffer.byteLength(paper.text);
    manifest.files.push(paper.file);
  }
  manifest.sha256 = hash.digest('hex');
  writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) args.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) args.set(name, argv[++i]!);
    else args.set(name, 'true');
  }
  return args;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  const materials = Number(args.get('materials') ?? 1000);
  const out = path.resolve(args.get('out') ?? defaultDataDir(materials));
  const started = performance.now();
  const manifest = writeDataset(materials, out);
  console.log(
    `${manifest.materials} materials, ${manifest.facts} facts in ${manifest.papers} paper file(s), ${(manifest.bytes / 1e6).toFixed(1)} MB, ` +
      `written to ${path.relative(process.cwd(), out) || '.'} in ${((performance.now() - started) / 1000).toFixed(1)} s (sha256 ${manifest.sha256.slice(0, 16)}…)`,
  );
}
