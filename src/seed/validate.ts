/**
 * Reads seeds/ (vocabulary.yaml + one YAML file per paper), validates each file against
 * the zod schema and then checks what zod cannot: references between records (also across
 * files), units against each property's canonical unit, formulas, and duplicates.
 * Every problem is reported with file, record path and reason; nothing is loaded while any remains.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { load as loadYaml, YAMLException } from 'js-yaml';
import { z } from 'zod';
import { FormulaError, parseFormula } from '../derive/composition.js';
import { checkSpaceGroup } from '../derive/space-group.js';
import { unknownUnitMessage } from '../suggest.js';
import { convertValue, isKnownUnit, KNOWN_UNITS, unitsCompatible } from '../units.js';
import {
  MAX_SEED_FILE_BYTES,
  seedFileSchema,
  vocabularyFileSchema,
  type SeedFile,
  type VocabularyFile,
} from './schema.js';

export interface SeedIssue {
  file: string;
  path: string;
  reason: string;
}

export class SeedValidationError extends Error {
  constructor(readonly issues: SeedIssue[]) {
    super(
      `seed data rejected (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.file}: ${i.path || '(file)'}: ${i.reason}`).join('\n'),
    );
  }
}

export interface SeedCatalog {
  vocabulary: VocabularyFile;
  papers: { file: string; data: SeedFile }[];
  /** Values outside a property's plausible range and similar likely slips: loaded, but reported. */
  warnings: SeedIssue[];
}

/** A property's bounds in its canonical unit (vocabulary `physicalRange` / `plausibleRange`). */
export interface PropertyRanges {
  physicalMin?: number | null;
  physicalMax?: number | null;
  plausibleMin?: number | null;
  plausibleMax?: number | null;
}

export const rangeColumns = (p: { physicalRange?: { min?: number; max?: number }; plausibleRange?: { min?: number; max?: number } }): Required<PropertyRanges> => ({
  physicalMin: p.physicalRange?.min ?? null, physicalMax: p.physicalRange?.max ?? null,
  plausibleMin: p.plausibleRange?.min ?? null, plausibleMax: p.plausibleRange?.max ?? null,
});

/**
 * Where a value (in the property's canonical unit) stands against its bounds: an `error` outside
 * the physical range, a `warning` outside the plausible one, nothing otherwise.
 */
export function checkRange(property: string, canonicalValue: number, canonicalUnit: string, ranges: PropertyRanges): { error?: string; warning?: string } {
  const outside = (min: number | null | undefined, max: number | null | undefined) =>
    (min != null && canonicalValue < min) || (max != null && canonicalValue > max) ? describeRange(min, max, canonicalUnit) : null;
  const shown = `${Number(canonicalValue.toPrecision(6))} ${canonicalUnit}`;
  const physical = outside(ranges.physicalMin, ranges.physicalMax);
  if (physical) return { error: `${shown} is impossible for "${property}" (${physical}); check the value and its unit` };
  const plausible = outside(ranges.plausibleMin, ranges.plausibleMax);
  if (plausible) return { warning: `${shown} is unusual for "${property}" (usually ${plausible}); check the value and its unit` };
  return {};
}

const describeRange = (min: number | null | undefined, max: number | null | undefined, unit: string) =>
  min != null && max != null ? `${min} to ${max} ${unit}` : min != null ? `at least ${min} ${unit}` : `at most ${max} ${unit}`;

/** Element amounts per formula unit above this are warned about (LiCoO20 for LiCoO2). */
export const PLAUSIBLE_MAX_ELEMENT_AMOUNT = 16;
/** Roles whose formula units are often large (competing phases like Na5V12O32, model supercells): no warning for them. */
const LARGE_FORMULA_ROLES: ReadonlySet<string> = new Set(['competing-phase', 'reference', 'precursor', 'COMPETING_PHASE', 'REFERENCE', 'PRECURSOR']);

export function formulaWarning(amounts: Record<string, number>, role?: string): string | undefined {
  if (role !== undefined && LARGE_FORMULA_ROLES.has(role)) return undefined;
  const large = Object.entries(amounts).filter(([, n]) => n > PLAUSIBLE_MAX_ELEMENT_AMOUNT);
  if (large.length === 0) return undefined;
  return `${large.map(([e, n]) => `${e}${n}`).join(', ')}: more than ${PLAUSIBLE_MAX_ELEMENT_AMOUNT} atoms of an element per formula unit is unusual; check for a doubled digit or a missing decimal point`;
}

