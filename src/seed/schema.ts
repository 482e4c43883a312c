/**
 * The format of a curated data file in seeds/: one paper per file, every fact carrying
 * its locator (table, figure or section) in that paper. Validated with zod on load;
 * cross-references (material keys, property keys, units) are checked in validate.ts.
 */
import { z } from 'zod';
import { WORKING_IONS } from '../derive/working-ion.js';
import { canonicalSite } from '../derive/site.js';

/**
 * Size limits of stored strings (characters): a name or locator is a line, a note or description a
 * paragraph. Without them one ingest stored a 50 MB note that every read then returned.
 */
export const MAX_SHORT_TEXT = 500;
export const MAX_LONG_TEXT = 10_000;
/** Largest seed or ingest file read, in bytes (seeds/ files are tens of kB; bulk benchmark files a few MB). */
export const MAX_SEED_FILE_BYTES = 64 * 1024 * 1024;

/** Control characters other than tab and line breaks: PostgreSQL refuses NUL in text, the rest are typos. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const text = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'contains a control character (e.g. NUL); remove it');
const shortText = text(MAX_SHORT_TEXT);
const longText = text(MAX_LONG_TEXT);
/** A required human-readable string: not empty, not only spaces. */
const filled = (what: string, max = MAX_SHORT_TEXT) => text(max).refine((s) => s.trim().length > 0, `${what} must not be blank`);

const key = shortText.pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'keys are lower-case letters, digits, ".", "_" or "-"'));
const locator = filled('the locator ("Table III", "Fig. 3d": where in the paper the fact is)');
const finite = z.number().finite();

/** Bounds of a property's value in its canonical unit; either side may be open. */
const rangeSchema = z
  .strictObject({ min: finite.optional(), max: finite.optional() })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not exceed max');
export const MATERIAL_ROLES = [
  'cathode',
  'coated-cathode',
  'coating',
  'anode',
  'competing-phase',
  'precursor',
  'reference',
  'electrolyte',
  'elemental',
] as const;
export const LATTICE_SETTINGS = ['hexagonal', 'rhombohedral', 'cubic', 'monoclinic', 'orthorhombic', 'tetragonal', 'triclinic'] as const;
export const QUALIFIERS = ['eq', 'approx', 'lt', 'le', 'gt', 'ge', 'range'] as const;
/** How a value was obtained: printed in the paper (default), or inferred, computed or read off a figure by the curator. */
export const VALUE_ORIGINS = ['printed', 'inferred', 'computed', 'read-off-figure'] as const;
const originNote = z.string().min(1, 'say how the curator obtained the value');

/** Refine a record with `origin`: anything not printed says how it was obtained. */
const originExplained = (r: { origin?: string; originNote?: string; note?: string }) => r.origin === undefined || r.origin === 'printed' || r.originNote !== undefined;
const originMessage = { message: 'a value that is not printed (origin inferred, computed or read-off-figure) needs an originNote saying how', path: ['originNote'] };

export const CELL_TYPES = [
  'coin-half-cell',
  'coin-full-cell',
  'pouch-full-cell',
  'cylindrical-18650',
  'swagelok-cell',
  'symmetric-cell',
  'in-situ-xrd-cell',
] as const;

/** Derived fields a property key can feed (vocabulary `usedBy`). */
export const DERIVATIONS = ['theoreticalCapacity', 'averageVoltage', 'specificEnergy', 'voltagePairs', 'stability', 'capacityFade', 'coatingEffects', 'tmMigration', 'consistencyChecks'] as const;

export const propertyKeySchema = z.strictObject({
  key: shortText.pipe(z.string().regex(/^[a-z][a-z0-9_]*$/, 'property keys are snake_case')),
  label: filled('it'),
  canonicalUnit: filled('it'),
  valueType: z.enum(['number', 'text']).default('number'),
  kind: z.enum(['measured', 'computed', 'both']).default('both'),
  description: filled('the description', MAX_LONG_TEXT),
  /** Which direction is an improvement (a coating that moves the value this way helps); absent: no verdict. */
  better: z.enum(['higher', 'lower']).optional(),
  /** A test-set-up parameter (chosen identical for compared samples): pairing it tells nothing. */
  setup: z.boolean().default(false),
  /** The derived fields that read this property. */
  usedBy: z.array(z.enum(DERIVATIONS)).default([]),
  /** Controlled sites for a key whose derivations match on the site: a fact with another site is refused. */
  sites: z.array(z.string().min(1).transform(canonicalSite)).optional(),
  /** Values outside are impossible (a negative capacity, a retention of 150 %): refused. */
  physicalRange: rangeSchema.optional(),
  /** Values outside are possible but usually a slip (3.4 mV for a cathode voltage): a warning. */
  plausibleRange: rangeSchema.optional(),
});

