import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../core/config/config.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { composeMail } from './mail-templates.js';
import { createMailer } from './mailer.js';
import { OutboxMailer } from './outbox-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

describe('mail templates', () => {
  it('give a French subject, a text with the raw link, and an escaped HTML version', () => {
    const url = 'https://exemple.fr/compte/nouveau-mot-de-passe#jeton=abc&x="<b>';
    const mail = composeMail('password-reset', 'marie@exemple.fr', { resetUrl: url, validForMinutes: 60 });
    expect(mail).toMatchObject({ to: 'marie@exemple.fr', template: 'password-reset', subject: 'Réinitialisation de votre mot de passe Achat inclusif' });
    expect(mail.text).toContain(`\n\n${url}\n\n`);
    expect(mail.text).toContain("L'équipe Achat inclusif");
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain('href="https://exemple.fr/compte/nouveau-mot-de-passe#jeton=abc&#38;x=&#34;&#60;b&#62;"');
    expect(mail.html).not.toContain('<b>');
  });

  it('exist for the welcome and password-changed messages', () => {
    expect(composeMail('welcome', 'a@exemple.fr', { verifyUrl: 'https://x/v', validForDays: 7 }).text).toContain('valable 7 jours');
    expect(composeMail('password-changed', 'a@exemple.fr', { forgotPasswordUrl: 'https://x/f' }).subject).toContain('modifié');
  });
});

describe('mailers', () => {
  it('keep messages in the outbox table without SMTP_URL', async () => {
    const mailer = createMailer(loadConfig({}), database.db);
    expect(mailer).toBeInstanceOf(OutboxMailer);
    await mailer.send(composeMail('welcome', 'outbox@exemple.fr', { verifyUrl: 'https://x/v', validForDays: 7 }));
    const rows = await database.db.query(`SELECT recipient, template, subject, html IS NOT NULL AS html, sent_at FROM mail_outbox WHERE recipient = 'outbox@exemple.fr'`);
    expect(rows).toEqual([{ recipient: 'outbox@exemple.fr', template: 'welcome', subject: expect.stringContaining('Bienvenue'), html: true, sent_at: null }]);
  });

  it('go through SMTP with SMTP_URL (MAIL_FROM required)', () => {
    const mailer = createMailer(loadConfig({ SMTP_URL: 'smtp://user:secret@mail.exemple.fr:587', MAIL_FROM: 'Achat inclusif <ne-pas-repondre@exemple.fr>' }), database.db);
    expect(mailer).toBeInstanceOf(SmtpMailer);
    expect(mailer.description).toBe('SMTP through mail.exemple.fr:587');
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.exemple.fr' })).toThrow(/MAIL_FROM is required/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.exemple.fr', MAIL_FROM: 'x@y.fr' })).toThrow(/smtp or smtps/);
  });

  it('deliver SMTP mail after send() resolves, and log failures instead of throwing', async () => {
    const sent: unknown[] = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const mailer = new SmtpMailer(transport, 'Achat inclusif <ne-pas-repondre@exemple.fr>');
    const sendMail = vi.spyOn(transport, 'sendMail').mockImplementation(async (message) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      sent.push(message);
      return {} as never;
    });
    await mailer.send(composeMail('welcome', 'smtp@exemple.fr', { verifyUrl: 'https://x/v', validForDays: 7 }));
    expect(sent).toEqual([]);
    await mailer.close();
    expect(sent).toMatchObject([{ from: 'Achat inclusif <ne-pas-repondre@exemple.fr>', to: 'smtp@exemple.fr', subject: expect.stringContaining('Bienvenue') }]);

    const logged: string[] = [];
    const failing = nodemailer.createTransport({ jsonTransport: true });
    vi.spyOn(failing, 'sendMail').mockRejectedValue(new Error('connection refused'));
    const flaky = new SmtpMailer(failing, 'x@exemple.fr', 'SMTP', (message) => logged.push(message));
    await expect(flaky.send(composeMail('password-changed', 'b@exemple.fr', { forgotPasswordUrl: 'https://x/f' }))).resolves.toBeUndefined();
    await flaky.close();
    expect(logged).toEqual(['[mail] Could not send "password-changed" to b@exemple.fr:']);
    sendMail.mockRestore();
  });
});

describe('GET /dev/outbox', () => {
  let withView: TestServer;
  let withoutView: TestServer;

  beforeAll(async () => {
    withView = await startTestServer(database.db, undefined, { env: { MAIL_OUTBOX_VIEW: '1' } });
    withoutView = await startTestServer(database.db);
  });

  afterAll(async () => {
    await Promise.all([withView.close(), withoutView.close()]);
  });

  it('lists the stored mail, newest first, escaped, links clickable, only with MAIL_OUTBOX_VIEW=1', async () => {
    await new OutboxMailer(database.db).send({
      to: 'vue@exemple.fr',
      template: 'welcome',
      subject: 'Sujet <script>alert(1)</script>',
      text: 'Ouvrez https://exemple.fr/compte/confirmer-adresse#jeton=abc pour confirmer.',
      html: null,
    });
    const origin = new URL(withView.url).origin;
    const response = await fetch(`${origin}/dev/outbox`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain("Boîte d'envoi (développement)");
    expect(page).toContain('vue@exemple.fr');
    expect(page).toContain('Sujet &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<a href="https://exemple.fr/compte/confirmer-adresse#jeton=abc">');

    const hidden = await fetch(`${new URL(withoutView.url).origin}/dev/outbox`);
    expect(await hidden.text()).not.toContain('vue@exemple.fr');
  });
});
