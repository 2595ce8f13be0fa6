import { describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { AuthThrottle } from './throttle.js';

const rejection = async (promise: Promise<unknown>): Promise<GraphQLError | null> =>
  promise.then(
    () => null,
    (error: GraphQLError) => error,
  );

describe('AuthThrottle', () => {
  it('blocks after the allowed failures, with the delay, and a success forgives the address', async () => {
    const throttle = new AuthThrottle({ signInPerEmailAndIp: { points: 2, durationSeconds: 60 } });
    await throttle.assertCanSignIn('a@x.fr', '1.1.1.1');
    await throttle.signInFailed('a@x.fr', '1.1.1.1');
    await throttle.assertCanSignIn('a@x.fr', '1.1.1.1');
    await throttle.signInFailed('a@x.fr', '1.1.1.1');
    const blocked = await rejection(throttle.assertCanSignIn('a@x.fr', '1.1.1.1'));
    expect(blocked?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 60 });
    expect(blocked?.message).toBe('Trop de tentatives. Réessayez dans 1 minute.');
    expect(await rejection(throttle.assertCanSignIn('a@x.fr', '2.2.2.2'))).toBeNull();
    expect(await rejection(throttle.assertCanSignIn('b@x.fr', '1.1.1.1'))).toBeNull();
    await throttle.signInSucceeded('a@x.fr', '1.1.1.1');
    expect(await rejection(throttle.assertCanSignIn('a@x.fr', '1.1.1.1'))).toBeNull();
  });

  it('consumes password reset requests per address and per IP', async () => {
    const throttle = new AuthThrottle({
      passwordResetPerEmail: { points: 1, durationSeconds: 3600 },
      passwordResetPerIp: { points: 2, durationSeconds: 3600 },
    });
    expect(await rejection(throttle.consumePasswordReset('a@x.fr', '1.1.1.1'))).toBeNull();
    expect((await rejection(throttle.consumePasswordReset('a@x.fr', '2.2.2.2')))?.extensions.code).toBe('TOO_MANY_ATTEMPTS');
    expect(await rejection(throttle.consumePasswordReset('b@x.fr', '1.1.1.1'))).toBeNull();
    const overIp = await rejection(throttle.consumePasswordReset('c@x.fr', '1.1.1.1'));
    expect(overIp?.message).toBe('Trop de tentatives. Réessayez dans 60 minutes.');
  });
});
