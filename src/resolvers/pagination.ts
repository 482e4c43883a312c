/**
 * Relay connections: materials ordered by id or by a property, with cursor checks and a page-size
 * cap; the property sort (and its cursors) is shared with the insertion electrodes.
 */
import { Prisma, type Material } from '@prisma/client';
import type { PropertyOrder } from '../__generated__/resolvers-types.js';
import { ErrorCode, UserInputError } from '../errors.js';
import { expectGlobalId, fromCursor, toCursor, type NodeType } from '../ids.js';
import type { Context } from '../context.js';
import { requireProperties } from './filters.js';

export const MAX_PAGE_SIZE = 100;

export interface MaterialConnectionParent {
  rows: Material[];
  where: Prisma.MaterialWhereInput;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Cursors of `rows` when sorted by a property (default: by id). */
  cursors?: string[];
}

/** A cursor in a property-sorted list: the sort it belongs to, the row's sort value and id. */
export function toSortCursor(order: { property: string; direction: string }, value: number | null, id: number): string {
  return Buffer.from(JSON.stringify({ p: order.property, d: order.direction, v: value, id }), 'utf8').toString('base64url');
}

export function fromSortCursor(cursor: string, order: { property: string; direction: string }): { value: number | null; id: number } {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { p?: unknown; d?: unknown; v?: unknown; id?: unknown };
    if (c.p === order.property && c.d === order.direction && (c.v === null || typeof c.v === 'number') && Number.isInteger(c.id) && (c.id as number) > 0) return { value: c.v as number | null, id: c.id as number };
  } catch {
    // fall through to the error below
  }
  throw new UserInputError(`"${cursor}" is not a cursor of this sort (${order.property} ${order.direction}); pass an endCursor from a previous page with the same orderBy`, ErrorCode.INVALID_CURSOR, 'after');
}

/**
 * Order by a property: ASC by each row's lowest canonical value of it, DESC by its highest; rows
 * without one last; ties by id. `valueSql` gives a row's sort value, `idSql` its id. Returns the
 * ORDER BY and the cursor condition for `after`.
 */
export async function propertySort(context: Context, orderBy: PropertyOrder, idSql: Prisma.Sql, valueOf: (aggregate: Prisma.Sql) => Prisma.Sql, after: string | null | undefined) {
  await requireProperties(context, [orderBy.property], 'orderBy.property');
  const direction = orderBy.direction ?? 'ASC';
  const order = { property: orderBy.property, direction };
  const value = valueOf(direction === 'ASC' ? Prisma.sql`MIN` : Prisma.sql`MAX`);
  const orderSql = direction === 'ASC' ? Prisma.sql`ORDER BY v ASC NULLS LAST, id ASC` : Prisma.sql`ORDER BY v DESC NULLS LAST, id ASC`;
  let afterSql = Prisma.sql`TRUE`;
  if (after != null) {
    const c = fromSortCursor(after, order);
    // The value goes out as text: Prisma's raw number parameters keep ~16 significant digits, and
    // a rounded cursor value would repeat or skip the rows at the page boundary.
    const cv = c.value === null ? null : Prisma.sql`${String(c.value)}::double precision`;
    afterSql =
      c.value === null
        ? Prisma.sql`(v IS NULL AND id > ${c.id})`
        : direction === 'ASC'
          ? Prisma.sql`(v > ${cv} OR (v = ${cv} AND id > ${c.id}) OR v IS NULL)`
          : Prisma.sql`(v < ${cv} OR (v = ${cv} AND id > ${c.id}) OR v IS NULL)`;
  }
  return { order, value, orderSql, afterSql, idSql };
}

/** `first` when it is a page size the API serves; PAGE_SIZE_EXCEEDED otherwise. */
export function checkPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new UserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, ErrorCode.PAGE_SIZE_EXCEEDED, 'first');
  }
  return first;
}

export async function pageOfMaterials(
  context: Context,
  where: Prisma.MaterialWhereInput,
  first: number,
  after: string | null | undefined,
  orderBy?: PropertyOrder | null,
): Promise<MaterialConnectionParent> {
  checkPageSize(first);
  if (orderBy) return sortedPageOfMaterials(context, where, first, after, orderBy);
  const { prisma } = context;
  const afterId = after == null ? undefined : fromCursor(after);
  // One extra row tells whether another page exists without a second query.
  const rows = await prisma.material.findMany({
    where: afterId === undefined ? where : { AND: [where, { id: { gt: afterId } }] },
    orderBy: { id: 'asc' },
    take: first + 1,
  });
  return { rows: rows.slice(0, first), where, hasNextPage: rows.length > first, hasPreviousPage: afterId !== undefined };
}

/**
 * A page of materials sorted by a property: each material's lowest (ASC) or highest (DESC)
 * canonical value among its computed and measured facts of it. The filter selects the candidate
 * ids first (one statement) when there is one.
 */
async function sortedPageOfMaterials(context: Context, where: Prisma.MaterialWhereInput, first: number, after: string | null | undefined, orderBy: PropertyOrder): Promise<MaterialConnectionParent> {
  const { prisma } = context;
  const key = orderBy.property;
  const sort = await propertySort(context, orderBy, Prisma.sql`m."id"`, (agg) => Prisma.sql`(SELECT ${agg}(x.v) FROM (
      SELECT "canonicalValue" AS v FROM "ComputedProperty" WHERE "materialId" = m."id" AND "propertyKey" = ${key}
      UNION ALL SELECT "canonicalValue" FROM "Measurement" WHERE "materialId" = m."id" AND "propertyKey" = ${key}) x)`, after);
  const candidates = Object.keys(where).length === 0 ? null : (await prisma.material.findMany({ where, select: { id: true } })).map((r) => r.id);
  const restrict = candidates === null ? Prisma.sql`TRUE` : Prisma.sql`m."id" = ANY(${candidates}::int[])`;
  const page = await prisma.$queryRaw<{ id: number; v: number | null }[]>`
    SELECT id, v FROM (SELECT m."id" AS id, ${sort.value} AS v FROM "Material" m WHERE ${restrict}) s
    WHERE ${sort.afterSql} ${sort.orderSql} LIMIT ${first + 1}`;
  const shown = page.slice(0, first);
  const rows = await context.loaders.materialById.loadMany(shown.map((r) => r.id));
  return {
    rows: rows.filter((r): r is Material => r != null && !(r instanceof Error)),
    cursors: shown.map((r) => toSortCursor(sort.order, r.v, r.id)),
    where,
    hasNextPage: page.length > first,
    hasPreviousPage: after != null,
  };
}

const cursorsOf = (parent: MaterialConnectionParent) => parent.cursors ?? parent.rows.map((r) => toCursor(r.id));

export const connectionFields = {
  edges: (parent: MaterialConnectionParent) => {
    const cursors = cursorsOf(parent);
    return parent.rows.map((node, i) => ({ cursor: cursors[i]!, node }));
  },
  pageInfo: (parent: MaterialConnectionParent) => {
    const cursors = cursorsOf(parent);
    return { hasNextPage: parent.hasNextPage, hasPreviousPage: parent.hasPreviousPage, startCursor: cursors[0] ?? null, endCursor: cursors.at(-1) ?? null };
  },
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
