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
 *
 * While `npm start` serves the embedded database (which one process at a time may open), a paper's
 * file goes through that server instead, with the curator token in CURATOR_TOKEN.
 */
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import { describeTarget, resolveDatabaseTarget } from '../db/adapter.js';
import { createDatabaseOrExit, type Database } from '../db/client.js';
import { curatorTokenForServer, runningServer, type RunningServer } from '../db/served-by.js';
import { countWrites, loadSeedCatalog, type SeedReport } from './load.js';
import { loadElectrodes, readElectrodeDirectory, readElectrodeExport } from './materials-project.js';
import { analyzeAfterBulkWrites, formatReport, MP_SEED_DIR, printWarnings, SEED_DIR } from './run.js';
import { readSeedText, readSeedTexts, SeedValidationError, validateSeedTexts, VOCABULARY_FILE } from './validate.js';

export interface IngestResult {
  report: SeedReport;
  dryRun: boolean;
}

export async function ingestFile(db: Database, file: string, options: { dryRun?: boolean; seedDir?: string } = {}): Promise<IngestResult> {
  return ingestText(db.prisma, path.basename(file), await readSeedText(file), options);
}

/**
 * Validate one paper's file `text` (named `name`) with the seed folder and load it: the one path
 * for the CLI on its own database and for the running server's ingest endpoint
 * (src/curation/ingest-route.ts). Throws SeedValidationError listing every problem.
 */
export async function ingestText(prisma: PrismaClient, name: string, text: string, options: { dryRun?: boolean; seedDir?: string } = {}): Promise<IngestResult> {
  if (name === VOCABULARY_FILE) throw new SeedValidationError([{ file: name, path: '', reason: `${name} is the shared vocabulary; ingest one paper's file` }]);
  const catalog = validateSeedTexts(await readSeedTexts(options.seedDir ?? SEED_DIR, [{ file: name, text }]));
  printWarnings(catalog);
  const report = await loadSeedCatalog(prisma, catalog, { dryRun: options.dryRun });
  return { report, dryRun: options.dryRun ?? false };
}

/** What the CLI prints after an ingest: rows per table, the changes, and a last line. */
export function ingestSummary({ report, dryRun }: IngestResult, where: string): string {
  const details = formatDetails(report);
  const writes = countWrites(report);
  return `${formatReport(report)}${details ? `\n\n${details}` : ''}\n\n${dryRun ? 'dry run, nothing written' : 'ingested'} into ${where}: ${writes} row${writes === 1 ? '' : 's'} ${dryRun ? 'would change' : 'written'}`;
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
  if (!options.dryRun) await analyzeAfterBulkWrites(db, report);
  return { report, dryRun: options.dryRun ?? false };
}

export const isElectrodeExport = (file: string) => /\.(csv|json)$/i.test(file);

/**
 * The embedded database is open in a running server (one process per folder): send the file
 * through it, authenticated as a curator with CURATOR_TOKEN, to the same validation and loader.
 */
async function ingestThroughServer(server: RunningServer, dataDir: string, file: string, dryRun: boolean): Promise<void> {
  const token = curatorTokenForServer(server, dataDir, 'to ingest through it');
  const url = new URL('/curation/ingest', server.url);
  url.searchParams.set('name', path.basename(file));
  if (dryRun) url.searchParams.set('dryRun', 'true');
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/yaml', authorization: `Bearer ${token}` }, body: await readSeedText(file) });
  const body = (await response.json()) as { summary?: string; error?: string };
  if (!response.ok || body.summary === undefined) throw new Error(`${server.url} refused the file (HTTP ${response.status}): ${body.error ?? JSON.stringify(body)}`);
  console.log(body.summary);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    console.error('usage: npm run ingest -- <paper.yaml> [--dry-run]\n       npm run ingest -- <export.csv|export.json> [--dry-run] [--origin=TEXT] [--release=TEXT]');
    process.exit(2);
  }
  const file = path.resolve(files[0]!);
  const target = resolveDatabaseTarget();
  const server = target.kind === 'pglite' ? runningServer(target.dataDir) : null;
  if (server && isElectrodeExport(file)) {
    console.error(`The embedded database in ${target.kind === 'pglite' ? target.dataDir : ''} is served by process ${server.pid} at ${server.url}; a database export is imported with the server stopped (it replaces tens of thousands of rows in one transaction).`);
    process.exitCode = 1;
  } else if (server) {
    try {
      await ingestThroughServer(server, target.kind === 'pglite' ? target.dataDir : '', file, dryRun);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  } else {
    const db = createDatabaseOrExit();
    try {
      const result = isElectrodeExport(file)
        ? await ingestElectrodeExport(db, file, { dryRun, origin: option('origin'), release: option('release') })
        : await ingestFile(db, file, { dryRun });
      console.log(ingestSummary(result, describeTarget(db.target)));
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    } finally {
      await db.close();
    }
  }
}
