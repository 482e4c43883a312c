/** `npm run seed`: validate seeds/ and load it into the configured database. */
import path from 'node:path';
import { createDatabase } from '../db/client.js';
import { describeTarget } from '../db/adapter.js';
import { countWrites, loadSeedCatalog } from './load.js';
import { readSeedDirectory, SeedValidationError } from './validate.js';

export async function seedDatabase(directory = path.resolve('seeds')) {
  const catalog = await readSeedDirectory(directory);
  const db = createDatabase();
  try {
    const report = await loadSeedCatalog(db.prisma, catalog);
    return { report, target: db.target };
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { report, target } = await seedDatabase(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
    for (const [table, c] of Object.entries(report)) {
      console.log(`${table.padEnd(20)} +${c.created} ~${c.updated} -${c.deleted} =${c.unchanged}`);
    }
    console.log(`seeded ${describeTarget(target)}: ${countWrites(report)} rows written`);
  } catch (error) {
    if (error instanceof SeedValidationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
