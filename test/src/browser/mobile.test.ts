import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './axe.js';
import { useBrowser } from './browser.js';

/**
 * The buyer SPA on phone-sized screens (issue 14): no page scrolls sideways, the header folds
 * its links into the DSFR "Menu" button, the search takes the buyer from the filters to the
 * results, and a supplier's contact comes before its offerings. A wide screen keeps its layout.
 */
const PHONES = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
];
const DESKTOP = { width: 1280, height: 800 };
/** The header with its menu folded: the service's name and tagline beside the "Menu" button (96 px measured). */
const MAX_HEADER_HEIGHT = 140;
/** Leaving a page by a link, or signing out, cancels the requests it had under way. */
const IGNORE_ABORTED = [/POST \S+\/graphql \(net::ERR_ABORTED\)/];

/** What sticks out of the viewport, for the failure message: the document's width, and the widest culprits. */
async function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
    culprits: [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}${[...element.classList].map((name) => `.${name}`).join('')}`),
  }));
}

async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth, culprits } = await sidewaysOverflow(page);
  expect(scrollWidth, `${what} scrolls sideways at ${innerWidth} px; sticking out: ${culprits.join(', ')}`).toBeLessThanOrEqual(innerWidth);
}

async function headerHeight(page: Page): Promise<number> {
  return page.getByRole('banner').evaluate((header) => header.getBoundingClientRect().height);
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`Not displayed: ${locator}`);
  return found;
}

function menuButton(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true });
}

function countHeading(page: Page): Locator {
  return page.locator('section[aria-busy="false"]').getByRole('heading', { level: 2, name: /^(Aucune structure trouvée|[\d\s\u202f]+ structures? trouvées?)$/ });
}

async function resultCount(page: Page): Promise<number> {
  const text = await countHeading(page).innerText();
  return text.startsWith('Aucune') ? 0 : Number(text.replace(/\D/g, ''));
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

describe('phone-sized screens', () => {
  const browser = useBrowser();

  describe.each(PHONES)('at $width × $height', (viewport) => {
    it('no page scrolls sideways and the header stays short, menu folded', async () => {
      const { page, problems } = await browser.open('/', { viewport, ignore: IGNORE_ABORTED });
      const pages: { path: string; ready: () => Promise<unknown> }[] = [
        { path: '/', ready: () => countHeading(page).waitFor() },
        { path: '/?famille=disability&achat-direct=oui', ready: () => countHeading(page).waitFor() },
        { path: '/ma-selection', ready: () => page.getByRole('heading', { level: 1, name: /sélection/i }).waitFor() },
        { path: '/connexion', ready: () => page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor() },
        { path: '/compte/inscription', ready: () => page.getByRole('heading', { level: 1, name: 'Créer un compte' }).waitFor() },
        { path: '/compte/mot-de-passe-oublie', ready: () => page.getByRole('heading', { level: 1 }).waitFor() },
        { path: '/api', ready: () => page.getByRole('heading', { level: 1 }).waitFor() },
        { path: '/cette-page-n-existe-pas', ready: () => page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor() },
      ];
      for (const { path, ready } of pages) {
        await page.goto(path, { waitUntil: 'networkidle' });
        await ready();
        await expectNoSidewaysScroll(page, path);
        expect(await headerHeight(page), `header of ${path}`).toBeLessThanOrEqual(MAX_HEADER_HEIGHT);
        await expect(menuButton(page).getAttribute('aria-expanded')).resolves.toBe('false');
        // Folded: the header's links are not on the screen until the menu opens.
        await expect(page.getByTestId('shortlist-link').isVisible()).resolves.toBe(false);
      }
      expect(await accessibilityProblems(page)).toEqual([]);
      expect(await problems()).toEqual([]);
    });

    it('the "Menu" button opens the navigation; Escape, "Fermer" and a link close it', async () => {
      const { page, problems } = await browser.open('/', { viewport });
      await countHeading(page).waitFor();
      const button = menuButton(page);
      const menu = page.getByRole('dialog', { name: 'Menu' });
      const navigation = menu.getByRole('navigation', { name: 'Menu principal' });

      await button.click();
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
      await navigation.getByRole('link', { name: 'Ma sélection (0)' }).waitFor();
      await navigation.getByRole('link', { name: 'Se connecter' }).waitFor();
      // The focus moves into the menu, and stays there.
      const close = menu.getByRole('button', { name: 'Fermer' });
      await expect(isFocused(close)).resolves.toBe(true);
      const focusInMenu = () => menu.evaluate((element) => element.contains(document.activeElement));
      for (let step = 0; step < 6; step++) await page.keyboard.press('Tab');
      await expect(focusInMenu()).resolves.toBe(true);
      await page.keyboard.press('Shift+Tab');
      await expect(focusInMenu()).resolves.toBe(true);
      const menuBox = await box(menu);
      expect(menuBox.width).toBeLessThanOrEqual(viewport.width);
      expect(await accessibilityProblems(page)).toEqual([]);

      // Escape closes it and gives the focus back to the button.
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(isFocused(button)).resolves.toBe(true);

      // So does "Fermer", by keyboard.
      await page.keyboard.press('Enter');
      await expect(isFocused(close)).resolves.toBe(true);
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden' });
      await expect(isFocused(button)).resolves.toBe(true);

      // A link of the menu goes to its page, with the menu closed and the focus on the content.
      await button.click();
      await navigation.getByRole('link', { name: 'Ma sélection (0)' }).click();
      await page.waitForURL('**/ma-selection');
      await page.getByRole('heading', { level: 1, name: /sélection/i }).waitFor();
      await menu.waitFor({ state: 'hidden' });
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contenu');
      await expectNoSidewaysScroll(page, '/ma-selection after the menu');

      expect(await problems()).toEqual([]);
    });

    it('"Voir les N résultats" takes the buyer from a ticked filter to the results', async () => {
      const { page, problems } = await browser.open('/', { viewport });
      const all = await countHeading(page).waitFor().then(() => resultCount(page));
      const toggle = page.getByRole('button', { name: 'Afficher les filtres' });
      await toggle.click();

      // DSFR draws the box on the label, which is what a buyer taps.
      const disability = page.locator('label[for^="filtre-famille-"]', { hasText: /^\s*Secteur du handicap/ });
      await disability.click();
      await page.waitForURL((url) => url.searchParams.has('famille'));
      await expect.poll(() => resultCount(page)).not.toBe(all);
      const filtered = await resultCount(page);
      expect(filtered).toBeGreaterThan(1);

      // The way to the results is on the screen, near the filter just ticked, and tells the count.
      const jump = page.getByRole('button', { name: `Voir les ${filtered.toLocaleString('fr-FR')} résultats` });
      const jumpBox = await box(jump);
      expect(jumpBox.y).toBeGreaterThanOrEqual(0);
      expect(jumpBox.y + jumpBox.height).toBeLessThanOrEqual(viewport.height);
      const results = countHeading(page);
      expect((await box(results)).y, 'the results are out of sight below the filters').toBeGreaterThan(viewport.height);
      await expectNoSidewaysScroll(page, 'the open filters');
      expect(await accessibilityProblems(page)).toEqual([]);

      await jump.click();
      await expect.poll(() => isFocused(results)).toBe(true);
      const resultsBox = await box(results);
      expect(resultsBox.y).toBeGreaterThanOrEqual(0);
      expect(resultsBox.y + resultsBox.height).toBeLessThanOrEqual(viewport.height / 2);
      // The filters folded away; the button to open them again says so.
      await expect(page.getByRole('button', { name: 'Afficher les filtres' }).getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(jump.isVisible()).resolves.toBe(false);

      expect(await problems()).toEqual([]);
    });

    it('a supplier page gives the contact before the offerings', async () => {
      const { page, problems } = await browser.open('/', { viewport });
      await countHeading(page).waitFor();
      // A supplier with a priced offering: its page lists offerings.
      const card = page.locator('.result-list > li').filter({ hasText: 'À partir de' }).first();
      await card.getByRole('heading').getByRole('link').click();
      await page.waitForURL('**/structures/*');
      await page.getByRole('heading', { level: 1 }).waitFor();

      const contact = page.locator('section[aria-labelledby="supplier-contact"]');
      const firstOffering = page.locator('section[aria-labelledby="supplier-offerings"] li').first();
      const contactBox = await box(contact);
      const offeringBox = await box(firstOffering);
      expect(contactBox.y + contactBox.height, 'contact ends above the first offering').toBeLessThanOrEqual(offeringBox.y);
      // Also in the reading and tabbing order.
      await expect(
        contact.evaluate((element, offering) => !!(element.compareDocumentPosition(offering!) & Node.DOCUMENT_POSITION_FOLLOWING), await firstOffering.elementHandle()),
      ).resolves.toBe(true);
      await expectNoSidewaysScroll(page, 'the supplier page');
      expect(await headerHeight(page)).toBeLessThanOrEqual(MAX_HEADER_HEIGHT);
      expect(await accessibilityProblems(page)).toEqual([]);

      expect(await problems()).toEqual([]);
    });
  });

  it('signed in, the account pages and the menu fit 320 and 390 px', async () => {
    const email = `mobile.e2e.${process.pid}.${Date.now()}@exemple.fr`;
    const { page, problems } = await browser.open('/compte/inscription?retour=/mon-espace', { viewport: PHONES[0]!, ignore: IGNORE_ABORTED });
    await page.getByLabel(/Adresse électronique/).fill(email);
    await page.getByLabel(/Nom affiché/).fill('Service achats mobile');
    await page.getByLabel('Mot de passe', { exact: true }).fill('cheval agrafe pile correcte');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    // Not a glob: the sign-up page's own URL ends with /mon-espace too.
    await page.waitForURL((url) => url.pathname === '/mon-espace');

    for (const viewport of PHONES) {
      await page.setViewportSize(viewport);
      for (const path of ['/mon-espace', '/mon-espace/compte', '/mon-espace/cles-api', '/mon-espace/revendiquer', '/mon-espace/proposer']) {
        await page.goto(path, { waitUntil: 'networkidle' });
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await expectNoSidewaysScroll(page, path);
        expect(await headerHeight(page), `header of ${path}`).toBeLessThanOrEqual(MAX_HEADER_HEIGHT);
      }
      // The account's links, the long sign-out button included, fit the menu.
      await menuButton(page).click();
      const menu = page.getByRole('dialog', { name: 'Menu' });
      const signOut = menu.getByRole('button', { name: `Se déconnecter (${email})` });
      await menu.getByRole('link', { name: 'Mon espace' }).waitFor();
      const signOutBox = await box(signOut);
      expect(signOutBox.x + signOutBox.width).toBeLessThanOrEqual(viewport.width);
      await expect(signOut.evaluate((element) => element.scrollWidth <= element.clientWidth), 'the address wraps inside its button').resolves.toBe(true);
      await expect(menu.evaluate((element) => element.scrollWidth <= element.clientWidth)).resolves.toBe(true);
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
    }

    // Signing out from the menu closes it.
    await menuButton(page).click();
    await page.getByRole('dialog', { name: 'Menu' }).getByRole('button', { name: /^Se déconnecter/ }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect(menuButton(page).getAttribute('aria-expanded')).resolves.toBe('false');
    await menuButton(page).click();
    await page.getByRole('dialog', { name: 'Menu' }).getByTestId('sign-in-link').waitFor();

    expect(await problems()).toEqual([]);
  });

  it('a wide screen keeps the links in the header and the contact beside the offerings', async () => {
    const { page, problems } = await browser.open('/', { viewport: DESKTOP });
    await countHeading(page).waitFor();
    await expect(menuButton(page).count()).resolves.toBe(0);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByTestId('shortlist-link').waitFor();
    await expect(page.getByTestId('filters-jump').isVisible()).resolves.toBe(false);

    await page.locator('.result-list > li').filter({ hasText: 'À partir de' }).first().getByRole('heading').getByRole('link').click();
    await page.waitForURL('**/structures/*');
    const contact = await box(page.locator('section[aria-labelledby="supplier-contact"]'));
    const offerings = await box(page.locator('section[aria-labelledby="supplier-offerings"]'));
    const kind = await box(page.locator('section[aria-labelledby="supplier-kind"]'));
    // A column on the right, level with the top of the main column.
    expect(contact.x).toBeGreaterThanOrEqual(offerings.x + offerings.width);
    expect(Math.abs(contact.y - kind.y)).toBeLessThanOrEqual(1);
    await expectNoSidewaysScroll(page, 'the supplier page');

    expect(await problems()).toEqual([]);
  });
});
