import { describe, expect, it } from 'vitest';
import { createAdmin } from './app-access.js';
import { accessibilityProblems } from './axe.js';
import { appOrigin, submitSignIn, useBrowser } from './browser.js';

/**
 * A third party's developer creates an API key in "Mon espace", uses it from a program, sees
 * the call counted, and revokes it: the next call with the key is refused at once. An admin
 * sees every key with its holder, and cuts one off the same way.
 */
const PASSWORD = 'cheval agrafe pile correcte';

/** A new account, signed up through the API: its session cookie and CSRF token, for API calls of its own. */
async function signUp(email: string, displayName: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${appOrigin()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { viewer { csrfToken } userErrors { message } } }',
      variables: { input: { email, password: PASSWORD, displayName, role: 'BUYER' } },
    }),
  });
  const body = (await response.json()) as { data?: { signUp: { viewer: { csrfToken: string } | null } } };
  const viewer = body.data?.signUp.viewer;
  if (!viewer) throw new Error(`Sign-up failed: ${JSON.stringify(body)}`);
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0], csrfToken: viewer.csrfToken };
}

/** A program's call with the key: the status and what it says. */
async function callWithKey(key: string): Promise<{ status: number; code?: unknown; data?: unknown }> {
  const response = await fetch(`${appOrigin()}/graphql?query=${encodeURIComponent('{ categoryGroups { slug } }')}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code, data: body.data };
}

describe('API keys in Mon espace', () => {
  const browser = useBrowser();

  it('creates a key shown once, counts its calls, and revokes it at once', async () => {
    const email = `cle.api.${process.pid}@exemple.fr`;
    await signUp(email, 'Plateforme e2e');
    const { page, problems } = await browser.open('/connexion?retour=/mon-espace/cles-api');
    await submitSignIn(page, email, PASSWORD);
    await page.waitForURL('**/mon-espace/cles-api');
    await page.getByText('Vous n’avez encore aucune clé.').waitFor();

    // A blank name is refused in the form, and nothing is created.
    await page.getByRole('button', { name: 'Créer la clé' }).click();
    await page.locator('#cle-nom[aria-invalid="true"]').waitFor();
    await page.locator('#cle-nom-erreur').waitFor();
    await expect(page.getByText('Vous n’avez encore aucune clé.').count()).resolves.toBe(1);

    await page.getByLabel(/Nom de la clé/).fill('ERP Ville de Metz');
    await page.getByRole('button', { name: 'Créer la clé' }).click();
    const key = ((await page.getByTestId('new-key-value').textContent()) ?? '').trim();
    expect(key).toMatch(/^ai_[a-z0-9]{8}_/);
    const prefix = key.split('_').slice(0, 2).join('_');
    const row = page.getByTestId(`api-key-${prefix}`);
    await row.getByRole('cell', { name: 'ERP Ville de Metz', exact: true }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // The program's call is served and counted (the page reads the usage when it loads).
    const served = await callWithKey(key);
    expect(served.status).toBe(200);
    expect(served.data).toBeTruthy();
    await page.reload();
    await expect(row.locator('td').nth(4).textContent()).resolves.toBe('1');
    // Shown once: after a reload only the prefix remains.
    await expect(page.getByTestId('new-key-value').count()).resolves.toBe(0);
    await expect(page.getByText(key).count()).resolves.toBe(0);

    await row.getByRole('button', { name: 'Révoquer la clé ERP Ville de Metz' }).click();
    await row.getByRole('button', { name: 'Révoquer la clé', exact: true }).click();
    await row.getByText(/^Révoquée le/).waitFor();
    await expect(callWithKey(key)).resolves.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await problems()).toEqual([]);
  });

  it('lets an admin see every key with its holder and revoke one', async () => {
    // A key made through the API by another account (its session cookie, its CSRF token).
    const holder = `cle.tiers.${process.pid}@exemple.fr`;
    const { cookie, csrfToken } = await signUp(holder, 'Portail open data');
    const created = await fetch(`${appOrigin()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ query: 'mutation { createApiKey(input: { name: "Portail 57" }) { key } }' }),
    });
    const key = ((await created.json()) as { data: { createApiKey: { key: string } } }).data.createApiKey.key;
    expect((await callWithKey(key)).status).toBe(200);

    const admin = `admin.cles.${process.pid}@exemple.fr`;
    await createAdmin(admin, PASSWORD);
    const { page, problems } = await browser.open('/connexion?retour=/admin/cles-api');
    await submitSignIn(page, admin, PASSWORD);
    await page.waitForURL('**/admin/cles-api');
    const row = page.getByTestId(`api-key-${key.split('_').slice(0, 2).join('_')}`);
    await row.getByRole('cell', { name: 'Portail 57', exact: true }).waitFor();
    await row.getByText(holder).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    await row.getByRole('button', { name: 'Révoquer la clé Portail 57' }).click();
    await row.getByRole('button', { name: 'Révoquer la clé', exact: true }).click();
    await row.getByText(/^Révoquée le/).waitFor();
    await expect(callWithKey(key)).resolves.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await problems()).toEqual([]);
  });
});
