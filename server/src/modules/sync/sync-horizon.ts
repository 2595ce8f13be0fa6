import type { DataSource } from 'typeorm';
import { statementRunner, type RunStatement } from '../search/search-result-cache.js';

/**
 * The oldest transaction still running when the statement took its snapshot: every
 * transaction below it has ended, so no row stamped below it can still appear. Sync pages
 * return only such rows (modules/sync/README.md). Evaluated once per statement.
 */
export const SYNC_HORIZON = 'pg_snapshot_xmin(pg_current_snapshot())::text::bigint';

/**
 * Runs sync pages without the search result cache: what they return moves with the sync
 * horizon (when any transaction ends), not only with the directory version.
 */
export function syncStatementRunner(deps: { db: DataSource }): RunStatement {
  return statementRunner(deps.db);
}
