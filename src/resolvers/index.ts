/** Thin resolvers: load through the request's DataLoaders, shape rows for the SDL. */
import type { ReactionParticipant } from '@prisma/client';
import { GraphQLJSON } from 'graphql-scalars';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { fromGlobalId, expectGlobalId, toGlobalId } from '../ids.js';
import { ErrorCode, UserInputError } from '../errors.js';
import { requireKnownFamily, filterComputed, filterFamilyFacts, filterMeasurements, materialWhere } from './filters.js';
import { checkPageSize, connectionFields, pageOfMaterials, sliceList } from './pagination.js';
import { factResolvers } from './facts.js';
import { sourceResolvers } from './source.js';
import { correlation, correlationResolvers } from './correlation.js';
import { curationResolvers } from './curation.js';
import { derivedResolvers } from './derived.js';
import { electrodeResolvers } from './electrode.js';
import { comparisonResolvers } from './comparison.js';
import { conditionSourcesOf, reactionEquation } from './derived-support.js';
import { factSource, type FactSource } from '../derive/quantity.js';

const source = (row: FactSource) => factSource(row);

async function loadNode(context: Context, id: string) {
  const { type, id: rowId } = fromGlobalId(id);
  const { loaders } = context;
  const loader = {
    Paper: loaders.paperById,
    Material: loaders.materialById,
    Coating: loaders.coatingById,
    Structure: loaders.structureById,
    Measurement: loaders.measurementById,
    ComputedProperty: loaders.computedById,
    Reaction: loaders.reactionById,
    FamilyFact: loaders.familyFactById,
    InsertionElectrode: loaders.electrodeById,
  }[type];
  const row = await loader.load(rowId);
  return row ? { ...row, __typename: type } : null;
}

async function participants(context: Context, reactionId: number, side: ReactionParticipant['side']) {
  return (await context.loaders.participantsByReactionId.load(reactionId)).filter((p) => p.side === side);
}

