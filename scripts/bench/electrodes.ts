/**
 * `npx tsx scripts/bench/electrodes.ts [PGLITE_DATA_DIR]`: the Materials Project operations of
 * issue 12 on the full export (papers + 4,351 electrodes), in-process against the app:
 *   A. a page of 50 electrodes of one working ion sorted by average voltage (and the next page);
 *   B. NaCrO3's cross-source average-voltage comparison with its sources.
 * Prints median and p90 wall time and SQL statements per operation, interleaved A/B. Given a data
 * folder that already holds the load, it reuses it; otherwise it migrates and seeds a fresh one.
 * (The 10× synthetic size is not built here yet.)
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../../src/app.js';
import { migrateDeploy } from '../../src/db/admin.js';
import { createDatabase } from '../../src/db/client.js';
import { MP_SEED_DIR, SEED_DIR, seedDatabase } from '../../src/seed/run.js';
import { graphqlData } from '../lib/server-process.js';

const given = process.argv[2];
const dataDir = given && existsSync(given) ? given : mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-bench-mp-'));
migrateDeploy({ ...process.env, PGLITE_DATA_DIR: dataDir });
const db = createDatabase({ kind: 'pglite', dataDir });
if ((await db.prisma.insertionElectrode.count()) === 0) {
  const started = performance.now();
  await seedDatabase(db, SEED_DIR, { materialsProject: MP_SEED_DIR });
  console.log(`load (papers + MP export): ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const app = await startApp(db, 0, { host: '127.0.0.1' });
const PAGE = `query($after: String) { insertionElectrodes(filter: { workingIon: Li }, orderBy: { property: "average_voltage", direction: DESC }, first: 50, after: $after) {
  totalCount pageInfo { endCursor } edges { node { batteryId formulaCharge formulaDischarge averageVoltage { value } gravimetricCapacity { value } source { locator } } } } }`;
const COMPARE = `{ propertyComparison(property: "average_voltage", formula: "NaCrO3") { entries { value method structure ionContent { text } source { kind locator paper { doi } database { key } } electrode { batteryId } } } }`;
let cursor: string | null = null;
const operations = {
  'A. 50 Li electrodes by voltage': async () => {
    const data = await graphqlData(app.url, PAGE, { after: cursor });
    cursor = cursor === null ? data.insertionElectrodes.pageInfo.endCursor : null;
  },
  'B. NaCrO3 cross-source comparison': async () => void (await graphqlData(app.url, COMPARE)),
};
const samples = new Map(Object.keys(operations).map((k) => [k, [] as { ms: number; sql: number }[]]));
for (let round = 0; round < 30; round += 1) {
  for (const [name, run] of Object.entries(operations)) {
    const sql = db.statementCount();
    const started = performance.now();
    await run();
    if (round >= 3) samples.get(name)!.push({ ms: performance.now() - started, sql: db.statementCount() - sql });
  }
}
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
for (const [name, xs] of samples) {
  console.log(`${name.padEnd(36)} median ${quantile(xs.map((x) => x.ms), 0.5).toFixed(1)} ms, p90 ${quantile(xs.map((x) => x.ms), 0.9).toFixed(1)} ms, ${Math.max(...xs.map((x) => x.sql))} SQL statements`);
}
await app.close();
await db.close();
