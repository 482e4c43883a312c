/** Mutations (curator token required) and the curation history of facts. */
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { addComputedProperty, addMaterial, addMeasurement, addPaper, correctValue } from '../curation/mutations.js';

const history = (type: string) => (row: { id: number }, _args: unknown, context: { loaders: { curationEventsByEntity: { load(key: string): Promise<unknown[]> } } }) =>
  context.loaders.curationEventsByEntity.load(`${type}:${row.id}`) as never;

export const curationResolvers: Resolvers = {
  Mutation: {
    addPaper: (_root, { input }, context) => addPaper(context, input) as never,
    addMaterial: (_root, { input }, context) => addMaterial(context, input) as never,
    addMeasurement: (_root, { input }, context) => addMeasurement(context, input as never) as never,
    addComputedProperty: (_root, { input }, context) => addComputedProperty(context, input as never) as never,
    correctValue: (_root, { input }, context) => correctValue(context, input) as never,
  },
  CurationEvent: {
    at: (e) => e.createdAt.toISOString(),
    before: (e) => e.before,
    after: (e) => e.after,
  },
  Measurement: { history: history('Measurement') },
  ComputedProperty: { history: history('ComputedProperty') },
};
