/**
 * The oldest transaction still running when the statement took its snapshot: every
 * transaction below it has ended, so no row stamped below it can still appear. Sync pages
 * return only such rows (modules/sync/README.md). Evaluated once per statement.
 */
export const SYNC_HORIZON = 'pg_snapshot_xmin(pg_current_snapshot())::text::bigint';

