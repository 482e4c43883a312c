/**
 * The format of a curated data file in seeds/: one paper per file, every fact carrying
 * its locator (table, figure or section) in that paper. Validated with zod on load;
 * cross-references (material keys, property keys, units) are checked in validate.ts.
 */
import { z } from 'zod';
import { WORKING_IONS } from '../derive/working-ion.js';
import { canonicalSite } from '../derive/site.js';

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'keys are lower-case letters, digits, ".", "_" or "-"');
const locator = z.string().min(1, 'every fact needs a locator such as "Table III" or "Fig. 3d"');
const finite = z.number().finite();

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
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'property keys are snake_case'),
  label: z.string().min(1),
  canonicalUnit: z.string().min(1),
  valueType: z.enum(['number', 'text']).default('number'),
  kind: z.enum(['measured', 'computed', 'both']).default('both'),
  description: z.string().min(1),
  /** Which direction is an improvement (a coating that moves the value this way helps); absent: no verdict. */
  better: z.enum(['higher', 'lower']).optional(),
  /** A test-set-up parameter (chosen identical for compared samples): pairing it tells nothing. */
  setup: z.boolean().default(false),
  /** The derived fields that read this property. */
  usedBy: z.array(z.enum(DERIVATIONS)).default([]),
  /** Controlled sites for a key whose derivations match on the site: a fact with another site is refused. */
  sites: z.array(z.string().min(1).transform(canonicalSite)).optional(),
});

export const familySchema = z.strictObject({
  key,
  name: z.string().min(1),
  description: z.string().min(1),
});

export const methodSchema = z.strictObject({
  key,
  kind: z.enum(['DFT', 'AIMD', 'DFT+U', 'hybrid-DFT', 'other']),
  functional: z.string().optional(),
  code: z.string().optional(),
  hubbardU: z.record(z.string(), z.strictObject({ uEV: finite, jEV: finite.default(0) })).optional(),
  exchangeMixing: finite.optional(),
  cutoffEV: finite.positive().optional(),
  kMesh: z.string().optional(),
  forceToleranceEVPerA: finite.positive().optional(),
  energyToleranceEV: finite.positive().optional(),
  supercell: z.string().optional(),
  parameters: z.record(z.string(), z.union([z.string(), finite, z.boolean()])).optional(),
  description: z.string().min(1),
  locator,
});

export const materialSchema = z.strictObject({
  key,
  name: z.string().min(1),
  formula: z.string().min(1),
  workingIon: z.enum(WORKING_IONS).nullable().default(null),
  family: key.nullable().default(null),
  role: z.enum(MATERIAL_ROLES),
  substrate: key.optional(),
  coating: key.optional(),
  materialsProjectId: z.string().regex(/^mp-\d+$/, 'Materials Project ids look like "mp-19391"').optional(),
  description: z.string().optional(),
  locator,
});

const quantity = z.strictObject({
  value: finite,
  unit: z.string(),
  qualifier: z.enum(QUALIFIERS).default('eq'),
  valueMax: finite.optional(),
});

export const coatingSchema = z.strictObject({
  key,
  name: z.string().min(1),
  formula: z.string().min(1),
  material: key.optional(),
  morphology: z.string().optional(),
  thickness: quantity.optional(),
  synthesisRoute: z.string().optional(),
  infusesGrainBoundaries: z.boolean().default(false),
  infusionDepth: quantity.optional(),
  description: z.string().optional(),
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
  label: z.string().min(1),
  formula: z.string().min(1),
  alkaliContent: finite.nonnegative().optional(),
  spaceGroupSymbol: z.string().optional(),
  spaceGroupNumber: z.number().int().min(1).max(230).optional(),
  magneticOrdering: z.string().optional(),
  state: z.string().optional(),
  method: key.optional(),
  cationMixingPercent: finite.nonnegative().optional(),
  tmInLiLayerPercent: finite.nonnegative().optional(),
  lattices: z.array(latticeSchema).default([]),
  note: z.string().optional(),
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
  counterElectrode: z.string().optional(),
  electrolyte: z.string().optional(),
  state: z.string().optional(),
  technique: z.string().optional(),
  loadingMgPerCm2: finite.positive().optional(),
  other: z.record(z.string(), z.union([z.string(), finite, z.boolean()])).optional(),
});

/** A value with its unit, qualifier and provenance: what every kind of fact records. */
const valueFields = {
  property: z.string(),
  value: finite.optional(),
  valueMax: finite.optional(),
  textValue: z.string().optional(),
  qualifier: z.enum(QUALIFIERS).default('eq'),
  uncertainty: finite.nonnegative().optional(),
  unit: z.string(),
  /** Canonical spelling (dashes between element symbols as en dashes), see derive/site.ts. */
  site: z.string().transform(canonicalSite).optional(),
  note: z.string().optional(),
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
    configuration: z.string().optional(),
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
  property: z.string().default('decomposition_enthalpy'),
  value: finite,
  unit: z.string(),
  method: key.optional(),
  note: z.string().optional(),
  locator,
});

export const paperSchema = z.strictObject({
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.1038/s41467-017-02041-x'),
  title: z.string().min(1),
  journal: z.string().min(1),
  year: z.number().int().min(1900).max(2100),
  volume: z.string().optional(),
  pages: z.string().optional(),
  authors: z.array(z.string()).default([]),
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
