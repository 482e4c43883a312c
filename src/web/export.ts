/**
 * Data out: GET /export/facts.{csv,jsonl} and /export/materials.{csv,jsonl} stream every row
 * matching a filter, with chosen columns, outside GraphQL's cost limit (docs/data-out.md).
 *
 * Memory stays bounded: facts are read in keyset chunks of EXPORT_CHUNK rows (the same reader
 * and filter as Query.facts) with a fresh DataLoader set per chunk for their materials, papers
 * and methods; materials are walked page by page through the `materials` connection executed
 * in-process, so derived columns come from the same resolvers as the API. Node stream
 * back-pressure holds the next chunk until the client has taken the previous one.
 *
 * Bad parameters are refused with HTTP 400 before anything is sent; an error after the first
 * chunk ends the response abruptly (the client sees an incomplete transfer, never a short file
 * that looks complete).
 */
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { coerceInputValue, execute, GraphQLError, isInputType, parse, type GraphQLSchema } from 'graphql';
import type { FactFilter, MaterialFilter } from '../__generated__/resolvers-types.js';
import { createContext, type Context } from '../context.js';
import type { Database } from '../db/client.js';
import { ErrorCode, UserInputError } from '../errors.js';
import { toGlobalId } from '../ids.js';
import { unitsCompatible, isKnownUnit } from '../units.js';
import { factNumber, factWheres, readFacts, type FactRow } from '../resolvers/facts.js';
import { requireProperties } from '../resolvers/filters.js';

/** Facts per database read. */
export const EXPORT_CHUNK = 500;

type Lookups = Awaited<ReturnType<typeof lookupsFor>>;
type Cell = string | number | boolean | null | Record<string, unknown>;

/** Fresh loaders per chunk: what a chunk refers to is read in one batch per table, then dropped. */
async function lookupsFor(context: Context, rows: FactRow[]) {
  const { loaders } = context;
  const load = async <T,>(loader: { loadMany(keys: readonly number[]): Promise<(T | Error | null)[]> }, ids: number[]) => {
    const unique = [...new Set(ids)];
    const found = await loader.loadMany(unique);
    return new Map(unique.map((id, i) => [id, found[i] instanceof Error ? null : (found[i] ?? null)]));
  };
  const [materials, papers, methods, structures] = await Promise.all([
    load(loaders.materialById, rows.map((r) => r.materialId)),
    load(loaders.paperById, rows.map((r) => r.paperId)),
    load(loaders.methodById, rows.flatMap((r) => (r.__typename === 'ComputedProperty' ? [r.methodId] : []))),
    load(loaders.structureById, rows.flatMap((r) => (r.structureId ? [r.structureId] : []))),
  ]);
  return { materials, papers, methods, structures };
}

const CONDITION_COLUMNS = [
  'temperatureC', 'cRate', 'chargeCRate', 'oneCMAPerG', 'currentDensityMAPerG', 'voltageMinV', 'voltageMaxV', 'cycleNumber',
  'cellType', 'counterElectrode', 'electrolyte', 'state', 'technique', 'loadingMgPerCm2',
] as const;

const measured = (row: FactRow) => (row.__typename === 'Measurement' ? row : null);
const computed = (row: FactRow) => (row.__typename === 'ComputedProperty' ? row : null);

