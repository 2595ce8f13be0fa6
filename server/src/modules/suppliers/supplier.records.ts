import { In, type DataSource, type EntityManager } from 'typeorm';
import { SupplierEntity } from './supplier.entity.js';

/** The database, or the manager of the caller's transaction. */
export type Queryable = DataSource | EntityManager;

/**
 * PUBLISHED: what the public directory shows. ANY: also unpublished ones (a proposal awaiting
 * approval, a supplier taken off by an import), for their own members and admins only.
 */
export type SupplierVisibility = 'PUBLISHED' | 'ANY';

/** Suppliers with their search projection, in the order of the ids (null for an id not found or not visible). */
export async function suppliersByIds(db: Queryable, ids: readonly number[], visibility: SupplierVisibility): Promise<(SupplierEntity | null)[]> {
  const rows = ids.length
    ? await db.getRepository(SupplierEntity).find({
        where: { id: In([...ids]), ...(visibility === 'PUBLISHED' ? { published: true } : {}) },
        relations: { search: true },
      })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** A published supplier by its (normalised) SIRET, with its search projection. */
export async function publishedSupplierBySiret(db: Queryable, siret: string): Promise<SupplierEntity | null> {
  return db.getRepository(SupplierEntity).findOne({ where: { siret, published: true }, relations: { search: true } });
}

/** Whether the supplier exists, published or not. */
export async function supplierExists(db: Queryable, supplierId: number): Promise<boolean> {
  const rows: unknown[] = await db.query('SELECT 1 FROM supplier WHERE id = $1', [supplierId]);
  return rows.length > 0;
}

/** Marks the supplier as changed (what sync feeds and "updated" orderings read), for changes outside its own columns. */
export async function touchSupplier(manager: EntityManager, supplierId: number): Promise<void> {
  await manager.query('UPDATE supplier SET updated_at = now() WHERE id = $1', [supplierId]);
}

/** Rebuilds the search projection of the suppliers (in the caller's transaction, given its manager). */
export async function refreshSupplierSearch(db: Queryable, supplierIds: number[]): Promise<void> {
  await db.query('SELECT refresh_supplier_search($1::int[])', [supplierIds]);
}
