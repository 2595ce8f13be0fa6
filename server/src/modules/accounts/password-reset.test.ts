import { describe, expect, it } from 'vitest';
import {
  mailsTo, signInAs, signUpIn, testEmail, tokenInMail, VIEWER, type PayloadData, type ViewerData,
} from '../../test-support/accounts.js';
import { useTestServer } from '../../test-support/test-server.js';

/** Password reset end to end, through the mail kept in the outbox table. */

const app = useTestServer({ env: { PUBLIC_URL: 'https://achat-inclusif.example.fr/' } });

const REQUEST = `mutation Request($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { userErrors { field code message } } }`;
const RESET = `mutation Reset($input: ResetPasswordInput!) {
  resetPassword(input: $input) { viewer { csrfToken account { email emailVerified } } userErrors { field code message } }
}`;
const NEW_PASSWORD = 'un nouveau mot de passe bien long';

type RequestData = { requestPasswordReset: { userErrors: unknown[] } };

async function requestReset(email: string): Promise<string> {
  const response = await app.server.query<RequestData>(REQUEST, { input: { email } });
  expect(response.data!.requestPasswordReset.userErrors).toEqual([]);
  const mails = await mailsTo(app.database.db, email.trim().toLowerCase(), 'password-reset');
  return tokenInMail(mails[mails.length - 1]);
}