/** Every column a facts export can have: name → cell of one row (unit: the export's `unit`, if any). */
const FACT_COLUMNS: Record<string, (row: FactRow, at: Lookups, unit: string | null) => Cell> = {
  id: (r) => toGlobalId(r.__typename, r.id),
  kind: (r) => (r.__typename === 'Measurement' ? 'MEASURED' : 'COMPUTED'),
  materialKey: (r, at) => at.materials.get(r.materialId)?.key ?? null,
  materialName: (r, at) => at.materials.get(r.materialId)?.name ?? null,
  formula: (r, at) => at.materials.get(r.materialId)?.formula ?? null,
  family: (r, at) => at.materials.get(r.materialId)?.familyKey ?? null,
  workingIon: (r, at) => at.materials.get(r.materialId)?.workingIon ?? null,
  role: (r, at) => at.materials.get(r.materialId)?.role ?? null,
  structure: (r, at) => (r.structureId ? (at.structures.get(r.structureId)?.key ?? null) : null),
  property: (r) => r.propertyKey,
  value: (r, _at, unit) => factNumber(r, r.value, unit),
  valueMax: (r, _at, unit) => factNumber(r, r.valueMax, unit),
  qualifier: (r) => r.qualifier,
  uncertainty: (r, _at, unit) => factNumber(r, r.uncertainty, unit, true),
  unit: (r, _at, unit) => unit ?? r.unit,
  textValue: (r) => r.textValue,
  site: (r) => r.site,
  /** The stated conditions of a measurement as one object (JSON text in CSV); null for computed facts. */
  conditions: (r) => {
    const m = measured(r);
    if (!m) return null;
    const stated: Record<string, unknown> = Object.fromEntries(CONDITION_COLUMNS.flatMap((c) => (m[c] === null ? [] : [[c, m[c]]])));
    if (m.otherConditions != null) stated.other = m.otherConditions;
    return Object.keys(stated).length > 0 ? stated : null;
  },
  ...Object.fromEntries(CONDITION_COLUMNS.map((c) => [c, (r: FactRow) => measured(r)?.[c] ?? null])),
  otherConditions: (r) => (measured(r)?.otherConditions as Record<string, unknown> | null) ?? null,
  method: (r, at) => {
    const c = computed(r);
    return c ? (at.methods.get(c.methodId)?.key ?? null) : null;
  },
  configuration: (r) => computed(r)?.configuration ?? null,
  note: (r) => r.note,
  sourceDoi: (r, at) => at.papers.get(r.paperId)?.doi ?? null,
  /** PAPER or DATABASE (a database export such as the Materials Project's; its locator is the record's id). */
  sourceKind: (r, at) => at.papers.get(r.paperId)?.kind ?? null,
  locator: (r) => r.locator,
};

export const DEFAULT_FACT_COLUMNS = ['id', 'kind', 'materialKey', 'formula', 'property', 'value', 'valueMax', 'qualifier', 'uncertainty', 'unit', 'textValue', 'site', 'conditions', 'method', 'configuration', 'sourceDoi', 'locator'];

/**
 * Columns of a materials export: name → GraphQL selection on Material and how to read the cell.
 * Derived values are requested in a fixed unit, named in the column.
 */
