/**
 * The benchmark's operations: each a GraphQL request, its "floor" and, where PostGraphile can
 * answer it, PostGraphile's nearest query. For stored data the floor is one hand-written SQL
 * statement that builds the whole JSON body in the database, sent with plain pg; the benchmark
 * checks that it parses to the same JSON as GraphQL's answer (and PostGraphile's, reshaped).
 * For derived values and correlations the floor is a hand-written handler on the same connections
 * (plain SQL; the derived page's page through Prisma) that serialises the same bytes by hand, with
 * no GraphQL parsing, validation or execution.
 *
 * Derived values in that floor are computed by the same functions the GraphQL resolvers use
 * (src/resolvers/derived.ts → src/derive/), called directly with a context whose DataLoaders are
 * primed with the rows the floor fetched, so the floor does the same science without GraphQL.
 */
import type { Measurement, PrismaClient, Structure } from '@prisma/client';
import { createContext, type Context } from '../../src/context.js';
import type { SqlClient } from '../../src/db/sql.js';
import { primeDerivedInputs } from '../../src/read/derived-inputs.js';
import { correlate } from '../../src/derive/correlation.js';
import { fromCursor, toCursor, toGlobalId } from '../../src/ids.js';
import { withCorrelationSlot } from '../../src/resolvers/correlation.js';
import { derivedResolvers } from '../../src/resolvers/derived.js';
import { valueIn } from '../../src/resolvers/derived-support.js';

export interface BenchRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** What the server child computes once from the loaded data, to build requests. */
export interface Fixtures {
  materialIds: string[];
  pageAfter: (string | null)[];
  derivedAfter: (string | null)[];
  /**
   * For the statements-vs-page-size check: a cursor right before the first NaMO3 cathode that
   * takes part in a reaction, so pages of 10 and of 50 from there have the same shape (a page
   * without any reaction needs three loader waves fewer, whatever its size).
   */
  derivedShapeAfter: string | null;
  entityBatches: { __typename: 'Material'; id: string }[][];
}

export interface Operation {
  name: string;
  title: string;
  /**
   * The k-th request of a run (requests rotate over a few ids/cursors so no single row is hot);
   * `size` overrides the page/batch size, `forStatements` picks the request of the size check.
   */
  request(fixtures: Fixtures, k: number, size?: number, forStatements?: boolean): BenchRequest;
  /** Default size (page size, batch size) and a smaller one for the statements-vs-size check. */
  sizes?: [number, number];
  /**
   * The floor: one hand-written SQL statement building the whole response body in the database,
   * sent by plain pg (or PGlite) and passed through as text. Its answer must parse to the same
   * JSON as GraphQL's. `prepared`: sent as a named statement, where a careful engineer would
   * prepare it (a lookup by primary key), as the GraphQL route does.
   */
  sqlFloor?(variables: Record<string, any>): { text: string; values: unknown[]; prepared?: boolean };
  /**
   * For derived values and correlations, which src/derive computes in JavaScript: a hand-written
   * handler on the same connections, the same derive functions, JSON by hand; byte-identical to GraphQL's.
   */
  handlerFloor?(prisma: PrismaClient, variables: Record<string, any>, sql: SqlClient): Promise<unknown>;
  /** The peer (PostgreSQL only): PostGraphile's nearest query, and its answer in this project's shape. */
  postgraphile?: {
    request(fixtures: Fixtures, k: number, size?: number): BenchRequest;
    ours(data: any, request: BenchRequest): unknown;
  };
}

export const PAGE_FAMILY = 'ni-rich-layered-ncm';
export const DERIVED_FAMILY = 'ilmenite-namo3';

// ------------------------------------------------------------------------------------ (a)

const MATERIAL_QUERY = `query BenchMaterial($id: ID!) {
  material(id: $id) {
    id key name formula workingIon role
    family { key name }
    source { locator paper { doi title year } }
    structures { id label spaceGroupSymbol spaceGroupNumber alkaliContent source { locator } }
    measurements { id property { key canonicalUnit } value unit qualifier site conditions { temperatureC cRate cycleNumber cellType state technique } source { locator paper { doi } } }
    computedProperties { id property { key } value unit site configuration method { key functional } source { locator paper { doi } } }
  }
}`;

