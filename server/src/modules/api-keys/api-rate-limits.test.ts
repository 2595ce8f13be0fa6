import { describe, expect, it } from 'vitest';
import { ApiRateLimiter, BURST_SECONDS, burstLimit } from './api-rate-limits.js';

/** The two windows of a client's budget (in-memory counters, as one server keeps them). */
describe('ApiRateLimiter', () => {
  it('spreads a minute’s budget: at most a quarter of it within a burst window', async () => {
    const limiter = new ApiRateLimiter({ anonymousPerMinute: 200, apiKeyPerMinute: 3_000 });
    expect(burstLimit(200)).toBe(50);
    const states = [];
    for (let request = 0; request < 51; request += 1) states.push(await limiter.consumeAnonymous('198.51.100.7'));
    expect(states.slice(0, 50).every((state) => state.allowed)).toBe(true);
    const refused = states[50];
    expect(refused.allowed).toBe(false);
    // The wait is the burst window's, not the minute's.
    expect(refused.resetSeconds).toBeLessThanOrEqual(BURST_SECONDS);
    expect(refused.remaining).toBe(0);
    // Another client is not affected.
    expect((await limiter.consumeAnonymous('198.51.100.8')).allowed).toBe(true);
  });

  it('charges a request’s cost to both windows', async () => {
    const limiter = new ApiRateLimiter({ anonymousPerMinute: 200, apiKeyPerMinute: 3_000 });
    await limiter.consumeAnonymous('198.51.100.9');
    // Cost 40 000: 40 requests counted (1 taken on arrival); 10 left in the burst window.
    const charged = await limiter.chargeCost({ ip: '198.51.100.9' }, 40_000);
    expect(charged).toMatchObject({ allowed: true, remaining: 10 });
    const over = await limiter.chargeCost({ ip: '198.51.100.9' }, 12_000);
    expect(over?.allowed).toBe(false);
  });

  it('keeps small limits whole: the burst window never binds under its floor', async () => {
    expect(burstLimit(5)).toBe(5);
    expect(burstLimit(40)).toBe(20);
    const limiter = new ApiRateLimiter({ anonymousPerMinute: 5, apiKeyPerMinute: 5 });
    const allowed = [];
    for (let request = 0; request < 6; request += 1) allowed.push((await limiter.consumeKey(1)).allowed);
    expect(allowed).toEqual([true, true, true, true, true, false]);
  });
});
