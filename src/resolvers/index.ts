/** Thin resolvers: load through the request's DataLoaders, shape rows for the SDL. */
import type { ReactionParticipant } from '@prisma/client';
import { GraphQLJSON } from 'graphql-scalars';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { fromGlobalId, expectGlobalId, toGlobalId } from '../ids.js';
import { filterComputed, filterMeasurements, materialWhere } from './filters.js';
import { connectionFields, pageOfMaterials } from './pagination.js';
import { sourceResolvers } from './source.js';
import { correlation, correlationResolvers } from './correlation.js';
import { curationResolvers } from './curation.js';
import { derivedResolvers } from './derived.js';
import { reactionEquation } from './derived-support.js';

const source = (row: { paperId: number; locator: string }) => ({ paperId: row.paperId, locator: row.locator });

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
    material: (_root, { id }, { loaders }) => loaders.materialById.load(expectGlobalId(id, 'Material')),
    materials: async (_root, { filter, first, after }, context) => pageOfMaterials(context, await materialWhere(context, filter), first ?? 20, after),
    papers: (_root, _args, { prisma }) => prisma.paper.findMany({ orderBy: { year: 'asc' } }),
    paper: (_root, { doi }, { prisma }) => prisma.paper.findFirst({ where: { doi: { equals: doi.trim(), mode: 'insensitive' } } }),
    coatings: (_root, _args, { prisma }) => prisma.coating.findMany({ orderBy: { id: 'asc' } }),
    propertyKeys: (_root, _args, { prisma }) => prisma.propertyKey.findMany({ orderBy: { key: 'asc' } }),
    families: (_root, _args, { prisma }) => prisma.materialFamily.findMany({ orderBy: { key: 'asc' } }),
    correlation: (_root, args, context) => correlation(context, args),
  },
  MaterialConnection: connectionFields,
  Paper: {
    id: (p) => toGlobalId('Paper', p.id),
    materials: (p, _args, { loaders }) => loaders.materialsByPaperId.load(p.id),
    coatings: (p, _args, { loaders }) => loaders.coatingsByPaperId.load(p.id),
    methods: (p, _args, { loaders }) => loaders.methodsByPaperId.load(p.id),
  },
  Material: {
    id: (m) => toGlobalId('Material', m.id),
    family: (m, _args, { loaders }) => (m.familyKey ? loaders.familyByKey.load(m.familyKey) : null),
    source,
    substrate: (m, _args, { loaders }) => (m.substrateId ? loaders.materialById.load(m.substrateId) : null),
    coating: (m, _args, { loaders }) => (m.coatingId ? loaders.coatingById.load(m.coatingId) : null),
    coatedForms: (m, _args, { loaders }) => loaders.coatedFormsBySubstrateId.load(m.id),
    structures: (m, _args, { loaders }) => loaders.structuresByMaterialId.load(m.id),
    measurements: async (m, { filter }, context) => filterMeasurements(context, await context.loaders.measurementsByMaterialId.load(m.id), filter),
    computedProperties: async (m, { filter }, context) => filterComputed(context, await context.loaders.computedByMaterialId.load(m.id), filter),
    reactions: async (m, _args, { loaders }) => {
      const reactionIds = [...new Set((await loaders.participationsByMaterialId.load(m.id)).map((p) => p.reactionId))];
      return (await loaders.reactionById.loadMany(reactionIds)).filter((r): r is NonNullable<typeof r> & object => r != null && !(r instanceof Error)) as never;
    },
  },
  Coating: {
    id: (c) => toGlobalId('Coating', c.id),
    material: (c, _args, { loaders }) => (c.materialId ? loaders.materialById.load(c.materialId) : null),
    source,
    coatedMaterials: (c, _args, { loaders }) => loaders.coatedMaterialsByCoatingId.load(c.id),
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
for (const extra of [derivedResolvers, curationResolvers, correlationResolvers]) {
  for (const [typeName, fields] of Object.entries(extra)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) } as never;
  }
}
