/**
 * `npm run ingest -- <paper.yaml> [--dry-run]`: validate one paper's data file (the seeds/ format)
 * together with seeds/ (vocabulary and the papers it may reference) and load it in one transaction.
 * A file named like one in seeds/ replaces it for this run. --dry-run makes the same writes, prints
 * what they would be and rolls them back. Exit codes: 0 loaded (or dry run done), 1 rejected.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeTarget } from '../db/adapter.js';
import { createDatabaseOrExit, type Database } from '../db/client.js';
import { countWrites, loadSeedCatalog, type SeedReport } from './load.js';
import { formatReport, SEED_DIR } from './run.js';
import { validateSeedTexts, VOCABULARY_FILE } from './validate.js';

export interface IngestResult {
  report: SeedReport;
  dryRun: boolean;
}

export async function ingestFile(db: Database, file: string, options: { dryRun?: boolean; seedDir?: string } = {}): Promise<IngestResult> {
  const seedDir = options.seedDir ?? SEED_DIR;
  const name = path.basename(file);
  if (name === VOCABULARY_FILE) throw new Error(`${name} is the shared vocabulary; ingest one paper's file`);
  const names = (await readdir(seedDir)).filter((n) => /\.ya?ml$/.test(n) && n !== name);
  const texts = await Promise.all(names.map(async (n) => ({ file: n, text: await readFile(path.join(seedDir, n), 'utf8') })));
  texts.push({ file: name, text: await readFile(file, 'utf8') });
  const catalog = validateSeedTexts(texts);
  const report = await loadSeedCatalog(db.prisma, catalog, { dryRun: options.dryRun });
  return { report, dryRun: options.dryRun ?? false };
}

export function formatDetails(report: SeedReport): string {
  return Object.values(report)
    .flatMap((c) => c.details)
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const files = args.filter((a) => a !== '--dry-run');
  if (files.length !== 1) {
    console.error('usage: npm run ingest -- <paper.yaml> [--dry-run]');
    process.exit(2);
  }
  const db = createDatabaseOrExit();
  try {
    const { report } = await ingestFile(db, path.resolve(files[0]!), { dryRun });
    const details = formatDetails(report);
    console.log(formatReport(report));
    if (details) console.log(`\n${details}`);
    console.log(`\n${dryRun ? 'dry run, nothing written' : 'ingested'} into ${describeTarget(db.target)}: ${countWrites(report)} row${countWrites(report) === 1 ? '' : 's'} ${dryRun ? 'would change' : 'written'}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}
