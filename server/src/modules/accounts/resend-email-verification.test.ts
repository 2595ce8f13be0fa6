import { describe, expect, it } from 'vitest';
import { mailsTo, signUpIn, testEmail, tokenInMail } from '../../test-support/accounts.js';
import { useTestServer } from '../../test-support/test-server.js';

/** A new address-confirmation mail, asked from the account page. */

const app = useTestServer();

const RESEND = `mutation { resendEmailVerification { sent userErrors { field code message } } }`;
const VERIFY = `mutation Verify($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified userErrors { code } } }`;
type ResendData = { resendEmailVerification: { sent: boolean; userErrors: { field: string[] | null; code: string; message: string }[] } };

describe('resendEmailVerification', () => {
  it('sends a new link that confirms the address, then says the address is already confirmed', async () => {
    const email = testEmail();
    const browser = app.server.browser();
    await signUpIn(browser, { email });

    const response = await browser.query<ResendData>(RESEND);
    expect(response.data!.resendEmailVerification).toEqual({ sent: true, userErrors: [] });
    const [mail] = await mailsTo(app.database.db, email, 'email-verification');
    expect(mail.subject).toBe('Confirmez votre adresse électronique sur Achat inclusif');
    expect(mail.text).toContain('/compte/confirmer-adresse#jeton=');

    const verified = await app.server.query<{ verifyEmail: { verified: boolean } }>(VERIFY, { input: { token: tokenInMail(mail) } });
    expect(verified.data!.verifyEmail.verified).toBe(true);

    const again = await browser.query<ResendData>(RESEND);
    expect(again.data!.resendEmailVerification).toMatchObject({ sent: false, userErrors: [{ field: null, code: 'NOT_ALLOWED_NOW' }] });
    expect(await mailsTo(app.database.db, email, 'email-verification')).toHaveLength(1);
  });

  it('is refused to anonymous visitors', async () => {
    const response = await app.server.query<ResendData>(RESEND);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sends at most 3 mails an hour per account', async () => {
    const email = testEmail();
    const browser = app.server.browser();
    await signUpIn(browser, { email });
    for (let sent = 0; sent < 3; sent += 1) {
      expect((await browser.query<ResendData>(RESEND)).data!.resendEmailVerification.sent).toBe(true);
    }
    const refused = await browser.query<ResendData>(RESEND);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(await mailsTo(app.database.db, email, 'email-verification')).toHaveLength(3);
  });
});
