/** `npm run seed`: validate seeds/ and load it into the configured database. */
import path from 'node:path';
import { createDatabaseOrExit, type Database } from '../db/client.js';
import { describeTarget } from '../db/adapter.js';
import { countWrites, loadSeedCatalog, type SeedReport } from './load.js';
import { readSeedDirectory, SeedValidationError } from './validate.js';

export const SEED_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'seeds');

export async function seedDatabase(db: Database, directory = SEED_DIR): Promise<SeedReport> {
  return loadSeedCatalog(db.prisma, await readSeedDirectory(directory));
}

export function formatReport(report: SeedReport): string {
  return Object.entries(report)
    .map(([table, c]) => `${table.padEnd(20)} +${c.created} ~${c.updated} -${c.deleted} =${c.unchanged}${c.kept ? ` (kept ${c.kept} curated)` : ''}`)
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = createDatabaseOrExit();
  try {
    const report = await seedDatabase(db, process.argv[2] ? path.resolve(process.argv[2]) : undefined);
    console.log(formatReport(report));
    console.log(`seeded ${describeTarget(db.target)}: ${countWrites(report)} rows written`);
  } catch (error) {
    if (error instanceof SeedValidationError) {
      console.error(error.message);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await db.close();
  }
}
