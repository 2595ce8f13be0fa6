import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './axe.js';
import { appOrigin, submitSignIn, useBrowser } from './browser.js';

/**
 * A buyer keeps two suppliers anonymously, signs in and finds them in the account's list
 * "Ma sélection"; a note that looks like markup stays text on the list and on its
 * read-only share link, which stops working once unshared.
 */

const XSS_NOTE = '<img src=x onerror="window.__xss=1">';
const PASSWORD = 'cheval agrafe pile correcte';
/** INSEE code of Metz: the demo directory has suppliers around it. */
const METZ = '57463';

/** Creates a buyer account through the public API (its session is not kept: the browser signs in itself). */
async function createBuyer(email: string): Promise<void> {
  const response = await fetch(`${appOrigin()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { viewer { csrfToken } userErrors { message } } }',
      variables: { input: { email, password: PASSWORD, displayName: 'Achats e2e', role: 'BUYER' } },
    }),
  });
  const body = (await response.json()) as { data?: { signUp: { viewer: unknown } } };
  if (!body.data?.signUp.viewer) throw new Error(`Sign-up failed: ${JSON.stringify(body)}`);
}

function shortlistLink(page: Page, count: number) {
  return page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: `Ma sélection (${count})` });
}

async function expectInert(page: Page): Promise<void> {
  await expect(page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).resolves.toBeUndefined();
  await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
}

describe('shortlists of signed-in buyers', () => {
  const browser = useBrowser();

  it('merges the anonymous shortlist at sign-in, keeps notes as text, shares and unshares the list', async () => {
    const email = `acheteur.selection.${process.pid}@exemple.fr`;
    await createBuyer(email);

    // Anonymous: two suppliers kept from the results, in this browser.
    const { page, problems } = await browser.open(`/?commune=${METZ}&rayon=30`);
    const cards = page.getByRole('region', { name: /trouvée/ }).getByRole('article');
    await cards.nth(1).waitFor();
    const names: string[] = [];
    for (const index of [0, 1]) {
      names.push((await cards.nth(index).getByRole('heading').first().innerText()).trim());
      await cards.nth(index).getByRole('button', { name: /^Ajouter à ma sélection/ }).click();
      await cards.nth(index).getByRole('button', { name: /^Retirer de ma sélection/ }).waitFor();
    }
    await shortlistLink(page, 2).waitFor();

    // Signing in merges them into the account's first list, created as "Ma sélection".
    await page.goto('/connexion', { waitUntil: 'networkidle' });
    await submitSignIn(page, email, PASSWORD);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Mon espace' }).waitFor();
    await shortlistLink(page, 2).click();
    await page.waitForURL('**/ma-selection');
    await page.getByTestId('shortlist-merge-notice').getByText('2 structures de votre sélection ont été ajoutées à « Ma sélection ».').waitFor();
    await expect(page.evaluate(() => localStorage.getItem('achat-inclusif:selection'))).resolves.toBe('[]');
    const items = page.getByTestId('shortlist-item');
    await expect(items.getByRole('heading', { level: 2 }).allInnerTexts()).resolves.toEqual(names);
    await expect(page.getByLabel('Nom de la liste').inputValue()).resolves.toBe('Ma sélection');

    // A note that looks like markup is saved as typed.
    const note = page.getByLabel(`Note sur ${names[0]}`);
    await note.fill(XSS_NOTE);
    await items.nth(0).getByRole('button', { name: 'Enregistrer la note' }).click();
    await items.nth(0).getByTestId('note-status').getByText('Note enregistrée.').waitFor();

    // Shared by a link.
    await page.getByRole('button', { name: 'Créer un lien de partage' }).click();
    const shareUrl = (await page.getByTestId('share-url').innerText()).trim();
    expect(shareUrl).toMatch(new RegExp(`^${appOrigin()}/listes/[A-Za-z0-9_-]{43}$`));
    await page.getByRole('button', { name: 'Copier le lien' }).waitFor();
    await expect(accessibilityProblems(page)).resolves.toEqual([]);

    // The link, in a fresh browser (no cookie): the list, the note as literal text, exportable.
    const sharedPath = new URL(shareUrl).pathname;
    const shared = await browser.open(sharedPath);
    await shared.page.getByRole('heading', { level: 1, name: 'Ma sélection' }).waitFor();
    await expect(shared.page.getByTestId('shared-shortlist-item').getByRole('heading', { level: 2 }).allInnerTexts()).resolves.toEqual(names);
    await expect(shared.page.getByTestId('shared-shortlist-note').innerText()).resolves.toBe(XSS_NOTE);
    await expectInert(shared.page);
    const [file] = await Promise.all([shared.page.waitForEvent('download'), shared.page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
    const csv = (await readFile((await file.path()) as string, 'utf8')).replace(/^\ufeff/, '');
    expect(csv.split('\r\n')[0]!.split(';').at(-1)).toBe('Note');
    expect(csv).toContain(`"${XSS_NOTE.replaceAll('"', '""')}"`);
    await expect(accessibilityProblems(shared.page)).resolves.toEqual([]);
    await expect(shared.problems()).resolves.toEqual([]);

    // Unshared: the same link now opens nothing.
    await page.getByRole('button', { name: 'Ne plus partager' }).click();
    await page.getByRole('button', { name: 'Créer un lien de partage' }).waitFor();
    const gone = await browser.open(sharedPath);
    await gone.page.getByRole('heading', { level: 1, name: 'Liste introuvable ou plus partagée' }).waitFor();
    await expect(accessibilityProblems(gone.page)).resolves.toEqual([]);
    await expect(gone.problems()).resolves.toEqual([]);

    await expectInert(page);
    await expect(problems()).resolves.toEqual([]);
  });
});
