import type { Paper } from '@prisma/client';
import type { ValueOrigin } from '../derive/quantity.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';

/** Any stored row with a source (`paperId`: a paper or a database export) and locator can be a Source parent (facts also say how the value was obtained). */
export interface SourceParent {
  paperId: number;
  locator: string;
  origin?: ValueOrigin;
  originNote?: string | null;
}

/** "A. Jain, S. P. Ong, …, "Title", APL Materials 1, 011002 (2013), DOI 10.1063/1.4812323". */
export function citationText(p: Paper): string {
  return `${p.authors.join(', ')}, "${p.title}", ${p.journal}${p.volume ? ` ${p.volume}` : ''}${p.pages ? `, ${p.pages}` : ''} (${p.year}), DOI ${p.doi}`;
}

export const sourceResolvers: Resolvers = {
  Source: {
    kind: async (source, _args, { loaders }) => (await loaders.paperById.load(source.paperId))!.kind,
    paper: async (source, _args, { loaders }) => {
      const row = (await loaders.paperById.load(source.paperId))!;
      return row.kind === 'PAPER' ? row : null;
    },
    database: async (source, _args, { loaders }) => {
      const row = (await loaders.paperById.load(source.paperId))!;
      return row.kind === 'DATABASE' ? row : null;
    },
    origin: (source) => source.origin ?? 'PRINTED',
    originNote: (source) => source.originNote ?? null,
  },
  DatabaseExport: {
    key: (p) => p.sourceKey ?? p.doi,
    name: (p) => p.datasetName ?? p.title,
    citationDoi: (p) => p.doi,
    citation: (p) => citationText(p),
    licence: (p) => p.licence ?? 'not recorded',
    origin: (p) => p.origin ?? 'not recorded',
    release: (p) => p.release ?? 'release unknown',
    importedAt: (p) => p.importedAt?.toISOString() ?? null,
    electrodeCount: (p, _args, { loaders }) => loaders.electrodeCountByPaperId.load(p.id),
  },
};
