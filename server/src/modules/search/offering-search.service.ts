import { integerKeyOf } from '../../core/graphql/global-id.js';
import { OfferingOrder, type OfferingFilter } from '../offerings/offering.inputs.js';
import { Offering } from '../offerings/offering.types.js';
import { resolveDirectoryCriteria } from './directory-criteria.js';
import { countMatches, fetchKeysetPage, settledLater, statementSource } from './keyset-page.js';
import { OfferingSearchSql, type OfferingSearch } from './offering-search.sql.js';
import { OfferingConnection, OfferingEdge } from './offering-search.types.js';
import { syncStatementRunner } from '../sync/sync-horizon.js';
import type { SearchDeps } from './search.deps.js';

export async function resolveOfferingSearch(
  deps: SearchDeps,
  filter: OfferingFilter,
  requestedOrder: OfferingOrder | null | undefined,
): Promise<OfferingSearch> {
  const supplierId = filter.supplierId == null ? null : integerKeyOf(filter.supplierId, 'Supplier', 'filter.supplierId');
  const criteria = await resolveDirectoryCriteria(filter, deps);
  const order = requestedOrder ?? (criteria.tsquery || criteria.zone ? OfferingOrder.RELEVANCE : OfferingOrder.ENTRY_AMOUNT);
  return { ...criteria, supplierId, order };
}

export async function searchOfferings(
  deps: SearchDeps,
  search: OfferingSearch,
  page: { first?: number | null; after?: string | null },
  selected: { totalCount: boolean },
): Promise<OfferingConnection> {
  const statements = new OfferingSearchSql(search);
  // The count runs alongside the page, on another connection: both read every match.
  const count = selected.totalCount ? settledLater(countMatches(deps.runSearchStatement, statements)) : null;
  const runPage = search.order === OfferingOrder.UPDATED_ASC ? syncStatementRunner(deps) : deps.runSearchStatement;
  const result = await fetchKeysetPage(statementSource(runPage, statements), `offering:${search.order}`, page, (ids) =>
    deps.loaders.offerings.offeringById.loadMany(ids),
  );
  const connection = new OfferingConnection();
  connection.edges = result.items.map((item) => Object.assign(new OfferingEdge(), { cursor: item.cursor, node: Offering.from(item.entity) }));
  connection.pageInfo = result.pageInfo;
  connection.countAll = () => count ?? countMatches(deps.runSearchStatement, statements);
  return connection;
}
