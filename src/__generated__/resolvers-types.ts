import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { Paper as PaperRow, Material as MaterialRow, Coating as CoatingRow, Structure as StructureRow, Lattice as LatticeRow, Measurement as MeasurementRow, Measurement as ConditionsRow, ComputedProperty as ComputedPropertyRow, ComputationalMethod as MethodRow, Reaction as ReactionRow, ReactionParticipant as ParticipantRow, PropertyKey as PropertyKeyRow, MaterialFamily as FamilyRow, FamilyFact as FamilyFactRow, CurationEvent as CurationEventRow, InsertionElectrode as InsertionElectrodeRow, Paper as DatabaseExportRow } from '@prisma/client';
import { SourceParent } from '../resolvers/source.js';
import { MaterialConnectionParent } from '../resolvers/pagination.js';
import { FactConnectionParent } from '../resolvers/facts.js';
import { Derived, DerivationInput as DerivationInputParent } from '../derive/quantity.js';
import { Assessment, Criterion } from '../derive/stability.js';
import { VoltagePairParent } from '../resolvers/derived/voltage.js';
import { CapacityFadeParent, CoatingEffectParent, TmMigrationParent } from '../resolvers/derived/degradation.js';
import { DerivedLatticeParent } from '../resolvers/derived/structure.js';
import { ConsistencyCheckParent } from '../resolvers/derived/consistency.js';
import { CorrelationParent, CorrelationPointParent } from '../resolvers/correlation.js';
import { ElectrodeConnectionParent, RederivationParent } from '../resolvers/electrode.js';
import { PropertyComparisonParent, ComparisonEntryParent } from '../resolvers/comparison.js';
import { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Arbitrary JSON (used for free-form extra conditions and method parameters). */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Direction of improvement of a property. */
export type Better =
  | 'HIGHER'
  | 'LOWER';

/** Fade implied by one capacity-retention measurement, assuming a constant per-cycle fade. */
export type CapacityFade = {
  __typename?: 'CapacityFade';
  /** N·ln(EOL)/ln(R): cycles until retention reaches the end-of-life level. */
  cyclesToEndOfLife: DerivedQuantity;
  /** 1 − R^(1/N), in %/cycle by default. */
  fadePerCycle: DerivedQuantity;
  retention: Measurement;
};


/** Fade implied by one capacity-retention measurement, assuming a constant per-cycle fade. */
export type CapacityFadeFadePerCycleArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};

export type CellType =
  | 'COIN_FULL_CELL'
  | 'COIN_HALF_CELL'
  | 'CYLINDRICAL_18650'
  | 'IN_SITU_XRD_CELL'
  | 'POUCH_FULL_CELL'
  | 'SWAGELOK_CELL'
  | 'SYMMETRIC_CELL';

/** A coating layer, linked to the coated materials it produces. */
export type Coating = Node & {
  __typename?: 'Coating';
  /** Coated materials (substrate + this coating). */
  coatedMaterials: Array<Material>;
  description?: Maybe<Scalars['String']['output']>;
  /** Composition, e.g. `Co2.2B`. */
  formula: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Whether the coating penetrates along grain boundaries of secondary particles. */
  infusesGrainBoundaries: Scalars['Boolean']['output'];
  infusionDepthMaxUm?: Maybe<Scalars['Float']['output']>;
  infusionDepthQualifier?: Maybe<ValueQualifier>;
  infusionDepthUm?: Maybe<Scalars['Float']['output']>;
  key: Scalars['String']['output'];
  /** The coating substance as a material. */
  material?: Maybe<Material>;
  /** e.g. amorphous. */
  morphology?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  source: Source;
  synthesisRoute?: Maybe<Scalars['String']['output']>;
  thicknessNm?: Maybe<Scalars['Float']['output']>;
  thicknessQualifier?: Maybe<ValueQualifier>;
};


/** A coating layer, linked to the coated materials it produces. */
export type CoatingCoatedMaterialsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A property measured on a pristine material and on its coated form under the same conditions. */
export type CoatingEffect = {
  __typename?: 'CoatingEffect';
  coated: Measurement;
  /** Whether the coated value is better in the property's direction of improvement (null: no direction defined or equal). */
  coatedBetter?: Maybe<Scalars['Boolean']['output']>;
  /** coated − pristine. */
  difference: DerivedQuantity;
  pristine: Measurement;
  property: PropertyDefinition;
  /** coated / pristine. */
  ratio: DerivedQuantity;
  /** What the values are about (site), if anything. */
  site?: Maybe<Scalars['String']['output']>;
};


/** A property measured on a pristine material and on its coated form under the same conditions. */
export type CoatingEffectDifferenceArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** One value of a property in a cross-source comparison, with what it refers to. */
export type ComparisonEntry = {
  __typename?: 'ComparisonEntry';
  /** How `structure` and `ionContent` were read (the fact's structure, the material's structures, or the electrode's formulas). */
  basis?: Maybe<Scalars['String']['output']>;
  computationalMethod?: Maybe<ComputationalMethod>;
  /** For a database value: the electrode it belongs to. */
  electrode?: Maybe<InsertionElectrode>;
  /** Global ID of the stored fact (fetch it with `node(id:)`). */
  factId: Scalars['ID']['output'];
  /** Working-ion content range the value refers to (voltages and capacities depend on it). */
  ionContent?: Maybe<IonContentRange>;
  /** COMPUTED or MEASURED. */
  kind: FactKind;
  material: Material;
  /** How it was obtained, e.g. `hybrid-DFT HSE06`, `DFT+U GGA/GGA+U (Materials Project)`, or `measured (GITT)`. */
  method: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  source: Source;
  /** Polymorph / structure the value refers to, e.g. `R-3 → P-31m`, `MP framework mp-1076642`. */
  structure?: Maybe<Scalars['String']['output']>;
  unit: Scalars['String']['output'];
  /** In the comparison's unit. */
  value?: Maybe<Scalars['Float']['output']>;
  /** Upper end of a range, in the comparison's unit. */
  valueMax?: Maybe<Scalars['Float']['output']>;
};

/** A computational set-up (functional, U values, code, cutoffs, k-mesh). */
export type ComputationalMethod = {
  __typename?: 'ComputationalMethod';
  code?: Maybe<Scalars['String']['output']>;
  cutoffEV?: Maybe<Scalars['Float']['output']>;
  description: Scalars['String']['output'];
  energyToleranceEV?: Maybe<Scalars['Float']['output']>;
  /** Fraction of exact exchange in a hybrid functional. */
  exchangeMixing?: Maybe<Scalars['Float']['output']>;
  forceToleranceEVPerA?: Maybe<Scalars['Float']['output']>;
  functional?: Maybe<Scalars['String']['output']>;
  hubbardU: Array<HubbardU>;
  kMesh?: Maybe<Scalars['String']['output']>;
  key: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  parameters?: Maybe<Scalars['JSON']['output']>;
  source: Source;
  supercell?: Maybe<Scalars['String']['output']>;
};

/** A DFT-computed value with its method and source. */
export type ComputedProperty = Fact & Node & {
  __typename?: 'ComputedProperty';
  /** Magnetic order / polymorph the value refers to, e.g. `R-3 G-AFM`. */
  configuration?: Maybe<Scalars['String']['output']>;
  curatedBy?: Maybe<Scalars['String']['output']>;
  /** For a database's electrode value: the electrode it belongs to. */
  electrode?: Maybe<InsertionElectrode>;
  history: Array<CurationEvent>;
  id: Scalars['ID']['output'];
  /** Always COMPUTED. */
  kind: FactKind;
  material: Material;
  method: ComputationalMethod;
  note?: Maybe<Scalars['String']['output']>;
  property: PropertyDefinition;
  qualifier: ValueQualifier;
  site?: Maybe<Scalars['String']['output']>;
  source: Source;
  structure?: Maybe<Structure>;
  textValue?: Maybe<Scalars['String']['output']>;
  uncertainty?: Maybe<Scalars['Float']['output']>;
  unit: Scalars['String']['output'];
  /** Numeric value as printed, or converted to `unit` (error on this field only if the unit is unknown or incompatible). */
  value?: Maybe<Scalars['Float']['output']>;
  valueMax?: Maybe<Scalars['Float']['output']>;
};


/** A DFT-computed value with its method and source. */
export type ComputedPropertyUncertaintyArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** A DFT-computed value with its method and source. */
export type ComputedPropertyValueArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** A DFT-computed value with its method and source. */
export type ComputedPropertyValueMaxArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};

