import type { DataSource } from 'typeorm';
import { isConnectionFailure } from '../../core/database/connection-failure.js';

interface Counts {
  apiKeyId: number;
  hour: Date;
  calls: number;
  errors: number;
  rateLimited: number;
  lastUsedAt: Date;
}

export type UsageOutcome = 'served' | 'error' | 'rateLimited';

/** One row of api_key_usage: a key and an hour. */
const slotOf = (apiKeyId: number, hour: Date) => `${apiKeyId}|${hour.getTime()}`;

/**
 * Usage counters of API keys, added up in memory and written in one statement every few
 * seconds and at shutdown: a busy key costs no write per request. A crash loses at most
 * the last interval's counts.
 */
export class ApiUsageRecorder {
  private pending = new Map<string, Counts>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    flushSeconds: number,
    /** Has the server's other processes (cluster workers) write their pending counts; none by default. */
    private readonly flushOtherProcesses: () => Promise<void> = async () => {},
  ) {
    // While the database is unreachable the counts wait for it; the outage itself is logged once (core/database).
    const flushFailed = (error: unknown) => {
      if (!isConnectionFailure(error)) console.error('[api] usage flush failed', error);
    };
    this.timer = setInterval(() => void this.flush().catch(flushFailed), flushSeconds * 1000);
    this.timer.unref();
  }

  /** Counts one request: served (with or without errors in the response) or refused by the rate limiter. */
  record(apiKeyId: number, outcome: UsageOutcome, at = new Date()): void {
    const hour = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
    const slot = slotOf(apiKeyId, hour);
    let counts = this.pending.get(slot);
    if (!counts) {
      counts = { apiKeyId, hour, calls: 0, errors: 0, rateLimited: 0, lastUsedAt: at };
      this.pending.set(slot, counts);
    }
    if (outcome === 'rateLimited') {
      counts.rateLimited += 1;
    } else {
      counts.calls += 1;
      if (outcome === 'error') counts.errors += 1;
      counts.lastUsedAt = at;
    }
  }

  /** Writes what was counted since the last flush (one upsert); flushes run one after the other. */
  flush(): Promise<void> {
    // A failed flush (already reported to its caller) does not stop the next ones.
    this.flushing = this.flushing.catch(() => {}).then(() => this.write());
    return this.flushing;
  }

  /** Writes the pending counts of every process of the server: what is read next includes the calls just made. */
  async flushEverywhere(): Promise<void> {
    await Promise.all([this.flush(), this.flushOtherProcesses()]);
  }

  /** Stops the timer and writes the last counts. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      await this.db.query(
        `WITH batch AS (
           SELECT * FROM unnest($1::int[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::timestamptz[])
             AS b (api_key_id, hour, calls, errors, rate_limited, last_used_at)
           -- A key deleted with its account since the request is skipped.
           WHERE EXISTS (SELECT 1 FROM api_key WHERE api_key.id = b.api_key_id)
         ), counted AS (
           INSERT INTO api_key_usage (api_key_id, hour, calls, errors, rate_limited)
           SELECT api_key_id, hour, calls, errors, rate_limited FROM batch
           ON CONFLICT (api_key_id, hour) DO UPDATE SET
             calls = api_key_usage.calls + EXCLUDED.calls,
             errors = api_key_usage.errors + EXCLUDED.errors,
             rate_limited = api_key_usage.rate_limited + EXCLUDED.rate_limited
         )
         UPDATE api_key SET last_used_at = greatest(api_key.last_used_at, used.last_used_at)
         FROM (SELECT api_key_id, max(last_used_at) AS last_used_at FROM batch WHERE calls > 0 GROUP BY api_key_id) used
         WHERE api_key.id = used.api_key_id`,
        [
          batch.map((counts) => counts.apiKeyId),
          batch.map((counts) => counts.hour),
          batch.map((counts) => counts.calls),
          batch.map((counts) => counts.errors),
          batch.map((counts) => counts.rateLimited),
          batch.map((counts) => counts.lastUsedAt),
        ],
      );
    } catch (error) {
      // Kept for the next flush rather than lost (the database may be back by then).
      for (const counts of batch) {
        const slot = slotOf(counts.apiKeyId, counts.hour);
        const newer = this.pending.get(slot);
        if (newer) {
          newer.calls += counts.calls;
          newer.errors += counts.errors;
          newer.rateLimited += counts.rateLimited;
        } else {
          this.pending.set(slot, counts);
        }
      }
      throw error;
    }
  }
}
