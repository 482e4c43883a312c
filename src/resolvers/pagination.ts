/** Relay connection over materials ordered by id, with cursor checks and a page-size cap; `first`/`after` on plain lists. */
import type { Material, Prisma } from '@prisma/client';
import { ErrorCode, UserInputError } from '../errors.js';
import { expectGlobalId, fromCursor, toCursor, type NodeType } from '../ids.js';
import type { Context } from '../context.js';

export const MAX_PAGE_SIZE = 100;

export interface MaterialConnectionParent {
  rows: Material[];
  where: Prisma.MaterialWhereInput;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export async function pageOfMaterials(
  { prisma }: Context,
  where: Prisma.MaterialWhereInput,
  first: number,
  after: string | null | undefined,
): Promise<MaterialConnectionParent> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new UserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, ErrorCode.PAGE_SIZE_EXCEEDED, 'first');
  }
  const afterId = after == null ? undefined : fromCursor(after);
  // One extra row tells whether another page exists without a second query.
  const rows = await prisma.material.findMany({
    where: afterId === undefined ? where : { AND: [where, { id: { gt: afterId } }] },
    orderBy: { id: 'asc' },
    take: first + 1,
  });
  return { rows: rows.slice(0, first), where, hasNextPage: rows.length > first, hasPreviousPage: afterId !== undefined };
}

export const connectionFields = {
  edges: (parent: MaterialConnectionParent) => parent.rows.map((node) => ({ cursor: toCursor(node.id), node })),
  pageInfo: (parent: MaterialConnectionParent) => ({
    hasNextPage: parent.hasNextPage,
    hasPreviousPage: parent.hasPreviousPage,
    startCursor: parent.rows[0] ? toCursor(parent.rows[0].id) : null,
    endCursor: parent.rows.length > 0 ? toCursor(parent.rows[parent.rows.length - 1]!.id) : null,
  }),
  totalCount: (parent: MaterialConnectionParent, _args: unknown, { prisma }: Context) => prisma.material.count({ where: parent.where }),
};

/**
 * `first`/`after` on a plain list (a material's measurements, a paper's materials…): the rows
 * after the one whose global ID is `after`, at most `first` of them. The list is already loaded
 * (one batched statement for the whole page), so slicing adds no SQL.
 */
export function sliceList<T extends { id: number }>(rows: readonly T[], type: NodeType, first: number | null | undefined, after: string | null | undefined): T[] {
  if (first != null && (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)) {
    throw new UserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, ErrorCode.PAGE_SIZE_EXCEEDED, 'first');
  }
  let start = 0;
  if (after != null) {
    const afterId = expectGlobalId(after, type);
    const index = rows.findIndex((r) => r.id === afterId);
    if (index < 0) throw new UserInputError(`after: ${after} is not an item of this list; pass the id of the last item you received`, ErrorCode.INVALID_CURSOR, 'after');
    start = index + 1;
  }
  return rows.slice(start, first == null ? undefined : start + first);
}