const MATERIAL_COLUMNS: Record<string, { select: string; cell: (m: Record<string, any>) => Cell }> = {
  id: { select: 'id', cell: (m) => m.id },
  key: { select: 'key', cell: (m) => m.key },
  name: { select: 'name', cell: (m) => m.name },
  formula: { select: 'formula', cell: (m) => m.formula },
  chemicalFormulaReduced: { select: 'chemicalFormulaReduced', cell: (m) => m.chemicalFormulaReduced },
  elements: { select: 'elements', cell: (m) => (m.elements as string[]).join(' ') },
  nelements: { select: 'nelements', cell: (m) => m.nelements },
  family: { select: 'family { key }', cell: (m) => m.family?.key ?? null },
  workingIon: { select: 'workingIon', cell: (m) => m.workingIon },
  role: { select: 'role', cell: (m) => m.role },
  materialsProjectId: { select: 'materialsProjectId', cell: (m) => m.materialsProjectId },
  substrate: { select: 'substrate { key }', cell: (m) => m.substrate?.key ?? null },
  coating: { select: 'coating { key }', cell: (m) => m.coating?.key ?? null },
  // A database export's rows have no paper: their DOI is the reference the database asks to cite.
  sourceDoi: { select: 'source { paper { doi } database { citationDoi } }', cell: (m) => m.source.paper?.doi ?? m.source.database?.citationDoi ?? null },
  sourceKind: { select: 'sourceKind: source { kind }', cell: (m) => m.sourceKind.kind },
  locator: { select: 'locator: source { locator }', cell: (m) => m.locator.locator },
  molarMassGPerMol: { select: 'molarMassGPerMol: molarMass(unit: "g/mol") { value }', cell: (m) => m.molarMassGPerMol.value },
  theoreticalCapacityMAhPerG: { select: 'theoreticalCapacityMAhPerG: theoreticalCapacity(unit: "mAh/g") { value }', cell: (m) => m.theoreticalCapacityMAhPerG.value },
  averageVoltageV: { select: 'averageVoltageV: averageVoltage(unit: "V") { value }', cell: (m) => m.averageVoltageV.value },
  averageVoltageStatus: { select: 'averageVoltageStatus: averageVoltage { status }', cell: (m) => m.averageVoltageStatus.status },
  specificEnergyWhPerKg: { select: 'specificEnergyWhPerKg: specificEnergy(unit: "Wh/kg") { value }', cell: (m) => m.specificEnergyWhPerKg.value },
  /** The first voltage step between the material's stored structures (pymatgen's conventions, like a database electrode's values). */
  stepFormulas: { select: 'stepFormulas: voltagePairs { formulaDischarge formulaCharge }', cell: (m) => (m.stepFormulas[0] ? `${m.stepFormulas[0].formulaDischarge} → ${m.stepFormulas[0].formulaCharge}` : null) },
  stepAverageVoltageV: { select: 'stepAverageVoltageV: voltagePairs { averageVoltage(unit: "V") { value } }', cell: (m) => m.stepAverageVoltageV[0]?.averageVoltage.value ?? null },
  stepGravimetricCapacityMAhPerG: { select: 'stepGravimetricCapacityMAhPerG: voltagePairs { gravimetricCapacity(unit: "mAh/g") { value } }', cell: (m) => m.stepGravimetricCapacityMAhPerG[0]?.gravimetricCapacity.value ?? null },
  stepGravimetricEnergyWhPerKg: { select: 'stepGravimetricEnergyWhPerKg: voltagePairs { gravimetricEnergy(unit: "Wh/kg") { value } }', cell: (m) => m.stepGravimetricEnergyWhPerKg[0]?.gravimetricEnergy.value ?? null },
};

export const DEFAULT_MATERIAL_COLUMNS = ['key', 'name', 'formula', 'family', 'workingIon', 'role', 'sourceDoi', 'locator'];

// ---------------------------------------------------------------- parameters

type Query = Request['query'];

/** A parameter given as `a,b`, repeated (`?p=a&p=b`) or both. */
function listParam(query: Query, name: string): string[] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => (typeof v === 'string' ? v.split(',') : []));
  return values.map((v) => v.trim()).filter((v) => v.length > 0);
}

function stringParam(query: Query, name: string): string | undefined {
  const values = listParam(query, name);
  if (values && values.length > 1) throw new UserInputError(`${name}: give one value, got ${values.length}`, ErrorCode.BAD_USER_INPUT, name);
  return values?.[0];
}

/** The material filter shortcuts shared by both exports. */
function materialShortcuts(query: Query): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  const family = stringParam(query, 'family');
  const workingIon = stringParam(query, 'workingIon');
  const role = stringParam(query, 'role');
  const elements = listParam(query, 'elements');
  const formula = stringParam(query, 'chemicalFormulaReduced');
  const sourceKind = stringParam(query, 'sourceKind');
  if (family) filter.family = family;
  if (sourceKind) filter.sourceKind = sourceKind.toUpperCase();
  if (workingIon) filter.workingIon = workingIon;
  if (role) filter.role = role.toUpperCase();
  if (elements?.length) filter.elements = elements;
  if (formula) filter.chemicalFormulaReduced = formula;
  return filter;
}

function jsonParam(query: Query): Record<string, unknown> {
  const raw = stringParamRaw(query, 'filter');
  if (raw === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new UserInputError(`filter must be a JSON object (${(error as Error).message})`, ErrorCode.BAD_USER_INPUT, 'filter');
  }
}

/** `filter` holds JSON with commas: never split. */
function stringParamRaw(query: Query, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new UserInputError(`${name}: give it once`, ErrorCode.BAD_USER_INPUT, name);
  return raw;
}

