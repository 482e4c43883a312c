/**
 * The Materials Project (MP) battery explorer as a source: its insertion electrodes, read from the
 * explorer's CSV export or from MP API JSON (emmet `InsertionElectrodeDoc` field names), validated
 * row by row, and loaded in one transaction beside the papers:
 * - the export is a provenance source (a `Paper` row of kind DATABASE: citation, licence, origin,
 *   release, file sha256, import time);
 * - each electrode's charged and discharged ends become materials (role ELECTRODE);
 * - MP's values become computed facts (method: MP's, locator: the battery id, `electrodeId` set).
 * Loading is idempotent (rows matched by key, battery id or fingerprint; only differences written)
 * and bulk (multi-row INSERTs), like the papers' loader.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import { load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import type { Prisma, PrismaClient, WorkingIon } from '@prisma/client';
import { DerivationInputError } from '../derive/capacity.js';
import { chemicalFormulaReduced, FormulaError, parseFormula } from '../derive/composition.js';
import { electrodeStoichiometry } from '../derive/electrode.js';
import { isWorkingIon, WORKING_IONS } from '../derive/working-ion.js';
import { convertValue } from '../units.js';
import { deleteChunked, DryRunRollback, insertRows, retractedFingerprints, syncTable, type SeedReport } from './load.js';
import { fingerprint } from './validate.js';

/**
 * MP's per-electrode values: the explorer's CSV column, emmet's field name, the vocabulary key and
 * unit they are stored under, which end's material they describe, and the GraphQL field serving them.
 * Adding a value is one line here (and its field in schema/electrode.graphql).
 */
export const ELECTRODE_VALUES = [
  { field: 'averageVoltage', column: 'Average Voltage', emmet: 'average_voltage', property: 'average_voltage', unit: 'V', end: 'discharged' },
  { field: 'gravimetricCapacity', column: 'Gravimetric Capacity', emmet: 'capacity_grav', property: 'theoretical_capacity', unit: 'mAh/g', end: 'discharged' },
  { field: 'volumetricCapacity', column: 'Volumetric Capacity', emmet: 'capacity_vol', property: 'volumetric_capacity', unit: 'mAh/cm3', end: 'discharged' },
  { field: 'gravimetricEnergy', column: 'Gravimetric Energy', emmet: 'energy_grav', property: 'specific_energy', unit: 'Wh/kg', end: 'discharged' },
  { field: 'volumetricEnergy', column: 'Volumetric Energy', emmet: 'energy_vol', property: 'energy_density', unit: 'Wh/L', end: 'discharged' },
  { field: 'atomicFractionCharge', column: 'Atomic Fraction Charge', emmet: 'fracA_charge', property: 'working_ion_fraction', unit: '1', end: 'charged' },
  { field: 'atomicFractionDischarge', column: 'Atomic Fraction Discharge', emmet: 'fracA_discharge', property: 'working_ion_fraction', unit: '1', end: 'discharged' },
  { field: 'stabilityCharge', column: 'Stability Charge', emmet: 'stability_charge', property: 'energy_above_hull', unit: 'eV/atom', end: 'charged' },
  { field: 'stabilityDischarge', column: 'Stability Discharge', emmet: 'stability_discharge', property: 'energy_above_hull', unit: 'eV/atom', end: 'discharged' },
  { field: 'maxDeltaVolume', column: 'Max Delta Volume', emmet: 'max_delta_volume', property: 'max_volume_change', unit: '1', end: 'discharged' },
  { field: 'maxVoltageStep', column: 'Max Voltage Step', emmet: 'max_voltage_step', property: 'max_voltage_step', unit: 'V', end: 'discharged' },
] as const;
export type ElectrodeValueField = (typeof ELECTRODE_VALUES)[number]['field'];

/** The identifying columns: explorer CSV column → emmet field. */
const IDENTITY_COLUMNS = {
  batteryId: { column: 'Battery ID', emmet: 'battery_id' },
  batteryFormula: { column: 'Battery Formula', emmet: 'battery_formula' },
  workingIon: { column: 'Working Ion', emmet: 'working_ion' },
  formulaCharge: { column: 'Formula Charge', emmet: 'formula_charge' },
  formulaDischarge: { column: 'Formula Discharge', emmet: 'formula_discharge' },
  numSteps: { column: 'Steps', emmet: 'num_steps' },
} as const;