/** Global ID / cursor of a row written in SQL: base64url of "Type:id", no padding (src/ids.ts). */
const gid = (type: string, column: string) => `translate(encode(convert_to('${type}:' || ${column}, 'UTF8'), 'base64'), '+/=', '-_')`;
const cursorSql = (column: string) => gid('cursor', column);
/** A list built in the database: '[]' when empty, rows in id order. */
const listSql = (object: string, from: string, order: string) => `(SELECT coalesce(json_agg(${object} ORDER BY ${order}), '[]'::json) ${from})`;

/** (a) in one statement: the material, its family and paper, and its three fact lists with their property, method and paper. */
const MATERIAL_FLOOR = `SELECT json_build_object('data', json_build_object('material', (
  SELECT json_build_object(
    'id', ${gid('Material', 'm.id')}, 'key', m.key, 'name', m.name, 'formula', m.formula, 'workingIon', m."workingIon", 'role', m.role,
    'family', (SELECT json_build_object('key', f.key, 'name', f.name) FROM "MaterialFamily" f WHERE f.key = m."familyKey"),
    'source', (SELECT json_build_object('locator', m.locator, 'paper', json_build_object('doi', p.doi, 'title', p.title, 'year', p.year)) FROM "Paper" p WHERE p.id = m."paperId"),
    'structures', ${listSql(`json_build_object('id', ${gid('Structure', 's.id')}, 'label', s.label, 'spaceGroupSymbol', s."spaceGroupSymbol", 'spaceGroupNumber', s."spaceGroupNumber", 'alkaliContent', s."alkaliContent", 'source', json_build_object('locator', s.locator))`, `FROM "Structure" s WHERE s."materialId" = m.id`, 's.id')},
    'measurements', ${listSql(
      `json_build_object('id', ${gid('Measurement', 'r.id')}, 'property', json_build_object('key', k.key, 'canonicalUnit', k."canonicalUnit"), 'value', r.value, 'unit', r.unit, 'qualifier', r.qualifier, 'site', r.site,
        'conditions', json_build_object('temperatureC', r."temperatureC", 'cRate', r."cRate", 'cycleNumber', r."cycleNumber", 'cellType', r."cellType", 'state', r.state, 'technique', r.technique),
        'source', json_build_object('locator', r.locator, 'paper', json_build_object('doi', p.doi)))`,
      `FROM "Measurement" r JOIN "PropertyKey" k ON k.key = r."propertyKey" JOIN "Paper" p ON p.id = r."paperId" WHERE r."materialId" = m.id`,
      'r.id',
    )},
    'computedProperties', ${listSql(
      `json_build_object('id', ${gid('ComputedProperty', 'c.id')}, 'property', json_build_object('key', c."propertyKey"), 'value', c.value, 'unit', c.unit, 'site', c.site, 'configuration', c.configuration,
        'method', json_build_object('key', x.key, 'functional', x.functional), 'source', json_build_object('locator', c.locator, 'paper', json_build_object('doi', p.doi)))`,
      `FROM "ComputedProperty" c JOIN "ComputationalMethod" x ON x.id = c."methodId" JOIN "Paper" p ON p.id = c."paperId" WHERE c."materialId" = m.id`,
      'c.id',
    )})
  FROM "Material" m WHERE m.id = $1)))::text AS body`;

const dbIdOf = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);

const MATERIAL_POSTGRAPHILE = `query BenchMaterial($id: Int!) {
  material: materialById(id: $id) {
    id key name formula workingIon role
    family: materialFamilyByFamilyKey { key name }
    locator paper: paperByPaperId { doi title year }
    structures: structuresByMaterialIdList(orderBy: ID_ASC) { id label spaceGroupSymbol spaceGroupNumber alkaliContent locator }
    measurements: measurementsByMaterialIdList(orderBy: ID_ASC) { id property: propertyKeyByPropertyKey { key canonicalUnit } value unit qualifier site temperatureC cRate cycleNumber cellType state technique locator paper: paperByPaperId { doi } }
    computedProperties: computedPropertiesByMaterialIdList(orderBy: ID_ASC) { id propertyKey value unit site configuration method: computationalMethodByMethodId { key functional } locator paper: paperByPaperId { doi } }
  }
}`;

