import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppDatabase } from './app-access.js';
import { accessibilityProblems } from './axe.js';
import { useBrowser } from './browser.js';

/**
 * A supplier member types script and markup into every free-text field of the profile and
 * of an offering: the API refuses what is not plain data (a javascript: website, a phone
 * that is not one), keeps the rest as text, and every page shows it literally, inert.
 */
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const LEGAL_NAME = `Structure XSS e2e ${process.pid}`;
const PASSWORD = 'cheval agrafe pile correcte';

const globalId = (type: string, key: number) => Buffer.from(`${type}:${key}`).toString('base64url');

async function expectInert(page: Page): Promise<void> {
  await expect(page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).resolves.toBeUndefined();
  await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
  await expect(page.locator('script:text("window.__xss")').count()).resolves.toBe(0);
}

describe('stored script is never run', () => {
  const browser = useBrowser();
  const database = useAppDatabase();
  let supplierId: string;
  const email = `membre.xss.${process.pid}@exemple.fr`;

  beforeAll(async () => {
    // A structure of its own (a copy of a demo one's place), so that other test files see no change.
    const { rows } = await database.query<{ id: number }>(
      `INSERT INTO supplier (siret, legal_name, kind, commune_code, municipality_code, departement_code, region_code,
         service_area_kind, service_area_departement_codes, data_source)
       SELECT $1, $2, kind, commune_code, municipality_code, departement_code, region_code, 'DEPARTEMENTS',
         ARRAY[departement_code], 'SUPPLIER'
       FROM supplier WHERE published ORDER BY id LIMIT 1
       RETURNING id`,
      [`99${String(process.pid).padStart(12, '0').slice(-12)}`, LEGAL_NAME],
    );
    await database.query('SELECT refresh_supplier_search($1::int[])', [[rows[0].id]]);
    supplierId = globalId('Supplier', rows[0].id);
  });

  it('keeps script in profile and offering fields as text on every page', async () => {
    const { page, problems } = await browser.open('/connexion');
    // Signs a supplier member up (the session cookie lands in this browser), then links the account to the structure.
    const signedUp = await page.evaluate(
      async ([address, password]) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { viewer { csrfToken } userErrors { message } } }',
            variables: { input: { email: address, password, displayName: 'Membre XSS', role: 'SUPPLIER_MEMBER' } },
          }),
        });
        return (await response.json()) as { data?: { signUp: { viewer: unknown } } };
      },
      [email, PASSWORD],
    );
    expect(signedUp.data?.signUp.viewer).toBeTruthy();
    await database.query(`INSERT INTO supplier_membership (account_id, supplier_id, role) SELECT id, $2, 'OWNER' FROM account WHERE email = $1`, [
      email,
      Number(Buffer.from(supplierId, 'base64url').toString().split(':')[1]),
    ]);

    await page.goto(`/mon-espace/structures/${supplierId}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: LEGAL_NAME }).waitFor();

    // Refused: a javascript: website and a "phone" that is script; the rest is kept as typed.
    await page.getByLabel(/^Présentation/).fill(`${IMG}\n${SCRIPT}\njavascript:alert(1)`);
    await page.getByLabel(/^Nom commercial/).fill(SCRIPT);
    await page.getByLabel(/^Téléphone/).fill(SCRIPT);
    await page.getByLabel(/^Site web/).fill('javascript:alert(1)');
    await page.getByLabel(/^Réseaux et labels/).fill(`${IMG}, ${SCRIPT}`);
    await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await page.locator('#profil-phone-erreur').waitFor();
    await expect(page.locator('#profil-website-erreur').textContent()).resolves.toContain('http:// ou https://');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('profil-phone');

    await page.getByLabel(/^Téléphone/).fill('03 87 12 34 56');
    await page.getByLabel(/^Site web/).fill('https://exemple.fr');
    await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SCRIPT);
    await expectInert(page);

    // An offering with script in its title and description, published.
    await page.getByRole('link', { name: 'Créer une offre' }).click();
    await page.waitForURL('**/offres/nouvelle');
    await page.getByLabel(/^Titre/).fill(IMG);
    await page.getByLabel(/^Description/).fill(`${SCRIPT} javascript:alert(1)`);
    await page.getByLabel('Catégorie').selectOption({ index: 1 });
    await page.getByLabel('Prix (ou prix minimum)').fill('12,50');
    await page.getByLabel('Le prix s’entend').selectOption('HOUR');
    await expect(page.getByTestId('offering-preview').getByRole('heading', { level: 3 }).textContent()).resolves.toBe(IMG);
    await expectInert(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await page.waitForURL(/\/offres\/(?!nouvelle)[^/]+$/);
    await page.getByText('Offre créée en brouillon').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Modifier l’offre « ${IMG} »`);
    await page.getByRole('link', { name: 'Retour à la structure' }).click();
    await page.getByRole('button', { name: `Publier « ${IMG} »` }).click();
    await page.getByText(`Offre « ${IMG} » publiée.`).waitFor();
    await expect(page.getByTestId('change-history').textContent()).resolves.toContain(SCRIPT);
    await expectInert(page);
    expect(await accessibilityProblems(page)).toEqual([]);

    // The structure in the member's list.
    await page.goto('/mon-espace', { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: SCRIPT, exact: true }).waitFor();
    await expectInert(page);

    // The public page.
    await page.goto(`/structures/${supplierId}`, { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SCRIPT);
    await expect(page.getByTestId('offering').getByRole('heading').textContent()).resolves.toBe(IMG);
    await expect(page.locator('.supplier-description').first().textContent()).resolves.toContain(IMG);
    await page.getByText(`${IMG}, ${SCRIPT}`).waitFor();
    await expectInert(page);

    // The search results.
    await page.goto(`/?q=${encodeURIComponent(LEGAL_NAME)}`, { waitUntil: 'networkidle' });
    await page.getByText(SCRIPT, { exact: true }).first().waitFor();
    await expectInert(page);

    expect(await problems()).toEqual([]);
  });
});
