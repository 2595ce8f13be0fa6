import DataLoader from 'dataloader';
import type { SqlRunner } from '../../core/database/sql-runner.js';

/** A row of the file refused by a run (table import_rejection). */
export interface ImportRejectionRow {
  line: number;
  reason: string;
  value: string | null;
}

/** The first `first` rejections of one run. */
export interface RejectionKey {
  runId: number;
  first: number;
}

/**
 * Per-request loader of the rejections of many runs at once, by line: one query per batch,
 * reading for every run as many rows as the largest `first` asked for.
 */
export function createImportRunLoaders(db: SqlRunner) {
  return {
    rejectionsByRun: new DataLoader<RejectionKey, ImportRejectionRow[], string>(
      async (keys) => {
        const first = Math.max(...keys.map((key) => key.first));
        const rows: ({ run_id: number } & ImportRejectionRow)[] = await db.query(
          `SELECT run_id, line, reason, value FROM (
             SELECT r.*, row_number() OVER (PARTITION BY run_id ORDER BY line, reason) AS rank
             FROM import_rejection r WHERE run_id = ANY($1::int[])
           ) ranked WHERE rank <= $2 ORDER BY run_id, line, rank`,
          [[...new Set(keys.map((key) => key.runId))], first],
        );
        return keys.map((key) =>
          rows
            .filter((row) => row.run_id === key.runId)
            .slice(0, key.first)
            .map((row) => ({ line: row.line, reason: row.reason, value: row.value })),
        );
      },
      { cacheKeyFn: (key) => `${key.runId}:${key.first}` },
    ),
  };
}

export type ImportRunLoaders = ReturnType<typeof createImportRunLoaders>;
