import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppDatabase } from './app-access.js';
import { accessibilityProblems } from './axe.js';
import { submitSignIn, useBrowser } from './browser.js';

/**
 * The account pages in a real browser against the built server: sign-up, address
 * confirmation and password reset through the links of the mails the server kept in its
 * mail_outbox table, and the sign-in guard of the pages of Mon espace.
 */
const RUN = `${process.pid}.${Date.now()}`;
const FIRST_PASSWORD = 'cheval agrafe pile correcte';
const NEW_PASSWORD = 'un autre cheval sur la pile';

describe('account pages', () => {
  const browser = useBrowser();
  const database = useAppDatabase();

  /** The path and fragment of the link in the latest mail of this template to this address. */
  async function linkInLatestMail(email: string, template: string, pagePath: string): Promise<string> {
    const { rows } = await database.query<{ text: string }>(`SELECT text FROM mail_outbox WHERE recipient = $1 AND template = $2 ORDER BY id DESC LIMIT 1`, [
      email,
      template,
    ]);
    if (!rows[0]) throw new Error(`No ${template} mail to ${email}`);
    const match = new RegExp(`${pagePath}#jeton=[A-Za-z0-9_-]+`).exec(rows[0].text);
    if (!match) throw new Error(`No ${pagePath} link in: ${rows[0].text}`);
    return match[0];
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await accessibilityProblems(page)).toEqual([]);
  }

  it('signs up, confirms the address, resets the password from the mails, and signs in with the new one', async () => {
    const email = `compte.e2e.${RUN}@exemple.fr`;
    // Opening a mail link, like signing out then going on, leaves a page whose requests are cancelled.
    const { page, problems } = await browser.open('/connexion?retour=/mon-espace/compte', { ignore: [/POST \S+\/graphql \(net::ERR_ABORTED\)/] });
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Créer un compte' }).click();
    await page.waitForURL('**/compte/inscription?retour=**');
    await page.getByRole('heading', { name: 'Créer un compte' }).waitFor();
    await expectAccessible(page);

    // A server userError is shown next to its field.
    await page.getByLabel(/Adresse électronique/).fill(email);
    await page.getByLabel(/Nom affiché/).fill('Service achats e2e');
    await page.getByLabel('Mot de passe', { exact: true }).fill('trop court');
    // DSFR draws the radio over its label: click the label, as a person does.
    await page.locator('label[for="inscription-role-SUPPLIER_MEMBER"]').click();
    await expect(page.getByLabel(/Salarié d’une structure inclusive/).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText(/Le mot de passe doit contenir au moins 12 caractères/).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('inscription-mot-de-passe');
    await expectAccessible(page);

    await page.getByLabel('Mot de passe', { exact: true }).fill(FIRST_PASSWORD);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL('**/mon-espace/compte');
    await page.getByText('Adresse non confirmée').waitFor();
    await expect(page.getByTestId('account-summary').textContent()).resolves.toContain('Salarié d’une structure inclusive');
    await expectAccessible(page);

    // A new confirmation link, asked from the account page.
    await page.getByRole('button', { name: 'Recevoir un nouveau lien de confirmation' }).click();
    await page.getByText('Un nouveau lien de confirmation vient de vous être envoyé').waitFor();
    await page.goto(await linkInLatestMail(email, 'email-verification', '/compte/confirmer-adresse'));
    await page.getByText('votre adresse électronique est confirmée').waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Voir mon compte' }).click();
    await page.getByText('Adresse confirmée', { exact: true }).waitFor();

    await page.getByRole('button', { name: `Se déconnecter (${email})` }).click();
    await page.getByTestId('sign-in-link').waitFor();

    await page.goto('/connexion');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.waitForURL('**/compte/mot-de-passe-oublie');
    await page.getByLabel(/Adresse électronique/).fill(email);
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await page.getByText('Si un compte existe avec cette adresse').waitFor();
    await expectAccessible(page);

    await page.goto(await linkInLatestMail(email, 'password-reset', '/compte/nouveau-mot-de-passe'));
    await page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
    await page.getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByText('Votre nouveau mot de passe est enregistré et vous êtes connecté.').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: `Se déconnecter (${email})` }).click();
    await page.getByTestId('sign-in-link').waitFor();

    await page.goto('/connexion');
    await submitSignIn(page, email, FIRST_PASSWORD);
    await page.getByText('Adresse électronique ou mot de passe incorrect.').waitFor();
    await submitSignIn(page, email, NEW_PASSWORD);
    await page.getByRole('button', { name: `Se déconnecter (${email})` }).waitFor();

    expect(await problems()).toEqual([]);
  });

  it('sends an anonymous visitor of Mon compte to sign in, then back to the page', async () => {
    const email = `retour.e2e.${RUN}@exemple.fr`;
    const signingUp = await browser.open('/compte/inscription');
    await signingUp.page.getByLabel(/Adresse électronique/).fill(email);
    await signingUp.page.getByLabel(/Nom affiché/).fill('Acheteur e2e');
    await signingUp.page.getByLabel('Mot de passe', { exact: true }).fill(FIRST_PASSWORD);
    await signingUp.page.getByRole('button', { name: 'Créer mon compte' }).click();
    await signingUp.page.waitForURL('**/mon-espace');

    const { page, problems } = await browser.open('/mon-espace/compte');
    await page.waitForURL('**/connexion?retour=**');
    expect(new URL(page.url()).searchParams.get('retour')).toBe('/mon-espace/compte');
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
    await submitSignIn(page, email, FIRST_PASSWORD);
    await page.waitForURL('**/mon-espace/compte');
    await expect(page.getByTestId('account-summary').textContent()).resolves.toContain('Acheteur public');
    await expectAccessible(page);
    expect(await problems()).toEqual([]);
  });
});