/** Read a seed or ingest file, refusing one past MAX_SEED_FILE_BYTES before reading it. */
export async function readSeedText(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > MAX_SEED_FILE_BYTES) {
    throw new SeedValidationError([{ file: path.basename(file), path: '', reason: `the file is ${(size / 2 ** 20).toFixed(1)} MiB; at most ${MAX_SEED_FILE_BYTES / 2 ** 20} MiB per file (split it by paper)` }]);
  }
  return readFile(file, 'utf8');
}

export const VOCABULARY_FILE = 'vocabulary.yaml';
/** A dump's curation history (npm run export, src/seed/curation-file.ts): in a seeds folder, but no paper. */
export const CURATION_FILE = 'curation.yaml';

/**
 * Parse one YAML text with a zod schema, collecting problems instead of throwing. A file with
 * schema problems still gives back its records that pass their own schema (see salvage), so
 * that the cross-checks of the same run see them and a file's problems come in one report.
 */
function parseYaml<T extends z.ZodObject>(
  file: string,
  text: string,
  schema: T,
  issues: SeedIssue[],
): z.infer<T> | undefined {
  // js-yaml with its default YAML 1.2 core schema (no timestamps or merge keys; duplicate keys are
  // errors): ~12× faster than the `yaml` package's document API on a 1,000-material file, where
  // parsing was nearly all of the validation time (BENCHMARKS.md). It stops at the first error.
  let parsed: unknown;
  try {
    parsed = loadYaml(text);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const where = error.mark ? `line ${error.mark.line + 1}, column ${error.mark.column + 1}` : '';
    issues.push({ file, path: where, reason: `broken YAML: ${error.reason}` });
    return undefined;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    for (const issue of result.error.issues) {
      issues.push({ file, path: formatPath(issue.path), reason: issue.message });
    }
    return salvage(schema, parsed);
  }
  return result.data;
}

/**
 * The parts of a file that pass their schema: each section, and of a list section each record
 * on its own. A record that fails leaves a hole at its index (a sparse array: the checks'
 * forEach skips holes and keeps every other record's index, so paths stay right). Only ever
 * checked, never loaded: the file's schema problems are already in the report.
 */
function salvage<T extends z.ZodObject>(schema: T, parsed: unknown): z.infer<T> | undefined {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const salvaged: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const value = (parsed as Record<string, unknown>)[name];
    const list = field instanceof z.ZodDefault && field.def.innerType instanceof z.ZodArray ? field.def.innerType : null;
    if (list && Array.isArray(value)) {
      const records: unknown[] = new Array(value.length);
      value.forEach((record, i) => {
        const result = (list.element as z.ZodType).safeParse(record);
        if (result.success) records[i] = result.data;
      });
      salvaged[name] = records;
      continue;
    }
    const result = field.safeParse(value);
    if (result.success) salvaged[name] = result.data;
    else if (list) salvaged[name] = [];
    else return undefined; // e.g. no readable `paper`: nothing to check the records against
  }
  return salvaged as z.infer<T>;
}