export const familySchema = z.strictObject({
  key,
  name: filled('it'),
  description: filled('the description', MAX_LONG_TEXT),
});

export const methodSchema = z.strictObject({
  key,
  kind: z.enum(['DFT', 'AIMD', 'DFT+U', 'hybrid-DFT', 'other']),
  functional: shortText.optional(),
  code: shortText.optional(),
  hubbardU: z.record(shortText, z.strictObject({ uEV: finite, jEV: finite.default(0) })).optional(),
  exchangeMixing: finite.optional(),
  cutoffEV: finite.positive().optional(),
  kMesh: shortText.optional(),
  forceToleranceEVPerA: finite.positive().optional(),
  energyToleranceEV: finite.positive().optional(),
  supercell: shortText.optional(),
  parameters: z.record(shortText, z.union([shortText, finite, z.boolean()])).optional(),
  description: filled('the description', MAX_LONG_TEXT),
  locator,
});

export const materialSchema = z.strictObject({
  key,
  name: filled('it'),
  formula: filled('it'),
  workingIon: z.enum(WORKING_IONS).nullable().default(null),
  family: key.nullable().default(null),
  role: z.enum(MATERIAL_ROLES),
  substrate: key.optional(),
  coating: key.optional(),
  materialsProjectId: z.string().regex(/^mp-\d+$/, 'Materials Project ids look like "mp-19391"').optional(),
  description: longText.optional(),
  locator,
});

const quantity = z.strictObject({
  value: finite,
  unit: shortText,
  qualifier: z.enum(QUALIFIERS).default('eq'),
  valueMax: finite.optional(),
});

export const coatingSchema = z.strictObject({
  key,
  name: filled('it'),
  formula: filled('it'),
  material: key.optional(),
  morphology: shortText.optional(),
  thickness: quantity.optional(),
  synthesisRoute: longText.optional(),
  infusesGrainBoundaries: z.boolean().default(false),
  infusionDepth: quantity.optional(),
  description: longText.optional(),
  locator,
});

const latticeSchema = z.strictObject({
  setting: z.enum(LATTICE_SETTINGS),
  aA: finite.positive().optional(),
  bA: finite.positive().optional(),
  cA: finite.positive().optional(),
  alphaDeg: finite.positive().optional(),
  betaDeg: finite.positive().optional(),
  gammaDeg: finite.positive().optional(),
  volumeA3: finite.positive().optional(),
  formulaUnitsPerCell: z.number().int().positive().optional(),
  locator,
});

export const structureSchema = z.strictObject({
  key,
  material: key,
  label: filled('it'),
  formula: filled('it'),
  alkaliContent: finite.nonnegative().optional(),
  spaceGroupSymbol: shortText.optional(),
  spaceGroupNumber: z.number().int().min(1).max(230).optional(),
  magneticOrdering: shortText.optional(),
  state: shortText.optional(),
  method: key.optional(),
  cationMixingPercent: finite.nonnegative().optional(),
  tmInLiLayerPercent: finite.nonnegative().optional(),
  lattices: z.array(latticeSchema).default([]),
  note: longText.optional(),
  locator,
});

export const conditionsSchema = z.strictObject({
  temperatureC: finite.optional(),
  cRate: finite.positive().optional(),
  chargeCRate: finite.positive().optional(),
  oneCMAPerG: finite.positive().optional(),
  currentDensityMAPerG: finite.positive().optional(),
  voltageMinV: finite.optional(),
  voltageMaxV: finite.optional(),
  cycleNumber: z.number().int().nonnegative().optional(),
  cellType: z.enum(CELL_TYPES).optional(),
  counterElectrode: shortText.optional(),
  electrolyte: shortText.optional(),
  state: shortText.optional(),
  technique: shortText.optional(),
  loadingMgPerCm2: finite.positive().optional(),
  other: z.record(shortText, z.union([shortText, finite, z.boolean()])).optional(),
}).refine((c) => c.voltageMinV === undefined || c.voltageMaxV === undefined || c.voltageMinV < c.voltageMaxV, {
  message: 'voltageMinV must be below voltageMaxV (the lower and upper cut-off of the window)',
  path: ['voltageMinV'],
});