/** PostGraphile's enum values are CONSTANT_CASE of PostgreSQL's labels ("NA" for Na). */
const WORKING_IONS: Record<string, string> = { LI: 'Li', NA: 'Na', K: 'K', MG: 'Mg' };

/** PostGraphile's answer to (a) in this project's shape, to compare content. */
function materialFromPostGraphile(data: any) {
  const m = data.material;
  if (!m) return { material: null };
  return {
    material: {
      id: toGlobalId('Material', m.id), key: m.key, name: m.name, formula: m.formula, workingIon: m.workingIon && WORKING_IONS[m.workingIon], role: m.role,
      family: m.family,
      source: { locator: m.locator, paper: m.paper },
      structures: m.structures.map((s: any) => ({ id: toGlobalId('Structure', s.id), label: s.label, spaceGroupSymbol: s.spaceGroupSymbol, spaceGroupNumber: s.spaceGroupNumber, alkaliContent: s.alkaliContent, source: { locator: s.locator } })),
      measurements: m.measurements.map((r: any) => ({
        id: toGlobalId('Measurement', r.id), property: r.property, value: r.value, unit: r.unit, qualifier: r.qualifier, site: r.site,
        conditions: { temperatureC: r.temperatureC, cRate: r.cRate, cycleNumber: r.cycleNumber, cellType: r.cellType, state: r.state, technique: r.technique },
        source: { locator: r.locator, paper: r.paper },
      })),
      computedProperties: m.computedProperties.map((c: any) => ({ id: toGlobalId('ComputedProperty', c.id), property: { key: c.propertyKey }, value: c.value, unit: c.unit, site: c.site, configuration: c.configuration, method: c.method, source: { locator: c.locator, paper: c.paper } })),
    },
  };
}

// ------------------------------------------------------------------------------------ (b)

const PAGE_QUERY = `query BenchPage($first: Int!, $after: String, $filter: MaterialFilter) {
  materials(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id key formula role
      structures { label spaceGroupSymbol alkaliContent }
      measurements { value unit site conditions { cRate cycleNumber cellType temperatureC } }
    } }
  }
}`;

/**
 * (b) in one statement: the page (one row more than asked tells whether another follows), the
 * family's total, and per material its structures and measurements as lists built in the database.
 */
const PAGE_FLOOR = `WITH ahead AS (SELECT m.id, m.key, m.formula, m.role FROM "Material" m WHERE m."familyKey" = $1 AND m.id > $2 ORDER BY m.id LIMIT $3 + 1),
  page AS (SELECT * FROM ahead ORDER BY id LIMIT $3)
SELECT json_build_object('data', json_build_object('materials', json_build_object(
  'totalCount', (SELECT count(*) FROM "Material" WHERE "familyKey" = $1),
  'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM ahead) > $3, 'endCursor', (SELECT ${cursorSql('max(id)')} FROM page)),
  'edges', ${listSql(
    `json_build_object('node', json_build_object('id', ${gid('Material', 'q.id')}, 'key', q.key, 'formula', q.formula, 'role', q.role,
      'structures', ${listSql(`json_build_object('label', s.label, 'spaceGroupSymbol', s."spaceGroupSymbol", 'alkaliContent', s."alkaliContent")`, `FROM "Structure" s WHERE s."materialId" = q.id`, 's.id')},
      'measurements', ${listSql(`json_build_object('value', r.value, 'unit', r.unit, 'site', r.site, 'conditions', json_build_object('cRate', r."cRate", 'cycleNumber', r."cycleNumber", 'cellType', r."cellType", 'temperatureC', r."temperatureC"))`, `FROM "Measurement" r WHERE r."materialId" = q.id`, 'r.id')}))`,
    'FROM page q',
    'q.id',
  )})))::text AS body`;

