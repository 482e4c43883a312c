/**
 * The benchmark's operations: each a GraphQL request and its "floor", a hand-written handler that
 * runs the equivalent SQL through the same Prisma client (a fixed handful of batched findMany's,
 * the way a careful REST endpoint would) and serialises the same JSON body by hand, with no
 * GraphQL parsing, validation or execution. The benchmark checks that both bodies are
 * byte-identical before measuring them.
 *
 * Derived values in the floor are computed by the same functions the GraphQL resolvers use
 * (src/resolvers/derived.ts → src/derive/), called directly with a context whose DataLoaders are
 * primed with the rows the floor fetched, so the floor does the same science without GraphQL.
 */
import type { ComputedProperty, Material, Measurement, PrismaClient, Structure } from '@prisma/client';
import { createContext, type Context } from '../../src/context.js';
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
  floor(prisma: PrismaClient, variables: Record<string, any>): Promise<unknown>;
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

async function materialFloor(prisma: PrismaClient, { id }: { id: string }) {
  const dbId = Number(Buffer.from(id, 'base64url').toString('utf8').split(':')[1]);
  const m = await prisma.material.findUnique({ where: { id: dbId } });
  if (!m) return { data: { material: null } };
  const [family, structures, measurements, computed] = await Promise.all([
    m.familyKey ? prisma.materialFamily.findUnique({ where: { key: m.familyKey } }) : null,
    prisma.structure.findMany({ where: { materialId: m.id }, orderBy: { id: 'asc' } }),
    prisma.measurement.findMany({ where: { materialId: m.id }, orderBy: { id: 'asc' } }),
    prisma.computedProperty.findMany({ where: { materialId: m.id }, orderBy: { id: 'asc' } }),
  ]);
  const paperIds = [...new Set([m.paperId, ...structures.map((s) => s.paperId), ...measurements.map((r) => r.paperId), ...computed.map((r) => r.paperId)])];
  const propertyKeys = [...new Set([...measurements.map((r) => r.propertyKey), ...computed.map((r) => r.propertyKey)])];
  const methodIds = [...new Set(computed.map((r) => r.methodId))];
  const [papers, properties, methods] = await Promise.all([
    prisma.paper.findMany({ where: { id: { in: paperIds } } }),
    prisma.propertyKey.findMany({ where: { key: { in: propertyKeys } } }),
    prisma.computationalMethod.findMany({ where: { id: { in: methodIds } } }),
  ]);
  const paper = new Map(papers.map((p) => [p.id, p]));
  const property = new Map(properties.map((p) => [p.key, p]));
  const method = new Map(methods.map((x) => [x.id, x]));
  const src = (r: { paperId: number; locator: string }) => ({ locator: r.locator, paper: { doi: paper.get(r.paperId)!.doi } });
  const mp = paper.get(m.paperId)!;
  return {
    data: {
      material: {
        id: toGlobalId('Material', m.id), key: m.key, name: m.name, formula: m.formula, workingIon: m.workingIon, role: m.role,
        family: family ? { key: family.key, name: family.name } : null,
        source: { locator: m.locator, paper: { doi: mp.doi, title: mp.title, year: mp.year } },
        structures: structures.map((s) => ({ id: toGlobalId('Structure', s.id), label: s.label, spaceGroupSymbol: s.spaceGroupSymbol, spaceGroupNumber: s.spaceGroupNumber, alkaliContent: s.alkaliContent, source: { locator: s.locator } })),
        measurements: measurements.map((r) => ({
          id: toGlobalId('Measurement', r.id), property: { key: r.propertyKey, canonicalUnit: property.get(r.propertyKey)!.canonicalUnit }, value: r.value, unit: r.unit, qualifier: r.qualifier, site: r.site,
          conditions: { temperatureC: r.temperatureC, cRate: r.cRate, cycleNumber: r.cycleNumber, cellType: r.cellType, state: r.state, technique: r.technique },
          source: src(r),
        })),
        computedProperties: computed.map((r) => {
          const x = method.get(r.methodId)!;
          return { id: toGlobalId('ComputedProperty', r.id), property: { key: r.propertyKey }, value: r.value, unit: r.unit, site: r.site, configuration: r.configuration, method: { key: x.key, functional: x.functional }, source: src(r) };
        }),
      },
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

async function pageFloor(prisma: PrismaClient, { first, after, filter }: { first: number; after: string | null; filter: { family: string } }) {
  const where = { familyKey: filter.family };
  const afterId = after == null ? undefined : fromCursor(after);
  const [rows, totalCount] = await Promise.all([
    prisma.material.findMany({ where: afterId === undefined ? where : { AND: [where, { id: { gt: afterId } }] }, orderBy: { id: 'asc' }, take: first + 1 }),
    prisma.material.count({ where }),
  ]);
  const page = rows.slice(0, first);
  const ids = page.map((m) => m.id);
  const [structures, measurements] = await Promise.all([
    prisma.structure.findMany({ where: { materialId: { in: ids } }, orderBy: { id: 'asc' } }),
    prisma.measurement.findMany({ where: { materialId: { in: ids } }, orderBy: { id: 'asc' } }),
  ]);
  const byMaterial = <T extends { materialId: number }>(list: T[]) => {
    const map = new Map<number, T[]>(ids.map((id) => [id, []]));
    for (const r of list) map.get(r.materialId)!.push(r);
    return map;
  };
  const s = byMaterial(structures);
  const ms = byMaterial(measurements);
  return {
    data: {
      materials: {
        totalCount,
        pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? toCursor(page[page.length - 1]!.id) : null },
        edges: page.map((m) => ({
          node: {
            id: toGlobalId('Material', m.id), key: m.key, formula: m.formula, role: m.role,
            structures: s.get(m.id)!.map((x) => ({ label: x.label, spaceGroupSymbol: x.spaceGroupSymbol, alkaliContent: x.alkaliContent })),
            measurements: ms.get(m.id)!.map((x) => ({ value: x.value, unit: x.unit, site: x.site, conditions: { cRate: x.cRate, cycleNumber: x.cycleNumber, cellType: x.cellType, temperatureC: x.temperatureC } })),
          },
        })),
      },
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
 * The derived page by hand: 1 page query, then every input of the derivations in two waves of
 * batched findMany's, primed into a fresh loader set so the derivation functions find them there.
 */
async function derivedFloor(prisma: PrismaClient, { first, after }: { first: number; after: string | null }) {
  const where = { familyKey: DERIVED_FAMILY, role: 'CATHODE' as const };
  const afterId = after == null ? undefined : fromCursor(after);
  const rows = await prisma.material.findMany({ where: afterId === undefined ? where : { AND: [where, { id: { gt: afterId } }] }, orderBy: { id: 'asc' }, take: first + 1 });
  const page = rows.slice(0, first);
  const ids = page.map((m) => m.id);
  const workingIons = [...new Set(page.map((m) => m.workingIon).filter((x): x is NonNullable<typeof x> => x !== null))];
  const [computed, measurements, structures, participations, references] = await Promise.all([
    prisma.computedProperty.findMany({ where: { materialId: { in: ids } }, orderBy: { id: 'asc' } }),
    prisma.measurement.findMany({ where: { materialId: { in: ids } }, orderBy: { id: 'asc' } }),
    prisma.structure.findMany({ where: { materialId: { in: ids } }, orderBy: { id: 'asc' } }),
    prisma.reactionParticipant.findMany({ where: { materialId: { in: ids } }, orderBy: { id: 'asc' } }),
    // Reference values: the working-ion metal's total energy (Eq. 1) and the O2 molecule's −IpCOHP
    // (reference materials by formula, then their facts: both on indexes).
    (async () => {
      const refs = await prisma.material.findMany({ where: { formula: { in: [...workingIons, 'O2'] } } });
      const byId = new Map(refs.map((m) => [m.id, m]));
      const rows = await prisma.computedProperty.findMany({ where: { materialId: { in: [...byId.keys()] }, propertyKey: { in: ['total_energy', 'neg_ipcohp'] } }, orderBy: { id: 'asc' } });
      return rows.map((r) => ({ ...r, material: byId.get(r.materialId)! }));
    })(),
  ]);
  const reactionIds = [...new Set(participations.map((p) => p.reactionId))];
  const methodIds = [...new Set(computed.map((c) => c.methodId))];
  const [lattices, reactions, reactionParticipants, methods] = await Promise.all([
    prisma.lattice.findMany({ where: { structureId: { in: structures.map((s) => s.id) } }, orderBy: { id: 'asc' } }),
    prisma.reaction.findMany({ where: { id: { in: reactionIds } } }),
    prisma.reactionParticipant.findMany({ where: { reactionId: { in: reactionIds } }, orderBy: [{ side: 'asc' }, { position: 'asc' }], include: { material: true } }),
    prisma.computationalMethod.findMany({ where: { id: { in: methodIds } } }),
  ]);
  const context = createContext(prisma);
  const { loaders } = context;
  const group = <K, T>(keys: K[], list: T[], keyOf: (t: T) => K) => {
    const map = new Map<K, T[]>(keys.map((k) => [k, []]));
    for (const r of list) map.get(keyOf(r))?.push(r);
    return map;
  };
  for (const [id, list] of group(ids, computed, (c) => c.materialId)) loaders.computedByMaterialId.prime(id, list);
  for (const [id, list] of group(ids, measurements, (c) => c.materialId)) loaders.measurementsByMaterialId.prime(id, list);
  for (const [id, list] of group(ids, structures, (c) => c.materialId)) loaders.structuresByMaterialId.prime(id, list);
  for (const [id, list] of group(ids, participations, (c) => c.materialId)) loaders.participationsByMaterialId.prime(id, list);
  for (const [id, list] of group(structures.map((s) => s.id), lattices, (l) => l.structureId)) loaders.latticesByStructureId.prime(id, list);
  for (const [id, list] of group(reactionIds, reactionParticipants.map(({ material: _, ...p }) => p), (p) => p.reactionId)) loaders.participantsByReactionId.prime(id, list);
  for (const r of reactions) loaders.reactionById.prime(r.id, r);
  for (const p of reactionParticipants) loaders.materialById.prime(p.material.id, p.material);
  for (const m of methods) loaders.methodById.prime(m.id, m);
  primeReferences(loaders, references, workingIons);

  const call = (type: string, field: string, parent: unknown, args: Record<string, unknown> = {}) => resolver(type, field)(parent, args, context) as Promise<any>;
  const nodes = await Promise.all(
    page.map(async (m) => {
      const [molarMass, capacity, voltage, energy, pairs, stability] = await Promise.all([
        call('Material', 'molarMass', m, { unit: null }),
        call('Material', 'theoreticalCapacity', m, { ionsExchanged: 1, unit: null }),
        call('Material', 'averageVoltage', m, { unit: null }),
        call('Material', 'specificEnergy', m, { ionsExchanged: 1, unit: null }),
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
function primeReferences(loaders: Context['loaders'], references: (ComputedProperty & { material: Material })[], workingIons: string[]) {
  const l = loaders as unknown as Record<string, { prime(key: string, value: unknown): unknown } | undefined>;
  if (l.referenceComputed) {
    for (const key of [...workingIons.map((ion) => `total_energy|${ion}`), 'neg_ipcohp|O2']) {
      const [property, formula] = key.split('|') as [string, string];
      l.referenceComputed.prime(key, references.filter((r) => r.propertyKey === property && r.material.formula === formula));
    }
  } else {
    // Old loader, keyed by property alone (GraphQL fetched every row of the property; the
    // derivations pick the first row of the reference formula, which these lists hold in the same order).
    for (const property of ['total_energy', 'neg_ipcohp']) l.computedWithMaterialByPropertyKey!.prime(property, references.filter((r) => r.propertyKey === property));
  }
}

// ------------------------------------------------------------------------------------ (d)

const CORRELATION_QUERY = `query BenchCorrelation {
  correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, filter: { family: "${DERIVED_FAMILY}" }) {
    n pearsonR spearmanRho slope intercept rSquared xUnit yUnit
  }
}`;

/** The floor takes the same concurrency slots as the resolver (a careful endpoint bounds its memory too). */
function correlationFloor(prisma: PrismaClient) {
  return withCorrelationSlot(() => correlationFloorNow(prisma));
}

async function correlationFloorNow(prisma: PrismaClient) {
  const family = { familyKey: DERIVED_FAMILY };
  const columns = { id: true, materialId: true, value: true, unit: true, paperId: true, locator: true, site: true } as const;
  const xWhere = { propertyKey: 'elf_max', locator: 'Table I', value: { not: null }, material: family };
  // The same statements as the resolver: vocabulary (units), the family, x (computed and measured), y (computed).
  const [properties, materials, xComputed, xMeasured, ys] = await Promise.all([
    prisma.propertyKey.findMany({ where: { key: { in: ['elf_max', 'average_voltage'] } } }),
    prisma.material.findMany({ where: family, orderBy: { id: 'asc' }, select: { id: true, key: true } }),
    prisma.computedProperty.findMany({ where: xWhere, select: columns, orderBy: { id: 'asc' } }),
    prisma.measurement.findMany({ where: xWhere, select: columns, orderBy: { id: 'asc' } }),
    prisma.computedProperty.findMany({ where: { propertyKey: 'average_voltage', value: { not: null }, material: family }, select: columns, orderBy: { id: 'asc' } }),
  ]);
  const unit = new Map(properties.map((p) => [p.key, p.canonicalUnit]));
  const firstOf = (list: { materialId: number; value: number | null; unit: string }[], to: string) => {
    const map = new Map<number, number>();
    for (const r of list) if (!map.has(r.materialId)) map.set(r.materialId, valueIn(r, to)!);
    return map;
  };
  const x = firstOf([...xComputed, ...xMeasured], unit.get('elf_max')!);
  const y = firstOf(ys, unit.get('average_voltage')!);
  const points = materials.filter((m) => x.has(m.id) && y.has(m.id)).map((m) => ({ label: m.key, x: x.get(m.id)!, y: y.get(m.id)! }));
  const r = correlate(points);
  return { data: { correlation: { n: r.n, pearsonR: r.pearsonR, spearmanRho: r.spearmanRho, slope: r.slope, intercept: r.intercept, rSquared: r.rSquared, xUnit: unit.get('elf_max'), yUnit: unit.get('average_voltage') } } };
}

// ------------------------------------------------------------------------------------ (e)

const ENTITIES_QUERY = `query BenchEntities($r: [_Any!]!) { _entities(representations: $r) { ... on Material { id name formula } } }`;

// The same statement as the GraphQL route's materialById loader (whole rows): reading only the
// three selected columns made this floor twice as fast, a gap of SQL, not of GraphQL.
async function entitiesFloor(prisma: PrismaClient, { r }: { r: { id: string }[] }) {
  const ids = r.map((x) => Number(Buffer.from(x.id, 'base64url').toString('utf8').split(':')[1]));
  const rows = await prisma.material.findMany({ where: { id: { in: [...new Set(ids)] } } });
  const byId = new Map(rows.map((m) => [m.id, m]));
  return { data: { _entities: ids.map((id) => { const m = byId.get(id); return m ? { id: toGlobalId('Material', m.id), name: m.name, formula: m.formula } : null; }) } };
}

// ------------------------------------------------------------------------------------

const rotate = <T>(list: T[], k: number): T => list[k % list.length]!;

export const OPERATIONS: Operation[] = [
  {
    name: 'material',
    title: '(a) material by id with facts and sources',
    request: (f, k) => ({ query: MATERIAL_QUERY, variables: { id: rotate(f.materialIds, k) } }),
    floor: (prisma, v) => materialFloor(prisma, v as { id: string }),
  },
  {
    name: 'page',
    title: '(b) filtered page of 50 with structures and measurements',
    sizes: [50, 10],
    request: (f, k, size = 50) => ({ query: PAGE_QUERY, variables: { first: size, after: rotate(f.pageAfter, k), filter: { family: PAGE_FAMILY } } }),
    floor: (prisma, v) => pageFloor(prisma, v as never),
  },
  {
    name: 'derived',
    title: '(c) derived page of 50: capacities, voltage pairs, stability',
    sizes: [50, 10],
    request: (f, k, size = 50, forStatements = false) => ({ query: DERIVED_QUERY, variables: { first: size, after: forStatements ? f.derivedShapeAfter : rotate(f.derivedAfter, k) } }),
    floor: (prisma, v) => derivedFloor(prisma, v as never),
  },
  {
    name: 'correlation',
    title: '(d) correlation over the whole NaMO3 family',
    request: () => ({ query: CORRELATION_QUERY, variables: {} }),
    floor: (prisma) => correlationFloor(prisma),
  },
  {
    name: 'entities',
    title: '(e) federation _entities, 100 Material references',
    sizes: [100, 10],
    request: (f, k, size = 100) => ({ query: ENTITIES_QUERY, variables: { r: rotate(f.entityBatches, k).slice(0, size) } }),
    floor: (prisma, v) => entitiesFloor(prisma, v as never),
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
