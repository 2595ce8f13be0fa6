import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { ApiRateLimits } from '../config/config.js';

/** Makes the limiter of one rule (points per window); the store decides who shares the counters. */
export type LimiterFactory = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

/** Counters in this process: right for one instance; they reset on restart. */
export const inMemoryLimiters: LimiterFactory = (options) => new RateLimiterMemory(options);

/**
 * Counters in the `rate_limit` table (created by the migrations): every instance on the
 * same database shares them, at the cost of one upsert per count.
 */
export function postgresLimiters(db: DataSource): LimiterFactory {
  // TypeORM's PostgreSQL driver keeps its pg Pool as `master`.
  const pool = (db.driver as unknown as { master: unknown }).master;
  return (options) =>
    // Each limiter deletes rows expired for an hour every 5 minutes (clearExpiredByTimeout, default on).
    new RateLimiterPostgres({ ...options, storeClient: pool, storeType: 'pool', tableName: 'rate_limit', tableCreated: true });
}

/**
 * The store RATE_LIMIT_STORE names, for every limiter of the server: the API rate limits
 * (modules/api-keys) and the throttling of account flows (modules/accounts/throttle.ts).
 */
export function limiterStore(store: ApiRateLimits['store'], db: DataSource): LimiterFactory {
  return store === 'postgres' ? postgresLimiters(db) : inMemoryLimiters;
}