const pageFloorValues = ({ first, after, filter }: { first: number; after: string | null; filter: { family: string } }) => [filter.family, after == null ? 0 : fromCursor(after), first];

const PAGE_POSTGRAPHILE = `query BenchPage($first: Int!, $after: Cursor, $family: String!) {
  materials: allMaterials(first: $first, after: $after, condition: { familyKey: $family }, orderBy: ID_ASC) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id key formula role
      structures: structuresByMaterialIdList(orderBy: ID_ASC) { label spaceGroupSymbol alkaliContent }
      measurements: measurementsByMaterialIdList(orderBy: ID_ASC) { value unit site cRate cycleNumber cellType temperatureC }
    } }
  }
}`;

/** PostGraphile's cursor for an id under `orderBy: ID_ASC` (base64 of its JSON ["id_asc", [id]]). */
const postgraphileCursor = (id: number) => Buffer.from(JSON.stringify(['id_asc', [id]])).toString('base64');
const idOfPostgraphileCursor = (cursor: string) => (JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as [string, [number]])[1][0];

function pageFromPostGraphile(data: any) {
  const c = data.materials;
  return {
    materials: {
      totalCount: c.totalCount,
      pageInfo: { hasNextPage: c.pageInfo.hasNextPage, endCursor: c.pageInfo.endCursor && toCursor(idOfPostgraphileCursor(c.pageInfo.endCursor)) },
      edges: c.edges.map(({ node: m }: any) => ({
        node: {
          id: toGlobalId('Material', m.id), key: m.key, formula: m.formula, role: m.role,
          structures: m.structures,
          measurements: m.measurements.map((r: any) => ({ value: r.value, unit: r.unit, site: r.site, conditions: { cRate: r.cRate, cycleNumber: r.cycleNumber, cellType: r.cellType, temperatureC: r.temperatureC } })),
        },
      })),
    },
  };
}

// ------------------------------------------------------------------------------------ (c)

const DERIVED_QUERY = `query BenchDerived($first: Int!, $after: String) {
  materials(first: $first, after: $after, filter: { family: "${DERIVED_FAMILY}", role: CATHODE }) {
    edges { node {
      key formula
      molarMass { value }
      theoreticalCapacity { value unit status }
      averageVoltage { value unit status }
      specificEnergy { value unit }
      voltagePairs {
        formulaDischarge formulaCharge
        averageVoltage { value status }
        gravimetricCapacity { value }
        volumetricCapacity { value }
        volumeChange(unit: "%") { value }
      }
      stability { verdict summary criteria { key favourable } }
    } }
  }
}`;

type AnyResolver = (parent: unknown, args: Record<string, unknown>, context: Context, info?: unknown) => unknown;
const resolver = (type: string, field: string) => (derivedResolvers as Record<string, Record<string, AnyResolver>>)[type]![field]!;

/**
 * The derived page by hand: the page query, then every input of the derivations in one
 * statement (src/read/derived-inputs.ts, as the GraphQL route does), primed into a fresh loader
 * set so the derivation functions find them there; no GraphQL parsing, validation or execution.
 */
