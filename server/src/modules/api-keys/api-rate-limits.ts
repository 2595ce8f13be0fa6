import type { RateLimiterAbstract } from 'rate-limiter-flexible';
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
 * The window that spreads a minute's budget: a client spends at most BURST_SHARE of it in
 * BURST_SECONDS, and never less than BURST_FLOOR (about 8 buyer searches in a row).
 */
export const BURST_SECONDS = 10;
export const BURST_SHARE = 0.25;
const BURST_FLOOR = 20;

/** What one client may spend in a BURST_SECONDS window, for a per-minute limit. */
export function burstLimit(perMinute: number): number {
  return Math.min(perMinute, Math.max(BURST_FLOOR, Math.ceil(perMinute * BURST_SHARE)));
}

/** One client's counters: the per-minute budget, and the shorter window that spreads it. */
interface LimitRule {
  perMinute: number;
  minute: RateLimiterAbstract;
  /** None when it would not bind (a limit of BURST_FLOOR or less a minute). */
  burst: RateLimiterAbstract | null;
}

/**
 * Requests per minute on /graphql: per IP without a key, per key with one. Each request
 * takes 1 when it arrives (`consume…`), and once its cost is known the rest of what it
 * counts for (`chargeCost`, see COST_POINTS_PER_REQUEST).
 *
 * A minute's budget cannot be spent at once: at most BURST_SHARE of it in any BURST_SECONDS
 * window. Without that, a client spending its whole minute in its first seconds (30
 * requests at the cost limit) keeps the server busy for seconds on end, however fairly
 * its work is scheduled (core/scheduling/fair-work-queue.ts): its share of the server stays
 * bounded at every instant, not only per minute. A buyer's bursts (a few searches in a row)
 * fit easily.
 */
export class ApiRateLimiter {
  private readonly anonymous: LimitRule;
  private readonly keyed: LimitRule;

  constructor(limits: Pick<ApiRateLimits, 'anonymousPerMinute' | 'apiKeyPerMinute'>, factory: LimiterFactory = inMemoryLimiters) {
    const rule = (keyPrefix: string, perMinute: number): LimitRule => ({
      perMinute,
      minute: factory({ keyPrefix, points: perMinute, duration: 60 }),
      burst: burstLimit(perMinute) < perMinute ? factory({ keyPrefix: `${keyPrefix}_burst`, points: burstLimit(perMinute), duration: BURST_SECONDS }) : null,
    });
    this.anonymous = rule('api_ip', limits.anonymousPerMinute);
    this.keyed = rule('api_key', limits.apiKeyPerMinute);
  }

  /** Counts a request of an anonymous client, by IP. */
  consumeAnonymous(ip: string): Promise<RateLimitState> {
    return this.take(this.anonymous, ip, 1);
  }

  /** Counts a request made with an API key. */
  consumeKey(apiKeyId: number): Promise<RateLimitState> {
    return this.take(this.keyed, String(apiKeyId), 1);
  }

  /**
   * Takes the rest of what a request of this cost counts for (it took 1 on arrival). Over
   * the budget, `allowed` is false: the request is refused and what it took stays taken.
   */
  async chargeCost(target: { apiKeyId: number } | { ip: string }, cost: number): Promise<RateLimitState | null> {
    const extra = requestsCounted(cost) - 1;
    if (extra === 0) return null;
    return 'apiKeyId' in target ? this.take(this.keyed, String(target.apiKeyId), extra) : this.take(this.anonymous, target.ip, extra);
  }

  /**
   * Takes `points` from both windows (penalty: taken even past the limit, so that a refused
   * request still counts). The state is the minute's, with the burst window's wait when
   * that one is over.
   */
  private async take(rule: LimitRule, key: string, points: number): Promise<RateLimitState> {
    const [minute, burst] = await Promise.all([rule.minute.penalty(key, points), rule.burst?.penalty(key, points)]);
    const minuteOver = minute.consumedPoints > rule.perMinute;
    const burstLeft = burst ? burstLimit(rule.perMinute) - burst.consumedPoints : Infinity;
    const burstOver = burstLeft < 0;
    const waitMs = burstOver && !minuteOver ? burst!.msBeforeNext : minute.msBeforeNext;
    return {
      allowed: !minuteOver && !burstOver,
      limit: rule.perMinute,
      remaining: Math.max(0, Math.min(rule.perMinute - minute.consumedPoints, burstLeft)),
      resetSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    };
  }
}
