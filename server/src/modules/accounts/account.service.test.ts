import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, testEmail } from '../../test-support/accounts.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import type { MailMessage } from '../mail/mailer.js';
import { type AccountDeps, type BrowserCaller, signIn, signOut, signUp } from './account.service.js';
import { SignUpRole } from './account.types.js';
import { SessionStore } from './session-store.js';
import { AuthThrottle } from './throttle.js';

/**
 * The account flows called as a script would call them: plain dependencies and a caller, no
 * GraphQL request. Sessions come back as a token and an expiry; no cookie is involved.
 */

let database: TestDatabase;
let deps: AccountDeps;
const sent: MailMessage[] = [];
const script: BrowserCaller = { viewer: null, ip: 'local', userAgent: null };

beforeAll(async () => {
  database = await createTestDatabase();
  deps = {
    db: database.db,
    mailer: { description: 'memory', send: async (message) => void sent.push(message), close: async () => {} },
    sessions: new SessionStore(database.db, 30),
    throttle: new AuthThrottle(),
    config: { publicUrl: 'https://achat-inclusif.test' },
  };
});

afterAll(async () => {
  await database?.drop();
});

describe('account flows without a request', () => {
  it('signs up, in and out, returning the sessions it opens and ends', async () => {
    const email = testEmail('script');
    const created = await signUp(deps, script, { email, password: GOOD_PASSWORD, displayName: 'Service achats', role: SignUpRole.BUYER });
    expect(created.userErrors).toEqual([]);
    expect(created.viewer).toMatchObject({ email, displayName: 'Service achats' });
    expect(created.session!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect((await deps.sessions.resolve(created.session!.token))?.viewer.accountId).toBe(created.viewer!.accountId);
    expect(sent.map((message) => [message.to, message.template])).toEqual([[email, 'welcome']]);

    // Signing in from the first session ends it: a session id is never reused.
    const signedIn = await signIn(deps, { ...script, viewer: created.viewer }, { email, password: GOOD_PASSWORD });
    expect(signedIn.userErrors).toEqual([]);
    expect(await deps.sessions.resolve(created.session!.token)).toBeNull();
    expect((await deps.sessions.resolve(signedIn.session!.token))?.viewer.accountId).toBe(created.viewer!.accountId);

    expect(await signOut(deps, { viewer: signedIn.viewer, ip: 'local' })).toBe(true);
    expect(await deps.sessions.resolve(signedIn.session!.token)).toBeNull();
    expect(await signOut(deps, { viewer: null, ip: 'local' })).toBe(false);
  });

  it('answers a wrong password with a user error and no session', async () => {
    const outcome = await signIn(deps, script, { email: testEmail('inconnu'), password: GOOD_PASSWORD });
    expect(outcome).toMatchObject({ viewer: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    expect(outcome.session).toBeUndefined();
  });
});