function formatPath(parts: readonly PropertyKey[]): string {
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Read and validate every file in a seeds directory; throws SeedValidationError listing all problems. */
export async function readSeedDirectory(directory: string): Promise<SeedCatalog> {
  return validateSeedTexts(await readSeedTexts(directory));
}

/**
 * The texts of a seeds directory with `extra` added, a file ({ file: name, text }) replacing the
 * directory's file of the same name: how one paper's file is checked and ingested, against the
 * vocabulary and the papers it may reference.
 */
export async function readSeedTexts(directory: string, extra: { file: string; text: string }[] = []): Promise<{ file: string; text: string }[]> {
  const replaced = new Set(extra.map((e) => e.file));
  // curation.yaml (a dump's curation history) is no paper: seedDatabase applies it after the load.
  const names = (await readdir(directory)).filter((n) => /\.ya?ml$/.test(n) && n !== CURATION_FILE && !replaced.has(n)).sort();
  const texts = await Promise.all(names.map(async (n) => ({ file: n, text: await readSeedText(path.join(directory, n)) })));
  return [...texts, ...extra];
}

export function validateSeedTexts(texts: { file: string; text: string }[]): SeedCatalog {
  const issues: SeedIssue[] = [];
  const vocabularyText = texts.find((t) => t.file === VOCABULARY_FILE);
  if (!vocabularyText) {
    throw new SeedValidationError([{ file: VOCABULARY_FILE, path: '', reason: 'the vocabulary file is missing' }]);
  }
  const vocabulary = parseYaml(VOCABULARY_FILE, vocabularyText.text, vocabularyFileSchema, issues);
  const papers: SeedCatalog['papers'] = [];
  for (const { file, text } of texts) {
    if (file === VOCABULARY_FILE) continue;
    const data = parseYaml(file, text, seedFileSchema, issues);
    if (data) papers.push({ file, data });
  }
  // One round: the cross-checks run on whatever passed the schema, so the report lists every
  // problem found (a record that fails its schema is not cross-checked, its file's others are).
  const warnings: SeedIssue[] = [];
  if (vocabulary) checkReferences(vocabulary, papers, issues, warnings);
  if (issues.length > 0 || !vocabulary) throw new SeedValidationError(issues);
  return { vocabulary, papers, warnings };
}

function checkReferences(vocabulary: VocabularyFile, papers: SeedCatalog['papers'], issues: SeedIssue[], warnings: SeedIssue[]): void {
  // Keys are global: a later file may reference a material defined by an earlier one.
  const defined = {
    propertyKeys: new Map<string, { file: string; key: string; canonicalUnit: string; valueType: string; sites?: string[]; ranges: PropertyRanges }>(),
    families: new Map<string, string>(),
    materials: new Map<string, { file: string; family: string | null; role: string }>(),
    structures: new Map<string, { file: string; material: string }>(),
    methods: new Map<string, string>(),
    coatings: new Map<string, string>(),
    dois: new Map<string, string>(),
  };
  const define = <V>(map: Map<string, V>, k: string, v: V, file: string, where: string, what: string) => {
    if (map.has(k)) {
      const other = map.get(k);
      const otherFile = typeof other === 'string' ? other : (other as { file: string }).file;
      issues.push({ file, path: where, reason: `duplicate ${what} "${k}" (already defined in ${otherFile})` });
    } else map.set(k, v);
  };
  const addPropertyKeys = (file: string, keys: VocabularyFile['propertyKeys'], prefix: string) =>
    keys.forEach((p, i) => {
      if (!isKnownUnit(p.canonicalUnit)) {
        issues.push({ file, path: `${prefix}[${i}].canonicalUnit`, reason: `unknown unit "${p.canonicalUnit}"` });
      }
      define(defined.propertyKeys, p.key, { file, key: p.key, canonicalUnit: p.canonicalUnit, valueType: p.valueType, sites: p.sites, ranges: rangeColumns(p) }, file, `${prefix}[${i}].key`, 'property key');
    });
  addPropertyKeys(VOCABULARY_FILE, vocabulary.propertyKeys, 'propertyKeys');
  vocabulary.families.forEach((f, i) => define(defined.families, f.key, VOCABULARY_FILE, VOCABULARY_FILE, `families[${i}].key`, 'family'));

  for (const { file, data } of papers) {
    define(defined.dois, data.paper.doi.toLowerCase(), file, file, 'paper.doi', 'paper DOI');
    addPropertyKeys(file, data.propertyKeys, 'propertyKeys');
    data.families.forEach((f, i) => define(defined.families, f.key, file, file, `families[${i}].key`, 'family'));
    data.methods.forEach((m, i) => define(defined.methods, m.key, file, file, `methods[${i}].key`, 'method'));
    data.materials.forEach((m, i) => define(defined.materials, m.key, { file, family: m.family, role: m.role }, file, `materials[${i}].key`, 'material'));
    data.coatings.forEach((c, i) => define(defined.coatings, c.key, file, file, `coatings[${i}].key`, 'coating'));
    data.structures.forEach((s, i) => define(defined.structures, s.key, { file, material: s.material }, file, `structures[${i}].key`, 'structure'));
  }

  const need = (map: Map<string, unknown>, k: string | undefined | null, file: string, where: string, what: string) => {
    if (k != null && !map.has(k)) issues.push({ file, path: where, reason: `unknown ${what} "${k}"` });
  };
  // A large catalog repeats the same formulas and unit pairs many times: check each once.
  const formulaProblems = new Map<string, string | null>();
  const checkFormula = (formula: string, file: string, where: string, role?: string) => {
    const cacheKey = `${role ?? ''}\u0000${formula}`;
    let problem = formulaProblems.get(cacheKey);
    if (problem === undefined) {
      try {
        const warning = formulaWarning(parseFormula(formula).amounts, role);
        if (warning) warnings.push({ file, path: where, reason: warning });
        problem = null;
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        problem = error.message;
      }
      formulaProblems.set(cacheKey, problem);
    }
    if (problem !== null) issues.push({ file, path: where, reason: problem });
  };
  const compatible = new Map<string, boolean>();
  const checkUnit = (unit: string, canonical: string | undefined, file: string, where: string) => {
    const pair = `${unit}\0${canonical}`;
    if (!isKnownUnit(unit)) {
      issues.push({ file, path: where, reason: `${unknownUnitMessage(unit, canonical)}; units are listed in src/units.ts` });
    } else if (canonical && !(compatible.get(pair) ?? compatible.set(pair, unitsCompatible(unit, canonical)).get(pair))) {
      issues.push({ file, path: where, reason: `unit "${unit}" cannot be converted to the property's canonical unit "${canonical}"` });
    }
  };

  for (const { file, data } of papers) {
    data.materials.forEach((m, i) => {
      const at = `materials[${i}]`;
      need(defined.families, m.family, file, `${at}.family`, 'family');
      need(defined.materials, m.substrate, file, `${at}.substrate`, 'material');
      need(defined.coatings, m.coating, file, `${at}.coating`, 'coating');
      if ((m.substrate == null) !== (m.coating == null)) {
        issues.push({ file, path: at, reason: 'a coated material names both its substrate and its coating' });
      }
      checkFormula(m.formula, file, `${at}.formula`, m.role);
    });
    data.coatings.forEach((c, i) => {
      const at = `coatings[${i}]`;
      need(defined.materials, c.material, file, `${at}.material`, 'material');
      checkFormula(c.formula, file, `${at}.formula`);
      if (c.thickness) checkUnit(c.thickness.unit, 'nm', file, `${at}.thickness.unit`);
      if (c.infusionDepth) checkUnit(c.infusionDepth.unit, 'µm', file, `${at}.infusionDepth.unit`);
    });
    data.structures.forEach((s, i) => {
      const at = `structures[${i}]`;
      need(defined.materials, s.material, file, `${at}.material`, 'material');
      need(defined.methods, s.method, file, `${at}.method`, 'method');
      checkFormula(s.formula, file, `${at}.formula`, defined.materials.get(s.material)?.role);
      if (s.spaceGroupSymbol && s.spaceGroupNumber !== undefined) {
        const check = checkSpaceGroup(s.spaceGroupSymbol, s.spaceGroupNumber);
        if (!check.consistent) issues.push({ file, path: `${at}.spaceGroupNumber`, reason: check.message });
      }
    });
    const checkFact = (
      f: { material: string; structure?: string; property: string; unit: string; value?: number; textValue?: string; valueMax?: number; qualifier: string; site?: string },
      at: string,
    ) => {
      need(defined.materials, f.material, file, `${at}.material`, 'material');
      if (f.structure != null) {
        const s = defined.structures.get(f.structure);
        if (!s) issues.push({ file, path: `${at}.structure`, reason: `unknown structure "${f.structure}"` });
        else if (s.material !== f.material) {
          issues.push({ file, path: `${at}.structure`, reason: `structure "${f.structure}" belongs to material "${s.material}", not "${f.material}"` });
        }
      }
      checkValue(f, at);
    };
    const checkValue = (f: { property: string; unit: string; site?: string; value?: number; textValue?: string; valueMax?: number; qualifier: string }, at: string) => {
      const property = defined.propertyKeys.get(f.property);
      if (!property) {
        issues.push({ file, path: `${at}.property`, reason: `unknown property key "${f.property}"; add it to vocabulary.yaml or the file's propertyKeys` });
        return;
      }
      checkUnit(f.unit, property.canonicalUnit, file, `${at}.unit`);
      const siteIssue = siteRefusal(property, f.site);
      if (siteIssue) issues.push({ file, path: `${at}.site`, reason: siteIssue });
      if (property.valueType === 'number' && f.value === undefined) {
        issues.push({ file, path: `${at}.value`, reason: `property "${f.property}" needs a numeric value` });
      }
      if (property.valueType === 'text' && f.textValue === undefined) {
        issues.push({ file, path: `${at}.textValue`, reason: `property "${f.property}" needs a textValue` });
      }
      if ((f.qualifier === 'range') !== (f.valueMax !== undefined)) {
        issues.push({ file, path: `${at}.valueMax`, reason: 'a range has qualifier "range" and both value and valueMax' });
      }
      if (f.valueMax !== undefined && f.value !== undefined && f.valueMax < f.value) {
        issues.push({ file, path: `${at}.valueMax`, reason: 'valueMax is smaller than value' });
      }
      for (const [field, value] of [['value', f.value], ['valueMax', f.valueMax]] as const) {
        if (value === undefined || !isKnownUnit(f.unit) || !unitsCompatible(f.unit, property.canonicalUnit)) continue;
        const { error, warning } = checkRange(f.property, convertValue(value, f.unit, property.canonicalUnit), property.canonicalUnit, property.ranges);
        if (error) issues.push({ file, path: `${at}.${field}`, reason: error });
        if (warning) warnings.push({ file, path: `${at}.${field}`, reason: warning });
      }
    };
    const seen = new Map<string, string>();
    const noDuplicate = (record: object, at: string) => {
      const print = fingerprint(data.paper.doi, record);
      const first = seen.get(print);
      if (first) issues.push({ file, path: at, reason: `duplicate record: same fact as ${first}` });
      else seen.set(print, at);
    };
    data.measurements.forEach((m, i) => {
      checkFact(m, `measurements[${i}]`);
      noDuplicate(measurementIdentity(m), `measurements[${i}]`);
    });
    data.computed.forEach((c, i) => {
      checkFact(c, `computed[${i}]`);
      need(defined.methods, c.method, file, `computed[${i}].method`, 'method');
      noDuplicate(computedIdentity(c), `computed[${i}]`);
    });
    data.familyFacts.forEach((g, i) => {
      const at = `familyFacts[${i}]`;
      need(defined.families, g.family, file, `${at}.family`, 'family');
      need(defined.methods, g.method, file, `${at}.method`, 'method');
      const members = new Set<string>();
      g.members.forEach((m, j) => {
        const where = `${at}.members[${j}]`;
        if (members.has(m)) issues.push({ file, path: where, reason: `material "${m}" is listed twice` });
        members.add(m);
        const material = defined.materials.get(m);
        if (!material) issues.push({ file, path: where, reason: `unknown material "${m}"` });
        else if (material.family !== g.family) {
          issues.push({ file, path: where, reason: `material "${m}" is in family "${material.family ?? 'none'}", not "${g.family}"` });
        }
      });
      checkValue(g, at);
      noDuplicate(familyFactIdentity(g), at);
    });
    data.reactions.forEach((r, i) => {
      const at = `reactions[${i}]`;
      [...r.reactants, ...r.products].forEach((p, j) =>
        need(defined.materials, p.material, file, `${at}.${j < r.reactants.length ? `reactants[${j}]` : `products[${j - r.reactants.length}]`}.material`, 'material'),
      );
      need(defined.methods, r.method, file, `${at}.method`, 'method');
      const property = defined.propertyKeys.get(r.property);
      if (!property) issues.push({ file, path: `${at}.property`, reason: `unknown property key "${r.property}"` });
      else checkUnit(r.unit, property.canonicalUnit, file, `${at}.unit`);
      noDuplicate(reactionIdentity(r), at);
    });
  }
}

/** Why a site is refused for a property with controlled sites (null when fine). */
export function siteRefusal(property: { key: string; sites?: readonly string[] | null }, site: string | undefined | null): string | null {
  if (!property.sites?.length) return null;
  if (site == null) return `property "${property.key}" needs a site, one of ${property.sites.map((x) => `"${x}"`).join(', ')}`;
  return property.sites.includes(site) ? null : `unknown site "${site}" for property "${property.key}"; its derivations read only ${property.sites.map((x) => `"${x}"`).join(', ')}`;
}

// Identity of a fact: everything that says *which* fact it is, not what value it has, so a
// corrected value in a seed file updates the stored row instead of adding a second one.
type MeasurementSeed = SeedFile['measurements'][number];
type ComputedSeed = SeedFile['computed'][number];
type ReactionSeed = SeedFile['reactions'][number];
type FamilyFactSeed = SeedFile['familyFacts'][number];

export function measurementIdentity(m: MeasurementSeed) {
  return { kind: 'measurement', material: m.material, structure: m.structure ?? null, property: m.property, site: m.site ?? null, locator: m.locator, conditions: m.conditions };
}
export function computedIdentity(c: ComputedSeed) {
  return { kind: 'computed', material: c.material, structure: c.structure ?? null, property: c.property, site: c.site ?? null, configuration: c.configuration ?? null, method: c.method, locator: c.locator };
}
export function reactionIdentity(r: ReactionSeed) {
  return { kind: 'reaction', reactants: r.reactants, products: r.products, property: r.property, method: r.method ?? null };
}

export function familyFactIdentity(g: FamilyFactSeed) {
  return { kind: 'family-fact', family: g.family, members: [...g.members].sort(), aggregate: g.aggregate, property: g.property, site: g.site ?? null, method: g.method ?? null, locator: g.locator };
}

/** Stable hash of a record's identity within a paper (key order does not matter). */
export function fingerprint(doi: string, identity: object): string {
  return createHash('sha256').update(doi.toLowerCase()).update('\0').update(canonicalJson(identity)).digest('hex').slice(0, 32);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
