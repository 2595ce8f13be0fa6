import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, temporaryDataRoot, type BuiltServer } from '../built-server.js';
import { accessibilityProblems } from './axe.js';
import { useBrowser, type OpenOptions } from './browser.js';

/**
 * The buyer SPA on a server whose commune centres are missing (a bad COMMUNE_CENTRES_PATH):
 * radius search, the distance order and distances are unavailable (FEATURE_UNAVAILABLE).
 * The search page says so once, in French, offers nothing that would fail, and still
 * answers a shared link that asked for a radius. This file starts its own server, on its
 * own database, with a small demo directory.
 */
const RADIUS_NOTICE = /La recherche par distance est indisponible sur ce serveur : les positions des communes ne sont pas chargées\./;
/** What the API says in its own words; none of it may reach the page. */
const API_WORDS = /Radius|unavailable|centres are not loaded|Internal server error|Invalid argument|Unknown commune|must be/i;

describe('search without commune centres', () => {
  let server: BuiltServer | undefined;
  let removeData: (() => Promise<void>) | undefined;
  let origin = '';

  beforeAll(async () => {
    const dataRoot = await temporaryDataRoot();
    removeData = dataRoot.remove;
    server = await startBuiltServer(dataRoot.path, {
      DEMO_SUPPLIERS: '300',
      // Explicitly a file that does not exist: whatever the product's default centres are.
      COMMUNE_CENTRES_PATH: path.join(dataRoot.path, 'no-such-commune-centres.json'),
    });
    origin = new URL(server.url).origin;
  });

  afterAll(async () => {
    await server?.stop();
    await removeData?.();
  });

  const browser = useBrowser();
  const open = (url: string, options: OpenOptions = {}) => browser.open(url, { ...options, origin });

  async function resultCount(page: Page): Promise<string> {
    const heading = page.getByRole('heading', { level: 2, name: /structures? trouvées?|Aucune structure trouvée/ });
    await heading.waitFor();
    return (await heading.textContent())!.trim();
  }

  it('runs on a server that knows it has no centres', async () => {
    const response = await fetch(server!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ searchCapabilities { radiusSearchAvailable } }' }),
    });
    expect(await response.json()).toEqual({ data: { searchCapabilities: { radiusSearchAvailable: false } } });
  });

  it('a shared link with a radius and the distance sort gives results, with one French notice and no error', async () => {
    // A search superseded while the URL is normalised may be cancelled by the browser: not an error.
    const { page, problems } = await open('/?commune=57463&rayon=30&tri=distance', { ignore: [/POST \S+\/graphql \(net::ERR_ABORTED\)/] });
    expect(await resultCount(page)).toMatch(/^\d[\d\s ]* structures? trouvées?$/);

    // The URL now holds what is shown: a reload or a share gives the same screen.
    expect(new URL(page.url()).searchParams.toString()).toBe('commune=57463');
    const notice = page.getByTestId('radius-unavailable');
    await expect(notice.count()).resolves.toBe(1);
    await expect(notice.textContent()).resolves.toMatch(RADIUS_NOTICE);
    await expect(notice.textContent()).resolves.toContain('Ce lien demandait le rayon de 30 km et le tri par distance');

    // Nothing offered that would fail.
    await expect(page.locator('#recherche-rayon').count()).resolves.toBe(0);
    await expect(page.getByLabel('Trier par').locator('option').allTextContents()).resolves.not.toContain('Distance');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    // No distance in the results.
    await expect(page.locator('.result-list').textContent()).resolves.not.toMatch(/ à \d+([,.]\d+)? km/);

    await expect(page.locator('body').innerText()).resolves.not.toMatch(API_WORDS);
    // No GraphQL error either: the SPA never asked for what this server cannot do.
    expect(await problems()).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);

    const reloaded = await page.reload({ waitUntil: 'networkidle' });
    expect(reloaded?.status()).toBe(200);
    expect(await resultCount(page)).toMatch(/structures? trouvées?$/);
    await expect(page.getByTestId('radius-unavailable').count()).resolves.toBe(1);
  });

  it('the map says in French why it is empty', async () => {
    const { page, problems } = await open('/?commune=57463');
    await resultCount(page);
    await page.getByRole('button', { name: 'Carte', exact: true }).click();
    const empty = page.getByTestId('map-empty');
    await empty.waitFor();
    await expect(empty.textContent()).resolves.toContain('Les positions des communes ne sont pas chargées sur ce serveur');
    await expect(page.getByTestId('result-map').count()).resolves.toBe(0);
    await expect(page.locator('body').innerText()).resolves.not.toMatch(API_WORDS);
    expect(await accessibilityProblems(page)).toEqual([]);

    await empty.getByRole('button', { name: 'Afficher la liste' }).click();
    await page.locator('.result-list').waitFor();
    expect(await problems()).toEqual([]);
  });

  it('asks what the server can search once, and a new commune search offers no radius', async () => {
    const { page, problems } = await open('/');
    let capabilityRequests = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql' && request.postData()?.includes('searchCapabilities')) {
        capabilityRequests++;
      }
    });
    await resultCount(page);
    await page.getByRole('combobox', { name: /^Où \?/ }).pressSequentially('Metz');
    await page.getByText('Recherche de suggestions…').waitFor({ state: 'detached' });
    await page.getByRole('listbox', { name: 'Suggestions : Où ?' }).getByRole('option', { name: /^Metz \(57\)/ }).click();
    await expect(page.locator('#recherche-rayon').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.waitForURL(/commune=57463/);
    await resultCount(page);
    await page.waitForLoadState('networkidle');

    expect(capabilityRequests).toBe(0); // loaded with the page, then from Apollo's cache
    await expect(page.getByTestId('radius-unavailable').textContent()).resolves.not.toContain('Ce lien');
    await expect(page.getByLabel('Trier par').locator('option').allTextContents()).resolves.not.toContain('Distance');
    expect(await problems()).toEqual([]);
  });
});