/** A value with its unit, qualifier and provenance: what every kind of fact records. */
const valueFields = {
  property: shortText,
  value: finite.optional(),
  valueMax: finite.optional(),
  textValue: longText.optional(),
  qualifier: z.enum(QUALIFIERS).default('eq'),
  uncertainty: finite.nonnegative().optional(),
  unit: shortText,
  /** Canonical spelling (dashes between element symbols as en dashes), see derive/site.ts. */
  site: shortText.transform(canonicalSite).optional(),
  note: longText.optional(),
  locator,
  origin: z.enum(VALUE_ORIGINS).default('printed'),
  originNote: originNote.optional(),
};

const factBase = { material: key, structure: key.optional(), ...valueFields };

/** Where one condition is printed when not at the fact's locator, or how the curator obtained it. */
const conditionSourceSchema = z
  .strictObject({ origin: z.enum(VALUE_ORIGINS).default('printed'), originNote: originNote.optional(), locator: locator.optional() })
  .refine(originExplained, originMessage);

export const measurementSchema = z
  .strictObject({
    ...factBase,
    conditions: conditionsSchema.default({}),
    /** Keyed by condition field, e.g. `oneCMAPerG: { origin: inferred, originNote: "4 mA/g printed as ~C/68" }`. */
    conditionSources: z.partialRecord(conditionsSchema.keyof().exclude(['other']), conditionSourceSchema).optional(),
  })
  .refine(originExplained, originMessage)
  .refine((m) => Object.keys(m.conditionSources ?? {}).every((field) => field in m.conditions), {
    message: 'conditionSources names a condition the measurement does not state',
    path: ['conditionSources'],
  });

export const computedSchema = z
  .strictObject({
    ...factBase,
    method: key,
    configuration: shortText.optional(),
  })
  .refine(originExplained, originMessage);

export const FAMILY_AGGREGATES = ['mean', 'min', 'max', 'lower-bound', 'upper-bound', 'each', 'typical', 'criterion'] as const;

/**
 * A statement about a family, a series or a set of materials as a whole (a series average, a
 * bound for every member, a literature figure for a family): stored apart from every member's
 * own facts. `members` lists the materials it covers (empty: the family in general);
 * `aggregate` says how the value relates to theirs. `method` is set for a computed statement.
 */
export const familyFactSchema = z
  .strictObject({
    family: key,
    members: z.array(key).default([]),
    aggregate: z.enum(FAMILY_AGGREGATES),
    ...valueFields,
    method: key.optional(),
  })
  .refine(originExplained, originMessage);

const participant = z.strictObject({ material: key, coefficient: finite.positive() });

export const reactionSchema = z.strictObject({
  reactants: z.array(participant).min(1),
  products: z.array(participant).min(1),
  property: shortText.default('decomposition_enthalpy'),
  value: finite,
  unit: shortText,
  method: key.optional(),
  note: longText.optional(),
  locator,
});

export const paperSchema = z.strictObject({
  doi: shortText.pipe(z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.1038/s41467-017-02041-x')),
  title: filled('it'),
  journal: filled('it'),
  year: z.number().int().min(1900).max(2100),
  volume: shortText.optional(),
  pages: shortText.optional(),
  authors: z.array(filled('an author')).default([]),
});

export const seedFileSchema = z.strictObject({
  paper: paperSchema,
  propertyKeys: z.array(propertyKeySchema).default([]),
  families: z.array(familySchema).default([]),
  methods: z.array(methodSchema).default([]),
  materials: z.array(materialSchema).default([]),
  coatings: z.array(coatingSchema).default([]),
  structures: z.array(structureSchema).default([]),
  measurements: z.array(measurementSchema).default([]),
  computed: z.array(computedSchema).default([]),
  reactions: z.array(reactionSchema).default([]),
  familyFacts: z.array(familyFactSchema).default([]),
});

/** The shared vocabulary file (seeds/vocabulary.yaml). */
export const vocabularyFileSchema = z.strictObject({
  propertyKeys: z.array(propertyKeySchema).default([]),
  families: z.array(familySchema).default([]),
});

export type SeedFile = z.infer<typeof seedFileSchema>;
export type VocabularyFile = z.infer<typeof vocabularyFileSchema>;
export type MeasurementSeed = z.infer<typeof measurementSchema>;
export type ComputedSeed = z.infer<typeof computedSchema>;
export type ReactionSeed = z.infer<typeof reactionSchema>;
export type FamilyFactSeed = z.infer<typeof familyFactSchema>;