export interface ElectrodeRecord {
  batteryId: string;
  batteryFormula: string;
  workingIon: WorkingIon;
  formulaCharge: string;
  formulaDischarge: string;
  numSteps: number;
  /** MP's values by field; null where the export leaves it empty. */
  values: Record<ElectrodeValueField, number | null>;
}

export interface ElectrodeIssue {
  /** 1-based data row (CSV: line − 1; JSON: array index + 1). */
  row: number;
  batteryId?: string;
  field?: string;
  reason: string;
}

export class ElectrodeImportError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ElectrodeIssue[],
  ) {
    const shown = issues.slice(0, 50);
    super(
      `${file}: electrode data rejected (${issues.length} problem${issues.length === 1 ? '' : 's'}, nothing written):\n` +
        shown.map((i) => `  row ${i.row}${i.batteryId ? ` (${i.batteryId})` : ''}${i.field ? `, ${i.field}` : ''}: ${i.reason}`).join('\n') +
        (issues.length > shown.length ? `\n  … and ${issues.length - shown.length} more` : ''),
    );
  }
}

const BATTERY_ID = /^([a-z]+-\d+)_([A-Z][a-z]?)$/;

/** Validate one row given a getter by emmet field name (`label` names the field for messages). */
function recordFrom(get: (emmet: string) => unknown, label: (emmet: string) => string, row: number, issues: ElectrodeIssue[]): ElectrodeRecord | null {
  const before = issues.length;
  const text = (key: keyof typeof IDENTITY_COLUMNS): string => {
    const { emmet } = IDENTITY_COLUMNS[key];
    const value = get(emmet);
    if (typeof value !== 'string' || value.trim() === '') {
      issues.push({ row, field: label(emmet), reason: value == null || value === '' ? 'is missing' : `must be text, got ${JSON.stringify(value)}` });
      return '';
    }
    return value.trim();
  };
  const batteryId = text('batteryId');
  const issue = (field: string, reason: string) => issues.push({ row, batteryId: batteryId || undefined, field, reason });
  const ion = text('workingIon');
  if (ion && !isWorkingIon(ion)) issue(label('working_ion'), `unknown working ion "${ion}" (known: ${WORKING_IONS.join(', ')})`);
  const idMatch = BATTERY_ID.exec(batteryId);
  if (batteryId && !idMatch) issue(label('battery_id'), `"${batteryId}" is not a battery id like "mp-1076642_Na"`);
  else if (idMatch && ion && idMatch[2] !== ion) issue(label('battery_id'), `battery id ends in "${idMatch[2]}" but the working ion is "${ion}"`);
  const formulaCharge = text('formulaCharge');
  const formulaDischarge = text('formulaDischarge');
  const batteryFormula = text('batteryFormula');
  let formulasRead = true;
  for (const [emmet, formula] of [['formula_charge', formulaCharge], ['formula_discharge', formulaDischarge]] as const) {
    if (!formula) continue;
    try {
      parseFormula(formula);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      issue(label(emmet), error.message);
      formulasRead = false;
    }
  }
  if (formulasRead && formulaCharge && formulaDischarge && ion && isWorkingIon(ion)) {
    try {
      electrodeStoichiometry({ workingIon: ion, formulaCharge, formulaDischarge });
    } catch (error) {
      if (!(error instanceof DerivationInputError)) throw error;
      issue(label('formula_charge'), error.message);
    }
  }
  const number = (emmet: string): number | null => {
    const value = get(emmet);
    if (value === null || value === undefined || value === '') return null;
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(n)) {
      issue(label(emmet), `non-numeric value ${JSON.stringify(value)}`);
      return null;
    }
    return n;
  };
  const numSteps = number(IDENTITY_COLUMNS.numSteps.emmet);
  if (numSteps === null || !Number.isInteger(numSteps) || numSteps < 1) {
    if (issues.length === before || numSteps !== null) issue(label('num_steps'), `must be a whole number of steps ≥ 1, got ${JSON.stringify(get('num_steps'))}`);
  }
  const values = Object.fromEntries(ELECTRODE_VALUES.map((v) => [v.field, number(v.emmet)])) as ElectrodeRecord['values'];
  if (issues.length > before) return null;
  return { batteryId, batteryFormula, workingIon: ion as WorkingIon, formulaCharge, formulaDischarge, numSteps: numSteps!, values };
}

