import { describe, expect, it } from 'vitest';
import {
  GOOD_PASSWORD, mailsTo, SIGN_IN, SIGN_OUT, SIGN_UP, signInAs, signUpIn, testEmail, tokenInMail, VIEWER, type PayloadData,
  type ViewerData,
} from '../../test-support/accounts.js';
import { useTestServer } from '../../test-support/test-server.js';

/** Sign-up, sign-in, the viewer, sign-out, password change and email confirmation over real HTTP. */

const app = useTestServer();

const CHANGE_PASSWORD = `mutation Change($input: ChangePasswordInput!) {
  changePassword(input: $input) { viewer { account { email } } userErrors { field code message } }
}`;
const VERIFY_EMAIL = `mutation Verify($input: VerifyEmailInput!) {
  verifyEmail(input: $input) { verified viewer { account { emailVerified } } userErrors { field code message } }
}`;

describe('signUp', () => {
  it('creates the account, signs it in with an httpOnly SameSite=Lax cookie, and the viewer returns it', async () => {
    const browser = app.server.browser();
    const email = testEmail('acheteuse');
    const response = await browser.query<{ signUp: PayloadData }>(SIGN_UP, {
      input: { email: `  ${email.toUpperCase()} `, password: GOOD_PASSWORD, displayName: '  Achats,   Ville de Metz ' },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.signUp.userErrors).toEqual([]);
    const viewer = response.data!.signUp.viewer!;
    expect(viewer.account).toMatchObject({ email, displayName: 'Achats, Ville de Metz', role: 'BUYER', emailVerified: false });
    expect(viewer.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^ai_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Secure/i);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(cookie)![1]);
    expect(maxAge).toBeGreaterThan(29 * 24 * 3600);
    expect(maxAge).toBeLessThanOrEqual(30 * 24 * 3600);

    const again = await browser.query<{ viewer: ViewerData }>(VIEWER);
    expect(again.data!.viewer).toEqual(viewer);
    // Anonymous: no viewer.
    expect((await app.server.query<{ viewer: ViewerData | null }>(VIEWER)).data!.viewer).toBeNull();

    // Only the token's digest is stored, and the password as argon2id.
    const token = browser.cookies.get('ai_session')!;
    const [session] = await app.database.db.query(`SELECT encode(id, 'hex') AS id FROM account_session`);
    expect(session.id).not.toContain(Buffer.from(token).toString('hex'));
    const [account] = await app.database.db.query(`SELECT password_hash FROM account WHERE email = $1`, [email]);
    expect(account.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('signs supplier staff up with the SUPPLIER_MEMBER role', async () => {
    const viewer = await signUpIn(app.server.browser(), { role: 'SUPPLIER_MEMBER' });
    expect(viewer.account.role).toBe('SUPPLIER_MEMBER');
  });

  it('sends a welcome mail whose link confirms the address, once', async () => {
    const browser = app.server.browser();
    const email = testEmail();
    await signUpIn(browser, { email });
    const [mail] = await mailsTo(app.database.db, email, 'welcome');
    expect(mail.subject).toContain('Bienvenue');
    expect(mail.text).toContain('http://localhost:4000/compte/confirmer-adresse#jeton=');
    const token = tokenInMail(mail);

    // Opened in another, anonymous browser: confirmed all the same.
    const verified = await app.server.query<{ verifyEmail: { verified: boolean; viewer: unknown; userErrors: unknown[] } }>(VERIFY_EMAIL, {
      input: { token },
    });
    expect(verified.data!.verifyEmail).toEqual({ verified: true, viewer: null, userErrors: [] });
    expect((await browser.query<{ viewer: ViewerData }>(VIEWER)).data!.viewer.account.emailVerified).toBe(true);

    const twice = await browser.query<{ verifyEmail: { verified: boolean; userErrors: { field: string[]; code: string }[] } }>(
      VERIFY_EMAIL,
      { input: { token } },
    );
    expect(twice.data!.verifyEmail.verified).toBe(false);
    expect(twice.data!.verifyEmail.userErrors).toMatchObject([{ field: ['token'], code: 'INVALID_TOKEN' }]);
  });

  it('refuses an address that already has an account, whatever its case, with a userError on email', async () => {
    const email = testEmail();
    await signUpIn(app.server.browser(), { email });
    const response = await app.server.query<{ signUp: PayloadData }>(SIGN_UP, {
      input: { email: ` ${email.toUpperCase()}`, password: 'une autre phrase de passe', displayName: 'Quelqu’un' },
    });
    expect(response.data!.signUp.viewer).toBeNull();
    expect(response.data!.signUp.userErrors).toEqual([
      { field: ['email'], code: 'TAKEN', message: expect.stringContaining('Un compte existe déjà') },
    ]);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses weak passwords, malformed addresses and blank names, field by field', async () => {
    const short = await app.server.query<{ signUp: PayloadData }>(SIGN_UP, {
      input: { email: testEmail(), password: 'court123', displayName: 'A' },
    });
    expect(short.data!.signUp.userErrors).toEqual([
      { field: ['password'], code: 'TOO_SHORT', message: expect.stringContaining('au moins 12 caractères') },
    ]);

    const email = testEmail();
    const sameAsEmail = await app.server.query<{ signUp: PayloadData }>(SIGN_UP, {
      input: { email, password: email.toUpperCase(), displayName: 'A' },
    });
    expect(sameAsEmail.data!.signUp.userErrors).toMatchObject([{ field: ['password'], code: 'WEAK_PASSWORD' }]);

    const several = await app.server.query<{ signUp: PayloadData }>(SIGN_UP, {
      input: { email: 'pas-une-adresse', password: GOOD_PASSWORD, displayName: '   ' },
    });
    expect(several.data!.signUp.userErrors).toMatchObject([
      { field: ['email'], code: 'INVALID' },
      { field: ['displayName'], code: 'BLANK' },
    ]);
    const [{ count }] = await app.database.db.query(`SELECT count(*)::int AS count FROM account WHERE email = $1`, [email]);
    expect(count).toBe(0);
  });
});

describe('signIn', () => {
  it('signs in with the right password (address in any case) and sets the cookie', async () => {
    const email = testEmail();
    await signUpIn(app.server.browser(), { email });
    const browser = app.server.browser();
    const response = await signInAs(browser, ` ${email.toUpperCase()} `);
    expect(response.data!.signIn.userErrors).toEqual([]);
    expect(response.data!.signIn.viewer!.account.email).toBe(email);
    expect(response.headers.getSetCookie()[0]).toMatch(/^ai_session=.*HttpOnly.*SameSite=Lax/i);
    expect((await browser.query<{ viewer: ViewerData }>(VIEWER)).data!.viewer.account.email).toBe(email);
  });

  it('answers a wrong password and an unknown address with the same userError, and no cookie', async () => {
    const email = testEmail();
    await signUpIn(app.server.browser(), { email });
    const wrong = await app.server.query<{ signIn: PayloadData }>(SIGN_IN, { input: { email, password: 'pas le bon mot de passe' } });
    const unknown = await app.server.query<{ signIn: PayloadData }>(SIGN_IN, { input: { email: testEmail(), password: GOOD_PASSWORD } });
    for (const response of [wrong, unknown]) {
      expect(response.data!.signIn).toEqual({
        viewer: null,
        userErrors: [{ field: null, code: 'INVALID_CREDENTIALS', message: 'Adresse électronique ou mot de passe incorrect.' }],
      });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it('ends the session the browser had before: a sign-in never keeps an old session', async () => {
    const browser = app.server.browser();
    const first = await signUpIn(browser);
    const oldCookie = browser.cookies.get('ai_session')!;
    const otherEmail = testEmail();
    await signUpIn(app.server.browser(), { email: otherEmail });
    await signInAs(browser, otherEmail);
    expect(browser.cookies.get('ai_session')).not.toBe(oldCookie);
    expect((await browser.query<{ viewer: ViewerData }>(VIEWER)).data!.viewer.account.email).toBe(otherEmail);
    const replay = await app.server.query<{ viewer: ViewerData | null }>(VIEWER, {}, { headers: { cookie: `ai_session=${oldCookie}` } });
    expect(replay.data!.viewer).toBeNull();
    expect(first.account.email).not.toBe(otherEmail);
  });
});

describe('signOut', () => {
  it('ends the session: the cookie is removed, and replaying it gives no viewer', async () => {
    const browser = app.server.browser();
    await signUpIn(browser);
    const cookie = browser.cookies.get('ai_session')!;
    const response = await browser.query<{ signOut: { signedOut: boolean } }>(SIGN_OUT);
    expect(response.data!.signOut.signedOut).toBe(true);
    expect(response.headers.getSetCookie()[0]).toMatch(/^ai_session=;.*Max-Age=0/i);
    expect(browser.cookies.has('ai_session')).toBe(false);

    const replay = await app.server.query<{ viewer: ViewerData | null }>(VIEWER, {}, { headers: { cookie: `ai_session=${cookie}` } });
    expect(replay.data!.viewer).toBeNull();
    // The stale cookie is removed from the browser that sent it.
    expect(replay.headers.getSetCookie()[0]).toMatch(/^ai_session=;.*Max-Age=0/i);
    expect((await app.server.query<{ signOut: { signedOut: boolean } }>(SIGN_OUT)).data!.signOut.signedOut).toBe(false);
  });
});

describe('changePassword', () => {
  it('needs a session', async () => {
    const response = await app.server.query(CHANGE_PASSWORD, { input: { currentPassword: GOOD_PASSWORD, newPassword: 'une toute nouvelle phrase' } });
    expect(response.errors).toMatchObject([{ extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('checks the current password, keeps this session and ends the others', async () => {
    const email = testEmail();
    const here = app.server.browser();
    await signUpIn(here, { email });
    const elsewhere = app.server.browser();
    await signInAs(elsewhere, email);

    const wrong = await here.query<{ changePassword: PayloadData }>(CHANGE_PASSWORD, {
      input: { currentPassword: 'pas le mot de passe actuel', newPassword: 'une toute nouvelle phrase' },
    });
    expect(wrong.data!.changePassword.userErrors).toMatchObject([{ field: ['currentPassword'], code: 'INVALID_CREDENTIALS' }]);
    const weak = await here.query<{ changePassword: PayloadData }>(CHANGE_PASSWORD, {
      input: { currentPassword: GOOD_PASSWORD, newPassword: 'court' },
    });
    expect(weak.data!.changePassword.userErrors).toMatchObject([{ field: ['newPassword'], code: 'TOO_SHORT' }]);

    const changed = await here.query<{ changePassword: PayloadData }>(CHANGE_PASSWORD, {
      input: { currentPassword: GOOD_PASSWORD, newPassword: 'une toute nouvelle phrase' },
    });
    expect(changed.data!.changePassword.userErrors).toEqual([]);
    expect((await here.query<{ viewer: ViewerData | null }>(VIEWER)).data!.viewer?.account.email).toBe(email);
    expect((await elsewhere.query<{ viewer: ViewerData | null }>(VIEWER)).data!.viewer).toBeNull();

    expect((await signInAs(app.server.browser(), email)).data!.signIn.userErrors).toMatchObject([{ code: 'INVALID_CREDENTIALS' }]);
    expect((await signInAs(app.server.browser(), email, 'une toute nouvelle phrase')).data!.signIn.userErrors).toEqual([]);
    expect(await mailsTo(app.database.db, email, 'password-changed')).toHaveLength(1);
  });
});
