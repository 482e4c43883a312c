/** `npm run seed`: validate seeds/ and load it into the configured database. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createDatabaseOrExit, type Database } from '../db/client.js';
import { describeTarget } from '../db/adapter.js';
import { PROJECT_ROOT } from '../paths.js';
import { applyCurationFile, CURATION_FILE, CurationFileError, readCurationFile } from './curation-file.js';
import { countWrites, loadSeedCatalog, SeedConflictError, type SeedReport } from './load.js';
import { ElectrodeImportError, loadElectrodes, MP_SOURCE_FILE, readElectrodeDirectory } from './materials-project.js';
import { readSeedDirectory, SeedValidationError, type SeedCatalog } from './validate.js';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seeds');
/** The Materials Project export (source.yaml + the battery explorer's CSV, 4,351 electrodes) inside seeds/. */
export const MP_SEED_DIR = path.join(SEED_DIR, 'materials-project');

export interface SeedOptions {
  /**
   * The electrode export to load after the papers: a folder with source.yaml, or false (default)
   * for the papers only. `npm start` and `npm run seed` pass MP_SEED_DIR; test servers load none or
   * a small fixture (test/integration/testkit.ts), so no test pays for 4,351 electrodes.
   */
  materialsProject?: string | false;
}

/** Papers (seeds/*.yaml) in one transaction, then the database export in another. */
export async function seedDatabase(db: Database, directory = SEED_DIR, options: SeedOptions = {}): Promise<SeedReport> {
  const catalog = await readSeedDirectory(directory);
  printWarnings(catalog);
  const report = await loadSeedCatalog(db.prisma, catalog);
  const electrodes = options.materialsProject ?? false;
  if (electrodes !== false) mergeReport(report, await loadElectrodes(db.prisma, await readElectrodeDirectory(electrodes), { keepOtherExport: true }));
  // A dump (npm run export) says in curation.yaml who added or corrected what: applied last, once its rows are in.
  const curationFile = path.join(directory, CURATION_FILE);
  if (existsSync(curationFile)) mergeReport(report, await applyCurationFile(db.prisma, await readCurationFile(curationFile)));
  if (electrodes !== false) await analyzeAfterBulkWrites(db, report);
  return report;
}

function mergeReport(report: SeedReport, more: SeedReport): void {
  for (const [table, changes] of Object.entries(more)) {
    const into = report[table];
    if (!into) report[table] = changes;
    else {
      for (const k of ['created', 'updated', 'deleted', 'unchanged', 'kept'] as const) into[k] += changes[k];
      into.details.push(...changes.details);
    }
  }
}

/**
 * `npm run seed -- DIR`: a seeds folder (seeds/, or a dump written by npm run export) with its own
 * materials-project/ if it has one, and its curation.yaml if it has one.
 */
export function seedFolder(db: Database, directory: string): Promise<SeedReport> {
  const mpDir = path.join(directory, path.basename(MP_SEED_DIR));
  return seedDatabase(db, directory, { materialsProject: existsSync(path.join(mpDir, MP_SOURCE_FILE)) ? mpDir : false });
}

/**
 * Fresh statistics after a bulk load: without them the planner guesses on tens of thousands of
 * new electrode rows, and the first sorted, filtered pages can run past the request deadline
 * (seen at 43,510 electrodes on PostgreSQL). Autovacuum would get there, but only later.
 */
export async function analyzeAfterBulkWrites(db: Database, report: SeedReport): Promise<void> {
  if (countWrites(report) > 0) await db.prisma.$executeRawUnsafe('ANALYZE');
}

/** Likely slips that do not stop a load (values outside a plausible range), on stderr. */
export function printWarnings(catalog: SeedCatalog): void {
  for (const w of catalog.warnings) console.warn(`warning: ${w.file}: ${w.path}: ${w.reason}`);
}

export function formatReport(report: SeedReport): string {
  return Object.entries(report)
    .map(([table, c]) => `${table.padEnd(20)} +${c.created} ~${c.updated} -${c.deleted} =${c.unchanged}${c.kept ? ` (kept ${c.kept} curated)` : ''}`)
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = createDatabaseOrExit();
  try {
    const report = await seedFolder(db, process.argv[2] ? path.resolve(process.argv[2]) : SEED_DIR);
    console.log(formatReport(report));
    console.log(`seeded ${describeTarget(db.target)}: ${countWrites(report)} rows written`);
  } catch (error) {
    if (error instanceof SeedValidationError || error instanceof SeedConflictError || error instanceof ElectrodeImportError || error instanceof CurationFileError) {
      console.error(error.message);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await db.close();
  }
}
