import type { RequestContext } from '../../app/context.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { decodeCursor, encodeCursor, pageInfoOf, pageSizeOf, type CursorValue } from '../../core/graphql/pagination.js';
import { OfferingOrder, type OfferingFilter } from '../offerings/offering.inputs.js';
import { Offering } from '../offerings/offering.types.js';
import { resolveDirectoryCriteria } from './directory-criteria.js';
import { OfferingSearchSql, type OfferingSearch } from './offering-search.sql.js';
import { OfferingConnection, OfferingEdge } from './offering-search.types.js';

export async function resolveOfferingSearch(
  filter: OfferingFilter,
  requestedOrder: OfferingOrder | null | undefined,
  ctx: RequestContext,
): Promise<OfferingSearch> {
  const supplierId = filter.supplierId == null ? null : integerKeyOf(filter.supplierId, 'Supplier', 'filter.supplierId');
  const criteria = await resolveDirectoryCriteria(filter, ctx);
  const order = requestedOrder ?? (criteria.tsquery || criteria.zone ? OfferingOrder.RELEVANCE : OfferingOrder.ENTRY_AMOUNT);
  return { ...criteria, supplierId, order };
}

export async function searchOfferings(
  search: OfferingSearch,
  page: { first?: number | null; after?: string | null },
  ctx: RequestContext,
): Promise<OfferingConnection> {
  const limit = pageSizeOf(page.first);
  const statements = new OfferingSearchSql(search);
  const keyCount = statements.sortKeyCount();
  const after = page.after ? decodeCursor(page.after, `offering:${search.order}`, keyCount) : null;
  const { sql, parameters } = statements.page(after, limit);
  const rows = limit === 0 ? [] : await ctx.db.query<({ id: number } & Record<string, CursorValue>)[]>(sql, parameters);
  const pageRows = rows.slice(0, limit);
  const entities = await ctx.loaders.offerings.offeringById.loadMany(pageRows.map((row) => row.id));
  const edges = pageRows.map((row, index) => {
    const entity = entities[index];
    if (!entity || entity instanceof Error) throw entity ?? new Error(`Offering ${row.id} vanished during the search`);
    const keys = Array.from({ length: keyCount }, (_unused, key) => row[`k${key}`]);
    return Object.assign(new OfferingEdge(), { cursor: encodeCursor(`offering:${search.order}`, keys), node: Offering.from(entity) });
  });
  const connection = new OfferingConnection();
  connection.edges = edges;
  connection.pageInfo = pageInfoOf(edges.map((edge) => edge.cursor), rows.length > limit, page.after);
  connection.countAll = async () => {
    const count = statements.count();
    const [{ total }] = await ctx.db.query<{ total: number }[]>(count.sql, count.parameters);
    return total;
  };
  return connection;
}
