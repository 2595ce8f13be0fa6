import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { SupplierEntity } from './supplier.entity.js';
import { suppliersByIds } from './supplier.records.js';

/** Per-request loaders: one query per batch of keys. Only published suppliers are visible. */
export function createSupplierLoaders(db: DataSource) {
  return {
    supplierById: new DataLoader<number, SupplierEntity | null>((ids) => suppliersByIds(db, ids, 'PUBLISHED')),
    /**
     * Published or not (a proposal awaiting approval, a supplier taken off by an import):
     * for the suppliers' own members and admins only; callers check canActForSupplier first.
     */
    managedSupplierById: new DataLoader<number, SupplierEntity | null>((ids) => suppliersByIds(db, ids, 'ANY')),
  };
}

export type SupplierLoaders = ReturnType<typeof createSupplierLoaders>;
