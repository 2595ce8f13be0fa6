import { createHash } from 'node:crypto';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyAttempts } from '../../core/graphql/errors.js';
import { inMemoryLimiters, type LimiterFactory } from '../../core/rate-limit/limiter-store.js';

export interface Limit {
  points: number;
  durationSeconds: number;
}

export interface ThrottleLimits {
  /** Failed sign-ins (or current-password checks) for one address from one IP. */
  signInPerEmailAndIp: Limit;
  /** Failed sign-ins from one IP, whatever the address (one machine trying many accounts). */
  signInPerIp: Limit;
  /** Password reset requests for one address (each sends a mail). */
  passwordResetPerEmail: Limit;
  passwordResetPerIp: Limit;
  /** Accounts created from one IP. */
  signUpPerIp: Limit;
  /** New address-confirmation mails asked by one account. */
  emailVerificationPerAccount: Limit;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  signInPerEmailAndIp: { points: 5, durationSeconds: 15 * 60 },
  signInPerIp: { points: 50, durationSeconds: 60 * 60 },
  passwordResetPerEmail: { points: 3, durationSeconds: 60 * 60 },
  passwordResetPerIp: { points: 20, durationSeconds: 60 * 60 },
  signUpPerIp: { points: 20, durationSeconds: 60 * 60 },
  emailVerificationPerAccount: { points: 3, durationSeconds: 60 * 60 },
};

/** The counter key of a rule for these values (an address, an IP…): a SHA-256 digest. */
const keyOf = (...values: string[]) => createHash('sha256').update(values.join('|')).digest('base64url');

/**
 * Throttling of the account flows an attacker would repeat (rate-limiter-flexible), with
 * counters in the store RATE_LIMIT_STORE names (`limiterStore`): this process's memory, or
 * the `rate_limit` table shared by every instance. Keys are SHA-256 digests: no address is
 * stored in that table, and none is too long for its key column.
 */
export class AuthThrottle {
  private readonly limits: ThrottleLimits;
  private readonly limiters: Record<keyof ThrottleLimits, RateLimiterAbstract>;

  constructor(limits: Partial<ThrottleLimits> = {}, factory: LimiterFactory = inMemoryLimiters) {
    this.limits = { ...DEFAULT_THROTTLE_LIMITS, ...limits };
    this.limiters = Object.fromEntries(
      Object.entries(this.limits).map(([name, limit]) => [
        name,
        factory({ keyPrefix: `throttle_${name}`, points: limit.points, duration: limit.durationSeconds }),
      ]),
    ) as Record<keyof ThrottleLimits, RateLimiterAbstract>;
  }

  /** Refuses a sign-in once the address (from this IP) or the IP has used up its failures. */
  async assertCanSignIn(email: string, ip: string): Promise<void> {
    await this.assertNotSpent('signInPerEmailAndIp', keyOf(email, ip));
    await this.assertNotSpent('signInPerIp', keyOf(ip));
  }

  async signInFailed(email: string, ip: string): Promise<void> {
    await Promise.all([this.limiters.signInPerEmailAndIp.penalty(keyOf(email, ip), 1), this.limiters.signInPerIp.penalty(keyOf(ip), 1)]);
  }

  /** A success forgives the address's failures from this IP (not the IP's: it may be trying many accounts). */
  async signInSucceeded(email: string, ip: string): Promise<void> {
    await this.limiters.signInPerEmailAndIp.delete(keyOf(email, ip));
  }

  async consumePasswordReset(email: string, ip: string): Promise<void> {
    await this.consume('passwordResetPerIp', keyOf(ip));
    await this.consume('passwordResetPerEmail', keyOf(email));
  }

  async consumeSignUp(ip: string): Promise<void> {
    await this.consume('signUpPerIp', keyOf(ip));
  }

  async consumeEmailVerification(accountId: number): Promise<void> {
    await this.consume('emailVerificationPerAccount', keyOf(String(accountId)));
  }

  private async assertNotSpent(rule: keyof ThrottleLimits, key: string): Promise<void> {
    const state = await this.limiters[rule].get(key);
    if (state && state.consumedPoints >= this.limits[rule].points) throw tooManyAttempts(state.msBeforeNext);
  }

  private async consume(rule: keyof ThrottleLimits, key: string): Promise<void> {
    try {
      await this.limiters[rule].consume(key, 1);
    } catch (rejection) {
      // A RateLimiterRes means "over the limit"; anything else is a store failure.
      if (rejection instanceof RateLimiterRes) throw tooManyAttempts(rejection.msBeforeNext);
      throw rejection;
    }
  }
}
