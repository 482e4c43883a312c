/**
 * Load a synthetic data set (scripts/bench/data.ts) into the configured database through the
 * normal ingest path: migrate, load seeds/ (the three real papers), then validate each synthetic
 * paper file together with the vocabulary (validateSeedTexts) and load it with loadSeedCatalog,
 * one transaction per paper file (or, with --single-transaction, the whole set in one). Ends
 * with VACUUM ANALYZE so the planner has statistics and index-only scans work (the embedded
 * database has no autovacuum).
 *
 *   DATABASE_URL=… | PGLITE_DATA_DIR=… npx tsx scripts/bench/load.ts --dir data/bench/10000 [--single-transaction]
 *
 * Prints progress to stderr and one `BENCH_LOAD {json}` line with the timings to stdout.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { migrateDeploy } from '../../src/db/admin.js';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { describeTarget, openPGlite, resolveDatabaseTarget } from '../../src/db/adapter.js';
import type { Database } from '../../src/db/client.js';
import { countWrites, loadSeedCatalog, type SeedReport } from '../../src/seed/load.js';
import { seedDatabase } from '../../src/seed/run.js';
import { readSeedDirectory, VOCABULARY_FILE, type SeedCatalog } from '../../src/seed/validate.js';
import { MANIFEST_FILE, parseArgs, type Manifest } from './data.js';

export interface LoadResult {
  target: string;
  materials: number;
  papers: number;
  facts: number;
  mode: 'per-file' | 'single-transaction';
  migrateSeconds: number;
  seedSeconds: number;
  /** Validation time (in the per-file mode a worker thread validates the next file while one loads). */
  validateSeconds: number;
  /** Time spent in loadSeedCatalog (the writes). */
  loadSeconds: number;
  analyzeSeconds: number;
  totalSeconds: number;
  rowsWritten: number;
  maxRssMiB: number;
}

/**
 * A client like src/db/client.ts's but without the per-statement query event: its payload
 * carries every bind parameter as JSON, which costs more than the bulk INSERTs themselves.
 */
function openDatabase(): Database {
  const target = resolveDatabaseTarget();
  const pglite = target.kind === 'pglite' ? openPGlite(target.dataDir) : undefined;
  const prisma = new PrismaClient({ adapter: pglite ? new PrismaPGlite(pglite) : new PrismaPg({ connectionString: (target as { url: string }).url }) });
  return {
    prisma,
    reader: () => prisma,
    sqlFor: () => undefined,
    replicaCount: 0,
    target,
    statementCount: () => 0,
    async close() {
      await prisma.$disconnect();
      await pglite?.close();
    },
  };
}

const seconds = (since: number) => (performance.now() - since) / 1000;

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  const dir = path.resolve(args.get('dir') ?? 'data/bench/1000');
  const single = args.has('single-transaction');
  const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  const t0 = performance.now();
  migrateDeploy();
  const migrateSeconds = seconds(t0);
  const db = openDatabase();
  try {
    const t1 = performance.now();
    let rowsWritten = countWrites(await seedDatabase(db));
    const seedSeconds = seconds(t1);
    let validateSeconds = 0;
    let loadSeconds = 0;
    const count = (report: SeedReport) => (rowsWritten += countWrites(report));
    if (single) {
      const t = performance.now();
      const catalog = await readSeedDirectory(dir);
      validateSeconds += seconds(t);
      const l = performance.now();
      count(await loadSeedCatalog(db.prisma, catalog));
      loadSeconds += seconds(l);
    } else {
      // Validation of file i+1 (worker thread) overlaps the load of file i (main thread).
      const vocabulary = { file: VOCABULARY_FILE, text: readFileSync(path.join(dir, VOCABULARY_FILE), 'utf8') };
      // A TypeScript worker: tsx's API registers the loader inside the thread.
      const workerUrl = new URL('./validate-worker.ts', import.meta.url).href;
      const worker = new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(workerUrl)}, ${JSON.stringify(import.meta.url)}))`, { eval: true });
      const pending = new Map<number, (result: { catalog?: SeedCatalog; error?: string; seconds?: number }) => void>();
      worker.on('message', (message: { id: number; catalog?: SeedCatalog; error?: string; seconds?: number }) => pending.get(message.id)?.(message));
      const validate = (i: number) =>
        new Promise<SeedCatalog>((resolve, reject) => {
          pending.set(i, ({ catalog, error, seconds }) => {
            pending.delete(i);
            validateSeconds += seconds ?? 0;
            if (catalog) resolve(catalog);
            else reject(new Error(`${manifest.files[i]}: ${error}`));
          });
          worker.postMessage({ id: i, texts: [vocabulary, { file: manifest.files[i]!, text: readFileSync(path.join(dir, manifest.files[i]!), 'utf8') }] });
        });
      try {
        let next = validate(0);
        for (let i = 0; i < manifest.files.length; i++) {
          const catalog = await next;
          if (i + 1 < manifest.files.length) next = validate(i + 1);
          const l = performance.now();
          count(await loadSeedCatalog(db.prisma, catalog));
          loadSeconds += seconds(l);
          if ((i + 1) % 10 === 0 || i + 1 === manifest.files.length) {
            process.stderr.write(`  loaded ${i + 1}/${manifest.files.length} paper files (${seconds(t1).toFixed(0)} s)\n`);
          }
        }
      } finally {
        await worker.terminate();
      }
    }
    const ta = performance.now();
    await db.prisma.$executeRawUnsafe('VACUUM ANALYZE');
    const analyzeSeconds = seconds(ta);
    const result: LoadResult = {
      target: describeTarget(db.target),
      materials: manifest.materials,
      papers: manifest.papers,
      facts: manifest.facts,
      mode: single ? 'single-transaction' : 'per-file',
      migrateSeconds,
      seedSeconds,
      validateSeconds,
      loadSeconds,
      analyzeSeconds,
      totalSeconds: seconds(t0),
      rowsWritten,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    };
    console.log(`BENCH_LOAD ${JSON.stringify(result)}`);
  } finally {
    await db.close();
  }
}
