import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { integerKeyOf, toGlobalId } from '../../core/graphql/global-id.js';
import { canActForSupplier } from '../accounts/authorization.js';
import type { SessionViewer } from '../accounts/viewer.js';
import { ChangeAction, recordChange } from '../audit/change-log.js';
import { isWholeImage, sniffImageType } from './logo-image.js';
import type { LogoInfo } from './supplier-logo.loaders.js';
import { refreshSupplierSearch, supplierExists, touchSupplier } from './supplier.records.js';

/** The largest logo accepted (the column's limit too). */
export const LOGO_MAX_BYTES = 512 * 1024;

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };
const MEDIA_TYPES = Object.fromEntries(Object.entries(EXTENSIONS).map(([type, extension]) => [extension, type]));

/** Public URL of a logo: changes with the content, so it can be cached for ever. */
export function logoPath(supplierId: number, logo: LogoInfo): string {
  return `/logos/${toGlobalId('Supplier', supplierId)}-${logo.contentHash}.${EXTENSIONS[logo.mediaType]}`;
}

/** What logo changes use. */
export interface SupplierLogoDeps {
  db: DataSource;
}

/**
 * Why a logo change is refused: the viewer does not act for the supplier, the supplier does
 * not exist, or the file is empty, not a PNG, JPEG or WebP image, or not a whole one.
 */
export type LogoRefusal = 'FORBIDDEN' | 'SUPPLIER_NOT_FOUND' | 'EMPTY_FILE' | 'UNSUPPORTED_TYPE' | 'UNREADABLE_IMAGE';

/** The supplier's logo after the change (null once removed), or why nothing changed. */
export type LogoOutcome = { logo: LogoInfo | null } | { refusal: LogoRefusal };

async function editableSupplier(db: DataSource, viewer: SessionViewer, supplierId: number): Promise<LogoRefusal | null> {
  if (!canActForSupplier(viewer, supplierId)) return 'FORBIDDEN';
  if (!(await supplierExists(db, supplierId))) return 'SUPPLIER_NOT_FOUND';
  return null;
}

/** Stores the supplier's logo (replacing any), with the change log and the search projection. */
export async function replaceSupplierLogo(deps: SupplierLogoDeps, viewer: SessionViewer, supplierId: number, content: Buffer): Promise<LogoOutcome> {
  const refusal = await editableSupplier(deps.db, viewer, supplierId);
  if (refusal) return { refusal };
  if (content.length === 0) return { refusal: 'EMPTY_FILE' };
  const mediaType = sniffImageType(content);
  if (!mediaType) return { refusal: 'UNSUPPORTED_TYPE' };
  if (!(await isWholeImage(content, mediaType))) return { refusal: 'UNREADABLE_IMAGE' };
  const hash = createHash('sha256').update(content).digest();
  const [previous]: { hash: string }[] = await deps.db.query(
    `SELECT encode(content_hash, 'hex') AS hash FROM supplier_logo WHERE supplier_id = $1`,
    [supplierId],
  );
  await deps.db.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO supplier_logo (supplier_id, media_type, content, content_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (supplier_id) DO UPDATE SET media_type = excluded.media_type, content = excluded.content,
         content_hash = excluded.content_hash, updated_at = now()`,
      [supplierId, mediaType, content, hash],
    );
    await touchSupplier(manager, supplierId);
    await recordChange(manager, {
      accountId: viewer.accountId,
      supplierId,
      action: ChangeAction.SUPPLIER_LOGO_UPDATED,
      changes: { logo: { from: previous?.hash ?? null, to: hash.toString('hex') } },
    });
    await refreshSupplierSearch(manager, [supplierId]);
  });
  return { logo: { mediaType, contentHash: hash.toString('hex') } };
}

/** Removes the supplier's logo, if it has one, with the change log and the search projection. */
export async function removeSupplierLogo(deps: SupplierLogoDeps, viewer: SessionViewer, supplierId: number): Promise<LogoOutcome> {
  const refusal = await editableSupplier(deps.db, viewer, supplierId);
  if (refusal) return { refusal };
  await deps.db.transaction(async (manager) => {
    const removed: { hash: string }[] = await manager.query(
      `DELETE FROM supplier_logo WHERE supplier_id = $1 RETURNING encode(content_hash, 'hex') AS hash`,
      [supplierId],
    );
    if (removed.length === 0) return;
    await touchSupplier(manager, supplierId);
    await recordChange(manager, {
      accountId: viewer.accountId,
      supplierId,
      action: ChangeAction.SUPPLIER_LOGO_REMOVED,
      changes: { logo: { from: removed[0].hash, to: null } },
    });
    await refreshSupplierSearch(manager, [supplierId]);
  });
  return { logo: null };
}

/** The image a public logo file name names (`<supplierId>-<sha256>.<ext>`, see logoPath); null for any other name, or an old one. */
export async function logoFile(deps: SupplierLogoDeps, fileName: string): Promise<{ mediaType: string; content: Buffer } | null> {
  const match = /^([A-Za-z0-9_-]+)-([0-9a-f]{64})\.(png|jpg|webp)$/.exec(fileName);
  if (!match) return null;
  let supplierId: number;
  try {
    supplierId = integerKeyOf(match[1], 'Supplier');
  } catch {
    return null;
  }
  const [row]: { media_type: string; content: Buffer }[] = await deps.db.query(
    `SELECT media_type, content FROM supplier_logo WHERE supplier_id = $1 AND content_hash = decode($2, 'hex') AND media_type = $3`,
    [supplierId, match[2], MEDIA_TYPES[match[3]]],
  );
  return row ? { mediaType: row.media_type, content: row.content } : null;
}
