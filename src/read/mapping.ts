/**
 * Which GraphQL field is which column or relation: the one place the SQL-compiled read path
 * (compile.ts) learns the schema. A stored field is a line here; a field that is not listed
 * (derived quantities, fields with arguments the compiler does not translate) makes the
 * compiler leave the whole selection to the resolvers and their DataLoaders, so an unlisted
 * field is never wrong, only slower.
 */
import type { NodeType } from '../ids.js';

export type FieldMapping =
  /** A column of the type's row, served as stored. */
  | { kind: 'column'; column: string }
  /** The row's global ID (src/ids.ts: base64url of "Type:id"). */
  | { kind: 'globalId'; type: NodeType }
  /** The same row seen as another GraphQL type (Source, Conditions). */
  | { kind: 'embedded'; type: string }
  /** At most one row of `type` whose `remote` column equals this row's `local` column (and, with `onlyWhere`, whose columns have these values). */
  | { kind: 'one'; type: string; local: string; remote: string; onlyWhere?: Record<string, string> }
  /** Every row of `type` whose `remote` column equals this row's `local` column, ordered by `orderBy`. */
  | { kind: 'many'; type: string; local: string; remote: string; orderBy: string };

export interface TypeMapping {
  /** The table of the type's rows; absent for a type that is only ever embedded. */
  table?: string;
  fields: Record<string, FieldMapping>;
}

const column = (name: string): FieldMapping => ({ kind: 'column', column: name });
const columns = (...names: string[]) => Object.fromEntries(names.map((n) => [n, column(n)]));
const globalId = (type: NodeType): FieldMapping => ({ kind: 'globalId', type });
const embedded = (type: string): FieldMapping => ({ kind: 'embedded', type });
const one = (type: string, local: string, remote = 'id', onlyWhere?: Record<string, string>): FieldMapping => ({ kind: 'one', type, local, remote, ...(onlyWhere ? { onlyWhere } : {}) });
const many = (type: string, remote: string, local = 'id'): FieldMapping => ({ kind: 'many', type, local, remote, orderBy: 'id' });
const source = { source: embedded('Source') };

export const READ_MAPPING: Record<string, TypeMapping> = {
  Paper: { table: 'Paper', fields: { id: globalId('Paper'), ...columns('doi', 'title', 'journal', 'year', 'volume', 'pages', 'authors') } },
  // A source row is a paper or a database export (same table): `paper` only for a paper.
  Source: { fields: { locator: column('locator'), paper: one('Paper', 'paperId', 'id', { kind: 'PAPER' }) } },
  MaterialFamily: { table: 'MaterialFamily', fields: columns('key', 'name', 'description') },
  Material: {
    table: 'Material',
    fields: {
      id: globalId('Material'),
      ...columns('key', 'name', 'formula', 'elements', 'workingIon', 'role', 'materialsProjectId', 'description'),
      family: one('MaterialFamily', 'familyKey', 'key'),
      ...source,
      substrate: one('Material', 'substrateId'),
      coating: one('Coating', 'coatingId'),
      coatedForms: many('Material', 'substrateId'),
      structures: many('Structure', 'materialId'),
      measurements: many('Measurement', 'materialId'),
      computedProperties: many('ComputedProperty', 'materialId'),
    },
  },
  Coating: {
    table: 'Coating',
    fields: {
      id: globalId('Coating'),
      ...columns('key', 'name', 'formula', 'morphology', 'thicknessNm', 'thicknessQualifier', 'synthesisRoute', 'infusesGrainBoundaries', 'infusionDepthUm', 'infusionDepthMaxUm', 'infusionDepthQualifier', 'description'),
      material: one('Material', 'materialId'),
      ...source,
      coatedMaterials: many('Material', 'coatingId'),
    },
  },
  Structure: {
    table: 'Structure',
    fields: {
      id: globalId('Structure'),
      ...columns('key', 'label', 'formula', 'alkaliContent', 'spaceGroupSymbol', 'spaceGroupNumber', 'magneticOrdering', 'state', 'cationMixingPercent', 'tmInLiLayerPercent', 'note'),
      material: one('Material', 'materialId'),
      method: one('ComputationalMethod', 'methodId'),
      ...source,
      lattices: many('Lattice', 'structureId'),
    },
  },
  Lattice: { table: 'Lattice', fields: { ...columns('setting', 'aA', 'bA', 'cA', 'alphaDeg', 'betaDeg', 'gammaDeg', 'volumeA3', 'formulaUnitsPerCell'), ...source } },
  PropertyDefinition: { table: 'PropertyKey', fields: columns('key', 'label', 'canonicalUnit', 'valueType', 'kind', 'description') },
  Measurement: {
    table: 'Measurement',
    fields: {
      id: globalId('Measurement'),
      ...columns('value', 'valueMax', 'textValue', 'qualifier', 'uncertainty', 'unit', 'site', 'note'),
      material: one('Material', 'materialId'),
      structure: one('Structure', 'structureId'),
      property: one('PropertyDefinition', 'propertyKey', 'key'),
      conditions: embedded('Conditions'),
      ...source,
    },
  },
  Conditions: {
    fields: {
      ...columns('temperatureC', 'cRate', 'chargeCRate', 'oneCMAPerG', 'currentDensityMAPerG', 'voltageMinV', 'voltageMaxV', 'cycleNumber', 'cellType', 'counterElectrode', 'electrolyte', 'state', 'technique', 'loadingMgPerCm2'),
      other: column('otherConditions'),
    },
  },
  ComputedProperty: {
    table: 'ComputedProperty',
    fields: {
      id: globalId('ComputedProperty'),
      ...columns('value', 'valueMax', 'textValue', 'qualifier', 'uncertainty', 'unit', 'site', 'configuration', 'note'),
      material: one('Material', 'materialId'),
      structure: one('Structure', 'structureId'),
      property: one('PropertyDefinition', 'propertyKey', 'key'),
      method: one('ComputationalMethod', 'methodId'),
      ...source,
    },
  },
  ComputationalMethod: {
    table: 'ComputationalMethod',
    fields: {
      ...columns('key', 'kind', 'functional', 'code', 'exchangeMixing', 'cutoffEV', 'kMesh', 'forceToleranceEVPerA', 'energyToleranceEV', 'supercell', 'parameters', 'description'),
      ...source,
    },
  },
};