async function derivedFloor(prisma: PrismaClient, { first, after }: { first: number; after: string | null }, sql: SqlClient) {
  const where = { familyKey: DERIVED_FAMILY, role: 'CATHODE' as const };
  const afterId = after == null ? undefined : fromCursor(after);
  const rows = await prisma.material.findMany({ where: afterId === undefined ? where : { AND: [where, { id: { gt: afterId } }] }, orderBy: { id: 'asc' }, take: first + 1 });
  const page = rows.slice(0, first);
  const context = createContext(prisma);
  await primeDerivedInputs(sql, context.loaders, page);

  const call = (type: string, field: string, parent: unknown, args: Record<string, unknown> = {}) => resolver(type, field)(parent, args, context) as Promise<any>;
  const nodes = await Promise.all(
    page.map(async (m) => {
      const [molarMass, capacity, voltage, energy, pairs, stability] = await Promise.all([
        call('Material', 'molarMass', m, { unit: null }),
        call('Material', 'theoreticalCapacity', m, { ionsExchanged: 1, unit: null }),
        call('Material', 'averageVoltage', m, { unit: null }),
        call('Material', 'specificEnergy', m, { ionsExchanged: null, unit: null }), // as the query: no ionsExchanged, the capacity that belongs to the voltage
        call('Material', 'voltagePairs', m),
        call('Material', 'stability', m),
      ]);
      const voltagePairs = await Promise.all(
        (pairs as unknown[]).map(async (p) => {
          const [formulaDischarge, formulaCharge, pv, gravimetric, volumetric, change] = await Promise.all([
            call('VoltagePair', 'formulaDischarge', p),
            call('VoltagePair', 'formulaCharge', p),
            call('VoltagePair', 'averageVoltage', p, { unit: null }),
            call('VoltagePair', 'gravimetricCapacity', p, { unit: null }),
            call('VoltagePair', 'volumetricCapacity', p, { unit: null }),
            call('VoltagePair', 'volumeChange', p, { unit: '%' }),
          ]);
          return { formulaDischarge, formulaCharge, averageVoltage: { value: pv.value, status: pv.status }, gravimetricCapacity: { value: gravimetric.value }, volumetricCapacity: { value: volumetric.value }, volumeChange: { value: change.value } };
        }),
      );
      return {
        node: {
          key: m.key, formula: m.formula,
          molarMass: { value: molarMass.value },
          theoreticalCapacity: { value: capacity.value, unit: capacity.unit, status: capacity.status },
          averageVoltage: { value: voltage.value, unit: voltage.unit, status: voltage.status },
          specificEnergy: { value: energy.value, unit: energy.unit },
          voltagePairs,
          stability: { verdict: stability.verdict, summary: stability.summary, criteria: stability.criteria.map((c: { key: string; favourable: boolean | null }) => ({ key: c.key, favourable: c.favourable })) },
        },
      };
    }),
  );
  return { data: { materials: { edges: nodes } } };
}

/**
 * Prime whichever loader the derivations read reference values from. Before the scale fix in
 * src/db/loaders.ts this was `computedWithMaterialByPropertyKey` (every row of a property, keyed
 * by property); after it, `referenceComputed` keyed by "property|formula".
 */

// ------------------------------------------------------------------------------------ (d)

const CORRELATION_QUERY = `query BenchCorrelation {
  correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, filter: { family: "${DERIVED_FAMILY}" }) {
    n pearsonR spearmanRho slope intercept rSquared xUnit yUnit
  }
}`;

/**
 * (d) by hand on plain SQL: the family and both axes' values as JSON lists built by the database
 * in one statement (only what the statistics need: no sources, no ambiguity check), then the same
 * statistics (src/derive/correlation.ts). It takes the same concurrency slots as the resolver (a
 * careful endpoint bounds its memory too).
 */
const CORRELATION_FLOOR = `SELECT
  (SELECT json_object_agg(key, "canonicalUnit") FROM "PropertyKey" WHERE key IN ('elf_max', 'average_voltage')) AS units,
  (SELECT coalesce(json_agg(json_build_array(id, key) ORDER BY id), '[]') FROM "Material" WHERE "familyKey" = $1) AS materials,
  (SELECT coalesce(json_agg(json_build_array(f."materialId", f.value, f.unit) ORDER BY f.id), '[]') FROM "ComputedProperty" f JOIN "Material" m ON m.id = f."materialId"
    WHERE m."familyKey" = $1 AND f."propertyKey" = 'elf_max' AND f.locator = 'Table I' AND f.value IS NOT NULL) AS "xComputed",
  (SELECT coalesce(json_agg(json_build_array(f."materialId", f.value, f.unit) ORDER BY f.id), '[]') FROM "Measurement" f JOIN "Material" m ON m.id = f."materialId"
    WHERE m."familyKey" = $1 AND f."propertyKey" = 'elf_max' AND f.locator = 'Table I' AND f.value IS NOT NULL) AS "xMeasured",
  (SELECT coalesce(json_agg(json_build_array(f."materialId", f.value, f.unit) ORDER BY f.id), '[]') FROM "ComputedProperty" f JOIN "Material" m ON m.id = f."materialId"
    WHERE m."familyKey" = $1 AND f."propertyKey" = 'average_voltage' AND f.value IS NOT NULL) AS y`;

