import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { OfferingEntity } from './offering.entity.js';

/** Per-request loaders: one query per batch of keys. Only published offerings are visible. */
export function createOfferingLoaders(db: DataSource) {
  return {
    offeringById: new DataLoader<number, OfferingEntity | null>(async (ids) => {
      const rows = await db.getRepository(OfferingEntity).findBy({ id: In([...ids]), published: true });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    offeringsBySupplierId: new DataLoader<number, OfferingEntity[]>(async (supplierIds) => {
      const rows = await db.getRepository(OfferingEntity).find({
        where: { supplierId: In([...supplierIds]), published: true },
        order: { entryAmount: { direction: 'ASC', nulls: 'LAST' }, id: 'ASC' },
      });
      const bySupplier = new Map<number, OfferingEntity[]>();
      for (const row of rows) {
        const list = bySupplier.get(row.supplierId);
        if (list) list.push(row);
        else bySupplier.set(row.supplierId, [row]);
      }
      return supplierIds.map((id) => bySupplier.get(id) ?? []);
    }),
  };
}

export type OfferingLoaders = ReturnType<typeof createOfferingLoaders>;
