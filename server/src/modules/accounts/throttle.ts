import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyAttempts } from '../../core/graphql/errors.js';

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

/** Makes the limiter of one rule; the default keeps counters in this process's memory. */
export type LimiterFactory = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

const inMemory: LimiterFactory = (options) => new RateLimiterMemory(options);

/**
 * Throttling of the account flows an attacker would repeat (rate-limiter-flexible).
 * Counters live in memory by default: right for one server process; several instances
 * behind a load balancer would pass a factory of RateLimiterPostgres (same API, shared
 * counters in a table).
 */
export class AuthThrottle {
  private readonly limits: ThrottleLimits;
  private readonly limiters: Record<keyof ThrottleLimits, RateLimiterAbstract>;

  constructor(limits: Partial<ThrottleLimits> = {}, factory: LimiterFactory = inMemory) {
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
    await this.assertNotSpent('signInPerEmailAndIp', `${email}|${ip}`);
    await this.assertNotSpent('signInPerIp', ip);
  }

  async signInFailed(email: string, ip: string): Promise<void> {
    await Promise.all([this.limiters.signInPerEmailAndIp.penalty(`${email}|${ip}`, 1), this.limiters.signInPerIp.penalty(ip, 1)]);
  }

  /** A success forgives the address's failures from this IP (not the IP's: it may be trying many accounts). */
  async signInSucceeded(email: string, ip: string): Promise<void> {
    await this.limiters.signInPerEmailAndIp.delete(`${email}|${ip}`);
  }

  async consumePasswordReset(email: string, ip: string): Promise<void> {
    await this.consume('passwordResetPerIp', ip);
    await this.consume('passwordResetPerEmail', email);
  }

  async consumeSignUp(ip: string): Promise<void> {
    await this.consume('signUpPerIp', ip);
  }

  async consumeEmailVerification(accountId: number): Promise<void> {
    await this.consume('emailVerificationPerAccount', String(accountId));
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
