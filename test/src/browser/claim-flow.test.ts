import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAdmin, useAppDatabase } from './app-access.js';
import { accessibilityProblems } from './axe.js';
import { appOrigin, submitSignIn, useBrowser } from './browser.js';

/**
 * Claiming a structure end to end against the built server: by a code mailed to the
 * structure (read from the mail_outbox table), and by an admin's review in the moderation
 * queue, with a claim message carrying markup that must stay inert.
 */
const RUN = `${process.pid}.${Date.now()}`;
const PASSWORD = 'cheval agrafe pile correcte';
const XSS_MESSAGE = 'Je suis la directrice <img src=x onerror="window.__xss=1">';

interface DemoSupplier {
  id: number;
  siret: string;
  name: string;
  email: string | null;
}

describe('claiming a structure', () => {
  const browser = useBrowser();
  const database = useAppDatabase();

  /** A published demo structure nobody claimed yet, with or without an address on record. */
  async function unclaimedSupplier(withEmail: boolean): Promise<DemoSupplier> {
    const { rows } = await database.query<DemoSupplier>(
      `SELECT s.id, s.siret, coalesce(s.brand_name, s.legal_name) AS name, s.email FROM supplier s
       WHERE s.published AND s.data_source = 'DEMO' AND (s.email IS NOT NULL) = $1
         AND NOT EXISTS (SELECT 1 FROM supplier_claim c WHERE c.supplier_id = s.id)
         AND NOT EXISTS (SELECT 1 FROM supplier_membership m WHERE m.supplier_id = s.id)
       ORDER BY s.id LIMIT 1`,
      [withEmail],
    );
    if (!rows[0]) throw new Error('No unclaimed demo supplier');
    return rows[0];
  }

  /** A supplier staff account, created through the public API as the sign-up page does. */
  async function supplierStaff(label: string): Promise<string> {
    const email = `${label}.${RUN}@exemple.fr`;
    const response = await fetch(`${appOrigin()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: SignUpInput!) { signUp(input: $input) { userErrors { message } } }',
        variables: { input: { email, password: PASSWORD, displayName: 'Camille Martin', role: 'SUPPLIER_MEMBER' } },
      }),
    });
    const body = (await response.json()) as { data?: { signUp: { userErrors: unknown[] } } };
    expect(body.data?.signUp.userErrors).toEqual([]);
    return email;
  }

  /** Signs in on the sign-in page, which brings the person back to where they were going. */
  async function signIn(page: Page, email: string, returnTo: string): Promise<void> {
    await page.waitForURL('**/connexion?retour=**');
    await submitSignIn(page, email, PASSWORD);
    await page.waitForURL(`**${returnTo}`);
  }

  async function latestCodeSentTo(email: string): Promise<string> {
    const { rows } = await database.query<{ text: string }>(
      `SELECT text FROM mail_outbox WHERE recipient = $1 AND template = 'claim-code' ORDER BY id DESC LIMIT 1`,
      [email],
    );
    const code = /^(\d{6})$/m.exec(rows[0]?.text ?? '')?.[1];
    if (!code) throw new Error(`No code mailed to ${email}`);
    return code;
  }

  async function findAndChoose(page: Page, supplier: DemoSupplier): Promise<void> {
    await page.getByLabel(/SIRET ou nom de la structure/).fill(supplier.siret);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('button', { name: `Choisir ${supplier.name}` }).click();
    await page.getByRole('heading', { name: `2. Prouver que vous travaillez pour ${supplier.name}` }).waitFor();
  }

  it('by a code mailed to the structure: the staff member then sees it in Mon espace', async () => {
    const supplier = await unclaimedSupplier(true);
    const email = await supplierStaff('code');
    const { page, problems } = await browser.open('/mon-espace/revendiquer');
    await signIn(page, email, '/mon-espace/revendiquer');

    await findAndChoose(page, supplier);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Recevoir le code' }).click();
    await page.getByRole('heading', { name: '3. Saisir le code' }).waitFor();
    const masked = `${supplier.email![0]}•••${supplier.email!.slice(supplier.email!.indexOf('@'))}`;
    await expect(page.getByTestId('code-sent-to').textContent()).resolves.toContain(masked);

    await page.getByLabel(/Code reçu/).fill(await latestCodeSentTo(supplier.email!));
    await page.getByRole('button', { name: 'Valider le code' }).click();
    await page.getByText(`Vous gérez désormais la fiche de ${supplier.name}.`).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.goto(`${appOrigin()}/mon-espace`);
    const structures = page.getByTestId('workspace-structures');
    await structures.getByRole('link', { name: supplier.name, exact: true }).waitFor();
    await expect(structures.textContent()).resolves.toContain('Responsable');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await problems()).toEqual([]);
  });

  it('by an admin review: the message stays text, and the approval gives the membership', async () => {
    const supplier = await unclaimedSupplier(false);
    const email = await supplierStaff('revue');
    const claimant = await browser.open(`/structures/${Buffer.from(`Supplier:${supplier.id}`).toString('base64url')}`);
    await claimant.page.getByRole('link', { name: 'Vous travaillez dans cette structure ? Revendiquez-la' }).click();
    await signIn(claimant.page, email, '/mon-espace/revendiquer?structure=**');
    await claimant.page.getByRole('heading', { name: `2. Prouver que vous travaillez pour ${supplier.name}` }).waitFor();
    // DSFR draws its own radio: the label takes the click, as for a person.
    await claimant.page.locator('label[for="claim-method-review"]').click();
    await claimant.page.getByLabel(/Votre message à l’équipe/).fill(XSS_MESSAGE);
    await claimant.page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await claimant.page.getByRole('heading', { name: 'Demande envoyée' }).waitFor();
    expect(await claimant.problems()).toEqual([]);

    const adminEmail = `admin.moderation.${RUN}@exemple.fr`;
    await createAdmin(adminEmail, PASSWORD);
    const admin = await browser.open('/mon-espace');
    await signIn(admin.page, adminEmail, '/mon-espace');
    await admin.page.getByRole('link', { name: 'Demandes à modérer' }).click();
    await admin.page.waitForURL('**/admin/moderation');
    const card = admin.page.locator('article').filter({ hasText: supplier.name });
    await card.getByText(XSS_MESSAGE, { exact: true }).waitFor();
    await expect(card.locator('img').count()).resolves.toBe(0);
    await expect(admin.page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
    expect(await accessibilityProblems(admin.page)).toEqual([]);
    await card.getByRole('button', { name: `Accepter la demande pour ${supplier.name}` }).click();
    await admin.page.getByTestId('moderation-status').getByText(`Demande pour ${supplier.name} acceptée.`).waitFor();
    await expect(admin.page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
    expect(await admin.problems()).toEqual([]);

    await claimant.page.goto(`${appOrigin()}/mon-espace`);
    await claimant.page.getByTestId('workspace-structures').getByRole('link', { name: supplier.name, exact: true }).waitFor();
    await claimant.page.getByTestId('workspace-claims').getByText('Acceptée').waitFor();
    await expect(claimant.page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
    expect(await accessibilityProblems(claimant.page)).toEqual([]);
  });

  it('an OWNER invites a colleague, who accepts from the mailed link after signing in', async () => {
    const supplier = await unclaimedSupplier(true);
    const ownerEmail = await supplierStaff('responsable');
    await database.query(
      `INSERT INTO supplier_membership (account_id, supplier_id, role) SELECT id, $2, 'OWNER' FROM account WHERE email = $1`,
      [ownerEmail, supplier.id],
    );
    const membersPath = `/mon-espace/structures/${Buffer.from(`Supplier:${supplier.id}`).toString('base64url')}/membres`;
    const owner = await browser.open(membersPath);
    await signIn(owner.page, ownerEmail, membersPath);
    await owner.page.getByRole('table').getByText(ownerEmail).waitFor();
    expect(await accessibilityProblems(owner.page)).toEqual([]);
    const colleague = `collegue.${RUN}@exemple.fr`;
    await owner.page.getByLabel('Adresse électronique').fill(colleague);
    await owner.page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await owner.page.getByText(`Invitation envoyée à ${colleague}.`, { exact: true }).first().waitFor();
    expect(await accessibilityProblems(owner.page)).toEqual([]);
    expect(await owner.problems()).toEqual([]);

    await supplierStaff('collegue');
    const { rows } = await database.query<{ text: string }>(
      `SELECT text FROM mail_outbox WHERE recipient = $1 AND template = 'supplier-invitation' ORDER BY id DESC LIMIT 1`,
      [colleague],
    );
    const link = /\/mon-espace\/invitation#jeton=[A-Za-z0-9_-]+/.exec(rows[0]?.text ?? '')?.[0];
    if (!link) throw new Error(`No invitation link mailed to ${colleague}`);
    const invited = await browser.open(link);
    // The token leaves the address bar at once (it stays in this tab's sessionStorage).
    expect(new URL(invited.page.url()).hash).toBe('');
    await invited.page.getByRole('link', { name: 'connectez-vous' }).click();
    await signIn(invited.page, colleague, '/mon-espace/invitation');
    await invited.page.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await invited.page.getByText(`Vous faites désormais partie de ${supplier.name} (Membre).`).waitFor();
    expect(await accessibilityProblems(invited.page)).toEqual([]);
    expect(await invited.problems()).toEqual([]);
  });

  it('proposes a missing structure, with the server\'s field errors shown at their fields', async () => {
    const email = await supplierStaff('proposition');
    const { page, problems } = await browser.open('/mon-espace/proposer');
    await signIn(page, email, '/mon-espace/proposer');
    await page.getByLabel('SIRET').fill('123 456');
    await page.getByLabel('Raison sociale').fill('Ressourcerie des Essais');
    await page.getByLabel('Type de structure').selectOption('ACI');
    await page.getByRole('combobox', { name: /Commune/ }).fill('Metz');
    await page.getByRole('option', { name: /^Metz/ }).first().click();
    await page.getByRole('button', { name: 'Proposer la structure' }).click();
    const siret = page.getByLabel('SIRET');
    await expect.poll(() => siret.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Le SIRET compte 14 chiffres ; vous en avez saisi 6.').waitFor();
    await expect(siret.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    await siret.fill(validSiret(`77${String(Date.now()).slice(-6)}`, '0001'));
    await page.getByRole('button', { name: 'Proposer la structure' }).click();
    await page.getByRole('heading', { name: 'Proposition envoyée' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await problems()).toEqual([]);
  });
});

/** Luhn check digit of a digit string (SIREN and SIRET keys). */
function luhnDigit(digits: string): string {
  let sum = 0;
  [...digits].reverse().forEach((char, index) => {
    let digit = Number(char) * (index % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  });
  return String((10 - (sum % 10)) % 10);
}

/** A valid SIRET from 8 SIREN digits and 4 NIC digits. */
function validSiret(siren8: string, nic4: string): string {
  const first13 = siren8 + luhnDigit(siren8) + nic4;
  return first13 + luhnDigit(first13);
}
