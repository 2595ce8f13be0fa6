import type { DataSource } from 'typeorm';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { decodeCursor, encodeCursor, pageInfoOf, pageSizeOf, type PageInfo } from '../../core/graphql/pagination.js';
import { requireSupplierAccess } from '../accounts/authorization.js';
import type { Caller } from '../accounts/viewer.js';
import type { ChangeAction } from './change-log.js';

const ORDERING = 'changeLog:newest';
/** Who the log names for changes without an account: imports, the system. */
export const SYSTEM_AUTHOR = 'Achat inclusif';

/** What reading the change log uses. */
export interface ChangeLogDeps {
  db: DataSource;
}

/** One entry as shown to the structure's editors. */
export interface ChangeLogItem {
  /** Global ID of the entry. */
  id: string;
  action: ChangeAction;
  authorName: string;
  createdAt: Date;
  offeringTitle: string | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface ChangeLogPage {
  edges: { cursor: string; node: ChangeLogItem }[];
  pageInfo: PageInfo;
  countAll: () => Promise<number>;
}

interface ChangeLogRow {
  id: string;
  action: ChangeAction;
  author_name: string | null;
  created_at: Date;
  offering_title: string | null;
  changes: Record<string, unknown>;
}

/** Field changes are stored as {"field": {"from", "to"}}; other details (decisions) are not field changes. */
function fieldChangesOf(changes: Record<string, unknown>): ChangeLogItem['changes'] {
  return Object.entries(changes)
    .filter((entry): entry is [string, { from: unknown; to: unknown }] => {
      const value = entry[1];
      return !!value && typeof value === 'object' && 'from' in value && 'to' in value;
    })
    .map(([field, { from, to }]) => ({ field, before: from, after: to }));
}

/**
 * Changes of a structure and its offerings, newest first: for its members and admins only
 * (UNAUTHENTICATED, FORBIDDEN).
 */
export async function supplierChangeLog(deps: ChangeLogDeps, caller: Caller, supplierId: number, page: { first?: number | null; after?: string | null }): Promise<ChangeLogPage> {
  requireSupplierAccess(caller, supplierId);
  const limit = pageSizeOf(page.first);
  const [afterId] = page.after ? decodeCursor(page.after, ORDERING, ['int8']) : [null];
  // The identity id grows with time: a unique, newest-first key.
  const rows: ChangeLogRow[] =
    limit === 0
      ? []
      : await deps.db.query(
          `SELECT l.id, l.action, a.display_name AS author_name, l.created_at, o.title AS offering_title, l.changes
           FROM change_log l
           LEFT JOIN account a ON a.id = l.account_id
           LEFT JOIN offering o ON o.id = l.offering_id
           WHERE l.supplier_id = $1 AND ($2::bigint IS NULL OR l.id < $2::bigint)
           ORDER BY l.id DESC LIMIT $3`,
          [supplierId, afterId, limit + 1],
        );
  const edges = rows.slice(0, limit).map((row) => ({
    cursor: encodeCursor(ORDERING, [row.id]),
    node: {
      id: toGlobalId('ChangeLogEntry', row.id),
      action: row.action,
      authorName: row.author_name ?? SYSTEM_AUTHOR,
      createdAt: row.created_at,
      offeringTitle: row.offering_title,
      changes: fieldChangesOf(row.changes),
    },
  }));
  return {
    edges,
    pageInfo: pageInfoOf(edges.map((edge) => edge.cursor), rows.length > limit, page.after),
    countAll: async () => {
      const [{ count }]: { count: number }[] = await deps.db.query('SELECT count(*)::int AS count FROM change_log WHERE supplier_id = $1', [supplierId]);
      return count;
    },
  };
}
