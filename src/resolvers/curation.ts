/** Mutations (curator token required) and the curation history of facts. */
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { addComputedProperty, addMaterial, addMeasurement, addPaper, correctValue, retractFact } from '../curation/mutations.js';
import { fromCursor, toCursor, toGlobalId, type NodeType } from '../ids.js';
import { checkPageSize } from './pagination.js';

const history = (type: string) => (row: { id: number }, _args: unknown, context: { loaders: { curationEventsByEntity: { load(key: string): Promise<unknown[]> } } }) =>
  context.loaders.curationEventsByEntity.load(`${type}:${row.id}`) as never;

export const curationResolvers: Resolvers = {
  Mutation: {
    addPaper: (_root, { input }, context) => addPaper(context, input) as never,
    addMaterial: (_root, { input }, context) => addMaterial(context, input) as never,
    addMeasurement: (_root, { input }, context) => addMeasurement(context, input as never) as never,
    addComputedProperty: (_root, { input }, context) => addComputedProperty(context, input as never) as never,
    correctValue: (_root, { input }, context) => correctValue(context, input) as never,
    retractFact: (_root, { input }, context) => retractFact(context, input) as never,
  },
  Query: {
    // Newest first; `after` is the cursor of the last event received (the event id, opaque).
    curationEvents: (_root, { action, first, after }, { prisma }) => {
      const size = first ?? 50;
      checkPageSize(size);
      return prisma.curationEvent.findMany({
        where: { ...(action ? { action } : {}), ...(after != null ? { id: { lt: fromCursor(after) } } : {}) },
        orderBy: { id: 'desc' },
        take: size,
      });
    },
  },
  CurationEvent: {
    entityId: (e) => toGlobalId(e.entityType as NodeType, e.entityId),
    cursor: (e) => toCursor(e.id),
    at: (e) => e.createdAt.toISOString(),
    before: (e) => e.before,
    after: (e) => e.after,
  },
  Measurement: { history: history('Measurement') },
  ComputedProperty: { history: history('ComputedProperty') },
};
