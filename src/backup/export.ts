/**
 * `npm run export -- DIR [--force]`: the whole knowledge base as seed-format files, curators'
 * additions and corrections included, so a curated database can be reviewed in git, rebuilt from
 * files (`npm run seed -- DIR` into an empty database gives the same rows), or moved between
 * PGlite and PostgreSQL:
 *   vocabulary.yaml                    every property key and family
 *   <paper>.yaml                       one per paper (its seed file's name when it has one), current values
 *   materials-project/source.yaml      the database export's provenance …
 *   materials-project/<file>.csv       … and its electrodes in the battery explorer's columns
 *   curation.yaml                      who added or corrected what, and every curation event
 * Read in one consistent snapshot. Before anything is written the dump is validated as a seed
 * folder and every fact's identity is recomputed from its file: a dump that would not load back
 * into the same rows is refused, not written. While `npm start` serves the embedded database the
 * server builds the dump (GET /curation/export, CURATOR_TOKEN), as for `npm run backup`.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Prisma, type PrismaClient } from '@prisma/client';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { dump as dumpYaml } from 'js-yaml';
import { describeTarget, resolveDatabaseTarget, type DatabaseTarget } from '../db/adapter.js';
import { createDatabase } from '../db/client.js';
import { curatorTokenForServer, runningServer } from '../db/served-by.js';
import { CURATION_FILE, markReference, REFERENCE_COLUMN, type CurationEventRecord, type CurationFile, type CurationMark, type CuratedTable, type EventEntity } from '../seed/curation-file.js';
import { ELECTRODE_VALUES, electrodeValueFingerprint, EXPLORER_CSV_COLUMNS, MP_SOURCE_FILE } from '../seed/materials-project.js';
import { MP_SEED_DIR } from '../seed/run.js';
import { computedIdentity, familyFactIdentity, fingerprint, measurementIdentity, reactionIdentity, validateSeedTexts, VOCABULARY_FILE } from '../seed/validate.js';
import { convertValue } from '../units.js';
import { pathArgument } from './cli.js';

export const EXPORT_PATH = '/curation/export';
/** The folder a database export's files go to (the name `npm run seed -- DIR` looks for). */
export const DATABASE_EXPORT_DIR = path.basename(MP_SEED_DIR);

export interface DumpFile {
  /** Relative to the dump folder, `/`-separated. */
  file: string;
  text: string;
}
export interface Dump {
  files: DumpFile[];
  /** Rows written per kind, for the CLI's summary. */
  counts: Record<string, number>;
}

export class ExportError extends Error {}

/** Seed spelling of a database enum value (COIN_HALF_CELL → coin-half-cell): the inverse of load.ts's enumValue. */
const seedEnum = (value: string) => value.toLowerCase().replace(/_/g, '-');

/** Drop absent fields (null, undefined, empty lists and objects) so records read like hand-written ones. */
function compact<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)),
  ) as Partial<T>;
}

const yaml = (header: string, data: unknown) => `# ${header}\n${dumpYaml(data, { lineWidth: -1, noRefs: true })}`;

/**
 * A float the way the battery explorer's CSV (Python's repr) writes it: shortest round-trip
 * digits, `.0` on whole numbers, exponent form below 1e-4 and from 1e16. An export of unchanged
 * electrodes is then the same bytes as the file they came from.
 */
