import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';

/** An entry as loaded: the supplier is resolved through the (batched) supplier loader. */
export interface EntryRow {
  shortlistId: number;
  supplierId: number;
  note: string;
  addedAt: Date;
  /** Whether the supplier is still published (unpublished ones are hidden and counted as unavailable). */
  available: boolean;
}

/** Per-request loader of the entries of many shortlists at once, oldest addition first. */
export function createShortlistLoaders(db: DataSource) {
  return {
    entriesByShortlistId: new DataLoader<number, EntryRow[]>(async (ids) => {
      const rows: { shortlist_id: number; supplier_id: number; note: string; added_at: Date; available: boolean }[] = await db.query(
        `SELECT e.shortlist_id, e.supplier_id, e.note, e.added_at, s.published AS available
         FROM shortlist_entry e JOIN supplier s ON s.id = e.supplier_id
         WHERE e.shortlist_id = ANY($1::int[]) ORDER BY e.added_at, e.supplier_id`,
        [[...ids]],
      );
      const byList = new Map<number, EntryRow[]>(ids.map((id) => [id, []]));
      for (const row of rows) {
        byList.get(row.shortlist_id)!.push({
          shortlistId: row.shortlist_id,
          supplierId: row.supplier_id,
          note: row.note,
          addedAt: row.added_at,
          available: row.available,
        });
      }
      return ids.map((id) => byList.get(id)!);
    }),
  };
}

export type ShortlistLoaders = ReturnType<typeof createShortlistLoaders>;
