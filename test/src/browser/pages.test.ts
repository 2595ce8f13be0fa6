import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './axe.js';
import { useBrowser } from './browser.js';

/**
 * The buyer SPA as served by the built server, in a real Chromium: each page loads
 * without errors, is reachable by a deep link, and has no serious WCAG 2.1 AA violation.
 * Selectors are roles and French texts, as a buyer (or a screen reader) finds them.
 */
describe('pages of the buyer SPA', () => {
  const browser = useBrowser();

  it('search page: one h1, the search form and a first result count', async () => {
    const { page, response, problems } = await browser.open('/');
    expect(response?.status()).toBe(200);

    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
    await page.getByRole('search').waitFor();
    // The demo directory answers a blank search.
    await page.getByRole('heading', { name: /structures? trouvées?/ }).waitFor();
    await expect(page.title()).resolves.toMatch(/Achat inclusif$/);

    expect(await problems()).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('shortlist: a deep link and a reload both load the page', async () => {
    const { page, response, problems } = await browser.open('/ma-selection');
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: /sélection/i }).waitFor();
    await expect(page.title()).resolves.toMatch(/^Ma sélection/);

    const reloaded = await page.reload({ waitUntil: 'networkidle' });
    expect(reloaded?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: /sélection/i }).waitFor();

    expect(await problems()).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('reaches the shortlist from the header link without reloading', async () => {
    const { page, problems } = await browser.open('/');
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: /Ma sélection/ }).click();
    await page.waitForURL('**/ma-selection');
    await page.getByRole('heading', { level: 1, name: /sélection/i }).waitFor();
    expect(await problems()).toEqual([]);
  });

  it('an unknown path says "page introuvable" in French', async () => {
    const { page, problems } = await browser.open('/cette-page-n-existe-pas');
    await page.getByText(/page introuvable/i).first().waitFor();
    await expect(page.title()).resolves.toMatch(/^Page introuvable/);
    // A way back to the search.
    await page.getByRole('main').getByRole('link').first().waitFor();

    expect(await problems()).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
