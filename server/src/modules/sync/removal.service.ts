import type { RequestContext } from '../../app/context.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { countMatches, fetchKeysetPage, statementSource, type KeysetRow } from '../search/keyset-page.js';
import { RemovalSql, type RemovedEntity } from './removal.sql.js';
import { syncStatementRunner } from './sync-horizon.js';
import {
  OfferingRemoval, OfferingRemovalConnection, OfferingRemovalReason, SupplierRemoval, SupplierRemovalConnection, SupplierRemovalReason,
} from './removal.types.js';

type RemovalRow = KeysetRow & { reason: string; removed_at: Date };

export interface RemovalPageArgs {
  first?: number | null;
  after?: string | null;
  removedSince?: Date | null;
}

/** One page of removals of an entity, in change order; the rows carry everything shown. */
async function removalPage<TNode>(entity: RemovedEntity, args: RemovalPageArgs, ctx: RequestContext, nodeOf: (row: RemovalRow) => TNode) {
  const statements = new RemovalSql(entity, args.removedSince ?? null);
  const run = syncStatementRunner(ctx);
  const { items, pageInfo } = await fetchKeysetPage<RemovalRow, number>(statementSource(run, statements), `removal:${entity}`, args, async (ids) => ids);
  return {
    edges: items.map(({ row, cursor }) => ({ cursor, node: nodeOf(row) })),
    pageInfo,
    countAll: () => countMatches(run, statements),
  };
}

export async function supplierRemovals(args: RemovalPageArgs, ctx: RequestContext): Promise<SupplierRemovalConnection> {
  const page = await removalPage('SUPPLIER', args, ctx, (row) =>
    Object.assign(new SupplierRemoval(), { supplierId: toGlobalId('Supplier', row.id), reason: row.reason as SupplierRemovalReason, removedAt: row.removed_at }),
  );
  return Object.assign(new SupplierRemovalConnection(), page);
}

export async function offeringRemovals(args: RemovalPageArgs, ctx: RequestContext): Promise<OfferingRemovalConnection> {
  const page = await removalPage('OFFERING', args, ctx, (row) =>
    Object.assign(new OfferingRemoval(), { offeringId: toGlobalId('Offering', row.id), reason: row.reason as OfferingRemovalReason, removedAt: row.removed_at }),
  );
  return Object.assign(new OfferingRemovalConnection(), page);
}