/** The battery explorer's CSV columns in its own order (what an export writes). */
export const EXPLORER_CSV_COLUMNS = [
  'Battery ID', 'Battery Formula', 'Working Ion', 'Formula Charge', 'Formula Discharge', 'Max Delta Volume', 'Average Voltage', 'Gravimetric Capacity',
  'Volumetric Capacity', 'Gravimetric Energy', 'Volumetric Energy', 'Atomic Fraction Charge', 'Atomic Fraction Discharge', 'Stability Charge',
  'Stability Discharge', 'Steps', 'Max Voltage Step',
] as const;

/** The stored fact of one electrode value (MP's `field`, emmet's name) of a source's battery. */
export const electrodeValueFingerprint = (doi: string, batteryId: string, emmet: string) => fingerprint(doi, { kind: 'electrode-value', batteryId, field: emmet });

const COLUMN_OF: Record<string, string> = Object.fromEntries([...Object.values(IDENTITY_COLUMNS), ...ELECTRODE_VALUES].map((c) => [c.emmet, c.column]));

/** The battery explorer's CSV (its own column names, README of the export). */
export function parseExplorerCsv(text: string, file = 'CSV'): ElectrodeRecord[] {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new ElectrodeImportError(file, [{ row: 0, reason: `broken CSV: ${error.message}` }]);
  }
  const header = rows.length > 0 ? Object.keys(rows[0]!) : (text.split(/\r?\n/, 1)[0] ?? '').split(',').map((c) => c.trim());
  const missing = Object.values(COLUMN_OF).filter((c) => !header.includes(c));
  if (missing.length > 0) throw new ElectrodeImportError(file, [{ row: 0, reason: `missing column${missing.length === 1 ? '' : 's'} ${missing.map((c) => `"${c}"`).join(', ')} (the battery explorer's export has them)` }]);
  const issues: ElectrodeIssue[] = [];
  const records = rows.map((r, i) => recordFrom((emmet) => r[COLUMN_OF[emmet]!], (emmet) => `"${COLUMN_OF[emmet]}"`, i + 1, issues));
  return finish(file, records, issues);
}

/** MP API JSON: an array of InsertionElectrodeDoc documents, or `{ "data": [...] }` as the API returns them. */
export function parseEmmetJson(text: string, file = 'JSON'): ElectrodeRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ElectrodeImportError(file, [{ row: 0, reason: `broken JSON: ${(error as Error).message}` }]);
  }
  const docs = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' && Array.isArray((parsed as { data?: unknown }).data) ? (parsed as { data: unknown[] }).data : null;
  if (!docs) throw new ElectrodeImportError(file, [{ row: 0, reason: 'expected an array of InsertionElectrodeDoc documents or { "data": [...] }' }]);
  const issues: ElectrodeIssue[] = [];
  const records = docs.map((doc, i) => {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      issues.push({ row: i + 1, reason: 'not a JSON object' });
      return null;
    }
    return recordFrom((emmet) => (doc as Record<string, unknown>)[emmet], (emmet) => emmet, i + 1, issues);
  });
  return finish(file, records, issues);
}

function finish(file: string, records: (ElectrodeRecord | null)[], issues: ElectrodeIssue[]): ElectrodeRecord[] {
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    if (!r) return;
    const first = seen.get(r.batteryId);
    if (first !== undefined) issues.push({ row: i + 1, batteryId: r.batteryId, reason: `duplicate battery id (also row ${first})` });
    else seen.set(r.batteryId, i + 1);
  });
  if (issues.length > 0) throw new ElectrodeImportError(file, issues);
  if (records.length === 0) throw new ElectrodeImportError(file, [{ row: 0, reason: 'no electrodes in the file' }]);
  return records as ElectrodeRecord[];
}

/** Records of an export file, by its extension (.csv: explorer table; .json: MP API documents). */
export function parseElectrodeFile(text: string, file: string): ElectrodeRecord[] {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return parseExplorerCsv(text, file);
  if (ext === '.json') return parseEmmetJson(text, file);
  throw new ElectrodeImportError(file, [{ row: 0, reason: 'an electrode export is a .csv (battery explorer) or .json (MP API) file' }]);
}

