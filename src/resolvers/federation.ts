/**
 * Apollo Federation entity resolvers: how a gateway or router fetches a Material or Paper that
 * another subgraph refers to (`_entities(representations: [...])`). References go through the
 * request's DataLoaders, so one `_entities` call costs one SQL statement per key kind whatever
 * the number of representations. A reference that names nothing here (unknown or malformed
 * key) resolves to null for that entity only; the rest of the batch is unaffected.
 */
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { paperDoiKey } from '../db/loaders.js';
import { fromGlobalId } from '../ids.js';

/** The database id in a Material global ID, or null when it is not one. */
function materialDbId(globalId: unknown): number | null {
  if (typeof globalId !== 'string') return null;
  try {
    const { type, id } = fromGlobalId(globalId);
    return type === 'Material' ? id : null;
  } catch {
    return null;
  }
}

export const federationResolvers: Resolvers = {
  Material: {
    // @key(fields: "id") or @key(fields: "key"); a representation carries one of them.
    __resolveReference: async (reference, { loaders, reads }, info) => {
      if ('id' in reference && reference.id != null) {
        const id = materialDbId(reference.id);
        return id === null ? null : ((reads?.materialById(info, id) ?? loaders.materialById.load(id)) as never);
      }
      if ('key' in reference && typeof reference.key === 'string') return loaders.materialByKey.load(reference.key);
      return null;
    },
  },
  InsertionElectrode: {
    // @key(fields: "batteryId"), e.g. "mp-1076642_Na".
    __resolveReference: async (reference, { loaders }) =>
      typeof reference.batteryId === 'string' ? loaders.electrodeByBatteryId.load(reference.batteryId.trim()) : null,
  },
  Paper: {
    // @key(fields: "doi"), matched case-insensitively like Query.paper(doi:).
    // A database export's citation DOI is not a Paper entity.
    __resolveReference: async (reference, { loaders }) => {
      const row = typeof reference.doi === 'string' ? await loaders.paperByDoi.load(paperDoiKey(reference.doi)) : null;
      return row?.kind === 'PAPER' ? row : null;
    },
  },
};
