import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { SupplierEntity } from './supplier.entity.js';

/** Per-request loaders: one query per batch of keys. Only published suppliers are visible. */
export function createSupplierLoaders(db: DataSource) {
  return {
    supplierById: new DataLoader<number, SupplierEntity | null>(async (ids) => {
      const rows = await db.getRepository(SupplierEntity).find({ where: { id: In([...ids]), published: true }, relations: { search: true } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /**
     * Published or not (a proposal awaiting approval, a supplier taken off by an import):
     * for the suppliers' own members and admins only; callers check canActForSupplier first.
     */
    managedSupplierById: new DataLoader<number, SupplierEntity | null>(async (ids) => {
      const rows = await db.getRepository(SupplierEntity).find({ where: { id: In([...ids]) }, relations: { search: true } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type SupplierLoaders = ReturnType<typeof createSupplierLoaders>;