/** seeds/materials-project/source.yaml: what the export is, whom to cite, where the file came from. */
export const exportProvenanceSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  name: z.string().min(1),
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /**
   * Written by `npm run export` when the file it wrote is not byte for byte the one imported (its
   * numbers spelt differently): the imported file's sha256 and when it was imported, which the
   * database keeps as the source's provenance.
   */
  importedSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  importedAt: z.iso.datetime({ offset: true }).optional(),
  licence: z.string().min(1),
  origin: z.string().min(1),
  release: z.string().min(1),
  citation: z.strictObject({
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/),
    title: z.string().min(1),
    authors: z.array(z.string().min(1)).min(1),
    journal: z.string().min(1),
    volume: z.string().optional(),
    pages: z.string().optional(),
    year: z.number().int(),
  }),
  method: z.strictObject({ key: z.string().min(1), kind: z.string().min(1), functional: z.string().optional(), description: z.string().min(1) }),
});
export type ExportProvenance = z.infer<typeof exportProvenanceSchema>;

export interface ElectrodeDataset {
  provenance: ExportProvenance;
  /** sha256 of the file the records were read from. */
  fileSha256: string;
  /** Where the file is recorded as coming from in the database (the seed folder's relative path, or the ingested file). */
  seedFile: string;
  records: ElectrodeRecord[];
}

export const MP_SOURCE_FILE = 'source.yaml';

/** Read a folder holding source.yaml and the export it names (seeds/materials-project); `provenanceOnly` skips the rows. */
export async function readElectrodeDirectory(directory: string, options: { provenanceOnly?: boolean } = {}): Promise<ElectrodeDataset> {
  const sourcePath = path.join(directory, MP_SOURCE_FILE);
  const result = exportProvenanceSchema.safeParse(loadYaml(await readFile(sourcePath, 'utf8')));
  if (!result.success) {
    throw new ElectrodeImportError(sourcePath, result.error.issues.map((i) => ({ row: 0, field: i.path.join('.'), reason: i.message })));
  }
  const provenance = result.data;
  const file = path.join(directory, provenance.file);
  if (options.provenanceOnly) return { provenance, fileSha256: provenance.sha256 ?? '', seedFile: path.join(path.basename(directory), provenance.file), records: [] };
  const bytes = await readFile(file);
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  if (provenance.sha256 && provenance.sha256 !== fileSha256) {
    throw new ElectrodeImportError(file, [{ row: 0, reason: `sha256 is ${fileSha256}, but ${MP_SOURCE_FILE} records ${provenance.sha256}: the file changed; update the provenance` }]);
  }
  return { provenance, fileSha256: provenance.importedSha256 ?? fileSha256, seedFile: path.join(path.basename(directory), provenance.file), records: parseElectrodeFile(bytes.toString('utf8'), file) };
}

/** A new export of the same database: the bundled provenance with the new file's hash, origin and release. */
export async function readElectrodeExport(file: string, provenance: ExportProvenance, overrides: { origin?: string; release?: string } = {}): Promise<ElectrodeDataset> {
  const bytes = await readFile(file);
  return {
    provenance: { ...provenance, file: path.basename(file), origin: overrides.origin ?? `imported from ${path.basename(file)} with npm run ingest`, release: overrides.release ?? 'release unknown' },
    fileSha256: createHash('sha256').update(bytes).digest('hex'),
    seedFile: path.basename(file),
    records: parseElectrodeFile(bytes.toString('utf8'), file),
  };
}

type Tx = Prisma.TransactionClient;

const materialKey = (batteryId: string, end: 'charged' | 'discharged') => `${batteryId.toLowerCase()}.${end}`;

/**
 * Load an export in one transaction (dry run: the same writes, rolled back). With `keepOtherExport`
 * (seeding), an export of the same source already stored from another file (a newer one ingested by
 * the user) is left as it is instead of being replaced by the bundled one.
 */
export async function loadElectrodes(prisma: PrismaClient, dataset: ElectrodeDataset, options: { dryRun?: boolean; keepOtherExport?: boolean } = {}): Promise<SeedReport> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const report = await loadInTransaction(tx, dataset, options.keepOtherExport ?? false);
        if (options.dryRun) throw new DryRunRollback(report);
        return report;
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}

