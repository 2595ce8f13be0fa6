import { keysetCondition, orderByClause, sortKeyColumns, SqlParameters, type SortKey } from '../../core/database/sql-builder.js';
import type { CursorKey } from '../../core/graphql/pagination.js';
import type { KeysetStatements } from '../search/keyset-page.js';
import type { Statement } from '../search/search-result-cache.js';
import { SYNC_HORIZON } from './sync-horizon.js';

export type RemovedEntity = 'SUPPLIER' | 'OFFERING';

/**
 * What a mirror must delete, as rows `id, change_xid, reason, removed_at`: the entities no
 * longer visible (their current state, stamped by their last write) and the tombstones of
 * deleted ones. Never-published rows (pending proposals, drafts) are left out.
 */
const REMOVED: Record<RemovedEntity, string> = {
  SUPPLIER: `SELECT s.supplier_id AS id, s.change_xid, 'UNPUBLISHED' AS reason, s.changed_at AS removed_at
    FROM supplier_search s
    WHERE NOT s.published
      AND NOT EXISTS (SELECT 1 FROM supplier_proposal p WHERE p.supplier_id = s.supplier_id AND p.status <> 'APPROVED')`,
  // Two disjoint parts, each served by an index: withdrawn offerings (partial index), and
  // published offerings of removed suppliers (found from those suppliers).
  OFFERING: `SELECT o.id, o.change_xid, CASE WHEN o.archived_at IS NOT NULL THEN 'ARCHIVED' ELSE 'UNPUBLISHED' END AS reason,
      o.changed_at AS removed_at
    FROM offering o
    WHERE NOT o.published AND o.first_published_at IS NOT NULL
    UNION ALL
    SELECT o.id, o.change_xid, 'SUPPLIER_REMOVED', o.changed_at
    FROM supplier_search s JOIN offering o ON o.supplier_id = s.supplier_id
    WHERE NOT s.published AND o.published`,
};

const KEYS: SortKey[] = [
  { sql: 'r.change_xid', descending: false, type: 'int8' },
  { sql: 'r.id', descending: false, type: 'int4' },
];

/** Removals of one entity in change order, for fetchKeysetPage (see sync-horizon.ts). */
export class RemovalSql implements KeysetStatements {
  constructor(
    private readonly entity: RemovedEntity,
    private readonly removedSince: Date | null,
  ) {}

  private from(params: SqlParameters): string {
    const tombstones = `SELECT t.entity_id AS id, t.change_xid, 'DELETED' AS reason, t.removed_at
      FROM directory_tombstone t WHERE t.entity = ${params.add(this.entity)}`;
    return `(${REMOVED[this.entity]}\n    UNION ALL\n    ${tombstones}) r`;
  }

  private conditions(params: SqlParameters): string[] {
    return this.removedSince ? [`r.removed_at >= ${params.add(this.removedSince)}`] : [];
  }

  sortKeyTypes(): CursorKey[] {
    return KEYS.map((key) => key.type);
  }

  page(after: unknown[] | null, limit: number): Statement {
    const params = new SqlParameters();
    const from = this.from(params);
    const conditions = [...this.conditions(params), `r.change_xid < ${SYNC_HORIZON}`];
    if (after) conditions.push(keysetCondition(KEYS, after, params));
    const sql = `SELECT r.id, ${sortKeyColumns(KEYS)}, r.reason, r.removed_at
FROM ${from}
WHERE ${conditions.join('\n  AND ')}
ORDER BY ${orderByClause(KEYS)}
LIMIT ${params.add(limit + 1)}`;
    return { sql, parameters: params.values };
  }

  count(): Statement {
    const params = new SqlParameters();
    const from = this.from(params);
    const conditions = this.conditions(params);
    return {
      sql: `SELECT count(*)::int AS total FROM ${from}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`,
      parameters: params.values,
    };
  }
}
