import type { DataSource } from 'typeorm';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { countMatches, fetchKeysetPage, statementSource, type KeysetRow } from '../search/keyset-page.js';
import { RemovalSql, type RemovedEntity } from './removal.sql.js';
import { syncStatementRunner } from './sync-horizon.js';
import {
  OfferingRemoval, OfferingRemovalConnection, OfferingRemovalReason, SupplierRemoval, SupplierRemovalConnection, SupplierRemovalReason,
} from './removal.types.js';

type RemovalRow = KeysetRow & { reason: string; removed_at: Date };

/** What the removal feeds use. */
export interface RemovalDeps {
  db: DataSource;
}

export interface RemovalPageArgs {
  first?: number | null;
  after?: string | null;
  removedSince?: Date | null;
}

/** One page of removals of an entity, in change order; the rows carry everything shown. */
async function removalPage<TNode>(deps: RemovalDeps, entity: RemovedEntity, args: RemovalPageArgs, nodeOf: (row: RemovalRow) => TNode) {
  const statements = new RemovalSql(entity, args.removedSince ?? null);
  const run = syncStatementRunner(deps);
  const { items, pageInfo } = await fetchKeysetPage<RemovalRow, number>(statementSource(run, statements), `removal:${entity}`, args, async (ids) => ids);
  return {
    edges: items.map(({ row, cursor }) => ({ cursor, node: nodeOf(row) })),
    pageInfo,
    countAll: () => countMatches(run, statements),
  };
}

/** Public, like the directory: no caller. */
export async function supplierRemovals(deps: RemovalDeps, args: RemovalPageArgs): Promise<SupplierRemovalConnection> {
  const page = await removalPage(deps, 'SUPPLIER', args, (row) =>
    Object.assign(new SupplierRemoval(), { supplierId: toGlobalId('Supplier', row.id), reason: row.reason as SupplierRemovalReason, removedAt: row.removed_at }),
  );
  return Object.assign(new SupplierRemovalConnection(), page);
}

export async function offeringRemovals(deps: RemovalDeps, args: RemovalPageArgs): Promise<OfferingRemovalConnection> {
  const page = await removalPage(deps, 'OFFERING', args, (row) =>
    Object.assign(new OfferingRemoval(), { offeringId: toGlobalId('Offering', row.id), reason: row.reason as OfferingRemovalReason, removedAt: row.removed_at }),
  );
  return Object.assign(new OfferingRemovalConnection(), page);
}