const storedResolvers: Resolvers = {
  JSON: GraphQLJSON,
  ...sourceResolvers,
  Node: {
    __resolveType: (node) => (node as unknown as { __typename: string }).__typename as never,
  },
  Query: {
    node: (_root, { id }, context) => loadNode(context, id) as never,
    material: (_root, { id, key }, { loaders, reads }, info) => {
      if ((id == null) === (key == null)) throw new UserInputError('material: give either id or key, e.g. material(key: "namo3-v")', ErrorCode.BAD_USER_INPUT, id == null ? 'key' : 'id');
      if (key != null) return loaders.materialByKey.load(key);
      const dbId = expectGlobalId(id!, 'Material');
      return (reads?.materialById(info, dbId) ?? loaders.materialById.load(dbId)) as never;
    },
    materials: async (_root, { filter, orderBy, first, after }, context, info) => {
      const where = await materialWhere(context, filter);
      const size = checkPageSize(first ?? 20);
      // A page sorted by a property is not compiled (src/read); an unknown family is refused either way.
      await requireKnownFamily(context, filter);
      const compiled = orderBy ? null : await context.reads?.materialPage(info, filter, size, after);
      if (compiled) return compiled as never;
      const page = await pageOfMaterials(context, where, size, after, orderBy);
      await context.reads?.primePageInputs(info, context.loaders, page.rows);
      return page;
    },
    papers: async (_root, { first, after }, { prisma }) => sliceList(await prisma.paper.findMany({ where: { kind: 'PAPER' }, orderBy: [{ year: 'asc' }, { id: 'asc' }] }), 'Paper', first, after),
    paper: (_root, { doi }, { prisma }) => prisma.paper.findFirst({ where: { kind: 'PAPER', doi: { equals: doi.trim(), mode: 'insensitive' } } }),
    databases: (_root, _args, { prisma }) => prisma.paper.findMany({ where: { kind: 'DATABASE' }, orderBy: { id: 'asc' } }),
    coatings: async (_root, { first, after }, { prisma }) => sliceList(await prisma.coating.findMany({ orderBy: { id: 'asc' } }), 'Coating', first, after),
    propertyKeys: (_root, _args, { prisma }) => prisma.propertyKey.findMany({ orderBy: { key: 'asc' } }),
    families: (_root, _args, { prisma }) => prisma.materialFamily.findMany({ orderBy: { key: 'asc' } }),
    family: (_root, { key }, { loaders }) => loaders.familyByKey.load(key.trim()),
    correlation: (_root, args, context) => correlation(context, args),
  },
  MaterialConnection: connectionFields,
  Paper: {
    id: (p) => toGlobalId('Paper', p.id),
    materials: async (p, { first, after }, { loaders }) => sliceList(await loaders.materialsByPaperId.load(p.id), 'Material', first, after),
    coatings: async (p, { first, after }, { loaders }) => sliceList(await loaders.coatingsByPaperId.load(p.id), 'Coating', first, after),
    methods: (p, _args, { loaders }) => loaders.methodsByPaperId.load(p.id),
  },
  MaterialFamily: {
    facts: async (f, { filter }, context) => filterFamilyFacts(context, await context.loaders.familyFactsByFamilyKey.load(f.key), filter),
  },
  FamilyFact: {
    id: (g) => toGlobalId('FamilyFact', g.id),
    family: async (g, _args, { loaders }) => (await loaders.familyByKey.load(g.familyKey))!,
    members: (g, _args, { loaders }) => loaders.membersByFamilyFactId.load(g.id),
    property: async (g, _args, { loaders }) => (await loaders.propertyKeyByKey.load(g.propertyKey))!,
    method: (g, _args, { loaders }) => (g.methodId ? loaders.methodById.load(g.methodId) : null),
    source,
  },
  Material: {
    id: (m) => toGlobalId('Material', m.id),
    family: (m, _args, { loaders }) => (m.familyKey ? loaders.familyByKey.load(m.familyKey) : null),
    source,
    substrate: (m, _args, { loaders }) => (m.substrateId ? loaders.materialById.load(m.substrateId) : null),
    coating: (m, _args, { loaders }) => (m.coatingId ? loaders.coatingById.load(m.coatingId) : null),
    coatedForms: async (m, { first, after }, { loaders }) => sliceList(await loaders.coatedFormsBySubstrateId.load(m.id), 'Material', first, after),
    structures: async (m, { first, after }, { loaders }) => sliceList(await loaders.structuresByMaterialId.load(m.id), 'Structure', first, after),
    measurements: async (m, { filter, first, after }, context) => sliceList(await filterMeasurements(context, await context.loaders.measurementsByMaterialId.load(m.id), filter), 'Measurement', first, after),
    computedProperties: async (m, { filter, first, after }, context) => sliceList(await filterComputed(context, await context.loaders.computedByMaterialId.load(m.id), filter), 'ComputedProperty', first, after),
    reactions: async (m, { first, after }, { loaders }) => {
      const reactionIds = [...new Set((await loaders.participationsByMaterialId.load(m.id)).map((p) => p.reactionId))];
      const rows = (await loaders.reactionById.loadMany(reactionIds)).filter((r): r is NonNullable<typeof r> & object => r != null && !(r instanceof Error)) as { id: number }[];
      return sliceList(rows, 'Reaction', first, after) as never;
    },
  },
  Coating: {
    id: (c) => toGlobalId('Coating', c.id),
    material: (c, _args, { loaders }) => (c.materialId ? loaders.materialById.load(c.materialId) : null),
    source,
    coatedMaterials: async (c, { first, after }, { loaders }) => sliceList(await loaders.coatedMaterialsByCoatingId.load(c.id), 'Material', first, after),
  },
  Structure: {
    id: (s) => toGlobalId('Structure', s.id),
    material: async (s, _args, { loaders }) => (await loaders.materialById.load(s.materialId))!,
    method: (s, _args, { loaders }) => (s.methodId ? loaders.methodById.load(s.methodId) : null),
    source,
    lattices: (s, _args, { loaders }) => loaders.latticesByStructureId.load(s.id),
  },
  Lattice: { source },
  Measurement: {
    id: (m) => toGlobalId('Measurement', m.id),
    material: async (m, _args, { loaders }) => (await loaders.materialById.load(m.materialId))!,
    structure: (m, _args, { loaders }) => (m.structureId ? loaders.structureById.load(m.structureId) : null),
    property: async (m, _args, { loaders }) => (await loaders.propertyKeyByKey.load(m.propertyKey))!,
    conditions: (m) => m,
    source,
  },
  Conditions: {
    other: (m) => m.otherConditions,
    sources: (m) => Object.entries(conditionSourcesOf(m)).map(([field, source]) => ({ field, source })),
  },
  ComputedProperty: {
    id: (c) => toGlobalId('ComputedProperty', c.id),
    material: async (c, _args, { loaders }) => (await loaders.materialById.load(c.materialId))!,
    structure: (c, _args, { loaders }) => (c.structureId ? loaders.structureById.load(c.structureId) : null),
    property: async (c, _args, { loaders }) => (await loaders.propertyKeyByKey.load(c.propertyKey))!,
    method: async (c, _args, { loaders }) => (await loaders.methodById.load(c.methodId))!,
    source,
  },
  ComputationalMethod: {
    hubbardU: (m) =>
      Object.entries((m.hubbardU ?? {}) as Record<string, { uEV: number; jEV: number }>).map(([element, u]) => ({ element, uEV: u.uEV, jEV: u.jEV })),
    source,
  },
  Reaction: {
    id: (r) => toGlobalId('Reaction', r.id),
    reactants: (r, _args, context) => participants(context, r.id, 'REACTANT'),
    products: (r, _args, context) => participants(context, r.id, 'PRODUCT'),
    equation: (r, _args, context) => reactionEquation(context, r),
    property: async (r, _args, { loaders }) => (await loaders.propertyKeyByKey.load(r.propertyKey))!,
    method: (r, _args, { loaders }) => (r.methodId ? loaders.methodById.load(r.methodId) : null),
    source,
  },
  ReactionParticipant: {
    material: async (p, _args, { loaders }) => (await loaders.materialById.load(p.materialId))!,
  },
};

/** Stored-fact resolvers plus the derived fields, curation and correlation's lazy fields, merged type by type. */
export const resolvers: Resolvers = { ...storedResolvers };
for (const extra of [derivedResolvers, curationResolvers, correlationResolvers, electrodeResolvers, comparisonResolvers, factResolvers as Resolvers]) {
  for (const [typeName, fields] of Object.entries(extra)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) } as never;
  }
}