async function loadInTransaction(tx: Tx, dataset: ElectrodeDataset, keepOtherExport: boolean): Promise<SeedReport> {
  const report: SeedReport = {};
  const { provenance: p, records } = dataset;
  const stored = await tx.paper.findFirst({ where: { OR: [{ sourceKey: p.key }, { doi: p.citation.doi }] } });
  if (stored && stored.kind !== 'DATABASE') throw new Error(`DOI ${p.citation.doi} is already a paper's; a database export cannot share it`);
  if (keepOtherExport && stored?.fileSha256 && stored.fileSha256 !== dataset.fileSha256) {
    report.Paper = { created: 0, updated: 0, deleted: 0, unchanged: 0, kept: 1, details: [`= ${p.key}: kept the stored export (sha256 ${stored.fileSha256.slice(0, 12)}…, ${stored.seedFile}); bundled file not loaded`] };
    return report;
  }
  const sourceRow = {
    doi: p.citation.doi, title: p.citation.title, journal: p.citation.journal, year: p.citation.year, volume: p.citation.volume ?? null, pages: p.citation.pages ?? null,
    authors: p.citation.authors, seedFile: dataset.seedFile, kind: 'DATABASE' as const, sourceKey: p.key, datasetName: p.name, licence: p.licence, origin: p.origin,
    release: p.release, fileSha256: dataset.fileSha256,
  };
  const sourceIds = await syncTable(report, 'Paper', 'sourceKey', stored ? [stored] : [], [sourceRow], {
    createMany: (rows) => insertRows(tx, 'Paper', rows.map((r) => ({ ...r, importedAt: p.importedAt ?? new Date().toISOString() })), 'sourceKey'),
    update: (id, data) => tx.paper.update({ where: { id }, data }),
    remove: async () => undefined,
  }, { deleteStale: false });
  const paperId = sourceIds.get(p.key)!;

  const storedMethods = await tx.computationalMethod.findMany({ where: { key: p.method.key } });
  const methodIds = await syncTable(report, 'ComputationalMethod', 'key', storedMethods, [{
    key: p.method.key, kind: p.method.kind, functional: p.method.functional ?? null, description: p.method.description, paperId, locator: p.name,
  }], {
    createMany: (rows) => insertRows(tx, 'ComputationalMethod', rows, 'key'),
    update: (id, data) => tx.computationalMethod.update({ where: { id }, data }),
    remove: async () => undefined,
  }, { deleteStale: false });
  const methodId = methodIds.get(p.method.key)!;

  // Materials: the two ends of every electrode.
  const storedMaterials = await tx.material.findMany({ where: { paperId } });
  const materialRow = (r: ElectrodeRecord, end: 'charged' | 'discharged') => {
    const formula = end === 'charged' ? r.formulaCharge : r.formulaDischarge;
    const composition = parseFormula(formula);
    return {
      key: materialKey(r.batteryId, end), name: `${formula} (${r.batteryId}, ${end})`, formula, elements: composition.elements, nelements: composition.elements.length,
      chemicalFormulaReduced: chemicalFormulaReduced(composition.amounts), workingIon: r.workingIon, familyKey: null, role: 'ELECTRODE' as const,
      materialsProjectId: null, description: null, paperId, locator: r.batteryId,
    };
  };
  const materialIds = await syncTable(report, 'Material', 'key', storedMaterials, records.flatMap((r) => [materialRow(r, 'charged'), materialRow(r, 'discharged')]), {
    createMany: (rows) => insertRows(tx, 'Material', rows, 'key'),
    update: (id, data) => tx.material.update({ where: { id }, data }),
    remove: async () => undefined,
  }, { deleteStale: false });

  // Electrodes
  const storedElectrodes = await tx.insertionElectrode.findMany({ where: { paperId } });
  const electrodeIds = await syncTable(report, 'InsertionElectrode', 'batteryId', storedElectrodes, records.map((r) => {
    const stoichiometry = electrodeStoichiometry(r);
    return {
      batteryId: r.batteryId, batteryFormula: r.batteryFormula, workingIon: r.workingIon, frameworkId: BATTERY_ID.exec(r.batteryId)![1]!,
      frameworkFormula: chemicalFormulaReduced(stoichiometry.framework), chargedMaterialId: materialIds.get(materialKey(r.batteryId, 'charged'))!,
      dischargedMaterialId: materialIds.get(materialKey(r.batteryId, 'discharged'))!, numSteps: r.numSteps, elements: parseFormula(r.formulaDischarge).elements,
      paperId, locator: r.batteryId,
    };
  }), {
    createMany: (rows) => insertRows(tx, 'InsertionElectrode', rows, 'batteryId'),
    update: (id, data) => tx.insertionElectrode.update({ where: { id }, data }),
    remove: async () => undefined,
  }, { deleteStale: false });

  // MP's values as computed facts.
  const canonicalUnits = new Map((await tx.propertyKey.findMany({ where: { key: { in: [...new Set(ELECTRODE_VALUES.map((v) => v.property))] } } })).map((k) => [k.key, k.canonicalUnit]));
  const facts = records.flatMap((r) =>
    ELECTRODE_VALUES.filter((v) => r.values[v.field] !== null).map((v) => {
      const value = r.values[v.field]!;
      const canonicalUnit = canonicalUnits.get(v.property);
      if (!canonicalUnit) throw new Error(`property key "${v.property}" is missing from the vocabulary: seed seeds/vocabulary.yaml first`);
      return {
        fingerprint: electrodeValueFingerprint(p.citation.doi, r.batteryId, v.emmet),
        materialId: materialIds.get(materialKey(r.batteryId, v.end))!, structureId: null, propertyKey: v.property, value, valueMax: null, textValue: null,
        qualifier: 'EQ' as const, uncertainty: null, unit: v.unit, canonicalValue: convertValue(value, v.unit, canonicalUnit), site: null, configuration: null,
        methodId, note: null, paperId, locator: r.batteryId, electrodeId: electrodeIds.get(r.batteryId)!,
      };
    }),
  );
  // A value a curator retracted stays retracted (read after the stored rows, as the papers' loader does).
  const storedFacts = await tx.computedProperty.findMany({ where: { paperId } });
  const retracted = await retractedFingerprints(tx);
  const kept = facts.filter((f) => !retracted.has(f.fingerprint));
  if (kept.length < facts.length) {
    const changes = (report.ComputedProperty ??= { created: 0, updated: 0, deleted: 0, unchanged: 0, kept: 0, details: [] });
    changes.kept += facts.length - kept.length;
    changes.details.push(`= ComputedProperty: ${facts.length - kept.length === 1 ? '1 value stays' : `${facts.length - kept.length} values stay`} retracted by a curator`);
  }
  await syncTable(report, 'ComputedProperty', 'fingerprint', storedFacts, kept, {
    createMany: async (rows) => void (await insertRows(tx, 'ComputedProperty', rows)),
    // Values go out as text: Prisma's typed update keeps ~16 significant digits of MP's 17.
    update: async (id, { value, canonicalValue, ...data }) => {
      await tx.computedProperty.update({ where: { id }, data });
      await tx.$executeRaw`UPDATE "ComputedProperty" SET "value" = ${String(value)}::double precision, "canonicalValue" = ${String(canonicalValue)}::double precision WHERE "id" = ${id}`;
    },
    remove: (ids) => deleteChunked(ids, (chunk) => tx.computedProperty.deleteMany({ where: { id: { in: chunk } } })),
  });

  // Electrodes and materials no longer in the export (their facts are gone by now).
  const staleElectrodes = storedElectrodes.filter((e) => !electrodeIds.has(e.batteryId)).map((e) => e.id);
  report.InsertionElectrode!.deleted += await deleteChunked(staleElectrodes, (chunk) => tx.insertionElectrode.deleteMany({ where: { id: { in: chunk } } }));
  const staleMaterials = storedMaterials.filter((m) => !materialIds.has(m.key) && m.curatedBy === null).map((m) => m.id);
  report.Material!.deleted += await deleteChunked(staleMaterials, (chunk) => tx.material.deleteMany({ where: { id: { in: chunk } } }));

  const written = Object.entries(report).some(([table, c]) => table !== 'Paper' && c.created + c.updated + c.deleted > 0);
  if (written && stored) await tx.paper.update({ where: { id: paperId }, data: { importedAt: new Date() } });
  return report;
}
