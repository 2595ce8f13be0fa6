import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ApiRateLimits } from '../../core/config/config.js';
import { inMemoryLimiters, type LimiterFactory } from '../../core/rate-limit/limiter-store.js';

/** Where the client stands after a request: what the RateLimit-* headers say. */
export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window starts again. */
  resetSeconds: number;
}

/**
 * Cost points (core/graphql/limits/query-limits.ts) that count as one request: the buyer
 * SPA's search at 20 results per page with its facets costs under 2 500, so it counts as 2
 * or 3; anything under 1 000 (most reads) as 1. A request costing N counts ceil(N / 1 000): the
 * per-minute budget is of work, not of requests, and 300 searches as heavy as the cost limit
 * allows (10 000) take what 3 000 light ones would.
 */
export const COST_POINTS_PER_REQUEST = 1_000;

/** How many requests of the budget an operation of this cost takes (at least 1). */
export function requestsCounted(cost: number): number {
  return Math.max(1, Math.ceil(cost / COST_POINTS_PER_REQUEST));
}

/**
 * Requests per minute on /graphql: per IP without a key, per key with one. Each request
 * takes 1 when it arrives (`consume…`), and once its cost is known the rest of what it
 * counts for (`chargeCost`, see COST_POINTS_PER_REQUEST).
 */
export class ApiRateLimiter {
  private readonly anonymous: RateLimiterAbstract;
  private readonly keyed: RateLimiterAbstract;

  constructor(
    private readonly limits: Pick<ApiRateLimits, 'anonymousPerMinute' | 'apiKeyPerMinute'>,
    factory: LimiterFactory = inMemoryLimiters,
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

  /**
   * Takes the rest of what a request of this cost counts for (it took 1 on arrival). Over
   * the budget, `allowed` is false: the request is refused and what it took stays taken.
   */
  async chargeCost(target: { apiKeyId: number } | { ip: string }, cost: number): Promise<RateLimitState | null> {
    const extra = requestsCounted(cost) - 1;
    if (extra === 0) return null;
    const [limiter, limit, key] =
      'apiKeyId' in target ? [this.keyed, this.limits.apiKeyPerMinute, String(target.apiKeyId)] : [this.anonymous, this.limits.anonymousPerMinute, target.ip];
    const result = await limiter.penalty(key, extra);
    return {
      allowed: result.consumedPoints <= limit,
      limit,
      remaining: Math.max(0, limit - result.consumedPoints),
      resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
    };
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
