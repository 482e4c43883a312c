import type { Resolvers } from '../__generated__/resolvers-types.js';

/** Any stored row with a paper and locator can be a Source parent. */
export interface SourceParent {
  paperId: number;
  locator: string;
}

export const sourceResolvers: Resolvers = {
  Source: {
    paper: async (source, _args, { loaders }) => (await loaders.paperById.load(source.paperId))!,
  },
};
