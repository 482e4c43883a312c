/**
 * `npm run ingest -- <paper.yaml> [--dry-run]`: validate one paper's data file (the seeds/ format)
 * together with seeds/ (vocabulary and the papers it may reference) and load it in one transaction.
 * A file named like one in seeds/ replaces it for this run. --dry-run makes the same writes, prints
 * what they would be and rolls them back. Exit codes: 0 loaded (or dry run done), 1 rejected.
 *
 * `npm run ingest -- <export.csv | export.json> [--dry-run] [--origin=TEXT] [--release=TEXT]`: a
 * newer Materials Project export (the battery explorer's CSV, or MP API JSON with emmet
 * InsertionElectrodeDoc field names) replaces the stored one in one transaction: every row is
 * validated first (unknown ion or element, unparsable formula, charge formula not a
 * sub-composition of the discharge one, non-numeric value, duplicate battery id) and nothing is
 * written while any row is wrong. Citation, licence and method come from seeds/materials-project/source.yaml.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeTarget } from '../db/adapter.js';
import { createDatabaseOrExit, type Database } from '../db/client.js';
import { countWrites, loadSeedCatalog, type SeedReport } from './load.js';
import { loadElectrodes, readElectrodeDirectory, readElectrodeExport } from './materials-project.js';
import { formatReport, MP_SEED_DIR, SEED_DIR } from './run.js';
import { readSeedTexts, validateSeedTexts, VOCABULARY_FILE } from './validate.js';

export interface IngestResult {
  report: SeedReport;
  dryRun: boolean;
}

export async function ingestFile(db: Database, file: string, options: { dryRun?: boolean; seedDir?: string } = {}): Promise<IngestResult> {
  const seedDir = options.seedDir ?? SEED_DIR;
  const name = path.basename(file);
  if (name === VOCABULARY_FILE) throw new Error(`${name} is the shared vocabulary; ingest one paper's file`);
  const catalog = validateSeedTexts(await readSeedTexts(seedDir, [{ file: name, text: await readFile(file, 'utf8') }]));
  const report = await loadSeedCatalog(db.prisma, catalog, { dryRun: options.dryRun });
  return { report, dryRun: options.dryRun ?? false };
}

export function formatDetails(report: SeedReport): string {
  return Object.values(report)
    .flatMap((c) => c.details)
    .join('\n');
}

/** Import a newer database export (CSV or JSON) in place of the stored one; see the module comment. */
export async function ingestElectrodeExport(db: Database, file: string, options: { dryRun?: boolean; origin?: string; release?: string; seedDir?: string } = {}): Promise<IngestResult> {
  const bundled = await readElectrodeDirectory(path.join(options.seedDir ?? SEED_DIR, path.basename(MP_SEED_DIR)), { provenanceOnly: true });
  const dataset = await readElectrodeExport(file, bundled.provenance, options);
  const report = await loadElectrodes(db.prisma, dataset, { dryRun: options.dryRun });
  return { report, dryRun: options.dryRun ?? false };
}

export const isElectrodeExport = (file: string) => /\.(csv|json)$/i.test(file);

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    console.error('usage: npm run ingest -- <paper.yaml> [--dry-run]\n       npm run ingest -- <export.csv|export.json> [--dry-run] [--origin=TEXT] [--release=TEXT]');
    process.exit(2);
  }
  const db = createDatabaseOrExit();
  try {
    const file = path.resolve(files[0]!);
    const { report } = isElectrodeExport(file)
      ? await ingestElectrodeExport(db, file, { dryRun, origin: option('origin'), release: option('release') })
      : await ingestFile(db, file, { dryRun });
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