/** Coerces a filter through the schema's input type: the same validation and messages as GraphQL variables. */
function coerce<T>(schema: GraphQLSchema, typeName: string, value: unknown): T {
  const type = schema.getType(typeName);
  if (!type || !isInputType(type)) throw new Error(`schema has no input type ${typeName}`);
  const problems: string[] = [];
  const result = coerceInputValue(value, type, (path, _invalid, error) => problems.push(`${['filter', ...path].join('.')}: ${error.message}`));
  if (problems.length > 0) throw new UserInputError(problems.join('; '), ErrorCode.BAD_USER_INPUT, 'filter');
  return result as T;
}

function columnsParam(query: Query, known: Record<string, unknown>, fallback: string[]): string[] {
  const columns = listParam(query, 'columns') ?? fallback;
  const unknown = columns.filter((c) => !Object.hasOwn(known, c));
  if (unknown.length > 0) throw new UserInputError(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; columns: ${Object.keys(known).join(', ')}`, ErrorCode.BAD_USER_INPUT, 'columns');
  if (columns.length === 0) throw new UserInputError('columns: name at least one column', ErrorCode.BAD_USER_INPUT, 'columns');
  return [...new Set(columns)];
}

/** The facts filter of a request: `filter=<JSON FactFilter>` merged with the shortcut parameters. */
export function factFilterFromQuery(schema: GraphQLSchema, query: Query): FactFilter {
  const filter = jsonParam(query);
  const properties = listParam(query, 'property');
  const kind = stringParam(query, 'kind');
  const paper = stringParam(query, 'paper');
  const materials = listParam(query, 'material');
  const locator = stringParam(query, 'locator');
  const method = stringParam(query, 'method');
  if (properties?.length) filter.properties = properties;
  if (kind) filter.kind = kind.toUpperCase();
  if (paper) filter.paperDoi = paper;
  if (materials?.length) filter.materialKeys = materials;
  if (locator) filter.locator = locator;
  if (method) filter.method = method;
  const shortcuts = materialShortcuts(query);
  if (Object.keys(shortcuts).length > 0) filter.material = { ...((filter.material as object) ?? {}), ...shortcuts };
  return coerce<FactFilter>(schema, 'FactFilter', filter);
}

// ---------------------------------------------------------------- streaming

type Format = 'csv' | 'jsonl';

const CONTENT_TYPES: Record<Format, string> = { csv: 'text/csv; charset=utf-8', jsonl: 'application/jsonl; charset=utf-8' };

/** Objects become JSON text in CSV cells; JSON Lines keep them as objects. */
const csvCell = (cell: Cell) => (cell !== null && typeof cell === 'object' ? JSON.stringify(cell) : cell);

async function send(res: Response, format: Format, name: string, columns: string[], rows: AsyncIterable<Cell[]>): Promise<void> {
  res.status(200).set({
    'Content-Type': CONTENT_TYPES[format],
    'Content-Disposition': `attachment; filename="${name}.${format}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  const encode =
    format === 'csv'
      ? stringify({ header: true, columns, cast: { boolean: (b) => String(b) } })
      : new Transform({
          writableObjectMode: true,
          transform(cells: Cell[], _encoding, done) {
            done(null, `${JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? null])))}\n`);
          },
        });
  const source = Readable.from(format === 'csv' ? mapAsync(rows, (cells) => cells.map(csvCell)) : rows);
  await pipeline(source, encode, res);
}

async function* mapAsync<T, U>(items: AsyncIterable<T>, map: (item: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield map(item);
}

/** Runs `first` (validation and the first chunk) before any byte is sent, so its errors can be a 400. */
async function* withFirst<T>(first: T[], rest: () => AsyncGenerator<T>): AsyncGenerator<T> {
  yield* first;
  yield* rest();
}

export interface ExportOptions {
  database: Database;
  schema: GraphQLSchema;
}

async function factsExport(options: ExportOptions, req: Request, res: Response, format: Format): Promise<void> {
  const context = createContext(options.database.reader());
  const filter = factFilterFromQuery(options.schema, req.query);
  const columns = columnsParam(req.query, FACT_COLUMNS, DEFAULT_FACT_COLUMNS);
  const unit = stringParam(req.query, 'unit') ?? null;
  if (unit !== null) {
    if (!filter.properties?.length) throw new UserInputError('unit: name the properties too (property=…), so the unit can be checked against them', ErrorCode.BAD_USER_INPUT, 'unit');
    if (!isKnownUnit(unit)) throw new UserInputError(`unknown unit "${unit}"`, ErrorCode.UNKNOWN_UNIT, 'unit');
    const canonical = await requireProperties(context, filter.properties, 'property');
    for (const [property, canonicalUnit] of canonical) {
      if (!unitsCompatible(canonicalUnit, unit)) throw new UserInputError(`"${unit}" is not a unit of ${property} (canonical ${canonicalUnit})`, ErrorCode.UNKNOWN_UNIT, 'unit');
    }
  }
  const wheres = await factWheres(context, filter);
  const chunk = async (after?: FactRow) => {
    const chunkContext = createContext(options.database.reader());
    const page = await readFacts(chunkContext, wheres, EXPORT_CHUNK, after && { kind: after.__typename === 'Measurement' ? 'MEASURED' : 'COMPUTED', id: after.id });
    const at = await lookupsFor(chunkContext, page.rows);
    return { ...page, cells: page.rows.map((row) => columns.map((c) => FACT_COLUMNS[c]!(row, at, unit))) };
  };
  const first = await chunk();
  async function* rest() {
    let page = first;
    while (page.hasMore) {
      page = await chunk(page.rows[page.rows.length - 1]);
      yield* page.cells;
    }
  }
  await send(res, format, 'facts', columns, withFirst(first.cells, rest));
}

const MATERIALS_PAGE = 100;

async function materialsExport(options: ExportOptions, req: Request, res: Response, format: Format): Promise<void> {
  const filter = coerce<MaterialFilter>(options.schema, 'MaterialFilter', { ...jsonParam(req.query), ...materialShortcuts(req.query) });
  const columns = columnsParam(req.query, MATERIAL_COLUMNS, DEFAULT_MATERIAL_COLUMNS);
  const document = parse(`query Export($filter: MaterialFilter, $after: String) {
    materials(filter: $filter, first: ${MATERIALS_PAGE}, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { ${columns.map((c) => MATERIAL_COLUMNS[c]!.select).join(' ')} } }
    }
  }`);
  const page = async (after: string | null) => {
    // One fresh context (loaders) per page, like one API request.
    const result = await execute({ schema: options.schema, document, variableValues: { filter, after }, contextValue: createContext(options.database.reader()) });
    if (result.errors?.length) throw result.errors[0];
    const connection = (result.data as { materials: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Record<string, any> }[] } }).materials;
    return { pageInfo: connection.pageInfo, cells: connection.edges.map(({ node }) => columns.map((c) => MATERIAL_COLUMNS[c]!.cell(node))) };
  };
  const first = await page(null);
  async function* rest() {
    let current = first;
    while (current.pageInfo.hasNextPage) {
      current = await page(current.pageInfo.endCursor);
      yield* current.cells;
    }
  }
  await send(res, format, 'materials', columns, withFirst(first.cells, rest));
}

/** 400 with a GraphQL-shaped error body for bad parameters; anything after the headers ends the stream. */
function handle(run: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      await run(req, res);
    } catch (error) {
      if (res.headersSent) {
        if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error('export failed mid-stream:', error);
        res.destroy();
        return;
      }
      if (error instanceof GraphQLError && error.extensions?.code && error.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
        res.status(400).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code, ...(error.extensions.argument ? { argument: error.extensions.argument } : {}) } }] });
        return;
      }
      next(error);
    }
  };
}

/** GET /export/facts.csv|.jsonl and /export/materials.csv|.jsonl. */
export function exportRouter(options: ExportOptions): Router {
  const router = express.Router();
  for (const format of ['csv', 'jsonl'] as const) {
    router.get(`/export/facts.${format}`, handle((req, res) => factsExport(options, req, res, format)));
    router.get(`/export/materials.${format}`, handle((req, res) => materialsExport(options, req, res, format)));
  }
  return router;
}

/** Column names, for the explorer and the docs. */
export const EXPORT_COLUMNS = { facts: Object.keys(FACT_COLUMNS), materials: Object.keys(MATERIAL_COLUMNS) };