type ValueTuple = [materialId: number, value: number, unit: string];

function correlationFloor(sql: SqlClient) {
  return withCorrelationSlot(() => correlationFloorNow(sql));
}

async function correlationFloorNow(sql: SqlClient) {
  const [row] = await sql.query<{ units: Record<string, string>; materials: [number, string][]; xComputed: ValueTuple[]; xMeasured: ValueTuple[]; y: ValueTuple[] }>(CORRELATION_FLOOR, [DERIVED_FAMILY]);
  const { units, materials } = row!;
  const firstOf = (list: ValueTuple[], to: string) => {
    const map = new Map<number, number>();
    for (const [materialId, value, unit] of list) if (!map.has(materialId)) map.set(materialId, valueIn({ value, unit }, to)!);
    return map;
  };
  const x = firstOf([...row!.xComputed, ...row!.xMeasured], units.elf_max!);
  const y = firstOf(row!.y, units.average_voltage!);
  const points = materials.filter(([id]) => x.has(id) && y.has(id)).map(([id, key]) => ({ label: key, x: x.get(id)!, y: y.get(id)! }));
  const r = correlate(points);
  return { data: { correlation: { n: r.n, pearsonR: r.pearsonR, spearmanRho: r.spearmanRho, slope: r.slope, intercept: r.intercept, rSquared: r.rSquared, xUnit: units.elf_max, yUnit: units.average_voltage } } };
}

// ------------------------------------------------------------------------------------ (e)

const ENTITIES_QUERY = `query BenchEntities($r: [_Any!]!) { _entities(representations: $r) { ... on Material { id name formula } } }`;

/** (e) in one statement: the references in request order, null where no material has the id. */
const ENTITIES_FLOOR = `SELECT json_build_object('data', json_build_object('_entities', coalesce(json_agg(
    (SELECT json_build_object('id', ${gid('Material', 'm.id')}, 'name', m.name, 'formula', m.formula) FROM "Material" m WHERE m.id = r.id) ORDER BY r.at), '[]'::json)))::text AS body
  FROM unnest($1::int[]) WITH ORDINALITY AS r(id, at)`;

// PostGraphile has no federation: the nearest is one list filtered by the ids (connection-filter
// plugin), in its own order; the comparison puts it in the references' order.
const ENTITIES_POSTGRAPHILE = `query BenchEntities($ids: [Int!]!) { materials: allMaterialsList(filter: { id: { in: $ids } }) { id name formula } }`;

function entitiesFromPostGraphile(data: any, ids: number[]) {
  const byId = new Map<number, any>(data.materials.map((m: any) => [m.id, m]));
  return { _entities: ids.map((id) => { const m = byId.get(id); return m ? { id: toGlobalId('Material', m.id), name: m.name, formula: m.formula } : null; }) };
}

// ------------------------------------------------------------------------------------

const rotate = <T>(list: T[], k: number): T => list[k % list.length]!;

