/** `npm run seed:check`: validate seeds/ without touching a database. */
import path from 'node:path';
import { readSeedDirectory, SeedValidationError } from './validate.js';

const directory = path.resolve(process.argv[2] ?? 'seeds');
try {
  const catalog = await readSeedDirectory(directory);
  for (const { file, data } of catalog.papers) {
    console.log(
      `${file}: ${data.materials.length} materials, ${data.structures.length} structures, ${data.coatings.length} coatings, ` +
        `${data.measurements.length} measurements, ${data.computed.length} computed, ${data.reactions.length} reactions, ${data.familyFacts.length} family facts`,
    );
  }
  console.log('seed data valid');
} catch (error) {
  if (error instanceof SeedValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
