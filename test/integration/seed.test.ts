import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createDatabase, type Database } from '../../src/db/client.js';
import { countWrites } from '../../src/seed/load.js';
import { SEED_DIR, seedDatabase } from '../../src/seed/run.js';
import { SeedValidationError } from '../../src/seed/validate.js';
import { TABLE_S1 } from '../fixtures/namo3-tables.js';
import { freshDatabaseTarget } from './testkit.js';

const NAMO3_DOI = '10.1103/PhysRevMaterials.4.015401';

describe('seeding the papers', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  before(async () => {
    const fresh = await freshDatabaseTarget();
    cleanup = fresh.cleanup;
    db = createDatabase(fresh.target);
    const first = await seedDatabase(db);
    assert.ok(countWrites(first) > 500, 'the first load writes the papers');
  });
  after(async () => {
    await db.close();
    await cleanup();
  });

  test('a second seed run writes nothing', async () => {
    const before = await snapshot(db);
    const report = await seedDatabase(db);
    assert.equal(countWrites(report), 0, JSON.stringify(report));
    assert.deepEqual(await snapshot(db), before);
  });

  test('a broken seed file is rejected with file, path and reason, and nothing is written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-seeds-'));
    cpSync(SEED_DIR, dir, { recursive: true });
    // One good change (would be written) and one bad record in another file.
    const yoon = path.join(dir, 'yoon2021-coxb-ncm811.yaml');
    writeFileSync(yoon, (await import('node:fs')).readFileSync(yoon, 'utf8').replace('title: Reactive boride', 'title: CHANGED Reactive boride'));
    writeFileSync(
      path.join(dir, 'zz-broken.yaml'),
      `paper: {doi: 10.9999/broken, title: Broken, journal: J, year: 2024}\nmaterials:\n  - {key: broken-x, name: X, formula: LiCoO2, role: cathode, locator: T1}\nmeasurements:\n  - {material: broken-x, property: discharge_capacity, value: -5, unit: mAh/g, locator: Fig. 1}\n  - {material: broken-x, property: discharge_capacity, value: 140, unit: V, locator: Fig. 2}\n`,
    );
    const before = await snapshot(db);
    await assert.rejects(seedDatabase(db, dir), (error: unknown) => {
      assert.ok(error instanceof SeedValidationError);
      const reasons = error.issues.map((i) => `${i.file}: ${i.path}: ${i.reason}`);
      assert.ok(reasons.includes('zz-broken.yaml: measurements[0].value: -5 mAh/g is impossible for "discharge_capacity" (at least 0 mAh/g); check the value and its unit'), reasons.join('\n'));
      assert.ok(reasons.some((r) => r.startsWith('zz-broken.yaml: measurements[1].unit: unit "V" cannot be converted')), reasons.join('\n'));
      return true;
    });
    assert.deepEqual(await snapshot(db), before, 'nothing from the rejected load is written');
  });

  test('broken YAML reports the line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-seeds-'));
    cpSync(path.join(SEED_DIR, 'vocabulary.yaml'), path.join(dir, 'vocabulary.yaml'));
    writeFileSync(path.join(dir, 'bad.yaml'), 'paper:\n  doi: 10.1/x\n  title: [unclosed\n');
    await assert.rejects(seedDatabase(db, dir), (error: unknown) => {
      assert.ok(error instanceof SeedValidationError);
      assert.equal(error.issues[0]!.file, 'bad.yaml');
      assert.match(error.issues[0]!.path, /^line \d+, column \d+$/);
      assert.match(error.issues[0]!.reason, /^broken YAML/);
      return true;
    });
  });

  // Table III of the NaMO3 paper, as printed: M and O Bader population change (e), voltage (V),
  // shortest O–O distance (Å) in Na1MO3 and Na0.5MO3. Exact equality: seeds keep printed digits.
  const tableIII: [string, number, number, number, number, number][] = [
    ['namo3-v', -0.043, -0.134, 5.907, 2.401, 2.368],
    ['namo3-cr', -0.01, -0.147, 4.239, 2.283, 2.342],
    ['namo3-mn', 0.016, -0.154, 4.53, 2.347, 2.427],
    ['namo3-fe', 0.008, -0.15, 5.178, 2.324, 2.381],
    ['namo3-co', 0.11, -0.184, 3.493, 2.291, 2.368],
    ['namo3-ni', -0.008, -0.143, 3.979, 2.401, 2.386],
  ];
  test('the database holds Table III exactly as printed', async () => {
    for (const [key, mPop, oPop, voltage, ooSodiated, ooDesodiated] of tableIII) {
      const rows = await db.prisma.computedProperty.findMany({
        where: { material: { key }, locator: 'Table III', paper: { doi: NAMO3_DOI } },
        include: { structure: true },
      });
      const value = (property: string, match: (r: (typeof rows)[number]) => boolean) => {
        const found = rows.filter((r) => r.propertyKey === property && match(r));
        assert.equal(found.length, 1, `${key} ${property}: expected one Table III row, got ${found.length}`);
        return [found[0]!.value, found[0]!.unit];
      };
      assert.deepEqual(value('bader_population_change', (r) => r.site === 'M 3d'), [mPop, 'e'], key);
      assert.deepEqual(value('bader_population_change', (r) => r.site === 'O 2p'), [oPop, 'e'], key);
      assert.deepEqual(value('average_voltage', () => true), [voltage, 'V'], key);
      assert.deepEqual(value('o_o_distance', (r) => r.structure?.alkaliContent === 1), [ooSodiated, 'Å'], key);
      assert.deepEqual(value('o_o_distance', (r) => r.structure?.alkaliContent === 0.5), [ooDesodiated, 'Å'], key);
    }
  });

  // Table S1: R-3 lattice, hexagonal a, c (Å) and rhombohedral a (Å), α (°).
    test('the database holds Table S1 exactly as printed', async () => {
    for (const [key, aHex, cHex, aRh, alphaRh] of TABLE_S1) {
      const structure = await db.prisma.structure.findUniqueOrThrow({ where: { key }, include: { lattices: true } });
      assert.equal(structure.spaceGroupSymbol, 'R-3');
      assert.equal(structure.spaceGroupNumber, 148);
      const hex = structure.lattices.find((l) => l.setting === 'HEXAGONAL');
      const rh = structure.lattices.find((l) => l.setting === 'RHOMBOHEDRAL');
      assert.deepEqual([hex?.aA, hex?.cA, hex?.locator], [aHex, cHex, 'Table S1'], key);
      assert.deepEqual([rh?.aA, rh?.alphaDeg, rh?.locator], [aRh, alphaRh, 'Table S1'], key);
    }
  });
});

/** Every table's rows, for before/after comparison. */
async function snapshot(db: Database) {
  const p = db.prisma;
  return {
    papers: await p.paper.findMany({ orderBy: { id: 'asc' } }),
    materials: await p.material.findMany({ orderBy: { id: 'asc' } }),
    coatings: await p.coating.findMany({ orderBy: { id: 'asc' } }),
    structures: await p.structure.findMany({ orderBy: { id: 'asc' } }),
    lattices: await p.lattice.findMany({ orderBy: { id: 'asc' } }),
    measurements: await p.measurement.findMany({ orderBy: { id: 'asc' } }),
    computed: await p.computedProperty.findMany({ orderBy: { id: 'asc' } }),
    reactions: await p.reaction.findMany({ orderBy: { id: 'asc' } }),
    participants: await p.reactionParticipant.findMany({ orderBy: { id: 'asc' } }),
    propertyKeys: await p.propertyKey.findMany({ orderBy: { key: 'asc' } }),
  };
}