describe('password reset', () => {
  it('answers the same for an unknown address, and sends a mail only when the account exists', async () => {
    const known = testEmail();
    await signUpIn(app.server.browser(), { email: known });
    const unknown = testEmail('personne');
    const forUnknown = await app.server.query<RequestData>(REQUEST, { input: { email: unknown } });
    const forKnown = await app.server.query<RequestData>(REQUEST, { input: { email: ` ${known.toUpperCase()} ` } });
    expect(forUnknown.data).toEqual(forKnown.data);
    expect(forUnknown.data).toEqual({ requestPasswordReset: { userErrors: [] } });
    expect(await mailsTo(app.database.db, unknown)).toEqual([]);

    const [mail] = await mailsTo(app.database.db, known, 'password-reset');
    expect(mail.subject).toBe('Réinitialisation de votre mot de passe Achat inclusif');
    expect(mail.text).toContain('https://achat-inclusif.example.fr/compte/nouveau-mot-de-passe#jeton=');
    expect(mail.text).toContain('valable 60 minutes');
    expect(mail.html).toContain('<a href="https://achat-inclusif.example.fr/compte/nouveau-mot-de-passe#jeton=');
    // Only the digest of the token is stored.
    const [stored] = await app.database.db.query(
      `SELECT count(*) FILTER (WHERE id = sha256(convert_to($1, 'UTF8')))::int AS digests,
              count(*) FILTER (WHERE id = convert_to($1, 'UTF8'))::int AS clear
       FROM account_token`,
      [tokenInMail(mail)],
    );
    expect(stored).toEqual({ digests: 1, clear: 0 });
  });

  it('reports a malformed address, and nothing else', async () => {
    const response = await app.server.query<{ requestPasswordReset: { userErrors: unknown[] } }>(REQUEST, { input: { email: 'pas une adresse' } });
    expect(response.data!.requestPasswordReset.userErrors).toMatchObject([{ field: ['email'], code: 'INVALID' }]);
  });

  it('sets the new password, ends every other session, signs this browser in, and the link works once', async () => {
    const email = testEmail();
    const first = app.server.browser();
    await signUpIn(first, { email });
    const second = app.server.browser();
    await signInAs(second, email);

    const token = await requestReset(email);
    const resetting = app.server.browser();
    const response = await resetting.query<{ resetPassword: PayloadData }>(RESET, { input: { token, newPassword: NEW_PASSWORD } });
    expect(response.data!.resetPassword.userErrors).toEqual([]);
    // The person read a mail sent to the address: it is confirmed on the way.
    expect(response.data!.resetPassword.viewer!.account).toEqual({ email, emailVerified: true });
    expect(response.headers.getSetCookie()[0]).toMatch(/^ai_session=.*HttpOnly/i);
    expect((await resetting.query<{ viewer: ViewerData | null }>(VIEWER)).data!.viewer?.account.email).toBe(email);

    for (const old of [first, second]) expect((await old.query<{ viewer: ViewerData | null }>(VIEWER)).data!.viewer).toBeNull();
    expect((await signInAs(app.server.browser(), email)).data!.signIn.userErrors).toMatchObject([{ code: 'INVALID_CREDENTIALS' }]);
    expect((await signInAs(app.server.browser(), email, NEW_PASSWORD)).data!.signIn.userErrors).toEqual([]);
    expect(await mailsTo(app.database.db, email, 'password-changed')).toHaveLength(1);

    const again = await app.server.query<{ resetPassword: PayloadData }>(RESET, { input: { token, newPassword: 'encore un autre mot de passe' } });
    expect(again.data!.resetPassword).toEqual({
      viewer: null,
      userErrors: [{ field: ['token'], code: 'INVALID_TOKEN', message: expect.stringContaining("n'est plus valide") }],
    });
  });

  it('uses up the other links of the account with the one used', async () => {
    const email = testEmail();
    await signUpIn(app.server.browser(), { email });
    const older = await requestReset(email);
    const newer = await requestReset(email);
    expect(older).not.toBe(newer);
    expect((await app.server.query<{ resetPassword: PayloadData }>(RESET, { input: { token: newer, newPassword: NEW_PASSWORD } })).data!
      .resetPassword.userErrors).toEqual([]);
    expect((await app.server.query<{ resetPassword: PayloadData }>(RESET, { input: { token: older, newPassword: NEW_PASSWORD } })).data!
      .resetPassword.userErrors).toMatchObject([{ code: 'INVALID_TOKEN' }]);
  });

  it('refuses an expired link (after one hour)', async () => {
    const email = testEmail();
    await signUpIn(app.server.browser(), { email });
    const token = await requestReset(email);
    await app.database.db.query(
      `UPDATE account_token SET expires_at = now() - interval '1 second'
       WHERE purpose = 'PASSWORD_RESET' AND account_id = (SELECT id FROM account WHERE email = $1)`,
      [email],
    );
    const response = await app.server.query<{ resetPassword: PayloadData }>(RESET, { input: { token, newPassword: NEW_PASSWORD } });
    expect(response.data!.resetPassword.userErrors).toMatchObject([{ field: ['token'], code: 'INVALID_TOKEN' }]);
    expect((await signInAs(app.server.browser(), email)).data!.signIn.userErrors).toEqual([]);
  });

  it('refuses a weak new password without using the link up', async () => {
    const email = testEmail();
    await signUpIn(app.server.browser(), { email });
    const token = await requestReset(email);
    const weak = await app.server.query<{ resetPassword: PayloadData }>(RESET, { input: { token, newPassword: email } });
    expect(weak.data!.resetPassword.userErrors).toMatchObject([{ field: ['newPassword'], code: 'WEAK_PASSWORD' }]);
    const good = await app.server.query<{ resetPassword: PayloadData }>(RESET, { input: { token, newPassword: NEW_PASSWORD } });
    expect(good.data!.resetPassword.userErrors).toEqual([]);
  });

  it('refuses an unknown token', async () => {
    const response = await app.server.query<{ resetPassword: PayloadData }>(RESET, {
      input: { token: 'A'.repeat(43), newPassword: NEW_PASSWORD },
    });
    expect(response.data!.resetPassword.userErrors).toMatchObject([{ field: ['token'], code: 'INVALID_TOKEN' }]);
  });

  it('throttles requests for one address (each sends a mail): 3 an hour', async () => {
    const email = testEmail();
    await signUpIn(app.server.browser(), { email });
    for (let request = 1; request <= 3; request += 1) await requestReset(email);
    const fourth = await app.server.query(REQUEST, { input: { email } });
    expect(fourth.errors).toMatchObject([{ extensions: { code: 'TOO_MANY_ATTEMPTS' } }]);
    expect(await mailsTo(app.database.db, email, 'password-reset')).toHaveLength(3);
  });
});
