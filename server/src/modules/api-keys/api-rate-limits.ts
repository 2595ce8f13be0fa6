import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { ApiRateLimits } from '../../core/config/config.js';

/** Makes the limiter of one rule (requests per window); the store decides who shares the counters. */
export type ApiLimiterFactory = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

export const inMemoryLimiters: ApiLimiterFactory = (options) => new RateLimiterMemory(options);

/**
 * Counters in the `rate_limit` table (created by the migrations): every instance on the
 * same database shares them, at the cost of one upsert per request.
 */
export function postgresLimiters(db: DataSource): ApiLimiterFactory {
  // TypeORM's PostgreSQL driver keeps its pg Pool as `master`.
  const pool = (db.driver as unknown as { master: unknown }).master;
  return (options) =>
    // Each limiter deletes rows expired for an hour every 5 minutes (clearExpiredByTimeout, default on).
    new RateLimiterPostgres({ ...options, storeClient: pool, storeType: 'pool', tableName: 'rate_limit', tableCreated: true });
}

/** Where the client stands after a request: what the RateLimit-* headers say. */
export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window starts again. */
  resetSeconds: number;
}

/** Requests per minute on /graphql: per IP without a key, per key with one. */
export class ApiRateLimiter {
  private readonly anonymous: RateLimiterAbstract;
  private readonly keyed: RateLimiterAbstract;

  constructor(
    private readonly limits: Pick<ApiRateLimits, 'anonymousPerMinute' | 'apiKeyPerMinute'>,
    factory: ApiLimiterFactory = inMemoryLimiters,
  ) {
    this.anonymous = factory({ keyPrefix: 'api_ip', points: limits.anonymousPerMinute, duration: 60 });
    this.keyed = factory({ keyPrefix: 'api_key', points: limits.apiKeyPerMinute, duration: 60 });
  }

  /** Counts a request of an anonymous client, by IP. */
  consumeAnonymous(ip: string): Promise<RateLimitState> {
    return this.consume(this.anonymous, this.limits.anonymousPerMinute, ip);
  }

  /** Counts a request made with an API key. */
  consumeKey(apiKeyId: number): Promise<RateLimitState> {
    return this.consume(this.keyed, this.limits.apiKeyPerMinute, String(apiKeyId));
  }

  private async consume(limiter: RateLimiterAbstract, limit: number, key: string): Promise<RateLimitState> {
    const state = (allowed: boolean, result: RateLimiterRes): RateLimitState => ({
      allowed,
      limit,
      remaining: result.remainingPoints,
      resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
    });
    try {
      return state(true, await limiter.consume(key, 1));
    } catch (rejection) {
      // A RateLimiterRes means "over the limit"; anything else is a store failure.
      if (rejection instanceof RateLimiterRes) return state(false, rejection);
      throw rejection;
    }
  }
}
