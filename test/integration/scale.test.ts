/**
 * The scale path without timing anything: the benchmark's synthetic generator is deterministic,
 * one generated paper (1000 materials, ~18k facts: several bulk-INSERT chunks per table) loads
 * through the normal ingest path with every fact stored, a second load writes nothing, and the
 * embedded database's buffer cache follows PGLITE_SHARED_BUFFERS. Runs on PGlite, and on
 * PostgreSQL when TEST_DATABASE_URL is set (CI).
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generatePaper } from '../../scripts/bench/synthetic.js';
import { openPGlite } from '../../src/db/adapter.js';
import { createDatabase, type Database } from '../../src/db/client.js';
import { countWrites, loadSeedCatalog } from '../../src/seed/load.js';
import { SEED_DIR } from '../../src/seed/run.js';
import { validateSeedTexts, VOCABULARY_FILE } from '../../src/seed/validate.js';
import { freshDatabaseTarget } from './testkit.js';

describe('synthetic data at bulk size', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  const paper = generatePaper(1, 1000);

  before(async () => {
    const fresh = await freshDatabaseTarget();
    cleanup = fresh.cleanup;
    db = createDatabase(fresh.target);
  });
  after(async () => {
    await db?.close();
    await cleanup?.();
  });

  test('the generator is deterministic and writes about 20 facts per material', () => {
    assert.equal(generatePaper(1, 1000).text, paper.text);
    assert.notEqual(generatePaper(2, 1000).text, paper.text);
    assert.equal(paper.materials, 1000);
    assert.ok(paper.facts >= 15_000 && paper.facts <= 25_000, `${paper.facts} facts`);
  });

  test('a generated paper loads through the ingest path with every fact stored, and again writes nothing', async () => {
    const vocabulary = { file: VOCABULARY_FILE, text: readFileSync(path.join(SEED_DIR, VOCABULARY_FILE), 'utf8') };
    const catalog = validateSeedTexts([vocabulary, { file: paper.file, text: paper.text }]);
    const first = await loadSeedCatalog(db.prisma, catalog);
    assert.equal(first.Material!.created, 1000);
    const facts = first.Measurement!.created + first.ComputedProperty!.created + first.Reaction!.created;
    assert.equal(facts, paper.facts);
    const [materials, measurements, computed, reactions] = await Promise.all([
      db.prisma.material.count(),
      db.prisma.measurement.count(),
      db.prisma.computedProperty.count(),
      db.prisma.reaction.count(),
    ]);
    assert.equal(materials, 1000);
    assert.equal(measurements + computed + reactions, paper.facts);
    // Coated variants got their substrate and coating links (written in one UPDATE … FROM VALUES).
    const coated = await db.prisma.material.count({ where: { coatingId: { not: null }, substrateId: { not: null } } });
    assert.ok(coated > 100, `${coated} coated materials linked`);
    // Bulk-inserted arrays and JSON read back as Prisma writes them.
    const sample = await db.prisma.material.findFirst({ where: { familyKey: 'ilmenite-namo3', role: 'CATHODE' }, include: { structures: { include: { lattices: true } } } });
    assert.ok(sample && sample.elements.includes('Na') && sample.elements.includes('O'), JSON.stringify(sample?.elements));
    assert.ok(sample.structures.length >= 1 && sample.structures[0]!.lattices.length >= 1);

    const second = await loadSeedCatalog(db.prisma, catalog);
    assert.equal(countWrites(second), 0);
  });
});

describe('embedded database buffer cache', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-buffers-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('16MB by default, PGLITE_SHARED_BUFFERS overrides it, a malformed size is refused', async () => {
    for (const [env, expected] of [[{}, '16MB'], [{ PGLITE_SHARED_BUFFERS: '32MB' }, '32MB']] as const) {
      const pglite = openPGlite(dataDir, env as NodeJS.ProcessEnv);
      try {
        const { rows } = await pglite.query<{ shared_buffers: string }>('SHOW shared_buffers');
        assert.equal(rows[0]!.shared_buffers, expected);
      } finally {
        await pglite.close();
      }
    }
    assert.throws(() => openPGlite(dataDir, { PGLITE_SHARED_BUFFERS: 'lots' } as NodeJS.ProcessEnv), /PGLITE_SHARED_BUFFERS must be a size such as 16MB, got "lots"/);
  });
});