export const OPERATIONS: Operation[] = [
  {
    name: 'material',
    title: '(a) material by id with facts and sources',
    request: (f, k) => ({ query: MATERIAL_QUERY, variables: { id: rotate(f.materialIds, k) } }),
    sqlFloor: (v) => ({ text: MATERIAL_FLOOR, values: [dbIdOf(v.id)], prepared: true }),
    postgraphile: {
      request: (f, k) => ({ query: MATERIAL_POSTGRAPHILE, variables: { id: dbIdOf(rotate(f.materialIds, k)) } }),
      ours: (data) => materialFromPostGraphile(data),
    },
  },
  {
    name: 'page',
    title: '(b) filtered page of 50 with structures and measurements',
    sizes: [50, 10],
    request: (f, k, size = 50) => ({ query: PAGE_QUERY, variables: { first: size, after: rotate(f.pageAfter, k), filter: { family: PAGE_FAMILY } } }),
    sqlFloor: (v) => ({ text: PAGE_FLOOR, values: pageFloorValues(v as never) }),
    postgraphile: {
      request: (f, k, size = 50) => {
        const after = rotate(f.pageAfter, k);
        return { query: PAGE_POSTGRAPHILE, variables: { first: size, after: after && postgraphileCursor(fromCursor(after)), family: PAGE_FAMILY } };
      },
      ours: (data) => pageFromPostGraphile(data),
    },
  },
  {
    name: 'derived',
    title: '(c) derived page of 50: capacities, voltage pairs, stability',
    sizes: [50, 10],
    request: (f, k, size = 50, forStatements = false) => ({ query: DERIVED_QUERY, variables: { first: size, after: forStatements ? f.derivedShapeAfter : rotate(f.derivedAfter, k) } }),
    handlerFloor: (prisma, v, sql) => derivedFloor(prisma, v as never, sql),
  },
  {
    name: 'correlation',
    title: '(d) correlation over the whole NaMO3 family',
    request: () => ({ query: CORRELATION_QUERY, variables: {} }),
    handlerFloor: (_prisma, _v, sql) => correlationFloor(sql),
  },
  {
    name: 'entities',
    title: '(e) federation _entities, 100 Material references',
    sizes: [100, 10],
    request: (f, k, size = 100) => ({ query: ENTITIES_QUERY, variables: { r: rotate(f.entityBatches, k).slice(0, size) } }),
    sqlFloor: (v) => ({ text: ENTITIES_FLOOR, values: [(v.r as { id: string }[]).map((x) => dbIdOf(x.id))], prepared: true }),
    postgraphile: {
      request: (f, k, size = 100) => ({ query: ENTITIES_POSTGRAPHILE, variables: { ids: rotate(f.entityBatches, k).slice(0, size).map((x) => dbIdOf(x.id)) } }),
      ours: (data, request) => entitiesFromPostGraphile(data, request.variables.ids as number[]),
    },
  },
];

/** Fixtures from the loaded data: ids and cursors spread over the whole id range. */
export async function computeFixtures(prisma: PrismaClient): Promise<Fixtures> {
  const spread = <T>(list: T[], count: number) => (list.length <= count ? list : Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]!));
  const all = await prisma.material.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const page = await prisma.material.findMany({ where: { familyKey: PAGE_FAMILY }, select: { id: true }, orderBy: { id: 'asc' } });
  const derived = await prisma.material.findMany({ where: { familyKey: DERIVED_FAMILY, role: 'CATHODE' }, select: { id: true }, orderBy: { id: 'asc' } });
  // Cursors that leave at least one full page after them.
  const cursors = (ids: { id: number }[], pageSize: number) => [null, ...spread(ids.slice(0, Math.max(0, ids.length - pageSize)), 7).map((m) => toCursor(m.id))];
  const sample = spread(all, 64 * 100);
  const withReaction = await prisma.reactionParticipant.findFirst({ where: { material: { familyKey: DERIVED_FAMILY, role: 'CATHODE' } }, orderBy: { materialId: 'asc' } });
  return {
    materialIds: spread(all, 64).map((m) => toGlobalId('Material', m.id)),
    pageAfter: cursors(page, 50),
    derivedAfter: cursors(derived, 50),
    derivedShapeAfter: withReaction ? toCursor(withReaction.materialId - 1) : null,
    entityBatches: Array.from({ length: 16 }, (_, b) => Array.from({ length: 100 }, (_, i) => ({ __typename: 'Material' as const, id: toGlobalId('Material', sample[(i * 16 + b) % sample.length]!.id) }))),
  };
}

export type { Measurement, Structure };
