import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GOOD_PASSWORD, SIGN_IN, SIGN_OUT, SIGN_UP, signInAs, signUpIn, testEmail, VIEWER, type PayloadData, type ViewerData,
} from '../../test-support/accounts.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

/**
 * CSRF protection of cookie-authenticated mutations, cookie attributes behind a proxy,
 * sliding expiry, and sign-in throttling per address and IP and per IP.
 */

let database: TestDatabase;
/** Default configuration: no proxy trusted. */
let server: TestServer;
/** Behind a trusted local proxy (X-Forwarded-For / -Proto honoured), with a low per-IP limit. */
let proxied: TestServer;

const PER_IP_LIMIT = 8;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.db);
  proxied = await startTestServer(database.db, undefined, {
    env: { TRUST_PROXY: 'loopback' },
    throttleLimits: {
      signInPerIp: { points: PER_IP_LIMIT, durationSeconds: 3600 },
      signUpPerIp: { points: 2, durationSeconds: 3600 },
    },
  });
});

afterAll(async () => {
  await Promise.all([server.close(), proxied.close()]);
  await database.drop();
});

describe('CSRF protection', () => {
  it('refuses a mutation sent with the session cookie but without the token, or with a wrong one, and runs nothing', async () => {
    const browser = server.browser();
    const viewer = await signUpIn(browser);

    for (const token of [null, 'not-the-token', `${viewer.csrfToken.slice(0, -1)}x`]) {
      browser.csrfToken = token;
      const response = await browser.query<{ signOut: { signedOut: boolean } }>(SIGN_OUT);
      expect(response.status).toBe(403);
      expect(response.data).toBeUndefined();
      expect(response.errors).toEqual([
        { message: expect.stringContaining('jeton anti-CSRF'), extensions: { code: 'CSRF_TOKEN_INVALID' } },
      ]);
    }
    // Still signed in: nothing ran.
    browser.csrfToken = null;
    expect((await browser.query<{ viewer: ViewerData | null }>(VIEWER)).data!.viewer?.account.email).toBe(viewer.account.email);

    // Queries need no token; the token read from `viewer` lets the mutation through.
    const { data } = await browser.query<{ viewer: ViewerData }>(VIEWER);
    browser.csrfToken = data!.viewer.csrfToken;
    const accepted = await browser.query<{ signOut: { signedOut: boolean } }>(SIGN_OUT);
    expect(accepted.status).toBe(200);
    expect(accepted.data!.signOut.signedOut).toBe(true);
  });

  it('asks nothing of requests without a session (nothing to protect)', async () => {
    const response = await server.query<{ signIn: PayloadData }>(SIGN_IN, { input: { email: testEmail(), password: GOOD_PASSWORD } });
    expect(response.status).toBe(200);
    expect(response.data!.signIn.userErrors).toMatchObject([{ code: 'INVALID_CREDENTIALS' }]);
  });

  it('refuses what another site can send without a preflight: a form-like POST (415), a mutation by GET (405)', async () => {
    const form = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent('mutation { signOut { signedOut } }')}`,
    });
    expect(form.status).toBe(415);
    const link = await fetch(`${server.url}?query=${encodeURIComponent('mutation { signOut { signedOut } }')}`);
    expect(link.status).toBe(405);
  });
});

describe('session cookie', () => {
  it('is Secure when the request came over HTTPS through a trusted proxy', async () => {
    const browser = proxied.browser();
    const email = testEmail();
    await signUpIn(server.browser(), { email });
    const response = await browser.query<{ signIn: PayloadData }>(SIGN_IN, { input: { email, password: GOOD_PASSWORD } }, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/i);
    // Without a trusted proxy the header is ignored.
    const direct = await server.query<{ signIn: PayloadData }>(SIGN_IN, { input: { email, password: GOOD_PASSWORD } }, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(direct.headers.getSetCookie()[0]).not.toMatch(/; Secure/i);
  });

  it('is Secure behind a proxy trusted by hop count (TRUST_PROXY=1), whatever the case of the scheme, when signing in, renewing and signing out', async () => {
    const oneHop = await startTestServer(database.db, undefined, { env: { TRUST_PROXY: '1' } });
    try {
      const email = testEmail();
      await signUpIn(server.browser(), { email });
      for (const proto of ['https', 'HTTPS', 'https, http']) {
        const browser = oneHop.browser();
        const headers = { 'x-forwarded-proto': proto };
        const signedInResponse = await browser.query<{ signIn: PayloadData }>(SIGN_IN, { input: { email, password: GOOD_PASSWORD } }, { headers });
        expect(signedInResponse.headers.getSetCookie()[0], proto).toMatch(/; Secure/i);
        browser.csrfToken = signedInResponse.data!.signIn.viewer!.csrfToken;
        await database.db.query(
          `UPDATE account_session SET last_seen_at = now() - interval '2 hours' WHERE account_id = (SELECT id FROM account WHERE email = $1)`,
          [email],
        );
        expect((await browser.query(VIEWER, {}, { headers })).headers.getSetCookie()[0], `${proto} renewed`).toMatch(/; Secure/i);
        expect((await browser.query(SIGN_OUT, {}, { headers })).headers.getSetCookie()[0], `${proto} signed out`).toMatch(/; Secure/i);
      }
      const plain = await oneHop.query<{ signIn: PayloadData }>(SIGN_IN, { input: { email, password: GOOD_PASSWORD } }, { headers: { 'x-forwarded-proto': 'http' } });
      expect(plain.headers.getSetCookie()[0]).not.toMatch(/; Secure/i);
    } finally {
      await oneHop.close();
    }
  });

  it('slides: a session seen more than an hour ago is renewed for 30 days and the cookie sent again', async () => {
    const browser = server.browser();
    const viewer = await signUpIn(browser);
    const quiet = await browser.query(VIEWER);
    expect(quiet.headers.getSetCookie()).toEqual([]);

    await database.db.query(
      `UPDATE account_session SET last_seen_at = now() - interval '2 days', expires_at = now() + interval '28 days'
       WHERE account_id = (SELECT id FROM account WHERE email = $1)`,
      [viewer.account.email],
    );
    const renewed = await browser.query(VIEWER);
    expect(renewed.headers.getSetCookie()[0]).toMatch(/^ai_session=.*Max-Age=259\d{4}/i);
    const [session] = await database.db.query(
      `SELECT expires_at > now() + interval '29 days' AS renewed FROM account_session s JOIN account a ON a.id = s.account_id WHERE a.email = $1`,
      [viewer.account.email],
    );
    expect(session.renewed).toBe(true);
  });

  it('ends at expiry: an expired session gives no viewer and its cookie is removed', async () => {
    const browser = server.browser();
    const viewer = await signUpIn(browser);
    await database.db.query(
      `UPDATE account_session SET expires_at = now() - interval '1 second' WHERE account_id = (SELECT id FROM account WHERE email = $1)`,
      [viewer.account.email],
    );
    const response = await browser.query<{ viewer: ViewerData | null }>(VIEWER);
    expect(response.data!.viewer).toBeNull();
    expect(browser.cookies.has('ai_session')).toBe(false);
  });
});

describe('sign-in throttling', () => {
  const failAt = (target: TestServer, email: string, ip?: string) =>
    target.query<{ signIn: PayloadData }>(SIGN_IN, { input: { email, password: 'mauvais mot de passe' } }, {
      headers: ip ? { 'x-forwarded-for': ip } : {},
    });

  it('refuses an address for 15 minutes after 5 failures from an IP, even with the right password', async () => {
    const email = testEmail();
    await signUpIn(server.browser(), { email });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await failAt(server, email)).data!.signIn.userErrors).toMatchObject([{ code: 'INVALID_CREDENTIALS' }]);
    }
    const blocked = await signInAs(server.browser(), email);
    expect(blocked.data).toBeNull();
    expect(blocked.errors).toMatchObject([
      { message: expect.stringMatching(/^Trop de tentatives\. Réessayez dans 1[45] minutes\.$/), extensions: { code: 'TOO_MANY_ATTEMPTS' } },
    ]);
    const retryAfter = blocked.errors![0].extensions!.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // A spoofed X-Forwarded-For changes nothing when no proxy is trusted.
    expect((await failAt(server, email, '203.0.113.9')).errors).toMatchObject([{ extensions: { code: 'TOO_MANY_ATTEMPTS' } }]);
  });

  it('counts per address and IP: the same address from another IP still signs in, and a success forgives', async () => {
    const email = testEmail();
    await signUpIn(server.browser(), { email });
    for (let attempt = 1; attempt <= 5; attempt += 1) await failAt(proxied, email, '198.51.100.1');
    expect((await failAt(proxied, email, '198.51.100.1')).errors).toMatchObject([{ extensions: { code: 'TOO_MANY_ATTEMPTS' } }]);
    const other = await proxied.query<{ signIn: PayloadData }>(SIGN_IN, { input: { email, password: GOOD_PASSWORD } }, {
      headers: { 'x-forwarded-for': '198.51.100.2' },
    });
    expect(other.data!.signIn.userErrors).toEqual([]);

    for (let attempt = 1; attempt <= 4; attempt += 1) await failAt(proxied, email, '198.51.100.3');
    await proxied.query(SIGN_IN, { input: { email, password: GOOD_PASSWORD } }, { headers: { 'x-forwarded-for': '198.51.100.3' } });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await failAt(proxied, email, '198.51.100.3')).data!.signIn.userErrors).toMatchObject([{ code: 'INVALID_CREDENTIALS' }]);
    }
  });

  it('counts per IP: an IP trying many addresses is stopped for all of them, other IPs are not', async () => {
    const victim = testEmail();
    await signUpIn(server.browser(), { email: victim });
    for (let attempt = 1; attempt <= PER_IP_LIMIT; attempt += 1) {
      expect((await failAt(proxied, testEmail('inconnu'), '192.0.2.50')).data!.signIn.userErrors).toMatchObject([
        { code: 'INVALID_CREDENTIALS' },
      ]);
    }
    const fromAttacker = await proxied.query(SIGN_IN, { input: { email: victim, password: GOOD_PASSWORD } }, {
      headers: { 'x-forwarded-for': '192.0.2.50' },
    });
    expect(fromAttacker.errors).toMatchObject([{ extensions: { code: 'TOO_MANY_ATTEMPTS' } }]);
    const fromElsewhere = await proxied.query<{ signIn: PayloadData }>(SIGN_IN, { input: { email: victim, password: GOOD_PASSWORD } }, {
      headers: { 'x-forwarded-for': '192.0.2.51' },
    });
    expect(fromElsewhere.data!.signIn.userErrors).toEqual([]);
  });
});

describe('sign-in throttling with RATE_LIMIT_STORE=postgres', () => {
  it('is shared by every instance on the database: failures counted by one block the address on the other', async () => {
    const shared = { env: { RATE_LIMIT_STORE: 'postgres' }, throttleLimits: { signInPerEmailAndIp: { points: 3, durationSeconds: 900 } } };
    const [first, second] = [await startTestServer(database.db, undefined, shared), await startTestServer(database.db, undefined, shared)];
    try {
      const email = testEmail();
      await signUpIn(server.browser(), { email });
      const fail = (target: TestServer) => target.query<{ signIn: PayloadData }>(SIGN_IN, { input: { email, password: 'mauvais mot de passe' } });
      for (const target of [first, second, first]) expect((await fail(target)).data!.signIn.userErrors).toMatchObject([{ code: 'INVALID_CREDENTIALS' }]);
      expect((await signInAs(second.browser(), email)).errors).toMatchObject([{ extensions: { code: 'TOO_MANY_ATTEMPTS' } }]);
      // Counter keys are digests: no address is written in the table.
      const keys: { key: string }[] = await database.db.query(`SELECT key FROM rate_limit WHERE key LIKE 'throttle_%'`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.some(({ key }) => key.includes('@'))).toBe(false);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});

describe('sign-up throttling', () => {
  it('limits the accounts created from one IP', async () => {
    const signUpFrom = (ip: string) =>
      proxied.query<{ signUp: PayloadData }>(SIGN_UP, { input: { email: testEmail(), password: GOOD_PASSWORD, displayName: 'X' } }, {
        headers: { 'x-forwarded-for': ip },
      });
    expect((await signUpFrom('192.0.2.80')).data!.signUp.userErrors).toEqual([]);
    expect((await signUpFrom('192.0.2.80')).data!.signUp.userErrors).toEqual([]);
    expect((await signUpFrom('192.0.2.80')).errors).toMatchObject([{ extensions: { code: 'TOO_MANY_ATTEMPTS' } }]);
    expect((await signUpFrom('192.0.2.81')).data!.signUp.userErrors).toEqual([]);
  });
});