export function pythonFloat(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = n.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  const text = String(n);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

type Tx = Prisma.TransactionClient;

/** Build the dump from one snapshot of the database `prisma` works on. */
export async function buildDump(prisma: PrismaClient, source: DatabaseTarget['kind']): Promise<Dump> {
  const { dump, expected } = await prisma.$transaction(
    async (tx) => {
      if (source === 'postgres') await tx.$executeRawUnsafe('SET TRANSACTION READ ONLY');
      return readDump(tx);
    },
    { isolationLevel: source === 'postgres' ? Prisma.TransactionIsolationLevel.RepeatableRead : undefined, timeout: 3_600_000, maxWait: 60_000 },
  );
  verifyDump(dump, expected);
  return dump;
}

/** The dump, and per paper file the fingerprints its facts must get back, in file order (for verifyDump). */
async function readDump(tx: Tx): Promise<{ dump: Dump; expected: Map<string, string[]> }> {
  const [papers, propertyKeys, families, methods, materials, coatings, structures, lattices, measurements, computed, reactions, participants, familyFacts, members, electrodes, events] = await Promise.all([
    tx.paper.findMany({ orderBy: { id: 'asc' } }),
    tx.propertyKey.findMany({ orderBy: { key: 'asc' } }),
    tx.materialFamily.findMany({ orderBy: { key: 'asc' } }),
    tx.computationalMethod.findMany({ orderBy: { id: 'asc' } }),
    tx.material.findMany({ orderBy: { id: 'asc' } }),
    tx.coating.findMany({ orderBy: { id: 'asc' } }),
    tx.structure.findMany({ orderBy: { id: 'asc' } }),
    tx.lattice.findMany({ orderBy: { id: 'asc' } }),
    tx.measurement.findMany({ orderBy: { id: 'asc' } }),
    tx.computedProperty.findMany({ orderBy: { id: 'asc' } }),
    tx.reaction.findMany({ orderBy: { id: 'asc' } }),
    tx.reactionParticipant.findMany({ orderBy: [{ reactionId: 'asc' }, { side: 'asc' }, { position: 'asc' }] }),
    tx.familyFact.findMany({ orderBy: { id: 'asc' } }),
    tx.familyFactMember.findMany(),
    tx.insertionElectrode.findMany({ orderBy: { id: 'asc' } }),
    tx.curationEvent.findMany({ orderBy: { id: 'asc' } }),
  ]);
  const materialKey = new Map(materials.map((m) => [m.id, m.key]));
  const coatingKey = new Map(coatings.map((c) => [c.id, c.key]));
  const structureKey = new Map(structures.map((s) => [s.id, s.key]));
  const methodKey = new Map(methods.map((m) => [m.id, m.key]));
  const groupBy = <R, K>(rows: R[], key: (r: R) => K) => {
    const out = new Map<K, R[]>();
    for (const r of rows) {
      const group = out.get(key(r));
      if (group) group.push(r);
      else out.set(key(r), [r]);
    }
    return out;
  };
  const byPaper = <R extends { paperId: number }>(rows: R[]) => groupBy(rows, (r) => r.paperId);
  const files: DumpFile[] = [];
  const counts: Record<string, number> = {};
  const count = (what: string, n: number) => (counts[what] = (counts[what] ?? 0) + n);
  /** Per paper file, the fingerprints its facts must get back, in file order (checked by verifyDump). */
  const expected = new Map<string, string[]>();

  files.push({
    file: VOCABULARY_FILE,
    text: yaml('Property keys and material families, written by npm run export.', {
      propertyKeys: propertyKeys.map((p) => compact({
        key: p.key, label: p.label, canonicalUnit: p.canonicalUnit, valueType: seedEnum(p.valueType), kind: seedEnum(p.kind), description: p.description,
        better: p.better ? seedEnum(p.better) : null, setup: p.setup || null, usedBy: p.usedBy, sites: p.sites,
        physicalRange: compact({ min: p.physicalMin, max: p.physicalMax }), plausibleRange: compact({ min: p.plausibleMin, max: p.plausibleMax }),
      })),
      families: families.map((f) => ({ key: f.key, name: f.name, description: f.description })),
    }),
  });
  count('property keys', propertyKeys.length);
  count('families', families.length);

  const methodsOf = byPaper(methods);
  const materialsOf = byPaper(materials);
  const coatingsOf = byPaper(coatings);
  const structuresOf = byPaper(structures);
  const measurementsOf = byPaper(measurements);
  const computedOf = byPaper(computed);
  const reactionsOf = byPaper(reactions);
  const familyFactsOf = byPaper(familyFacts);
  const latticesOf = groupBy(lattices, (l) => l.structureId);
  const participantsOf = groupBy(participants, (p) => p.reactionId);
  const membersOf = new Map([...groupBy(members, (m) => m.familyFactId)].map(([id, rows]) => [id, rows.map((m) => materialKey.get(m.materialId)!)]));

  const value = (r: { value: number | null; valueMax: number | null; textValue: string | null; qualifier: string; uncertainty: number | null; unit: string; site: string | null; note: string | null; locator: string; origin: string; originNote: string | null; propertyKey: string }) => ({
    property: r.propertyKey, value: r.value, valueMax: r.valueMax, textValue: r.textValue, qualifier: r.qualifier === 'EQ' ? null : seedEnum(r.qualifier),
    uncertainty: r.uncertainty, unit: r.unit, site: r.site, note: r.note, locator: r.locator,
  });
  const origin = (r: { origin: string; originNote: string | null }) => ({ origin: r.origin === 'PRINTED' ? null : seedEnum(r.origin), originNote: r.originNote });

  const fileNames = new Set<string>([VOCABULARY_FILE, CURATION_FILE]);
  const paperFile = (p: (typeof papers)[number]) => {
    const own = p.seedFile && !p.seedFile.includes('/') && /\.ya?ml$/.test(p.seedFile) ? p.seedFile : null;
    let name = own && !fileNames.has(own) ? own : `${p.doi.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.yaml`;
    for (let i = 2; fileNames.has(name); i += 1) name = name.replace(/(-\d+)?\.yaml$/, `-${i}.yaml`);
    fileNames.add(name);
    return name;
  };

  const marks: CurationMark[] = [];
  const databaseSources = papers.filter((p) => p.kind === 'DATABASE');
  if (databaseSources.length > 1) throw new ExportError(`the database holds ${databaseSources.length} database exports; a dump holds one (${DATABASE_EXPORT_DIR}/)`);

  // Files and marks in an order of their own (names, keys), not of database ids: the export of a
  // database rebuilt from a dump is then the same files.
  const paperFiles = papers.filter((p) => p.kind !== 'DATABASE').map((p) => ({ p, file: paperFile(p) })).sort((a, b) => (a.file < b.file ? -1 : 1));
  for (const { p, file } of paperFiles) {
    marks.push({ table: 'Paper', doi: p.doi, curatedBy: p.curatedBy, seedFile: p.seedFile });
    const facts = { measurements: measurementsOf.get(p.id) ?? [], computed: computedOf.get(p.id) ?? [], reactions: reactionsOf.get(p.id) ?? [], familyFacts: familyFactsOf.get(p.id) ?? [] };
    expected.set(file, [...facts.measurements, ...facts.computed, ...facts.reactions, ...facts.familyFacts].map((f) => f.fingerprint));
    const data = compact({
      paper: compact({ doi: p.doi, title: p.title, journal: p.journal, year: p.year, volume: p.volume, pages: p.pages, authors: p.authors }),
      methods: (methodsOf.get(p.id) ?? []).map((m) => compact({
        key: m.key, kind: m.kind, functional: m.functional, code: m.code, hubbardU: m.hubbardU as Record<string, unknown> | null, exchangeMixing: m.exchangeMixing, cutoffEV: m.cutoffEV,
        kMesh: m.kMesh, forceToleranceEVPerA: m.forceToleranceEVPerA, energyToleranceEV: m.energyToleranceEV, supercell: m.supercell,
        parameters: m.parameters as Record<string, unknown> | null, description: m.description, locator: m.locator,
      })),
      materials: (materialsOf.get(p.id) ?? []).map((m) => compact({
        key: m.key, name: m.name, formula: m.formula, workingIon: m.workingIon, family: m.familyKey, role: seedEnum(m.role),
        substrate: m.substrateId === null ? null : materialKey.get(m.substrateId), coating: m.coatingId === null ? null : coatingKey.get(m.coatingId),
        materialsProjectId: m.materialsProjectId, description: m.description, locator: m.locator,
      })),
      coatings: (coatingsOf.get(p.id) ?? []).map((c) => compact({
        key: c.key, name: c.name, formula: c.formula, material: c.materialId === null ? null : materialKey.get(c.materialId), morphology: c.morphology,
        thickness: c.thicknessNm === null ? null : compact({ value: c.thicknessNm, unit: 'nm', qualifier: c.thicknessQualifier && c.thicknessQualifier !== 'EQ' ? seedEnum(c.thicknessQualifier) : null }),
        synthesisRoute: c.synthesisRoute, infusesGrainBoundaries: c.infusesGrainBoundaries || null,
        infusionDepth: c.infusionDepthUm === null ? null : compact({ value: c.infusionDepthUm, valueMax: c.infusionDepthMaxUm, unit: 'µm', qualifier: c.infusionDepthQualifier && c.infusionDepthQualifier !== 'EQ' ? seedEnum(c.infusionDepthQualifier) : null }),
        description: c.description, locator: c.locator,
      })),
      structures: (structuresOf.get(p.id) ?? []).map((s) => compact({
        key: s.key, material: materialKey.get(s.materialId), label: s.label, formula: s.formula, alkaliContent: s.alkaliContent, spaceGroupSymbol: s.spaceGroupSymbol,
        spaceGroupNumber: s.spaceGroupNumber, magneticOrdering: s.magneticOrdering, state: s.state, method: s.methodId === null ? null : methodKey.get(s.methodId),
        cationMixingPercent: s.cationMixingPercent, tmInLiLayerPercent: s.tmInLiLayerPercent,
        lattices: (latticesOf.get(s.id) ?? []).map((l) => compact({
          setting: seedEnum(l.setting), aA: l.aA, bA: l.bA, cA: l.cA, alphaDeg: l.alphaDeg, betaDeg: l.betaDeg, gammaDeg: l.gammaDeg, volumeA3: l.volumeA3,
          formulaUnitsPerCell: l.formulaUnitsPerCell, locator: l.locator,
        })),
        note: s.note, locator: s.locator,
      })),
      measurements: facts.measurements.map((m) => compact({
        material: materialKey.get(m.materialId), structure: m.structureId === null ? null : structureKey.get(m.structureId), ...value(m),
        conditions: compact({
          temperatureC: m.temperatureC, cRate: m.cRate, chargeCRate: m.chargeCRate, oneCMAPerG: m.oneCMAPerG, currentDensityMAPerG: m.currentDensityMAPerG,
          voltageMinV: m.voltageMinV, voltageMaxV: m.voltageMaxV, cycleNumber: m.cycleNumber, cellType: m.cellType ? seedEnum(m.cellType) : null,
          counterElectrode: m.counterElectrode, electrolyte: m.electrolyte, state: m.state, technique: m.technique, loadingMgPerCm2: m.loadingMgPerCm2,
          other: m.otherConditions as Record<string, unknown> | null,
        }),
        ...origin(m), conditionSources: m.conditionSources as Record<string, unknown> | null,
      })),
      computed: facts.computed.map((c) => compact({
        material: materialKey.get(c.materialId), structure: c.structureId === null ? null : structureKey.get(c.structureId), ...value(c),
        method: methodKey.get(c.methodId), configuration: c.configuration, ...origin(c),
      })),
      reactions: facts.reactions.map((r) => {
        const side = (s: string) => (participantsOf.get(r.id) ?? []).filter((x) => x.side === s).map((x) => ({ material: materialKey.get(x.materialId)!, coefficient: x.coefficient }));
        return compact({ reactants: side('REACTANT'), products: side('PRODUCT'), property: r.propertyKey, value: r.value, unit: r.unit, method: r.methodId === null ? null : methodKey.get(r.methodId), note: r.note, locator: r.locator });
      }),
      familyFacts: facts.familyFacts.map((g) => compact({
        family: g.familyKey, members: [...(membersOf.get(g.id) ?? [])].sort(), aggregate: seedEnum(g.aggregate), ...value(g), method: g.methodId === null ? null : methodKey.get(g.methodId), ...origin(g),
      })),
    });
    files.push({ file, text: yaml(`${p.title} (${p.doi}), written by npm run export; curators' additions and corrections included (who and when: ${CURATION_FILE}).`, data) });
    count('papers', 1);
    for (const [what, rows] of Object.entries(facts)) count(what, rows.length);
  }

  const source = databaseSources[0];
  if (source) {
    const inSource = <R extends { paperId: number }>(rows: R[]) => rows.filter((r) => r.paperId === source.id);
    const method = inSource(methods);
    const electrodeIds = new Set(inSource(electrodes).map((e) => e.id));
    const stray = [
      ...inSource(materials).filter((m) => m.role !== 'ELECTRODE').map((m) => `material ${m.key}`),
      ...inSource(computed).filter((c) => c.electrodeId === null || !electrodeIds.has(c.electrodeId)).map((c) => `computed fact ${c.fingerprint}`),
      ...[coatings, structures, measurements, reactions, familyFacts].flatMap((rows) => inSource(rows as { paperId: number; id: number }[]).map((r) => `row ${r.id}`)),
    ];
    if (method.length !== 1 || stray.length > 0) {
      throw new ExportError(`the database export ${source.sourceKey} holds rows its electrode file cannot carry (${[...(method.length !== 1 ? [`${method.length} methods`] : []), ...stray].slice(0, 10).join(', ')}); move them to a paper first`);
    }
    const valueByPrint = new Map(inSource(computed).map((c) => [c.fingerprint, c]));
    const ends = new Map(materials.map((m) => [m.id, m.formula]));
    const rows = inSource(electrodes).map((e) => {
      const cells: Record<string, string> = {
        'Battery ID': e.batteryId, 'Battery Formula': e.batteryFormula, 'Working Ion': e.workingIon,
        'Formula Charge': ends.get(e.chargedMaterialId)!, 'Formula Discharge': ends.get(e.dischargedMaterialId)!, Steps: String(e.numSteps),
      };
      for (const v of ELECTRODE_VALUES) {
        const fact = valueByPrint.get(electrodeValueFingerprint(source.doi, e.batteryId, v.emmet));
        // A value corrected into another unit goes into the column's unit (its curation mark restores the stored one).
        cells[v.column] = fact?.value == null ? '' : pythonFloat(fact.unit === v.unit ? fact.value : convertValue(fact.value, fact.unit, v.unit));
      }
      return EXPLORER_CSV_COLUMNS.map((c) => cells[c] ?? '');
    });
    const csv = stringifyCsv([[...EXPLORER_CSV_COLUMNS], ...rows]);
    const csvName = source.seedFile && source.seedFile.startsWith(`${DATABASE_EXPORT_DIR}/`) && source.seedFile.endsWith('.csv') ? path.basename(source.seedFile) : 'insertion-electrodes.csv';
    const sha256 = createHash('sha256').update(csv).digest('hex');
    files.push({
      file: `${DATABASE_EXPORT_DIR}/${MP_SOURCE_FILE}`,
      text: yaml(`Provenance of ${csvName}, written by npm run export from the stored ${source.datasetName}.`, compact({
        key: source.sourceKey, name: source.datasetName, file: csvName, sha256, licence: source.licence, origin: source.origin, release: source.release,
        // The file the electrodes were imported from and when (this file's hash differs if its numbers were written differently).
        importedSha256: source.fileSha256 !== sha256 ? source.fileSha256 : null, importedAt: source.importedAt?.toISOString() ?? null,
        citation: compact({ doi: source.doi, title: source.title, authors: source.authors, journal: source.journal, volume: source.volume, pages: source.pages, year: source.year }),
        method: compact({ key: method[0]!.key, kind: method[0]!.kind, functional: method[0]!.functional, description: method[0]!.description }),
      })),
    });
    files.push({ file: `${DATABASE_EXPORT_DIR}/${csvName}`, text: csv });
    marks.push({ table: 'Paper', doi: source.doi, curatedBy: source.curatedBy, seedFile: source.seedFile });
    count('electrodes', rows.length);
  }

  // Curation: marks on every row a curator added or corrected, then the history.
  for (const m of materials) if (m.curatedBy !== null) marks.push({ table: 'Material', key: m.key, curatedBy: m.curatedBy });
  for (const [table, rows] of [['Measurement', measurements], ['ComputedProperty', computed]] as const) {
    for (const r of rows) {
      if (r.curatedBy === null && r.correctedAt === null) continue;
      marks.push({ table, fingerprint: r.fingerprint, curatedBy: r.curatedBy, correctedAt: r.correctedAt?.toISOString() ?? null, value: r.value, valueMax: r.valueMax, unit: r.unit, canonicalValue: r.canonicalValue });
    }
  }
  const live: Record<CuratedTable, Map<number, string>> = {
    Paper: new Map(papers.map((p) => [p.id, p.doi])),
    Material: materialKey,
    Measurement: new Map(measurements.map((m) => [m.id, m.fingerprint])),
    ComputedProperty: new Map(computed.map((c) => [c.id, c.fingerprint])),
  };
  const retracted = new Map<string, string>();
  for (const e of events) {
    const print = (e.before as { fingerprint?: unknown } | null)?.fingerprint;
    if (e.action === 'RETRACT_FACT' && typeof print === 'string') retracted.set(`${e.entityType}\0${e.entityId}`, print);
  }
  const entity = (type: string, id: number): EventEntity => {
    if (!(type in live)) throw new ExportError(`curation event on an unknown table ${type}`);
    const table = type as CuratedTable;
    const column = REFERENCE_COLUMN[table];
    const name = live[table].get(id);
    if (name !== undefined) return { table, [column]: name };
    const gone = retracted.get(`${table}\0${id}`);
    return gone !== undefined ? { table, fingerprint: gone, gone: true } : { table, missingId: id };
  };
  const history: CurationEventRecord[] = events.map((e) => ({
    action: e.action, entity: entity(e.entityType, e.entityId), curator: e.curator, reason: e.reason,
    // A retracted row's own id names nothing outside this database: the seed gives it the id its events get there.
    before: (e.action === 'RETRACT_FACT' && e.before && typeof e.before === 'object' && !Array.isArray(e.before) ? { ...(e.before as object), id: undefined } : e.before) as CurationEventRecord['before'], after: e.after as CurationEventRecord['after'], createdAt: e.createdAt.toISOString(),
  }));
  const markName = (m: CurationMark) => `${m.table}\0${markReference(m)}`;
  marks.sort((a, b) => (markName(a) < markName(b) ? -1 : 1));
  const curation: CurationFile = { marks, events: history };
  files.push({ file: CURATION_FILE, text: yaml('Rows curators added or corrected (marks) and every curation event, written by npm run export; npm run seed applies it after the paper files.', curation) });
  count('curation marks', marks.length);
  count('curation events', history.length);
  return { dump: { files, counts }, expected };
}

/**
 * Refuse a dump that would not load back into the same rows: it must pass the seed validation,
 * and every fact's identity, recomputed from its record, must give the stored fingerprint.
 */
function verifyDump(dump: Dump, expected: Map<string, string[]>): void {
  const texts = dump.files.filter((f) => !f.file.includes('/') && f.file !== CURATION_FILE);
  let catalog;
  try {
    catalog = validateSeedTexts(texts);
  } catch (error) {
    throw new ExportError(`the dump would not load back, so nothing was written:\n${(error as Error).message}`);
  }
  const wrong: string[] = [];
  for (const { file, data } of catalog.papers) {
    const doi = data.paper.doi;
    const prints = [
      ...data.measurements.map((m) => fingerprint(doi, measurementIdentity(m))), ...data.computed.map((c) => fingerprint(doi, computedIdentity(c))),
      ...data.reactions.map((r) => fingerprint(doi, reactionIdentity(r))), ...data.familyFacts.map((g) => fingerprint(doi, familyFactIdentity(g))),
    ];
    const want = expected.get(file) ?? [];
    prints.forEach((p, i) => {
      if (p !== want[i]) wrong.push(`${file}: fact ${i + 1} would be stored as ${p}, not as ${want[i]}`);
    });
    if (prints.length !== want.length) wrong.push(`${file}: ${prints.length} facts written, ${want.length} stored`);
  }
  if (wrong.length > 0) throw new ExportError(`the dump would not give back the same facts, so nothing was written:\n  ${wrong.slice(0, 20).join('\n  ')}`);
}

/** Write a dump into `directory`: it must be empty or absent, unless `force` (then the dump's files replace its seed files). */
export async function writeDump(dump: Dump, directory: string, options: { force?: boolean } = {}): Promise<void> {
  if (existsSync(directory)) {
    const present = (await readdir(directory)).filter((n) => !n.startsWith('.'));
    if (present.length > 0 && !options.force) throw new ExportError(`${directory} is not empty: choose an empty folder, or pass --force to replace its seed files with the dump's`);
    // Paper files the dump does not have would be loaded with it: they go (other files stay).
    const keep = new Set(dump.files.map((f) => f.file));
    for (const name of present) if (/\.ya?ml$/.test(name) && !keep.has(name)) await rm(path.join(directory, name));
  }
  for (const f of dump.files) {
    const target = path.join(directory, ...f.file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(`${target}.partial`, f.text);
  }
  // Only once every file is written do they take their names.
  for (const f of dump.files) {
    const target = path.join(directory, ...f.file.split('/'));
    await rename(`${target}.partial`, target);
  }
}

/** The dump of the configured database, through the running server when it holds the embedded database. */
export async function exportDatabase(options: { target?: DatabaseTarget } = {}): Promise<Dump & { via: string }> {
  const target = options.target ?? resolveDatabaseTarget();
  const server = target.kind === 'pglite' ? runningServer(target.dataDir) : null;
  if (server) {
    const token = curatorTokenForServer(server, target.kind === 'pglite' ? target.dataDir : '', 'to export through it');
    const response = await fetch(new URL(EXPORT_PATH, server.url), { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json().catch(() => ({}))) as Dump & { error?: string };
    if (!response.ok || !Array.isArray(body.files)) throw new ExportError(`${server.url} refused the export (HTTP ${response.status}): ${body.error ?? response.statusText}`);
    return { files: body.files, counts: body.counts, via: `the server at ${server.url} (process ${server.pid})` };
  }
  if (target.kind === 'pglite' && !existsSync(path.join(target.dataDir, 'PG_VERSION'))) {
    throw new ExportError(`there is no embedded database in ${target.dataDir} (set PGLITE_DATA_DIR or DATABASE_URL to the database to export)`);
  }
  const db = createDatabase(target);
  try {
    return { ...(await buildDump(db.prisma, target.kind)), via: describeTarget(target) };
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { path: directory, given, force } = pathArgument('npm run export -- <folder> [--force]', { force: true });
  try {
    const dump = await exportDatabase();
    await writeDump(dump, directory, { force });
    console.log(`exported ${dump.via} to ${directory}: ${Object.entries(dump.counts).map(([k, n]) => `${n} ${k}`).join(', ')}`);
    console.log(`load it into an empty database with: npm run seed -- ${given}`);
  } catch (error) {
    console.error(`export failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
