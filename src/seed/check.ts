/**
 * `npm run seed:check [-- <file.yaml|folder> …]`: validate without touching a database.
 * No argument: seeds/. A folder: that folder (vocabulary.yaml and papers). Files: seeds/ with
 * them, each replacing the seed file of the same name, as `npm run ingest` would read them.
 * Every problem of every file is listed in one run (file, record path, reason); exit 1 if any.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CURATION_FILE, CurationFileError, readCurationFile } from './curation-file.js';
import { SEED_DIR } from './run.js';
import { readSeedTexts, SeedValidationError, validateSeedTexts } from './validate.js';

const args = process.argv.slice(2).map((a) => path.resolve(a));
const folders = (await Promise.all(args.map(async (a) => ((await stat(a)).isDirectory() ? a : null)))).filter((a) => a !== null);
if (folders.length > 1 || (folders.length === 1 && args.length > 1)) {
  console.error('usage: npm run seed:check [-- <folder> | <file.yaml> …]');
  process.exit(2);
}
const directory = folders[0] ?? SEED_DIR;
const files = folders.length ? [] : args;
try {
  const extra = await Promise.all(files.map(async (f) => ({ file: path.basename(f), text: await readFile(f, 'utf8') })));
  const catalog = validateSeedTexts(await readSeedTexts(directory, extra));
  const checked = new Set(extra.map((e) => e.file));
  for (const { file, data } of catalog.papers) {
    if (checked.size && !checked.has(file)) continue;
    console.log(
      `${file}: ${data.materials.length} materials, ${data.structures.length} structures, ${data.coatings.length} coatings, ` +
        `${data.measurements.length} measurements, ${data.computed.length} computed, ${data.reactions.length} reactions, ${data.familyFacts.length} family facts`,
    );
  }
  // A dump's curation history (npm run export) is checked against its schema too.
  const curationFile = path.join(directory, CURATION_FILE);
  if (!files.length && existsSync(curationFile)) {
    const curation = await readCurationFile(curationFile);
    console.log(`${CURATION_FILE}: ${curation.marks.length} marks, ${curation.events.length} events`);
  }
  for (const w of catalog.warnings) console.log(`warning: ${w.file}: ${w.path}: ${w.reason}`);
  console.log(`${checked.size ? `valid with ${path.relative(process.cwd(), directory) || '.'}/` : 'seed data valid'}${catalog.warnings.length ? ` (${catalog.warnings.length} warning${catalog.warnings.length === 1 ? '' : 's'})` : ''}`);
} catch (error) {
  if (error instanceof SeedValidationError || error instanceof CurationFileError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
