import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';

export interface LogoInfo {
  mediaType: string;
  /** Hex SHA-256 of the content: part of the URL, so that a new logo gets a new URL. */
  contentHash: string;
}

/** Per-request loader of the logos' metadata (never their content). */
export function createSupplierLogoLoaders(db: DataSource) {
  return {
    logoBySupplierId: new DataLoader<number, LogoInfo | null>(async (ids) => {
      const rows: { supplier_id: number; media_type: string; content_hash: string }[] = await db.query(
        `SELECT supplier_id, media_type, encode(content_hash, 'hex') AS content_hash FROM supplier_logo WHERE supplier_id = ANY($1::int[])`,
        [[...ids]],
      );
      const byId = new Map(rows.map((row) => [row.supplier_id, { mediaType: row.media_type, contentHash: row.content_hash }]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type SupplierLogoLoaders = ReturnType<typeof createSupplierLogoLoaders>;