export type ComputedPropertyFilter = {
  /** Case-insensitive substring of the configuration. */
  configuration?: InputMaybe<Scalars['String']['input']>;
  /** Method key. */
  method?: InputMaybe<Scalars['String']['input']>;
  properties?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type ComputedPropertyInput = {
  configuration?: InputMaybe<Scalars['String']['input']>;
  locator: Scalars['String']['input'];
  materialKey: Scalars['String']['input'];
  /** Method key (`ComputationalMethod.key`). */
  methodKey: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  /** PRINTED unless the value was inferred, computed or read off a figure (then say how in `originNote`). */
  origin?: InputMaybe<ValueOrigin>;
  originNote?: InputMaybe<Scalars['String']['input']>;
  paperDoi: Scalars['String']['input'];
  property: Scalars['String']['input'];
  qualifier?: InputMaybe<ValueQualifier>;
  site?: InputMaybe<Scalars['String']['input']>;
  structureKey?: InputMaybe<Scalars['String']['input']>;
  textValue?: InputMaybe<Scalars['String']['input']>;
  uncertainty?: InputMaybe<Scalars['Float']['input']>;
  unit: Scalars['String']['input'];
  value?: InputMaybe<Scalars['Float']['input']>;
  valueMax?: InputMaybe<Scalars['Float']['input']>;
};

export type ComputedPropertyPayload = {
  __typename?: 'ComputedPropertyPayload';
  computedProperty?: Maybe<ComputedProperty>;
  errors: Array<CurationError>;
  /** Stored anyway, but worth a second look (code IMPLAUSIBLE). */
  warnings: Array<CurationError>;
};

/** Where one condition of a measurement comes from, when not simply printed at the measurement's locator. */
export type ConditionSource = {
  __typename?: 'ConditionSource';
  /** Conditions field, e.g. `oneCMAPerG`, `cRate`. */
  field: Scalars['String']['output'];
  /** The condition's own source (its locator, or the measurement's when the paper prints it there). */
  source: Source;
};

/** Where one condition is printed (if not at the measurement's locator) or how the curator obtained it. */
export type ConditionSourceInput = {
  /** Conditions field, e.g. `oneCMAPerG`. */
  field: Scalars['String']['input'];
  locator?: InputMaybe<Scalars['String']['input']>;
  origin?: InputMaybe<ValueOrigin>;
  originNote?: InputMaybe<Scalars['String']['input']>;
};

/** Conditions under which a measurement was made (null = not stated). */
export type Conditions = {
  __typename?: 'Conditions';
  /** Discharge C-rate. */
  cRate?: Maybe<Scalars['Float']['output']>;
  /** C-rate: stored, or current density / the paper's 1C. */
  cRateDerived: DerivedQuantity;
  cellType?: Maybe<CellType>;
  chargeCRate?: Maybe<Scalars['Float']['output']>;
  counterElectrode?: Maybe<Scalars['String']['output']>;
  /** Current density: stored, or C-rate × the paper's 1C. */
  currentDensity: DerivedQuantity;
  currentDensityMAPerG?: Maybe<Scalars['Float']['output']>;
  /** Cycle the value refers to (e.g. 500 for retention after 500 cycles). */
  cycleNumber?: Maybe<Scalars['Int']['output']>;
  electrolyte?: Maybe<Scalars['String']['output']>;
  /** The 1C a paper implies when it prints both a current density and a C-rate. */
  impliedOneC: DerivedQuantity;
  loadingMgPerCm2?: Maybe<Scalars['Float']['output']>;
  /** The paper's definition of 1C, mA/g. */
  oneCMAPerG?: Maybe<Scalars['Float']['output']>;
  /** Further conditions without a column of their own. */
  other?: Maybe<Scalars['JSON']['output']>;
  /** Conditions printed somewhere other than the measurement's locator, or inferred/computed by the curator: where, or how. */
  sources: Array<ConditionSource>;
  /** e.g. pristine, charged to 4.4 V, after 200 cycles. */
  state?: Maybe<Scalars['String']['output']>;
  /** e.g. XPS, DSC, GITT, ICP-OES. */
  technique?: Maybe<Scalars['String']['output']>;
  temperatureC?: Maybe<Scalars['Float']['output']>;
  voltageMaxV?: Maybe<Scalars['Float']['output']>;
  voltageMinV?: Maybe<Scalars['Float']['output']>;
};


/** Conditions under which a measurement was made (null = not stated). */
export type ConditionsCurrentDensityArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** Conditions under which a measurement was made (null = not stated). */
export type ConditionsImpliedOneCArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** Conditions a measured fact must have been taken under; computed facts have none, so any condition here selects measurements only. */
export type ConditionsFilter = {
  /** Discharge C-rate. */
  cRate?: InputMaybe<FloatRange>;
  cellType?: InputMaybe<CellType>;
  cycleNumber?: InputMaybe<Scalars['Int']['input']>;
  /** Case-insensitive substring of the state. */
  state?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive technique name, e.g. `XPS`. */
  technique?: InputMaybe<Scalars['String']['input']>;
  temperatureC?: InputMaybe<FloatRange>;
};

/** Measurement conditions; null fields are not stated. */
export type ConditionsInput = {
  cRate?: InputMaybe<Scalars['Float']['input']>;
  cellType?: InputMaybe<CellType>;
  chargeCRate?: InputMaybe<Scalars['Float']['input']>;
  counterElectrode?: InputMaybe<Scalars['String']['input']>;
  currentDensityMAPerG?: InputMaybe<Scalars['Float']['input']>;
  cycleNumber?: InputMaybe<Scalars['Int']['input']>;
  electrolyte?: InputMaybe<Scalars['String']['input']>;
  loadingMgPerCm2?: InputMaybe<Scalars['Float']['input']>;
  oneCMAPerG?: InputMaybe<Scalars['Float']['input']>;
  /** Other conditions: an object of strings, numbers and booleans. */
  other?: InputMaybe<Scalars['JSON']['input']>;
  state?: InputMaybe<Scalars['String']['input']>;
  technique?: InputMaybe<Scalars['String']['input']>;
  temperatureC?: InputMaybe<Scalars['Float']['input']>;
  voltageMaxV?: InputMaybe<Scalars['Float']['input']>;
  voltageMinV?: InputMaybe<Scalars['Float']['input']>;
};

/** One stored value compared with the same quantity derived from other stored values. */
export type ConsistencyCheck = {
  __typename?: 'ConsistencyCheck';
  /** Which check: `o-share-of-hole`, `spin-deficit`, `capacity-from-electrons`, `current-times-time`, `areal-capacity`, `diffusivity-from-depth`, `bragg-wavelength`, `series-average`. */
  check: Scalars['String']['output'];
  /** The value derived from the other stored values, with its inputs and their sources. */
  derived: DerivedQuantity;
  /** stored − derived, in `unit`. */
  difference: Scalars['Float']['output'];
  /** For a statement about a family or series (a series average): the family; null otherwise. */
  family?: Maybe<MaterialFamily>;
  /** The material the stored value is about; null for a statement about a family (`family`). */
  material?: Maybe<Material>;
  /** The stored value it is compared with, and its source. */
  stored: DerivationInput;
  /** Allowed |difference|: the derived value's tolerance propagated from its inputs' printed digits plus half a unit of the stored value's last digit. */
  tolerance: Scalars['Float']['output'];
  unit: Scalars['String']['output'];
  verdict: ConsistencyVerdict;
};

/** Whether a stored value agrees with the value derived again from other stored values. */
export type ConsistencyVerdict =
  /** Within the tolerance the printed digits of both sides allow. */
  | 'AGREES'
  /** Beyond that tolerance: the paper (or the curation) is inconsistent here. */
  | 'DISAGREES';

export type CorrectValueInput = {
  /** The value being corrected, as read (in its stored unit): if it changed meanwhile, the correction is refused with CONFLICT and the current value, instead of silently overwriting someone else's correction. */
  expectedValue: Scalars['Float']['input'];
  /** Global ID of a Measurement or ComputedProperty. */
  id: Scalars['ID']['input'];
  /** Why the value changes (kept in the history). */
  reason: Scalars['String']['input'];
  /** Unit of the new value; default the stored unit. Must convert to the property's canonical unit. */
  unit?: InputMaybe<Scalars['String']['input']>;
  value: Scalars['Float']['input'];
};

export type CorrectValuePayload = {
  __typename?: 'CorrectValuePayload';
  /** The corrected Measurement or ComputedProperty. */
  corrected?: Maybe<Node>;
  errors: Array<CurationError>;
  event?: Maybe<CurationEvent>;
  /** Stored anyway, but worth a second look (code IMPLAUSIBLE). */
  warnings: Array<CurationError>;
};

export type Correlation = {
  __typename?: 'Correlation';
  /** Materials left out by `exclude`, and materials dropped for lacking a value on either axis. */
  excluded: Array<Material>;
  intercept?: Maybe<Scalars['Float']['output']>;
  missing: Array<Material>;
  n: Scalars['Int']['output'];
  /** Why a statistic is null, and other caveats. */
  notes: Array<Scalars['String']['output']>;
  pearsonR?: Maybe<Scalars['Float']['output']>;
  points: Array<CorrelationPoint>;
  rSquared?: Maybe<Scalars['Float']['output']>;
  /** Least-squares slope, y-unit per x-unit. */
  slope?: Maybe<Scalars['Float']['output']>;
  /** Spearman's ρ with tied values given averaged ranks. */
  spearmanRho?: Maybe<Scalars['Float']['output']>;
  xUnit: Scalars['String']['output'];
  yUnit: Scalars['String']['output'];
};

/** Selects one value per material for a correlation axis. */
export type CorrelationAxis = {
  /** Alkali content of the structure the value refers to (e.g. 1 for Na1MO3). */
  alkaliContent?: InputMaybe<Scalars['Float']['input']>;
  kind?: InputMaybe<FactKind>;
  /** Exact locator, e.g. `Table I`. */
  locator?: InputMaybe<Scalars['String']['input']>;
  /** Method key (computed values). */
  method?: InputMaybe<Scalars['String']['input']>;
  property: Scalars['String']['input'];
  /** Exact site, e.g. `M–O`. */
  site?: InputMaybe<Scalars['String']['input']>;
  /** Unit to express the values in (default the property's canonical unit). */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** One material's point in a correlation. */
export type CorrelationPoint = {
  __typename?: 'CorrelationPoint';
  material: Material;
  /** y minus the fitted line (null when no line can be fitted). */
  residual?: Maybe<Scalars['Float']['output']>;
  x: Scalars['Float']['output'];
  xSource: Source;
  y: Scalars['Float']['output'];
  ySource: Source;
};

/** What a curation step did. */
export type CurationAction =
  | 'ADD_COMPUTED_PROPERTY'
  | 'ADD_MATERIAL'
  | 'ADD_MEASUREMENT'
  | 'ADD_PAPER'
  | 'CORRECT_VALUE'
  /** A fact withdrawn as wrong: `before` holds the whole stored row; seeding does not bring it back. */
  | 'RETRACT_FACT';

/** A typed, field-addressed reason a curation input was refused. Nothing is written when any is returned. */
export type CurationError = {
  __typename?: 'CurationError';
  code: CurationErrorCode;
  /** With CONFLICT: the value stored now. */
  current?: Maybe<StoredValue>;
  message: Scalars['String']['output'];
  /** Input path, e.g. ["input", "unit"]. */
  path: Array<Scalars['String']['output']>;
};

/** Why a curation input was refused. */
export type CurationErrorCode =
  /** The value changed since it was read (`expectedValue` is stale): `current` holds the stored value. */
  | 'CONFLICT'
  /** The same record (same identity) is already stored. */
  | 'DUPLICATE'
  /** A warning, not a refusal: the value is outside the property's plausible range (`plausibleRange` in seeds/vocabulary.yaml) or the formula has an unusually large amount; it was stored, check it. */
  | 'IMPLAUSIBLE'
  /** The input breaks the data format (missing locator, malformed DOI or key, non-finite number…). */
  | 'INVALID'
  /** The object to correct does not exist. */
  | 'NOT_FOUND'
  /** The value is impossible for the property (e.g. a negative capacity). */
  | 'OUT_OF_RANGE'
  | 'UNKNOWN_PROPERTY'
  /** A key or DOI that does not exist (material, structure, method, family, paper). */
  | 'UNKNOWN_REFERENCE'
  /** A unit that is unknown or cannot be converted to the property's canonical unit. */
  | 'UNKNOWN_UNIT';

/** One change made through the curation API: who, when, why, and the values before and after. */
export type CurationEvent = {
  __typename?: 'CurationEvent';
  action: CurationAction;
  after?: Maybe<Scalars['JSON']['output']>;
  /** ISO 8601 time of the change. */
  at: Scalars['String']['output'];
  before?: Maybe<Scalars['JSON']['output']>;
  curator: Scalars['String']['output'];
  /** Pass as `after` to curationEvents for the next, older events. */
  cursor: Scalars['String']['output'];
  /** Global ID of what was changed (a retracted fact's ID no longer resolves: `before` keeps it). */
  entityId: Scalars['ID']['output'];
  reason?: Maybe<Scalars['String']['output']>;
};

/** An imported export of a database, with what its licence asks to cite and where the file came from. */
export type DatabaseExport = {
  __typename?: 'DatabaseExport';
  /** The reference to cite, as text. */
  citation: Scalars['String']['output'];
  /** DOI of the reference to cite for the database, e.g. `10.1063/1.4812323`. */
  citationDoi: Scalars['String']['output'];
  /** Insertion electrodes it holds. */
  electrodeCount: Scalars['Int']['output'];
  /** sha256 of the imported file. */
  fileSha256?: Maybe<Scalars['String']['output']>;
  /** When it was (last) imported. */
  importedAt?: Maybe<Scalars['String']['output']>;
  /** Stable key, e.g. `materials-project-insertion-electrodes`. */
  key: Scalars['String']['output'];
  /** Licence of the data, e.g. `CC BY 4.0`. */
  licence: Scalars['String']['output'];
  /** Name of the data set, e.g. `Materials Project battery explorer: insertion electrodes`. */
  name: Scalars['String']['output'];
  /** Where the imported file came from. */
  origin: Scalars['String']['output'];
  /** The database release it was exported from, or what is known of it. */
  release: Scalars['String']['output'];
};

/** One input of a derivation: a stored fact (with its source), another derivation, or a constant. */
export type DerivationInput = {
  __typename?: 'DerivationInput';
  /** For a derived input: its own derivation. */
  derivation?: Maybe<DerivedQuantity>;
  /** Global ID of the stored row the input was read from (fetch it with `node(id:)`). */
  factId?: Maybe<Scalars['ID']['output']>;
  /** Symbol or short name, e.g. `M(NaVO3)`, `R(500)`. */
  name: Scalars['String']['output'];
  /** For a constant or reference value: what it is and where it comes from. */
  note?: Maybe<Scalars['String']['output']>;
  /** Where a stored input is printed. */
  source?: Maybe<Source>;
  textValue?: Maybe<Scalars['String']['output']>;
  unit: Scalars['String']['output'];
  value?: Maybe<Scalars['Float']['output']>;
};

/** How a served number was obtained. */
export type DerivationStatus =
  /** Computed on request from stored inputs (see `formula` and `inputs`). */
  | 'DERIVED'
  /** Printed in a paper and served as is (see `source`); recomputing it needs inputs that are not stored. */
  | 'REPORTED'
  /** Cannot be derived from what is stored; `value` is null and `reason` says what is missing. */
  | 'UNAVAILABLE';

/** Hexagonal ↔ rhombohedral description of an R-centred cell (Eq. S1 of the NaMO3 paper). */
export type DerivedLattice = {
  __typename?: 'DerivedLattice';
  a: DerivedQuantity;
  alpha?: Maybe<DerivedQuantity>;
  c?: Maybe<DerivedQuantity>;
  setting: LatticeSetting;
  /** The stored cell of the same setting, if any, to compare with. */
  stored?: Maybe<Lattice>;
  volume: DerivedQuantity;
};

/** A value computed on request (nothing derived is stored), with its trace. */
export type DerivedQuantity = {
  __typename?: 'DerivedQuantity';
  /** Assumptions made, e.g. `1C = 220 mA/g as defined in the paper`. */
  assumptions: Array<Scalars['String']['output']>;
  /** For a REPORTED value: the stored row's global ID. */
  factId?: Maybe<Scalars['ID']['output']>;
  /** The formula in symbols, with the inputs' names. */
  formula: Scalars['String']['output'];
  inputs: Array<DerivationInput>;
  /** What was derived, e.g. `theoretical gravimetric capacity`. */
  quantity: Scalars['String']['output'];
  /** Why `value` is null. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Values printed in the papers for the same quantity (measured or computed), side by side with this one; not used as inputs. */
  reportedValues: Array<DerivationInput>;
  /** For a REPORTED value: where it is printed. */
  source?: Maybe<Source>;
  status: DerivationStatus;
  unit: Scalars['String']['output'];
  /** null when `status` is UNAVAILABLE. */
  value?: Maybe<Scalars['Float']['output']>;
};

/** Amount of one element per formula unit as written. */
export type ElementAmount = {
  __typename?: 'ElementAmount';
  amount: Scalars['Float']['output'];
  element: Scalars['String']['output'];
};

/** A stored fact, measured or computed, with its source. Every list of facts (`facts`, `Material.measurements`, `Material.computedProperties`) holds Measurement and ComputedProperty objects, which implement this. */
export type Fact = {
  id: Scalars['ID']['output'];
  /** MEASURED or COMPUTED (never ANY). */
  kind: FactKind;
  material: Material;
  note?: Maybe<Scalars['String']['output']>;
  property: PropertyDefinition;
  qualifier: ValueQualifier;
  site?: Maybe<Scalars['String']['output']>;
  source: Source;
  structure?: Maybe<Structure>;
  textValue?: Maybe<Scalars['String']['output']>;
  /** Uncertainty, converted like a difference of two values in `unit`. */
  uncertainty?: Maybe<Scalars['Float']['output']>;
  /** Unit as stored (printed in the source); `value(unit:)` converts. */
  unit: Scalars['String']['output'];
  /** Numeric value, in the stored unit or in `unit` (converted; an unknown or incompatible unit is an error on this field only). null for text values. */
  value?: Maybe<Scalars['Float']['output']>;
  /** Upper end of a RANGE, converted like `value`. */
  valueMax?: Maybe<Scalars['Float']['output']>;
};


/** A stored fact, measured or computed, with its source. Every list of facts (`facts`, `Material.measurements`, `Material.computedProperties`) holds Measurement and ComputedProperty objects, which implement this. */
export type FactUncertaintyArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** A stored fact, measured or computed, with its source. Every list of facts (`facts`, `Material.measurements`, `Material.computedProperties`) holds Measurement and ComputedProperty objects, which implement this. */
export type FactValueArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** A stored fact, measured or computed, with its source. Every list of facts (`facts`, `Material.measurements`, `Material.computedProperties`) holds Measurement and ComputedProperty objects, which implement this. */
export type FactValueMaxArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** A page of facts: measurements first, then computed properties, each in database order. */
export type FactConnection = {
  __typename?: 'FactConnection';
  edges: Array<FactEdge>;
  pageInfo: PageInfo;
  /** Facts matching the filter across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type FactEdge = {
  __typename?: 'FactEdge';
  cursor: Scalars['String']['output'];
  node: Fact;
};

/** Which stored facts `facts` and the /export endpoints return. Every criterion given must match. */
export type FactFilter = {
  conditions?: InputMaybe<ConditionsFilter>;
  /** Measured, computed or both. */
  kind?: InputMaybe<FactKind>;
  /** Exact locator, e.g. `Table I`. */
  locator?: InputMaybe<Scalars['String']['input']>;
  /** Facts of the materials matching this filter (the same filter as `materials`). */
  material?: InputMaybe<MaterialFilter>;
  /** Facts of these materials (keys, e.g. `namo3-v`). */
  materialKeys?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Method key; selects computed facts only. */
  method?: InputMaybe<Scalars['String']['input']>;
  /** Facts printed in this paper (DOI, case-insensitive). */
  paperDoi?: InputMaybe<Scalars['String']['input']>;
  /** Property keys from `propertyKeys`, e.g. ["average_voltage", "discharge_capacity"]. */
  properties?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Which stored facts a property range is checked against. */
export type FactKind =
  | 'ANY'
  | 'COMPUTED'
  | 'MEASURED';

/** How a family fact's value relates to the values of the members it covers. */
export type FamilyAggregate =
  /** A threshold or criterion stated for the family, to compare its members' values against. */
  | 'CRITERION'
  /** Holds for each member alike (a common energy window, a shared feature). */
  | 'EACH'
  /** No member's value is below it. */
  | 'LOWER_BOUND'
  /** Largest member value. */
  | 'MAX'
  /** Average over the members. */
  | 'MEAN'
  /** Smallest member value. */
  | 'MIN'
  /** A typical or representative figure for the family, not a statistic of stored members. */
  | 'TYPICAL'
  /** No member's value is above it. */
  | 'UPPER_BOUND';

/** A fact stated about a family, a series or a set of materials as a whole, with its source. */
export type FamilyFact = Node & {
  __typename?: 'FamilyFact';
  aggregate: FamilyAggregate;
  family: MaterialFamily;
  id: Scalars['ID']['output'];
  /** The materials the statement covers (ordered by key); empty when it is about the family in general. */
  members: Array<Material>;
  /** The computational method of a computed statement; null for an experimental or literature one. */
  method?: Maybe<ComputationalMethod>;
  note?: Maybe<Scalars['String']['output']>;
  property: PropertyDefinition;
  qualifier: ValueQualifier;
  /** What the value is about: bond, phase, energy window… */
  site?: Maybe<Scalars['String']['output']>;
  source: Source;
  textValue?: Maybe<Scalars['String']['output']>;
  uncertainty?: Maybe<Scalars['Float']['output']>;
  /** Unit as printed in the paper. */
  unit: Scalars['String']['output'];
  /** Numeric value in `unit`, as printed (null for text values). */
  value?: Maybe<Scalars['Float']['output']>;
  /** Upper end when `qualifier` is RANGE. */
  valueMax?: Maybe<Scalars['Float']['output']>;
};

export type FamilyFactFilter = {
  /** Only facts printed in this paper (DOI, case-insensitive). */
  paperDoi?: InputMaybe<Scalars['String']['input']>;
  /** Only these property keys. */
  properties?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A closed or half-open numeric interval; either bound may be omitted. */
export type FloatRange = {
  max?: InputMaybe<Scalars['Float']['input']>;
  min?: InputMaybe<Scalars['Float']['input']>;
};

/** Hubbard U applied to one element. */
export type HubbardU = {
  __typename?: 'HubbardU';
  element: Scalars['String']['output'];
  jEV: Scalars['Float']['output'];
  uEV: Scalars['Float']['output'];
};

/**
 * An insertion electrode of a database export (Materials Project battery explorer): a framework taking
 * up a working ion between a charged (ion-poor) and a discharged (ion-rich) material. Its values are the
 * database's computed facts (method: the database's, locator: the battery id), each with its source;
 * `rederivations` recomputes what follows from the formulas beside them.
 */
export type InsertionElectrode = Node & {
  __typename?: 'InsertionElectrode';
  /** Atomic fraction of the working ion in the charged formula (MP `fracA_charge`). */
  atomicFractionCharge?: Maybe<ComputedProperty>;
  /** Atomic fraction of the working ion in the discharged formula (MP `fracA_discharge`). */
  atomicFractionDischarge?: Maybe<ComputedProperty>;
  /** Average voltage vs the working-ion metal (MP `average_voltage`), V. */
  averageVoltage?: Maybe<ComputedProperty>;
  /** e.g. `Na0-1CrO3`: the ion content range over the framework. */
  batteryFormula: Scalars['String']['output'];
  /** Materials Project `battery_id`: the framework's MP id + `_` + working ion, e.g. `mp-1076642_Na`. */
  batteryId: Scalars['String']['output'];
  /** The charged (ion-poor) end as a material. */
  charged: Material;
  /** Elements joined by `-`, alphabetical, e.g. `Cr-Na-O`. */
  chemicalSystem: Scalars['String']['output'];
  /** The discharged (ion-rich) end as a material. */
  discharged: Material;
  /** Elements of the discharged formula, alphabetical. */
  elements: Array<Scalars['String']['output']>;
  /** As the database prints it, e.g. `CrO3`, `Rb(Cr5Te8)3`. */
  formulaCharge: Scalars['String']['output'];
  /** As the database prints it, e.g. `NaCrO3`, `Li(NiO2)2`. */
  formulaDischarge: Scalars['String']['output'];
  /** The framework's reduced formula without the working ion, e.g. `CrO3`. */
  frameworkFormula: Scalars['String']['output'];
  /** The framework's MP id, e.g. `mp-1076642`. */
  frameworkId: Scalars['String']['output'];
  /** Per mass of the discharged formula (MP `capacity_grav`), mAh/g. */
  gravimetricCapacity?: Maybe<ComputedProperty>;
  /** MP `energy_grav`, Wh/kg. */
  gravimetricEnergy?: Maybe<ComputedProperty>;
  id: Scalars['ID']['output'];
  /** Largest fractional volume change over the steps (MP `max_delta_volume`), a fraction. */
  maxDeltaVolume?: Maybe<ComputedProperty>;
  /** Largest voltage difference between adjacent steps (MP `max_voltage_step`), V. */
  maxVoltageStep?: Maybe<ComputedProperty>;
  /** Voltage steps between the two ends. */
  numSteps: Scalars['Int']['output'];
  /** Capacity, energies and ion fractions re-derived from the formulas, the ion's valence and the voltage, beside the database's values. */
  rederivations: Array<Rederivation>;
  source: Source;
  /** Energy above the convex hull of the charged material (MP `stability_charge`), eV/atom. */
  stabilityCharge?: Maybe<ComputedProperty>;
  /** Energy above the convex hull of the discharged material (MP `stability_discharge`), eV/atom. */
  stabilityDischarge?: Maybe<ComputedProperty>;
  /** Every stored value of this electrode. */
  values: Array<ComputedProperty>;
  /** MP `capacity_vol`, mAh/cm³. */
  volumetricCapacity?: Maybe<ComputedProperty>;
  /** MP `energy_vol`, Wh/L. */
  volumetricEnergy?: Maybe<ComputedProperty>;
  workingIon: WorkingIon;
  /** Charge of the working ion (electrons per ion): Li, Na, K, Rb, Cs 1; Mg, Ca, Zn 2; Al, Y 3. */
  workingIonValence: Scalars['Int']['output'];
};

export type InsertionElectrodeConnection = {
  __typename?: 'InsertionElectrodeConnection';
  edges: Array<InsertionElectrodeEdge>;
  pageInfo: PageInfo;
  /** Electrodes matching the filter across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type InsertionElectrodeEdge = {
  __typename?: 'InsertionElectrodeEdge';
  cursor: Scalars['String']['output'];
  node: InsertionElectrode;
};

/** Filters on insertion electrodes, like the Materials Project battery explorer's; all given conditions must hold. */
export type InsertionElectrodeFilter = {
  /** Chemical system: exactly these elements, joined by `-` in any order, e.g. `Li-Ni-O`. */
  chemicalSystem?: InputMaybe<Scalars['String']['input']>;
  /** Electrodes whose discharged formula contains all of these elements. */
  elements?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Electrodes made of these elements only (each element of the discharged formula is in the list). */
  elementsOnly?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Substring (case-sensitive, as chemical symbols are) of the charge, discharge or battery formula as the database prints it, e.g. `NiO2`. */
  formulaContains?: InputMaybe<Scalars['String']['input']>;
  /** Number of voltage steps. */
  numSteps?: InputMaybe<IntRange>;
  /** Value ranges of the electrode's properties, in any compatible unit (`kind` is ignored: all are computed). */
  propertyRanges?: InputMaybe<Array<PropertyRangeFilter>>;
  /** OPTIMADE reduced formula (elements alphabetical) of the charged or the discharged material, e.g. `CrNaO3`. */
  reducedFormula?: InputMaybe<Scalars['String']['input']>;
  /** Only electrodes from sources of this kind (all imported electrodes come from a DATABASE today). */
  sourceKind?: InputMaybe<SourceKind>;
  workingIon?: InputMaybe<WorkingIon>;
  /** Any of these working ions. */
  workingIons?: InputMaybe<Array<WorkingIon>>;
};

/** An integer interval; either bound may be omitted. */
export type IntRange = {
  max?: InputMaybe<Scalars['Int']['input']>;
  min?: InputMaybe<Scalars['Int']['input']>;
};

/** A range of working-ion content per formula unit of the discharged material, e.g. Na 1 → 0.5. */
export type IonContentRange = {
  __typename?: 'IonContentRange';
  /** Ion content at the charged (ion-poor) end. */
  charged: Scalars['Float']['output'];
  /** Ion content at the discharged (ion-rich) end. */
  discharged: Scalars['Float']['output'];
  /** e.g. `Na1 → Na0.5`. */
  text: Scalars['String']['output'];
  workingIon: WorkingIon;
};

/** Cell parameters of a structure in one setting. */
export type Lattice = {
  __typename?: 'Lattice';
  aA?: Maybe<Scalars['Float']['output']>;
  alphaDeg?: Maybe<Scalars['Float']['output']>;
  bA?: Maybe<Scalars['Float']['output']>;
  betaDeg?: Maybe<Scalars['Float']['output']>;
  cA?: Maybe<Scalars['Float']['output']>;
  formulaUnitsPerCell?: Maybe<Scalars['Int']['output']>;
  gammaDeg?: Maybe<Scalars['Float']['output']>;
  setting: LatticeSetting;
  source: Source;
  /** Cell volume: computed from the cell parameters (or the printed volume, flagged REPORTED, when parameters are incomplete). */
  volume: DerivedQuantity;
  volumeA3?: Maybe<Scalars['Float']['output']>;
};


/** Cell parameters of a structure in one setting. */
export type LatticeVolumeArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};

export type LatticeSetting =
  | 'CUBIC'
  | 'HEXAGONAL'
  | 'MONOCLINIC'
  | 'ORTHORHOMBIC'
  | 'RHOMBOHEDRAL'
  | 'TETRAGONAL'
  | 'TRICLINIC';

/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type Material = Node & {
  __typename?: 'Material';
  /** Average voltage vs the working-ion metal: from total energies by Eq. (1) when stored, else the computed value printed (REPORTED), else a measured average or plateau voltage (REPORTED, with its conditions); the other candidates, computed and measured, side by side in `reportedValues`. */
  averageVoltage: DerivedQuantity;
  /** Fade per cycle and projected cycle life from each retention measurement. */
  capacityFade: Array<CapacityFade>;
  /** OPTIMADE `chemical_formula_reduced` (alphabetical; amounts kept as written when not integers). */
  chemicalFormulaReduced: Scalars['String']['output'];
  /** Coated materials made from this one. */
  coatedForms: Array<Material>;
  /** For a coated material: the coating applied. */
  coating?: Maybe<Coating>;
  /** Coated vs pristine comparisons: for a coated material against its substrate, for a substrate against each coated form. Only measurements under identical conditions are paired. Test set-up parameters (electrode loading, XRD wavelength…) are skipped unless named in `properties`. */
  coatingEffects: Array<CoatingEffect>;
  /** Every value of `property` for this material's reduced formula, from every source (see `Query.propertyComparison`). */
  comparison: PropertyComparison;
  /** Element amounts per formula unit, parsed from `formula`. */
  composition: Array<ElementAmount>;
  /** DFT-computed properties, optionally filtered. */
  computedProperties: Array<ComputedProperty>;
  description?: Maybe<Scalars['String']['output']>;
  /** Elements in the formula, alphabetical. */
  elements: Array<Scalars['String']['output']>;
  family?: Maybe<MaterialFamily>;
  /** Composition as written in the paper (fractional subscripts kept), e.g. `Li1.17Ni0.21Co0.08Mn0.54O2`. */
  formula: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Insertion electrodes this material is an end of (database materials). */
  insertionElectrodes: Array<InsertionElectrode>;
  /** Stable curated key, e.g. `namo3-v`, `ncm811-coxb`. */
  key: Scalars['String']['output'];
  /** Materials Project id, e.g. `mp-19391`, where the paper names one. */
  materialsProjectId?: Maybe<Scalars['String']['output']>;
  /** Experimental measurements, optionally filtered by property and conditions. */
  measurements: Array<Measurement>;
  /** Molar mass of one formula unit from standard atomic weights. */
  molarMass: DerivedQuantity;
  name: Scalars['String']['output'];
  /** OPTIMADE `nelements`. */
  nelements: Scalars['Int']['output'];
  /** Reactions this material takes part in (decomposition, competing phases). */
  reactions: Array<Reaction>;
  role: MaterialRole;
  /** Materials of the same OPTIMADE reduced formula from any source (papers and databases): the cross-source link. */
  sameReducedFormula: Array<Material>;
  /** The paper and place that define this material. */
  source: Source;
  /**
   * Average voltage × capacity (Wh/kg by default). Without `ionsExchanged` the capacity follows the
   * voltage: the modelled step's Δx for a computed voltage (NaVO3 Na1 → Na0.5: 0.5 Na), the discharge
   * capacity measured under the same conditions for a measured one, else one working ion. The
   * assumptions say whether the capacity is measured or theoretical.
   */
  specificEnergy: DerivedQuantity;
  /** Stability verdict from every stored criterion, each listing what it used. */
  stability: StabilityAssessment;
  /** Phases of this material (per alkali content / cycling state). */
  structures: Array<Structure>;
  /** For a coated material: the pristine material it was made from. */
  substrate?: Maybe<Material>;
  /** Theoretical gravimetric capacity for `ionsExchanged` working ions per formula unit (Faraday's law). */
  theoreticalCapacity: DerivedQuantity;
  /** TM migration reversibility through a cycle (needs pristine, charged and discharged TM-in-Li-layer fractions). */
  tmMigration?: Maybe<TmMigration>;
  /** Voltage steps between this material's ion-rich and ion-poor structures. */
  voltagePairs: Array<VoltagePair>;
  /** Ion shuttled in the battery (null for coatings and reference phases). */
  workingIon?: Maybe<WorkingIon>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialAverageVoltageArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialCapacityFadeArgs = {
  endOfLifePercent?: InputMaybe<Scalars['Float']['input']>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialCoatedFormsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialCoatingEffectsArgs = {
  properties?: InputMaybe<Array<Scalars['String']['input']>>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialComparisonArgs = {
  property: Scalars['String']['input'];
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialComputedPropertiesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<ComputedPropertyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialMeasurementsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<MeasurementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialMolarMassArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialReactionsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialSpecificEnergyArgs = {
  ionsExchanged?: InputMaybe<Scalars['Float']['input']>;
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialStructuresArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A named material: a cathode, a coated cathode, a coating, an anode, a competing or reference phase. */
export type MaterialTheoreticalCapacityArgs = {
  ionsExchanged?: InputMaybe<Scalars['Float']['input']>;
  unit?: InputMaybe<Scalars['String']['input']>;
};

export type MaterialConnection = {
  __typename?: 'MaterialConnection';
  edges: Array<MaterialEdge>;
  pageInfo: PageInfo;
  /** Materials matching the filter across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type MaterialEdge = {
  __typename?: 'MaterialEdge';
  cursor: Scalars['String']['output'];
  node: Material;
};

/** A family of related cathode chemistries. */
export type MaterialFamily = {
  __typename?: 'MaterialFamily';
  description: Scalars['String']['output'];
  /**
   * Statements about the family, a series or a set of its members as a whole (a series average, a
   * bound for every member, a literature figure for the family). They are no member's own property:
   * `Material.measurements`/`computedProperties` and material property-range filters never see them.
   */
  facts: Array<FamilyFact>;
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
};


/** A family of related cathode chemistries. */
export type MaterialFamilyFactsArgs = {
  filter?: InputMaybe<FamilyFactFilter>;
};

export type MaterialFilter = {
  /** OPTIMADE-style reduced formula, exact match, e.g. `NaO3V` (elements alphabetical). */
  chemicalFormulaReduced?: InputMaybe<Scalars['String']['input']>;
  /** Chemical system: exactly these elements, joined by `-` in any order, e.g. `Li-Ni-O`. */
  chemicalSystem?: InputMaybe<Scalars['String']['input']>;
  /** Materials containing all of these elements. */
  elements?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Materials made of these elements only (every element of the formula is in the list). */
  elementsOnly?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Family key, e.g. `ilmenite-namo3`. */
  family?: InputMaybe<Scalars['String']['input']>;
  /** Substring (case-sensitive) of the formula as written, e.g. `NiO2`. */
  formulaContains?: InputMaybe<Scalars['String']['input']>;
  /** true: coated materials only; false: uncoated only. */
  hasCoating?: InputMaybe<Scalars['Boolean']['input']>;
  /** OPTIMADE-style: number of distinct elements within [min, max]. */
  nelements?: InputMaybe<IntRange>;
  /** Materials defined by, or having facts from, this paper. */
  paperDoi?: InputMaybe<Scalars['String']['input']>;
  /** All ranges must match. */
  propertyRanges?: InputMaybe<Array<PropertyRangeFilter>>;
  role?: InputMaybe<MaterialRole>;
  /** Materials defined by a source of this kind (PAPER or DATABASE). */
  sourceKind?: InputMaybe<SourceKind>;
  workingIon?: InputMaybe<WorkingIon>;
};

export type MaterialInput = {
  coatingKey?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Family key. */
  family?: InputMaybe<Scalars['String']['input']>;
  formula: Scalars['String']['input'];
  /** Stable lower-case key, e.g. `lfp-carbon-coated`. */
  key: Scalars['String']['input'];
  locator: Scalars['String']['input'];
  materialsProjectId?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** DOI of the (stored) paper that defines the material. */
  paperDoi: Scalars['String']['input'];
  role: MaterialRole;
  /** For a coated material: the pristine material's key (with `coatingKey`). */
  substrateKey?: InputMaybe<Scalars['String']['input']>;
  workingIon?: InputMaybe<WorkingIon>;
};

export type MaterialPayload = {
  __typename?: 'MaterialPayload';
  errors: Array<CurationError>;
  material?: Maybe<Material>;
  /** Stored anyway, but worth a second look (code IMPLAUSIBLE). */
  warnings: Array<CurationError>;
};

/** What a material is in the knowledge base. */
export type MaterialRole =
  | 'ANODE'
  | 'CATHODE'
  /** A cathode with a coating: see `substrate` and `coating`. */
  | 'COATED_CATHODE'
  | 'COATING'
  /** A phase competing with a cathode (decomposition or reduction product). */
  | 'COMPETING_PHASE'
  /** One end (charged or discharged) of a database's insertion electrode; the database does not say cathode or anode. */
  | 'ELECTRODE'
  | 'ELECTROLYTE'
  | 'ELEMENTAL'
  | 'PRECURSOR'
  | 'REFERENCE';

/** An experimental value as printed, with its conditions and source. */
export type Measurement = Fact & Node & {
  __typename?: 'Measurement';
  conditions: Conditions;
  /** Curator who added it through the API (null: from the curated seed files). */
  curatedBy?: Maybe<Scalars['String']['output']>;
  /** Corrections and additions through the curation API, oldest first. */
  history: Array<CurationEvent>;
  id: Scalars['ID']['output'];
  /** Always MEASURED. */
  kind: FactKind;
  material: Material;
  note?: Maybe<Scalars['String']['output']>;
  property: PropertyDefinition;
  qualifier: ValueQualifier;
  /** What the value is about: element, peak, bond, synthesis step… */
  site?: Maybe<Scalars['String']['output']>;
  source: Source;
  structure?: Maybe<Structure>;
  textValue?: Maybe<Scalars['String']['output']>;
  /** Converted like a difference of two values in `unit`. */
  uncertainty?: Maybe<Scalars['Float']['output']>;
  /** Unit as printed in the paper. */
  unit: Scalars['String']['output'];
  /** Numeric value as printed (null for text values), or converted to `unit`; an unknown or incompatible unit is an error on this field only. */
  value?: Maybe<Scalars['Float']['output']>;
  /** Upper end when `qualifier` is RANGE, converted like `value`. */
  valueMax?: Maybe<Scalars['Float']['output']>;
};


/** An experimental value as printed, with its conditions and source. */
export type MeasurementUncertaintyArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** An experimental value as printed, with its conditions and source. */
export type MeasurementValueArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** An experimental value as printed, with its conditions and source. */
export type MeasurementValueMaxArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};

export type MeasurementFilter = {
  cRate?: InputMaybe<FloatRange>;
  cellType?: InputMaybe<CellType>;
  cycleNumber?: InputMaybe<Scalars['Int']['input']>;
  /** Only these property keys. */
  properties?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Case-insensitive substring of the state. */
  state?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive technique name. */
  technique?: InputMaybe<Scalars['String']['input']>;
  temperatureC?: InputMaybe<FloatRange>;
};

export type MeasurementInput = {
  /** Conditions printed elsewhere than `locator`, or inferred/computed by the curator. */
  conditionSources?: InputMaybe<Array<ConditionSourceInput>>;
  conditions?: InputMaybe<ConditionsInput>;
  /** Table, figure or section, e.g. `Fig. 3e`. */
  locator: Scalars['String']['input'];
  materialKey: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  /** PRINTED unless the value was inferred, computed or read off a figure (then say how in `originNote`). */
  origin?: InputMaybe<ValueOrigin>;
  originNote?: InputMaybe<Scalars['String']['input']>;
  paperDoi: Scalars['String']['input'];
  /** Property key from the vocabulary (`propertyKeys`). */
  property: Scalars['String']['input'];
  qualifier?: InputMaybe<ValueQualifier>;
  site?: InputMaybe<Scalars['String']['input']>;
  structureKey?: InputMaybe<Scalars['String']['input']>;
  textValue?: InputMaybe<Scalars['String']['input']>;
  uncertainty?: InputMaybe<Scalars['Float']['input']>;
  /** Unit as printed; must convert to the property's canonical unit. */
  unit: Scalars['String']['input'];
  value?: InputMaybe<Scalars['Float']['input']>;
  valueMax?: InputMaybe<Scalars['Float']['input']>;
};

export type MeasurementPayload = {
  __typename?: 'MeasurementPayload';
  errors: Array<CurationError>;
  measurement?: Maybe<Measurement>;
  /** Stored anyway, but worth a second look (code IMPLAUSIBLE). */
  warnings: Array<CurationError>;
};

/** Curation: every mutation needs `Authorization: Bearer <curator token>`; reads stay open. Each validates its input fully and writes in one transaction, or returns `errors` and writes nothing. */
export type Mutation = {
  __typename?: 'Mutation';
  addComputedProperty: ComputedPropertyPayload;
  addMaterial: MaterialPayload;
  addMeasurement: MeasurementPayload;
  addPaper: PaperPayload;
  /** Change a stored value; the old value stays in `history` with who, when and why. */
  correctValue: CorrectValuePayload;
  /** Withdraw a wrong fact: it is deleted, the event keeps the whole row, and a later seed or ingest does not bring it back from the files. */
  retractFact: RetractFactPayload;
};


/** Curation: every mutation needs `Authorization: Bearer <curator token>`; reads stay open. Each validates its input fully and writes in one transaction, or returns `errors` and writes nothing. */
export type MutationAddComputedPropertyArgs = {
  input: ComputedPropertyInput;
};


/** Curation: every mutation needs `Authorization: Bearer <curator token>`; reads stay open. Each validates its input fully and writes in one transaction, or returns `errors` and writes nothing. */
export type MutationAddMaterialArgs = {
  input: MaterialInput;
};


/** Curation: every mutation needs `Authorization: Bearer <curator token>`; reads stay open. Each validates its input fully and writes in one transaction, or returns `errors` and writes nothing. */
export type MutationAddMeasurementArgs = {
  input: MeasurementInput;
};


/** Curation: every mutation needs `Authorization: Bearer <curator token>`; reads stay open. Each validates its input fully and writes in one transaction, or returns `errors` and writes nothing. */
export type MutationAddPaperArgs = {
  input: PaperInput;
};


/** Curation: every mutation needs `Authorization: Bearer <curator token>`; reads stay open. Each validates its input fully and writes in one transaction, or returns `errors` and writes nothing. */
export type MutationCorrectValueArgs = {
  input: CorrectValueInput;
};


/** Curation: every mutation needs `Authorization: Bearer <curator token>`; reads stay open. Each validates its input fully and writes in one transaction, or returns `errors` and writes nothing. */
export type MutationRetractFactArgs = {
  input: RetractFactInput;
};

/** An object with a global ID, fetchable with `node(id:)`. */
export type Node = {
  /** Global ID: base64 of `Type:databaseId`. */
  id: Scalars['ID']['output'];
};

/** Relay pagination info. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A publication that facts are taken from. */
export type Paper = Node & {
  __typename?: 'Paper';
  authors: Array<Scalars['String']['output']>;
  /** Coatings this paper describes. */
  coatings: Array<Coating>;
  doi: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  journal: Scalars['String']['output'];
  /** Materials this paper defines. */
  materials: Array<Material>;
  /** Computational methods this paper used. */
  methods: Array<ComputationalMethod>;
  /** Pages or article number. */
  pages?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  volume?: Maybe<Scalars['String']['output']>;
  year: Scalars['Int']['output'];
};


/** A publication that facts are taken from. */
export type PaperCoatingsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A publication that facts are taken from. */
export type PaperMaterialsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PaperInput = {
  authors?: InputMaybe<Array<Scalars['String']['input']>>;
  doi: Scalars['String']['input'];
  journal: Scalars['String']['input'];
  pages?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
  volume?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};

export type PaperPayload = {
  __typename?: 'PaperPayload';
  errors: Array<CurationError>;
  paper?: Maybe<Paper>;
  /** Stored anyway, but worth a second look (code IMPLAUSIBLE). */
  warnings: Array<CurationError>;
};

/** Every stored value of one property for one reduced formula (or one material), from every source, side by side. */
export type PropertyComparison = {
  __typename?: 'PropertyComparison';
  entries: Array<ComparisonEntry>;
  property: PropertyDefinition;
  /** OPTIMADE reduced formula compared, e.g. `CrNaO3`. */
  reducedFormula: Scalars['String']['output'];
  unit: Scalars['String']['output'];
};

/** A controlled-vocabulary property with its canonical unit. */
export type PropertyDefinition = {
  __typename?: 'PropertyDefinition';
  /** Which direction is an improvement (null: no verdict); coating effects judge by it. */
  better?: Maybe<Better>;
  canonicalUnit: Scalars['String']['output'];
  description: Scalars['String']['output'];
  key: Scalars['String']['output'];
  kind: PropertyKind;
  label: Scalars['String']['output'];
  /** A test-set-up parameter (electrode loading, XRD wavelength…): coating effects skip it unless asked for by name. */
  setup: Scalars['Boolean']['output'];
  /** Controlled sites of a key whose derivations match on the site (empty: free text). Dashes between element symbols are stored as en dashes (O-O → O–O). */
  sites: Array<Scalars['String']['output']>;
  /** Derived fields that read this property, e.g. `averageVoltage`, `stability`. */
  usedBy: Array<Scalars['String']['output']>;
  valueType: PropertyValueType;
};

export type PropertyKind =
  | 'BOTH'
  | 'COMPUTED'
  | 'MEASURED';

/** Sort by a numeric property of the vocabulary (compared in its canonical unit); rows without a value come last, ties by id. */
export type PropertyOrder = {
  direction?: InputMaybe<SortDirection>;
  /** Property key, e.g. `average_voltage`, `theoretical_capacity`, `energy_above_hull`. */
  property: Scalars['String']['input'];
};

/** Materials having at least one value of `property` within [min, max] (compared in `unit`, default the property's canonical unit). */
export type PropertyRangeFilter = {
  kind?: InputMaybe<FactKind>;
  max?: InputMaybe<Scalars['Float']['input']>;
  min?: InputMaybe<Scalars['Float']['input']>;
  property: Scalars['String']['input'];
  unit?: InputMaybe<Scalars['String']['input']>;
};

export type PropertyValueType =
  | 'NUMBER'
  | 'TEXT';

export type Query = {
  __typename?: 'Query';
  /** All coatings. */
  coatings: Array<Coating>;
  /** Every stored value that also follows from other stored values, derived again and compared within the printed digits: agreements and disagreements, each with both sources. */
  consistencyChecks: Array<ConsistencyCheck>;
  /** Correlation between two properties across materials (one value per material and axis; narrow the axes if a material has several). */
  correlation: Correlation;
  /** Curation events, newest first, optionally of one action (e.g. RETRACT_FACT: what was withdrawn, by whom and why). */
  curationEvents: Array<CurationEvent>;
  /** Imported database exports (the Materials Project battery explorer), with citation, licence and origin. */
  databases: Array<DatabaseExport>;
  /** Stored facts across materials, filtered and paginated (Relay connection). For whole tables without the cost limit, use GET /export/facts.csv or .jsonl with the same filter (docs/data-out.md). */
  facts: FactConnection;
  /** Material families. */
  families: Array<MaterialFamily>;
  /** One material family by key, e.g. `ilmenite-namo3`, with its family-level facts. */
  family?: Maybe<MaterialFamily>;
  /** One insertion electrode by its battery id, e.g. `mp-1076642_Na`. */
  insertionElectrode?: Maybe<InsertionElectrode>;
  /** Insertion electrodes, filtered and sorted like the Materials Project battery explorer (Relay connection; default order: database id). */
  insertionElectrodes: InsertionElectrodeConnection;
  /** One material by global ID or by key (give exactly one), e.g. `material(key: "namo3-v")`. */
  material?: Maybe<Material>;
  /** Materials, filtered and paginated (Relay connection; ordered by database id, or by a property: ASC by each material's lowest value of it, DESC by its highest). */
  materials: MaterialConnection;
  /** Any object by its global ID. */
  node?: Maybe<Node>;
  /** A paper by DOI (case-insensitive). */
  paper?: Maybe<Paper>;
  /** All papers in the knowledge base (database exports: `databases`). */
  papers: Array<Paper>;
  /**
   * Every value of `property` for the materials of one reduced formula (`reducedFormula`, or a formula as
   * written, e.g. `NaCrO3`) or of one material (`materialId`), from every source, with method, structure and
   * ion-content range stated. Values are in `unit` (default: the property's canonical unit).
   */
  propertyComparison: PropertyComparison;
  /** The controlled vocabulary of property keys. */
  propertyKeys: Array<PropertyDefinition>;
};


export type QueryCoatingsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryConsistencyChecksArgs = {
  materialKey?: InputMaybe<Scalars['String']['input']>;
  onlyDisagreements?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryCorrelationArgs = {
  exclude?: InputMaybe<Array<Scalars['String']['input']>>;
  filter?: InputMaybe<MaterialFilter>;
  x: CorrelationAxis;
  y: CorrelationAxis;
};


export type QueryCurationEventsArgs = {
  action?: InputMaybe<CurationAction>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryFactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FactFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryFamilyArgs = {
  key: Scalars['String']['input'];
};


export type QueryInsertionElectrodeArgs = {
  batteryId: Scalars['String']['input'];
};


export type QueryInsertionElectrodesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InsertionElectrodeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PropertyOrder>;
};


export type QueryMaterialArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMaterialsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MaterialFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PropertyOrder>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaperArgs = {
  doi: Scalars['String']['input'];
};


export type QueryPapersArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPropertyComparisonArgs = {
  formula?: InputMaybe<Scalars['String']['input']>;
  materialId?: InputMaybe<Scalars['ID']['input']>;
  property: Scalars['String']['input'];
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** A decomposition or competing-phase reaction with its computed enthalpy. */
export type Reaction = Node & {
  __typename?: 'Reaction';
  /** Human-readable equation, e.g. `3 NaVO3 → Na2V3O7 + 0.5 Na2O + 0.75 O2`. */
  equation: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  method?: Maybe<ComputationalMethod>;
  note?: Maybe<Scalars['String']['output']>;
  products: Array<ReactionParticipant>;
  property: PropertyDefinition;
  reactants: Array<ReactionParticipant>;
  source: Source;
  unit: Scalars['String']['output'];
  value: Scalars['Float']['output'];
};

/** One side's species in a reaction. */
export type ReactionParticipant = {
  __typename?: 'ReactionParticipant';
  coefficient: Scalars['Float']['output'];
  material: Material;
};

/** A value re-derived by cathode-kb beside the value a source prints, with their relative difference. */
export type Rederivation = {
  __typename?: 'Rederivation';
  /** cathode-kb's derivation (in the reported value's unit), with its formula and inputs. */
  derived: DerivedQuantity;
  property: PropertyDefinition;
  /** What was compared, e.g. `gravimetric capacity`. */
  quantity: Scalars['String']['output'];
  /** |derived − reported| / |reported| (null when the derivation is unavailable). */
  relativeDifference?: Maybe<Scalars['Float']['output']>;
  /** The source's value. */
  reported: ComputedProperty;
};

export type RetractFactInput = {
  /** The value being retracted, as read (null for a text value): if it changed meanwhile, the retraction is refused with CONFLICT and the current value. */
  expectedValue?: InputMaybe<Scalars['Float']['input']>;
  /** Global ID of a Measurement or ComputedProperty. */
  id: Scalars['ID']['input'];
  /** Why the fact is wrong (kept in the history). */
  reason: Scalars['String']['input'];
};

export type RetractFactPayload = {
  __typename?: 'RetractFactPayload';
  errors: Array<CurationError>;
  /** The RETRACT_FACT event; its `before` is the whole stored row. */
  event?: Maybe<CurationEvent>;
  /** Global ID of the retracted fact (it no longer resolves). */
  retractedId?: Maybe<Scalars['ID']['output']>;
};

/** Sort direction. */
export type SortDirection =
  | 'ASC'
  | 'DESC';

/** Where a stored fact comes from: a paper (and the table, figure or section in it) or a database export (and the record in it). */
export type Source = {
  __typename?: 'Source';
  /** The database export, when `kind` is DATABASE (null for a paper). */
  database?: Maybe<DatabaseExport>;
  kind: SourceKind;
  /** Where in the source: a paper's table, figure or section (`Table III`, `Fig. 3d`, `Methods`), or a database record's id (the Materials Project battery id, e.g. `mp-1076642_Na`). */
  locator: Scalars['String']['output'];
  /** Whether the value is printed there or was inferred, computed or read off a figure by the curator from what is printed there. */
  origin: ValueOrigin;
  /** How the curator obtained a value that is not printed (null when PRINTED). */
  originNote?: Maybe<Scalars['String']['output']>;
  /** The paper, when `kind` is PAPER (null for a database export). */
  paper?: Maybe<Paper>;
};

/** What kind of source a stored fact comes from. */
export type SourceKind =
  /** An export of a database, e.g. the Materials Project battery explorer (see `Source.database`). */
  | 'DATABASE'
  /** A publication (see `Source.paper`). */
  | 'PAPER';

export type SpaceGroupCheck = {
  __typename?: 'SpaceGroupCheck';
  consistent: Scalars['Boolean']['output'];
  /** Hermann–Mauguin symbol of the stored number, from the 230-group table. */
  expectedSymbol?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** Numbers whose symbol matches the stored symbol. */
  numbersForSymbol: Array<Scalars['Int']['output']>;
};

export type StabilityAssessment = {
  __typename?: 'StabilityAssessment';
  criteria: Array<StabilityCriterion>;
  /** Keys of the criteria that could be evaluated. */
  criteriaUsed: Array<Scalars['String']['output']>;
  summary: Scalars['String']['output'];
  verdict: StabilityVerdict;
};

/** One stability question answered from stored facts. */
export type StabilityCriterion = {
  __typename?: 'StabilityCriterion';
  /** One sentence, with the numbers. */
  answer: Scalars['String']['output'];
  evaluated: Scalars['Boolean']['output'];
  /** The facts used, each with its source. */
  evidence: Array<DerivationInput>;
  /** true: points to stability; false: to instability; null: informational or not evaluated. */
  favourable?: Maybe<Scalars['Boolean']['output']>;
  /** e.g. `reduction`, `competing-phases`, `o-o-distance`, `magnetic-ground-state-agreement`. */
  key: Scalars['String']['output'];
  question: Scalars['String']['output'];
};

export type StabilityVerdict =
  /** No criterion could be evaluated from stored facts. */
  | 'NOT_EVALUATED'
  /** Every evaluated criterion points to stability. */
  | 'STABLE'
  /** At least one evaluated criterion points to instability. */
  | 'UNSTABLE';

/** A stored value with its unit. */
export type StoredValue = {
  __typename?: 'StoredValue';
  unit: Scalars['String']['output'];
  value?: Maybe<Scalars['Float']['output']>;
};

/** A phase of a material at one alkali content or state, e.g. R-3 Na1VO3 or P-31m Na0.5VO3. */
export type Structure = Node & {
  __typename?: 'Structure';
  /** Alkali content x per formula unit. */
  alkaliContent?: Maybe<Scalars['Float']['output']>;
  /** Li/Ni cation mixing, percent. */
  cationMixingPercent?: Maybe<Scalars['Float']['output']>;
  /** The other setting of an R-centred cell computed by Eq. (S1). */
  convertedLattice?: Maybe<DerivedLattice>;
  /** Formula at this state, e.g. `Na0.5VO3`. */
  formula: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** Cell parameters, one entry per setting reported. */
  lattices: Array<Lattice>;
  magneticOrdering?: Maybe<Scalars['String']['output']>;
  material: Material;
  /** Computational method, when the structure is computed. */
  method?: Maybe<ComputationalMethod>;
  note?: Maybe<Scalars['String']['output']>;
  source: Source;
  /** Space-group symbol vs number. */
  spaceGroupCheck?: Maybe<SpaceGroupCheck>;
  spaceGroupNumber?: Maybe<Scalars['Int']['output']>;
  /** Hermann–Mauguin symbol as written with a bar as `-`, e.g. `R-3`, `P-31m`. */
  spaceGroupSymbol?: Maybe<Scalars['String']['output']>;
  /** Cycling state, e.g. pristine, charged to 4.6 V. */
  state?: Maybe<Scalars['String']['output']>;
  /** Transition metal found in the Li layer, percent. */
  tmInLiLayerPercent?: Maybe<Scalars['Float']['output']>;
  /** Volume per formula unit (needs a cell with known formula units; the hexagonal cell of an R lattice holds 3× the rhombohedral one). */
  volumePerFormulaUnit: DerivedQuantity;
};


/** A phase of a material at one alkali content or state, e.g. R-3 Na1VO3 or P-31m Na0.5VO3. */
export type StructureVolumePerFormulaUnitArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** Transition-metal migration into the Li layer through a cycle, from refined TM-in-Li-layer fractions. */
export type TmMigration = {
  __typename?: 'TmMigration';
  charged: Structure;
  discharged: Structure;
  /** Percentage points moved into the Li layer on charge. */
  migratedOnCharge: DerivedQuantity;
  pristine: Structure;
  /** Above the pristine level after discharge, percentage points. */
  residualAfterDischarge: DerivedQuantity;
  /** Percentage points moved back on discharge. */
  returnedOnDischarge: DerivedQuantity;
  /** returned / migrated, % by default. */
  reversibleFraction: DerivedQuantity;
};


/** Transition-metal migration into the Li layer through a cycle, from refined TM-in-Li-layer fractions. */
export type TmMigrationReversibleFractionArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** How a stored value was obtained from its source. */
export type ValueOrigin =
  /** Computed by the curator from printed numbers; `originNote` gives the arithmetic. */
  | 'COMPUTED'
  /** Inferred by the curator from printed statements (e.g. 1C from "4 mA/g (~C/68)"); `originNote` says how. */
  | 'INFERRED'
  /** Printed as a number at the locator. */
  | 'PRINTED'
  /** Read off a figure by the curator (digitised or estimated); `originNote` says how. */
  | 'READ_OFF_FIGURE';

/** How exactly a number is stated in the paper. */
export type ValueQualifier =
  /** Printed as approximate (`~`, `≈`). */
  | 'APPROX'
  /** Printed as an exact value. */
  | 'EQ'
  | 'GE'
  | 'GT'
  | 'LE'
  | 'LT'
  /** A range from `value` to `valueMax`. */
  | 'RANGE';

/** One voltage step between two structures of a material (x = 1 → 0.5 for NaMO3), with the fields the Materials Project battery explorer serves per step. */
export type VoltagePair = {
  __typename?: 'VoltagePair';
  averageVoltage: DerivedQuantity;
  /** Charged (ion-poor) end. */
  charged: Structure;
  /** Discharged (ion-rich) end. */
  discharged: Structure;
  formulaCharge: Scalars['String']['output'];
  formulaDischarge: Scalars['String']['output'];
  /** Per mass of the discharged formula (pymatgen convention). */
  gravimetricCapacity: DerivedQuantity;
  gravimetricEnergy: DerivedQuantity;
  ionsExchangedPerFormulaUnit: Scalars['Float']['output'];
  /** Measured average voltages of the same material, to compare with the computed one. */
  measuredAverageVoltages: Array<Measurement>;
  /** Stability verdict of the material (both ends belong to it). */
  stability: StabilityAssessment;
  /** (V_charged − V_discharged) / V_discharged per formula unit, as a FRACTION (unit `1`; request `unit: "%"` for percent). Needs both cells' formula units. */
  volumeChange: DerivedQuantity;
  /** Per volume of the discharged phase; needs its formula units per cell. */
  volumetricCapacity: DerivedQuantity;
  volumetricEnergy: DerivedQuantity;
  workingIon: WorkingIon;
  /** Atomic fraction of the working ion in the charged formula (MP `fracA_charge`). */
  workingIonFractionCharge: Scalars['Float']['output'];
  /** Atomic fraction of the working ion in the discharged formula (MP `fracA_discharge`). */
  workingIonFractionDischarge: Scalars['Float']['output'];
};


/** One voltage step between two structures of a material (x = 1 → 0.5 for NaMO3), with the fields the Materials Project battery explorer serves per step. */
export type VoltagePairAverageVoltageArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** One voltage step between two structures of a material (x = 1 → 0.5 for NaMO3), with the fields the Materials Project battery explorer serves per step. */
export type VoltagePairGravimetricCapacityArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** One voltage step between two structures of a material (x = 1 → 0.5 for NaMO3), with the fields the Materials Project battery explorer serves per step. */
export type VoltagePairGravimetricEnergyArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** One voltage step between two structures of a material (x = 1 → 0.5 for NaMO3), with the fields the Materials Project battery explorer serves per step. */
export type VoltagePairVolumeChangeArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** One voltage step between two structures of a material (x = 1 → 0.5 for NaMO3), with the fields the Materials Project battery explorer serves per step. */
export type VoltagePairVolumetricCapacityArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** One voltage step between two structures of a material (x = 1 → 0.5 for NaMO3), with the fields the Materials Project battery explorer serves per step. */
export type VoltagePairVolumetricEnergyArgs = {
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** The ion shuttled between the electrodes; its valence (Li, Na, K, Rb, Cs 1; Mg, Ca, Zn 2; Al, Y 3) enters every capacity and voltage derivation. */
export type WorkingIon =
  | 'Al'
  | 'Ca'
  | 'Cs'
  | 'K'
  | 'Li'
  | 'Mg'
  | 'Na'
  | 'Rb'
  | 'Y'
  | 'Zn';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  InsertionElectrode: InsertionElectrode;
  Material: Material;
  Paper: Paper;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  InsertionElectrode:
    ( { __typename: 'InsertionElectrode' }
    & GraphQLRecursivePick<FederationTypes['InsertionElectrode'], {"batteryId":true}> );
  Material:
    ( { __typename: 'Material' }
    & ( GraphQLRecursivePick<FederationTypes['Material'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Material'], {"key":true}> ) );
  Paper:
    ( { __typename: 'Paper' }
    & GraphQLRecursivePick<FederationTypes['Paper'], {"doi":true}> );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Fact:
    | ( ComputedPropertyRow )
    | ( MeasurementRow )
  ;
  Node:
    | ( CoatingRow )
    | ( ComputedPropertyRow )
    | ( FamilyFactRow )
    | ( InsertionElectrodeRow )
    | ( MaterialRow )
    | ( MeasurementRow )
    | ( PaperRow )
    | ( ReactionRow )
    | ( StructureRow )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Better: Better;
  CapacityFade: ResolverTypeWrapper<CapacityFadeParent>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CellType: CellType;
  Coating: ResolverTypeWrapper<CoatingRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CoatingEffect: ResolverTypeWrapper<CoatingEffectParent>;
  ComparisonEntry: ResolverTypeWrapper<ComparisonEntryParent>;
  ComputationalMethod: ResolverTypeWrapper<MethodRow>;
  ComputedProperty: ResolverTypeWrapper<ComputedPropertyRow>;
  ComputedPropertyFilter: ComputedPropertyFilter;
  ComputedPropertyInput: ComputedPropertyInput;
  ComputedPropertyPayload: ResolverTypeWrapper<Omit<ComputedPropertyPayload, 'computedProperty'> & { computedProperty?: Maybe<ResolversTypes['ComputedProperty']> }>;
  ConditionSource: ResolverTypeWrapper<Omit<ConditionSource, 'source'> & { source: ResolversTypes['Source'] }>;
  ConditionSourceInput: ConditionSourceInput;
  Conditions: ResolverTypeWrapper<ConditionsRow>;
  ConditionsFilter: ConditionsFilter;
  ConditionsInput: ConditionsInput;
  ConsistencyCheck: ResolverTypeWrapper<ConsistencyCheckParent>;
  ConsistencyVerdict: ConsistencyVerdict;
  CorrectValueInput: CorrectValueInput;
  CorrectValuePayload: ResolverTypeWrapper<Omit<CorrectValuePayload, 'corrected' | 'event'> & { corrected?: Maybe<ResolversTypes['Node']>, event?: Maybe<ResolversTypes['CurationEvent']> }>;
  Correlation: ResolverTypeWrapper<CorrelationParent>;
  CorrelationAxis: CorrelationAxis;
  CorrelationPoint: ResolverTypeWrapper<CorrelationPointParent>;
  CurationAction: CurationAction;
  CurationError: ResolverTypeWrapper<CurationError>;
  CurationErrorCode: CurationErrorCode;
  CurationEvent: ResolverTypeWrapper<CurationEventRow>;
  DatabaseExport: ResolverTypeWrapper<DatabaseExportRow>;
  DerivationInput: ResolverTypeWrapper<DerivationInputParent>;
  DerivationStatus: DerivationStatus;
  DerivedLattice: ResolverTypeWrapper<DerivedLatticeParent>;
  DerivedQuantity: ResolverTypeWrapper<Derived>;
  ElementAmount: ResolverTypeWrapper<ElementAmount>;
  Fact: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Fact']>;
  FactConnection: ResolverTypeWrapper<FactConnectionParent>;
  FactEdge: ResolverTypeWrapper<Omit<FactEdge, 'node'> & { node: ResolversTypes['Fact'] }>;
  FactFilter: FactFilter;
  FactKind: FactKind;
  FamilyAggregate: FamilyAggregate;
  FamilyFact: ResolverTypeWrapper<FamilyFactRow>;
  FamilyFactFilter: FamilyFactFilter;
  FloatRange: FloatRange;
  HubbardU: ResolverTypeWrapper<HubbardU>;
  InsertionElectrode: ResolverTypeWrapper<InsertionElectrodeRow>;
  InsertionElectrodeConnection: ResolverTypeWrapper<ElectrodeConnectionParent>;
  InsertionElectrodeEdge: ResolverTypeWrapper<Omit<InsertionElectrodeEdge, 'node'> & { node: ResolversTypes['InsertionElectrode'] }>;
  InsertionElectrodeFilter: InsertionElectrodeFilter;
  IntRange: IntRange;
  IonContentRange: ResolverTypeWrapper<IonContentRange>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Lattice: ResolverTypeWrapper<LatticeRow>;
  LatticeSetting: LatticeSetting;
  Material: ResolverTypeWrapper<MaterialRow>;
  MaterialConnection: ResolverTypeWrapper<MaterialConnectionParent>;
  MaterialEdge: ResolverTypeWrapper<Omit<MaterialEdge, 'node'> & { node: ResolversTypes['Material'] }>;
  MaterialFamily: ResolverTypeWrapper<FamilyRow>;
  MaterialFilter: MaterialFilter;
  MaterialInput: MaterialInput;
  MaterialPayload: ResolverTypeWrapper<Omit<MaterialPayload, 'material'> & { material?: Maybe<ResolversTypes['Material']> }>;
  MaterialRole: MaterialRole;
  Measurement: ResolverTypeWrapper<MeasurementRow>;
  MeasurementFilter: MeasurementFilter;
  MeasurementInput: MeasurementInput;
  MeasurementPayload: ResolverTypeWrapper<Omit<MeasurementPayload, 'measurement'> & { measurement?: Maybe<ResolversTypes['Measurement']> }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Paper: ResolverTypeWrapper<PaperRow>;
  PaperInput: PaperInput;
  PaperPayload: ResolverTypeWrapper<Omit<PaperPayload, 'paper'> & { paper?: Maybe<ResolversTypes['Paper']> }>;
  PropertyComparison: ResolverTypeWrapper<PropertyComparisonParent>;
  PropertyDefinition: ResolverTypeWrapper<PropertyKeyRow>;
  PropertyKind: PropertyKind;
  PropertyOrder: PropertyOrder;
  PropertyRangeFilter: PropertyRangeFilter;
  PropertyValueType: PropertyValueType;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Reaction: ResolverTypeWrapper<ReactionRow>;
  ReactionParticipant: ResolverTypeWrapper<ParticipantRow>;
  Rederivation: ResolverTypeWrapper<RederivationParent>;
  RetractFactInput: RetractFactInput;
  RetractFactPayload: ResolverTypeWrapper<Omit<RetractFactPayload, 'event'> & { event?: Maybe<ResolversTypes['CurationEvent']> }>;
  SortDirection: SortDirection;
  Source: ResolverTypeWrapper<SourceParent>;
  SourceKind: SourceKind;
  SpaceGroupCheck: ResolverTypeWrapper<SpaceGroupCheck>;
  StabilityAssessment: ResolverTypeWrapper<Assessment>;
  StabilityCriterion: ResolverTypeWrapper<Criterion>;
  StabilityVerdict: StabilityVerdict;
  StoredValue: ResolverTypeWrapper<StoredValue>;
  Structure: ResolverTypeWrapper<StructureRow>;
  TmMigration: ResolverTypeWrapper<TmMigrationParent>;
  ValueOrigin: ValueOrigin;
  ValueQualifier: ValueQualifier;
  VoltagePair: ResolverTypeWrapper<VoltagePairParent>;
  WorkingIon: WorkingIon;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CapacityFade: CapacityFadeParent;
  String: Scalars['String']['output'];
  Coating: CoatingRow;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  Float: Scalars['Float']['output'];
  CoatingEffect: CoatingEffectParent;
  ComparisonEntry: ComparisonEntryParent;
  ComputationalMethod: MethodRow;
  ComputedProperty: ComputedPropertyRow;
  ComputedPropertyFilter: ComputedPropertyFilter;
  ComputedPropertyInput: ComputedPropertyInput;
  ComputedPropertyPayload: Omit<ComputedPropertyPayload, 'computedProperty'> & { computedProperty?: Maybe<ResolversParentTypes['ComputedProperty']> };
  ConditionSource: Omit<ConditionSource, 'source'> & { source: ResolversParentTypes['Source'] };
  ConditionSourceInput: ConditionSourceInput;
  Conditions: ConditionsRow;
  ConditionsFilter: ConditionsFilter;
  ConditionsInput: ConditionsInput;
  ConsistencyCheck: ConsistencyCheckParent;
  CorrectValueInput: CorrectValueInput;
  CorrectValuePayload: Omit<CorrectValuePayload, 'corrected' | 'event'> & { corrected?: Maybe<ResolversParentTypes['Node']>, event?: Maybe<ResolversParentTypes['CurationEvent']> };
  Correlation: CorrelationParent;
  CorrelationAxis: CorrelationAxis;
  CorrelationPoint: CorrelationPointParent;
  CurationError: CurationError;
  CurationEvent: CurationEventRow;
  DatabaseExport: DatabaseExportRow;
  DerivationInput: DerivationInputParent;
  DerivedLattice: DerivedLatticeParent;
  DerivedQuantity: Derived;
  ElementAmount: ElementAmount;
  Fact: ResolversInterfaceTypes<ResolversParentTypes>['Fact'];
  FactConnection: FactConnectionParent;
  FactEdge: Omit<FactEdge, 'node'> & { node: ResolversParentTypes['Fact'] };
  FactFilter: FactFilter;
  FamilyFact: FamilyFactRow;
  FamilyFactFilter: FamilyFactFilter;
  FloatRange: FloatRange;
  HubbardU: HubbardU;
  InsertionElectrode: InsertionElectrodeRow;
  InsertionElectrodeConnection: ElectrodeConnectionParent;
  InsertionElectrodeEdge: Omit<InsertionElectrodeEdge, 'node'> & { node: ResolversParentTypes['InsertionElectrode'] };
  InsertionElectrodeFilter: InsertionElectrodeFilter;
  IntRange: IntRange;
  IonContentRange: IonContentRange;
  JSON: Scalars['JSON']['output'];
  Lattice: LatticeRow;
  Material: MaterialRow;
  MaterialConnection: MaterialConnectionParent;
  MaterialEdge: Omit<MaterialEdge, 'node'> & { node: ResolversParentTypes['Material'] };
  MaterialFamily: FamilyRow;
  MaterialFilter: MaterialFilter;
  MaterialInput: MaterialInput;
  MaterialPayload: Omit<MaterialPayload, 'material'> & { material?: Maybe<ResolversParentTypes['Material']> };
  Measurement: MeasurementRow;
  MeasurementFilter: MeasurementFilter;
  MeasurementInput: MeasurementInput;
  MeasurementPayload: Omit<MeasurementPayload, 'measurement'> & { measurement?: Maybe<ResolversParentTypes['Measurement']> };
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  Paper: PaperRow;
  PaperInput: PaperInput;
  PaperPayload: Omit<PaperPayload, 'paper'> & { paper?: Maybe<ResolversParentTypes['Paper']> };
  PropertyComparison: PropertyComparisonParent;
  PropertyDefinition: PropertyKeyRow;
  PropertyOrder: PropertyOrder;
  PropertyRangeFilter: PropertyRangeFilter;
  Query: Record<PropertyKey, never>;
  Reaction: ReactionRow;
  ReactionParticipant: ParticipantRow;
  Rederivation: RederivationParent;
  RetractFactInput: RetractFactInput;
  RetractFactPayload: Omit<RetractFactPayload, 'event'> & { event?: Maybe<ResolversParentTypes['CurationEvent']> };
  Source: SourceParent;
  SpaceGroupCheck: SpaceGroupCheck;
  StabilityAssessment: Assessment;
  StabilityCriterion: Criterion;
  StoredValue: StoredValue;
  Structure: StructureRow;
  TmMigration: TmMigrationParent;
  VoltagePair: VoltagePairParent;
}>;

export type CapacityFadeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CapacityFade'] = ResolversParentTypes['CapacityFade']> = ResolversObject<{
  cyclesToEndOfLife?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType>;
  fadePerCycle?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<CapacityFadeFadePerCycleArgs>>;
  retention?: Resolver<ResolversTypes['Measurement'], ParentType, ContextType>;
}>;

export type CoatingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Coating'] = ResolversParentTypes['Coating']> = ResolversObject<{
  coatedMaterials?: Resolver<Array<ResolversTypes['Material']>, ParentType, ContextType, Partial<CoatingCoatedMaterialsArgs>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  formula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  infusesGrainBoundaries?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  infusionDepthMaxUm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  infusionDepthQualifier?: Resolver<Maybe<ResolversTypes['ValueQualifier']>, ParentType, ContextType>;
  infusionDepthUm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  material?: Resolver<Maybe<ResolversTypes['Material']>, ParentType, ContextType>;
  morphology?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  synthesisRoute?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  thicknessNm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  thicknessQualifier?: Resolver<Maybe<ResolversTypes['ValueQualifier']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CoatingEffectResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CoatingEffect'] = ResolversParentTypes['CoatingEffect']> = ResolversObject<{
  coated?: Resolver<ResolversTypes['Measurement'], ParentType, ContextType>;
  coatedBetter?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  difference?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<CoatingEffectDifferenceArgs>>;
  pristine?: Resolver<ResolversTypes['Measurement'], ParentType, ContextType>;
  property?: Resolver<ResolversTypes['PropertyDefinition'], ParentType, ContextType>;
  ratio?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType>;
  site?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ComparisonEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ComparisonEntry'] = ResolversParentTypes['ComparisonEntry']> = ResolversObject<{
  basis?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  computationalMethod?: Resolver<Maybe<ResolversTypes['ComputationalMethod']>, ParentType, ContextType>;
  electrode?: Resolver<Maybe<ResolversTypes['InsertionElectrode']>, ParentType, ContextType>;
  factId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ionContent?: Resolver<Maybe<ResolversTypes['IonContentRange']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FactKind'], ParentType, ContextType>;
  material?: Resolver<ResolversTypes['Material'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  structure?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  valueMax?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type ComputationalMethodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ComputationalMethod'] = ResolversParentTypes['ComputationalMethod']> = ResolversObject<{
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cutoffEV?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  energyToleranceEV?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  exchangeMixing?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  forceToleranceEVPerA?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  functional?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hubbardU?: Resolver<Array<ResolversTypes['HubbardU']>, ParentType, ContextType>;
  kMesh?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parameters?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  supercell?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ComputedPropertyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ComputedProperty'] = ResolversParentTypes['ComputedProperty']> = ResolversObject<{
  configuration?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  curatedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  electrode?: Resolver<Maybe<ResolversTypes['InsertionElectrode']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['CurationEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FactKind'], ParentType, ContextType>;
  material?: Resolver<ResolversTypes['Material'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['ComputationalMethod'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  property?: Resolver<ResolversTypes['PropertyDefinition'], ParentType, ContextType>;
  qualifier?: Resolver<ResolversTypes['ValueQualifier'], ParentType, ContextType>;
  site?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  structure?: Resolver<Maybe<ResolversTypes['Structure']>, ParentType, ContextType>;
  textValue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  uncertainty?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, Partial<ComputedPropertyUncertaintyArgs>>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, Partial<ComputedPropertyValueArgs>>;
  valueMax?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, Partial<ComputedPropertyValueMaxArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ComputedPropertyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ComputedPropertyPayload'] = ResolversParentTypes['ComputedPropertyPayload']> = ResolversObject<{
  computedProperty?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['CurationError']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['CurationError']>, ParentType, ContextType>;
}>;

export type ConditionSourceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConditionSource'] = ResolversParentTypes['ConditionSource']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
}>;

export type ConditionsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Conditions'] = ResolversParentTypes['Conditions']> = ResolversObject<{
  cRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cRateDerived?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType>;
  cellType?: Resolver<Maybe<ResolversTypes['CellType']>, ParentType, ContextType>;
  chargeCRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  counterElectrode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currentDensity?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<ConditionsCurrentDensityArgs>>;
  currentDensityMAPerG?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cycleNumber?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  electrolyte?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  impliedOneC?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<ConditionsImpliedOneCArgs>>;
  loadingMgPerCm2?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  oneCMAPerG?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  other?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['ConditionSource']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  technique?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  temperatureC?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  voltageMaxV?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  voltageMinV?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type ConsistencyCheckResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConsistencyCheck'] = ResolversParentTypes['ConsistencyCheck']> = ResolversObject<{
  check?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  derived?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType>;
  difference?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  family?: Resolver<Maybe<ResolversTypes['MaterialFamily']>, ParentType, ContextType>;
  material?: Resolver<Maybe<ResolversTypes['Material']>, ParentType, ContextType>;
  stored?: Resolver<ResolversTypes['DerivationInput'], ParentType, ContextType>;
  tolerance?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['ConsistencyVerdict'], ParentType, ContextType>;
}>;

export type CorrectValuePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CorrectValuePayload'] = ResolversParentTypes['CorrectValuePayload']> = ResolversObject<{
  corrected?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['CurationError']>, ParentType, ContextType>;
  event?: Resolver<Maybe<ResolversTypes['CurationEvent']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['CurationError']>, ParentType, ContextType>;
}>;

export type CorrelationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Correlation'] = ResolversParentTypes['Correlation']> = ResolversObject<{
  excluded?: Resolver<Array<ResolversTypes['Material']>, ParentType, ContextType>;
  intercept?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  missing?: Resolver<Array<ResolversTypes['Material']>, ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  pearsonR?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['CorrelationPoint']>, ParentType, ContextType>;
  rSquared?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  slope?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  spearmanRho?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  xUnit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  yUnit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CorrelationPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CorrelationPoint'] = ResolversParentTypes['CorrelationPoint']> = ResolversObject<{
  material?: Resolver<ResolversTypes['Material'], ParentType, ContextType>;
  residual?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  x?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  xSource?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  y?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  ySource?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
}>;

export type CurationErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CurationError'] = ResolversParentTypes['CurationError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['CurationErrorCode'], ParentType, ContextType>;
  current?: Resolver<Maybe<ResolversTypes['StoredValue']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CurationEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CurationEvent'] = ResolversParentTypes['CurationEvent']> = ResolversObject<{
  action?: Resolver<ResolversTypes['CurationAction'], ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  curator?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DatabaseExportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DatabaseExport'] = ResolversParentTypes['DatabaseExport']> = ResolversObject<{
  citation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  citationDoi?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  electrodeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fileSha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  importedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  licence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  release?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DerivationInputResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DerivationInput'] = ResolversParentTypes['DerivationInput']> = ResolversObject<{
  derivation?: Resolver<Maybe<ResolversTypes['DerivedQuantity']>, ParentType, ContextType>;
  factId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['Source']>, ParentType, ContextType>;
  textValue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type DerivedLatticeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DerivedLattice'] = ResolversParentTypes['DerivedLattice']> = ResolversObject<{
  a?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType>;
  alpha?: Resolver<Maybe<ResolversTypes['DerivedQuantity']>, ParentType, ContextType>;
  c?: Resolver<Maybe<ResolversTypes['DerivedQuantity']>, ParentType, ContextType>;
  setting?: Resolver<ResolversTypes['LatticeSetting'], ParentType, ContextType>;
  stored?: Resolver<Maybe<ResolversTypes['Lattice']>, ParentType, ContextType>;
  volume?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType>;
}>;

export type DerivedQuantityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DerivedQuantity'] = ResolversParentTypes['DerivedQuantity']> = ResolversObject<{
  assumptions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  factId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  formula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inputs?: Resolver<Array<ResolversTypes['DerivationInput']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reportedValues?: Resolver<Array<ResolversTypes['DerivationInput']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['Source']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DerivationStatus'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type ElementAmountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ElementAmount'] = ResolversParentTypes['ElementAmount']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  element?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Fact'] = ResolversParentTypes['Fact']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ComputedProperty' | 'Measurement', ParentType, ContextType>;
}>;

export type FactConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FactConnection'] = ResolversParentTypes['FactConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['FactEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FactEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FactEdge'] = ResolversParentTypes['FactEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Fact'], ParentType, ContextType>;
}>;

export type FamilyFactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FamilyFact'] = ResolversParentTypes['FamilyFact']> = ResolversObject<{
  aggregate?: Resolver<ResolversTypes['FamilyAggregate'], ParentType, ContextType>;
  family?: Resolver<ResolversTypes['MaterialFamily'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['Material']>, ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['ComputationalMethod']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  property?: Resolver<ResolversTypes['PropertyDefinition'], ParentType, ContextType>;
  qualifier?: Resolver<ResolversTypes['ValueQualifier'], ParentType, ContextType>;
  site?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  textValue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  uncertainty?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  valueMax?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type HubbardUResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HubbardU'] = ResolversParentTypes['HubbardU']> = ResolversObject<{
  element?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  jEV?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  uEV?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type InsertionElectrodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InsertionElectrode'] = ResolversParentTypes['InsertionElectrode'], FederationReferenceType extends FederationReferenceTypes['InsertionElectrode'] = FederationReferenceTypes['InsertionElectrode']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['InsertionElectrode']> | FederationReferenceType, FederationReferenceType, ContextType>;
  atomicFractionCharge?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  atomicFractionDischarge?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  averageVoltage?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  batteryFormula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  batteryId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  charged?: Resolver<ResolversTypes['Material'], ParentType, ContextType>;
  chemicalSystem?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discharged?: Resolver<ResolversTypes['Material'], ParentType, ContextType>;
  elements?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  formulaCharge?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  formulaDischarge?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  frameworkFormula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  frameworkId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gravimetricCapacity?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  gravimetricEnergy?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxDeltaVolume?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  maxVoltageStep?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  numSteps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rederivations?: Resolver<Array<ResolversTypes['Rederivation']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  stabilityCharge?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  stabilityDischarge?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  volumetricCapacity?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  volumetricEnergy?: Resolver<Maybe<ResolversTypes['ComputedProperty']>, ParentType, ContextType>;
  workingIon?: Resolver<ResolversTypes['WorkingIon'], ParentType, ContextType>;
  workingIonValence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InsertionElectrodeConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InsertionElectrodeConnection'] = ResolversParentTypes['InsertionElectrodeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InsertionElectrodeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InsertionElectrodeEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InsertionElectrodeEdge'] = ResolversParentTypes['InsertionElectrodeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['InsertionElectrode'], ParentType, ContextType>;
}>;

export type IonContentRangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IonContentRange'] = ResolversParentTypes['IonContentRange']> = ResolversObject<{
  charged?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  discharged?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workingIon?: Resolver<ResolversTypes['WorkingIon'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LatticeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Lattice'] = ResolversParentTypes['Lattice']> = ResolversObject<{
  aA?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  alphaDeg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bA?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  betaDeg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cA?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  formulaUnitsPerCell?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  gammaDeg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  setting?: Resolver<ResolversTypes['LatticeSetting'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  volume?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<LatticeVolumeArgs>>;
  volumeA3?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type MaterialResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Material'] = ResolversParentTypes['Material'], FederationReferenceType extends FederationReferenceTypes['Material'] = FederationReferenceTypes['Material']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Material']> | FederationReferenceType, FederationReferenceType, ContextType>;
  averageVoltage?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<MaterialAverageVoltageArgs>>;
  capacityFade?: Resolver<Array<ResolversTypes['CapacityFade']>, ParentType, ContextType, RequireFields<MaterialCapacityFadeArgs, 'endOfLifePercent'>>;
  chemicalFormulaReduced?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  coatedForms?: Resolver<Array<ResolversTypes['Material']>, ParentType, ContextType, Partial<MaterialCoatedFormsArgs>>;
  coating?: Resolver<Maybe<ResolversTypes['Coating']>, ParentType, ContextType>;
  coatingEffects?: Resolver<Array<ResolversTypes['CoatingEffect']>, ParentType, ContextType, Partial<MaterialCoatingEffectsArgs>>;
  comparison?: Resolver<ResolversTypes['PropertyComparison'], ParentType, ContextType, RequireFields<MaterialComparisonArgs, 'property'>>;
  composition?: Resolver<Array<ResolversTypes['ElementAmount']>, ParentType, ContextType>;
  computedProperties?: Resolver<Array<ResolversTypes['ComputedProperty']>, ParentType, ContextType, Partial<MaterialComputedPropertiesArgs>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  elements?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  family?: Resolver<Maybe<ResolversTypes['MaterialFamily']>, ParentType, ContextType>;
  formula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  insertionElectrodes?: Resolver<Array<ResolversTypes['InsertionElectrode']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  materialsProjectId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  measurements?: Resolver<Array<ResolversTypes['Measurement']>, ParentType, ContextType, Partial<MaterialMeasurementsArgs>>;
  molarMass?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<MaterialMolarMassArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nelements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reactions?: Resolver<Array<ResolversTypes['Reaction']>, ParentType, ContextType, Partial<MaterialReactionsArgs>>;
  role?: Resolver<ResolversTypes['MaterialRole'], ParentType, ContextType>;
  sameReducedFormula?: Resolver<Array<ResolversTypes['Material']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  specificEnergy?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<MaterialSpecificEnergyArgs>>;
  stability?: Resolver<ResolversTypes['StabilityAssessment'], ParentType, ContextType>;
  structures?: Resolver<Array<ResolversTypes['Structure']>, ParentType, ContextType, Partial<MaterialStructuresArgs>>;
  substrate?: Resolver<Maybe<ResolversTypes['Material']>, ParentType, ContextType>;
  theoreticalCapacity?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, RequireFields<MaterialTheoreticalCapacityArgs, 'ionsExchanged'>>;
  tmMigration?: Resolver<Maybe<ResolversTypes['TmMigration']>, ParentType, ContextType>;
  voltagePairs?: Resolver<Array<ResolversTypes['VoltagePair']>, ParentType, ContextType>;
  workingIon?: Resolver<Maybe<ResolversTypes['WorkingIon']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MaterialConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MaterialConnection'] = ResolversParentTypes['MaterialConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MaterialEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MaterialEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MaterialEdge'] = ResolversParentTypes['MaterialEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Material'], ParentType, ContextType>;
}>;

export type MaterialFamilyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MaterialFamily'] = ResolversParentTypes['MaterialFamily']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  facts?: Resolver<Array<ResolversTypes['FamilyFact']>, ParentType, ContextType, Partial<MaterialFamilyFactsArgs>>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MaterialPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MaterialPayload'] = ResolversParentTypes['MaterialPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['CurationError']>, ParentType, ContextType>;
  material?: Resolver<Maybe<ResolversTypes['Material']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['CurationError']>, ParentType, ContextType>;
}>;

export type MeasurementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Measurement'] = ResolversParentTypes['Measurement']> = ResolversObject<{
  conditions?: Resolver<ResolversTypes['Conditions'], ParentType, ContextType>;
  curatedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['CurationEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FactKind'], ParentType, ContextType>;
  material?: Resolver<ResolversTypes['Material'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  property?: Resolver<ResolversTypes['PropertyDefinition'], ParentType, ContextType>;
  qualifier?: Resolver<ResolversTypes['ValueQualifier'], ParentType, ContextType>;
  site?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  structure?: Resolver<Maybe<ResolversTypes['Structure']>, ParentType, ContextType>;
  textValue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  uncertainty?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, Partial<MeasurementUncertaintyArgs>>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, Partial<MeasurementValueArgs>>;
  valueMax?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, Partial<MeasurementValueMaxArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MeasurementPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MeasurementPayload'] = ResolversParentTypes['MeasurementPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['CurationError']>, ParentType, ContextType>;
  measurement?: Resolver<Maybe<ResolversTypes['Measurement']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['CurationError']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addComputedProperty?: Resolver<ResolversTypes['ComputedPropertyPayload'], ParentType, ContextType, RequireFields<MutationAddComputedPropertyArgs, 'input'>>;
  addMaterial?: Resolver<ResolversTypes['MaterialPayload'], ParentType, ContextType, RequireFields<MutationAddMaterialArgs, 'input'>>;
  addMeasurement?: Resolver<ResolversTypes['MeasurementPayload'], ParentType, ContextType, RequireFields<MutationAddMeasurementArgs, 'input'>>;
  addPaper?: Resolver<ResolversTypes['PaperPayload'], ParentType, ContextType, RequireFields<MutationAddPaperArgs, 'input'>>;
  correctValue?: Resolver<ResolversTypes['CorrectValuePayload'], ParentType, ContextType, RequireFields<MutationCorrectValueArgs, 'input'>>;
  retractFact?: Resolver<ResolversTypes['RetractFactPayload'], ParentType, ContextType, RequireFields<MutationRetractFactArgs, 'input'>>;
}>;

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Coating' | 'ComputedProperty' | 'FamilyFact' | 'InsertionElectrode' | 'Material' | 'Measurement' | 'Paper' | 'Reaction' | 'Structure', ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PaperResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Paper'] = ResolversParentTypes['Paper'], FederationReferenceType extends FederationReferenceTypes['Paper'] = FederationReferenceTypes['Paper']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Paper']> | FederationReferenceType, FederationReferenceType, ContextType>;
  authors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  coatings?: Resolver<Array<ResolversTypes['Coating']>, ParentType, ContextType, Partial<PaperCoatingsArgs>>;
  doi?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  journal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  materials?: Resolver<Array<ResolversTypes['Material']>, ParentType, ContextType, Partial<PaperMaterialsArgs>>;
  methods?: Resolver<Array<ResolversTypes['ComputationalMethod']>, ParentType, ContextType>;
  pages?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  volume?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PaperPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaperPayload'] = ResolversParentTypes['PaperPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['CurationError']>, ParentType, ContextType>;
  paper?: Resolver<Maybe<ResolversTypes['Paper']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['CurationError']>, ParentType, ContextType>;
}>;

export type PropertyComparisonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PropertyComparison'] = ResolversParentTypes['PropertyComparison']> = ResolversObject<{
  entries?: Resolver<Array<ResolversTypes['ComparisonEntry']>, ParentType, ContextType>;
  property?: Resolver<ResolversTypes['PropertyDefinition'], ParentType, ContextType>;
  reducedFormula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PropertyDefinitionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PropertyDefinition'] = ResolversParentTypes['PropertyDefinition']> = ResolversObject<{
  better?: Resolver<Maybe<ResolversTypes['Better']>, ParentType, ContextType>;
  canonicalUnit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PropertyKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  setup?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sites?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  usedBy?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  valueType?: Resolver<ResolversTypes['PropertyValueType'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  coatings?: Resolver<Array<ResolversTypes['Coating']>, ParentType, ContextType, Partial<QueryCoatingsArgs>>;
  consistencyChecks?: Resolver<Array<ResolversTypes['ConsistencyCheck']>, ParentType, ContextType, RequireFields<QueryConsistencyChecksArgs, 'onlyDisagreements'>>;
  correlation?: Resolver<ResolversTypes['Correlation'], ParentType, ContextType, RequireFields<QueryCorrelationArgs, 'x' | 'y'>>;
  curationEvents?: Resolver<Array<ResolversTypes['CurationEvent']>, ParentType, ContextType, RequireFields<QueryCurationEventsArgs, 'first'>>;
  databases?: Resolver<Array<ResolversTypes['DatabaseExport']>, ParentType, ContextType>;
  facts?: Resolver<ResolversTypes['FactConnection'], ParentType, ContextType, RequireFields<QueryFactsArgs, 'first'>>;
  families?: Resolver<Array<ResolversTypes['MaterialFamily']>, ParentType, ContextType>;
  family?: Resolver<Maybe<ResolversTypes['MaterialFamily']>, ParentType, ContextType, RequireFields<QueryFamilyArgs, 'key'>>;
  insertionElectrode?: Resolver<Maybe<ResolversTypes['InsertionElectrode']>, ParentType, ContextType, RequireFields<QueryInsertionElectrodeArgs, 'batteryId'>>;
  insertionElectrodes?: Resolver<ResolversTypes['InsertionElectrodeConnection'], ParentType, ContextType, RequireFields<QueryInsertionElectrodesArgs, 'first'>>;
  material?: Resolver<Maybe<ResolversTypes['Material']>, ParentType, ContextType, Partial<QueryMaterialArgs>>;
  materials?: Resolver<ResolversTypes['MaterialConnection'], ParentType, ContextType, RequireFields<QueryMaterialsArgs, 'first'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  paper?: Resolver<Maybe<ResolversTypes['Paper']>, ParentType, ContextType, RequireFields<QueryPaperArgs, 'doi'>>;
  papers?: Resolver<Array<ResolversTypes['Paper']>, ParentType, ContextType, Partial<QueryPapersArgs>>;
  propertyComparison?: Resolver<ResolversTypes['PropertyComparison'], ParentType, ContextType, RequireFields<QueryPropertyComparisonArgs, 'property'>>;
  propertyKeys?: Resolver<Array<ResolversTypes['PropertyDefinition']>, ParentType, ContextType>;
}>;

export type ReactionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Reaction'] = ResolversParentTypes['Reaction']> = ResolversObject<{
  equation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['ComputationalMethod']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  products?: Resolver<Array<ResolversTypes['ReactionParticipant']>, ParentType, ContextType>;
  property?: Resolver<ResolversTypes['PropertyDefinition'], ParentType, ContextType>;
  reactants?: Resolver<Array<ResolversTypes['ReactionParticipant']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReactionParticipantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReactionParticipant'] = ResolversParentTypes['ReactionParticipant']> = ResolversObject<{
  coefficient?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  material?: Resolver<ResolversTypes['Material'], ParentType, ContextType>;
}>;

export type RederivationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Rederivation'] = ResolversParentTypes['Rederivation']> = ResolversObject<{
  derived?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType>;
  property?: Resolver<ResolversTypes['PropertyDefinition'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relativeDifference?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reported?: Resolver<ResolversTypes['ComputedProperty'], ParentType, ContextType>;
}>;

export type RetractFactPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RetractFactPayload'] = ResolversParentTypes['RetractFactPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['CurationError']>, ParentType, ContextType>;
  event?: Resolver<Maybe<ResolversTypes['CurationEvent']>, ParentType, ContextType>;
  retractedId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type SourceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Source'] = ResolversParentTypes['Source']> = ResolversObject<{
  database?: Resolver<Maybe<ResolversTypes['DatabaseExport']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SourceKind'], ParentType, ContextType>;
  locator?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['ValueOrigin'], ParentType, ContextType>;
  originNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  paper?: Resolver<Maybe<ResolversTypes['Paper']>, ParentType, ContextType>;
}>;

export type SpaceGroupCheckResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SpaceGroupCheck'] = ResolversParentTypes['SpaceGroupCheck']> = ResolversObject<{
  consistent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expectedSymbol?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  numbersForSymbol?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type StabilityAssessmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StabilityAssessment'] = ResolversParentTypes['StabilityAssessment']> = ResolversObject<{
  criteria?: Resolver<Array<ResolversTypes['StabilityCriterion']>, ParentType, ContextType>;
  criteriaUsed?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['StabilityVerdict'], ParentType, ContextType>;
}>;

export type StabilityCriterionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StabilityCriterion'] = ResolversParentTypes['StabilityCriterion']> = ResolversObject<{
  answer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  evaluated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['DerivationInput']>, ParentType, ContextType>;
  favourable?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  question?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StoredValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StoredValue'] = ResolversParentTypes['StoredValue']> = ResolversObject<{
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type StructureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Structure'] = ResolversParentTypes['Structure']> = ResolversObject<{
  alkaliContent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cationMixingPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  convertedLattice?: Resolver<Maybe<ResolversTypes['DerivedLattice']>, ParentType, ContextType>;
  formula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lattices?: Resolver<Array<ResolversTypes['Lattice']>, ParentType, ContextType>;
  magneticOrdering?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  material?: Resolver<ResolversTypes['Material'], ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['ComputationalMethod']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  spaceGroupCheck?: Resolver<Maybe<ResolversTypes['SpaceGroupCheck']>, ParentType, ContextType>;
  spaceGroupNumber?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  spaceGroupSymbol?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tmInLiLayerPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  volumePerFormulaUnit?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<StructureVolumePerFormulaUnitArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type TmMigrationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TmMigration'] = ResolversParentTypes['TmMigration']> = ResolversObject<{
  charged?: Resolver<ResolversTypes['Structure'], ParentType, ContextType>;
  discharged?: Resolver<ResolversTypes['Structure'], ParentType, ContextType>;
  migratedOnCharge?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType>;
  pristine?: Resolver<ResolversTypes['Structure'], ParentType, ContextType>;
  residualAfterDischarge?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType>;
  returnedOnDischarge?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType>;
  reversibleFraction?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<TmMigrationReversibleFractionArgs>>;
}>;

export type VoltagePairResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VoltagePair'] = ResolversParentTypes['VoltagePair']> = ResolversObject<{
  averageVoltage?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<VoltagePairAverageVoltageArgs>>;
  charged?: Resolver<ResolversTypes['Structure'], ParentType, ContextType>;
  discharged?: Resolver<ResolversTypes['Structure'], ParentType, ContextType>;
  formulaCharge?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  formulaDischarge?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gravimetricCapacity?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<VoltagePairGravimetricCapacityArgs>>;
  gravimetricEnergy?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<VoltagePairGravimetricEnergyArgs>>;
  ionsExchangedPerFormulaUnit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  measuredAverageVoltages?: Resolver<Array<ResolversTypes['Measurement']>, ParentType, ContextType>;
  stability?: Resolver<ResolversTypes['StabilityAssessment'], ParentType, ContextType>;
  volumeChange?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<VoltagePairVolumeChangeArgs>>;
  volumetricCapacity?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<VoltagePairVolumetricCapacityArgs>>;
  volumetricEnergy?: Resolver<ResolversTypes['DerivedQuantity'], ParentType, ContextType, Partial<VoltagePairVolumetricEnergyArgs>>;
  workingIon?: Resolver<ResolversTypes['WorkingIon'], ParentType, ContextType>;
  workingIonFractionCharge?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  workingIonFractionDischarge?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  CapacityFade?: CapacityFadeResolvers<ContextType>;
  Coating?: CoatingResolvers<ContextType>;
  CoatingEffect?: CoatingEffectResolvers<ContextType>;
  ComparisonEntry?: ComparisonEntryResolvers<ContextType>;
  ComputationalMethod?: ComputationalMethodResolvers<ContextType>;
  ComputedProperty?: ComputedPropertyResolvers<ContextType>;
  ComputedPropertyPayload?: ComputedPropertyPayloadResolvers<ContextType>;
  ConditionSource?: ConditionSourceResolvers<ContextType>;
  Conditions?: ConditionsResolvers<ContextType>;
  ConsistencyCheck?: ConsistencyCheckResolvers<ContextType>;
  CorrectValuePayload?: CorrectValuePayloadResolvers<ContextType>;
  Correlation?: CorrelationResolvers<ContextType>;
  CorrelationPoint?: CorrelationPointResolvers<ContextType>;
  CurationError?: CurationErrorResolvers<ContextType>;
  CurationEvent?: CurationEventResolvers<ContextType>;
  DatabaseExport?: DatabaseExportResolvers<ContextType>;
  DerivationInput?: DerivationInputResolvers<ContextType>;
  DerivedLattice?: DerivedLatticeResolvers<ContextType>;
  DerivedQuantity?: DerivedQuantityResolvers<ContextType>;
  ElementAmount?: ElementAmountResolvers<ContextType>;
  Fact?: FactResolvers<ContextType>;
  FactConnection?: FactConnectionResolvers<ContextType>;
  FactEdge?: FactEdgeResolvers<ContextType>;
  FamilyFact?: FamilyFactResolvers<ContextType>;
  HubbardU?: HubbardUResolvers<ContextType>;
  InsertionElectrode?: InsertionElectrodeResolvers<ContextType>;
  InsertionElectrodeConnection?: InsertionElectrodeConnectionResolvers<ContextType>;
  InsertionElectrodeEdge?: InsertionElectrodeEdgeResolvers<ContextType>;
  IonContentRange?: IonContentRangeResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Lattice?: LatticeResolvers<ContextType>;
  Material?: MaterialResolvers<ContextType>;
  MaterialConnection?: MaterialConnectionResolvers<ContextType>;
  MaterialEdge?: MaterialEdgeResolvers<ContextType>;
  MaterialFamily?: MaterialFamilyResolvers<ContextType>;
  MaterialPayload?: MaterialPayloadResolvers<ContextType>;
  Measurement?: MeasurementResolvers<ContextType>;
  MeasurementPayload?: MeasurementPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Paper?: PaperResolvers<ContextType>;
  PaperPayload?: PaperPayloadResolvers<ContextType>;
  PropertyComparison?: PropertyComparisonResolvers<ContextType>;
  PropertyDefinition?: PropertyDefinitionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Reaction?: ReactionResolvers<ContextType>;
  ReactionParticipant?: ReactionParticipantResolvers<ContextType>;
  Rederivation?: RederivationResolvers<ContextType>;
  RetractFactPayload?: RetractFactPayloadResolvers<ContextType>;
  Source?: SourceResolvers<ContextType>;
  SpaceGroupCheck?: SpaceGroupCheckResolvers<ContextType>;
  StabilityAssessment?: StabilityAssessmentResolvers<ContextType>;
  StabilityCriterion?: StabilityCriterionResolvers<ContextType>;
  StoredValue?: StoredValueResolvers<ContextType>;
  Structure?: StructureResolvers<ContextType>;
  TmMigration?: TmMigrationResolvers<ContextType>;
  VoltagePair?: VoltagePairResolvers<ContextType>;
}>;

