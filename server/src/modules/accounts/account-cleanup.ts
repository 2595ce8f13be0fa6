import type { SqlRunner } from '../../core/database/sql-runner.js';
import { deleteExpiredClaimCodeEvents } from '../memberships/claim-code-limits.js';

/** Once an hour: enough to keep the tables small, rare enough to cost nothing. */
export const ACCOUNT_CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

export interface AccountCleanupReport {
  sessions: number;
  tokens: number;
}

/**
 * Deletes expired sessions and mail-link tokens that are used or expired: they open
 * nothing any more, and a session row keeps a user agent we have no reason to keep.
 * (A session also goes when its account signs in again: this catches those who never do.)
 */
export async function deleteExpiredAccountRecords(db: SqlRunner): Promise<AccountCleanupReport> {
  const [row]: { sessions: number; tokens: number }[] = await db.query(
    `WITH sessions AS (DELETE FROM account_session WHERE expires_at <= now() RETURNING 1),
          tokens AS (DELETE FROM account_token WHERE used_at IS NOT NULL OR expires_at <= now() RETURNING 1)
     SELECT (SELECT count(*) FROM sessions)::int AS sessions, (SELECT count(*) FROM tokens)::int AS tokens`,
  );
  return row;
}

export interface ScheduledCleanup {
  /** The run made at start (it never rejects: failures are logged). */
  firstRun: Promise<void>;
  stop(): void;
}

/**
 * Runs the cleanup now and then every `intervalMs`, with the claim code events past their
 * windows (memberships). A failure is logged and the next run tries again (the server keeps serving).
 */
export function scheduleAccountCleanup(
  db: SqlRunner,
  log: (message: string) => void,
  intervalMs = ACCOUNT_CLEANUP_INTERVAL_MS,
): ScheduledCleanup {
  const run = async () => {
    try {
      const { sessions, tokens } = await deleteExpiredAccountRecords(db);
      if (sessions + tokens > 0) log(`Account cleanup: ${sessions} expired sessions, ${tokens} used or expired link tokens deleted`);
      const claimCodeEvents = await deleteExpiredClaimCodeEvents(db);
      if (claimCodeEvents > 0) log(`Account cleanup: ${claimCodeEvents} claim code events past their windows deleted`);
    } catch (error) {
      log(`Account cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const firstRun = run();
  const timer = setInterval(() => void run(), intervalMs);
  // The timer alone must not keep the process alive (tests, CLI runs).
  timer.unref();
  return { firstRun, stop: () => clearInterval(timer) };
}
