import { readFile } from 'node:fs/promises';
import type { Locator, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './axe.js';
import { useBrowser } from './browser.js';

/**
 * A buyer's whole path through the built product, in a real Chromium, on the demo
 * directory: search by typing and picking suggestions, filter, open a supplier, keep two,
 * export; the same by keyboard only; accessibility of each state; back and forward.
 * Selectors are roles, labels and French texts, as a buyer (or a screen reader) finds them.
 */

/** Map tiles come from OpenStreetMap, which the closed network (and the harness) refuses. */
const IGNORE_TILES = [/tile\.openstreetmap\.org/];
/** MAX_EXPORT_ROWS in client/src/export/results-export.ts. */
const EXPORT_CAP = 5000;
/** PAGE_SIZE in client/src/search/search-state.ts: results shown before "Afficher plus". */
const PAGE_SIZE = 20;
/** INSEE code of Metz. */
const METZ = '57463';
const TONTE = 'tonte-debroussaillage';
const NANCY = '54395';
const SECOND_ACTIVITY = 'Nettoyage de bureaux';

describe('buyer journey', () => {
  const browser = useBrowser();

  it('searches by typing, filters, keeps two suppliers, exports them and the results', async () => {
    const { page, problems } = await browser.open('/');

    // The search, as typed: an activity and a commune picked from the suggestions, a radius.
    await pickSuggestion(page, 'Quoi ?', 'tonte', /^Tonte et débroussaillage/);
    await page.getByRole('list', { name: 'Activités choisies' }).getByRole('button', { name: /Tonte et débroussaillage/ }).waitFor();
    await pickSuggestion(page, 'Où ?', 'Metz', /^Metz \(57\)/);
    await expect(whereField(page).inputValue()).resolves.toBe('Metz (57)');
    await page.getByLabel('Rayon autour de la commune').selectOption({ label: '30 km' });
    await page.getByRole('search').getByRole('button', { name: 'Rechercher' }).click();

    await page.waitForURL((url) => url.searchParams.has('commune'));
    expect(searchParams(page)).toEqual({ categorie: TONTE, commune: METZ, rayon: '30' });
    const total = await resultCount(page);
    expect(total).toBeGreaterThan(0);
    await expect(resultCards(page).count()).resolves.toBe(Math.min(total, PAGE_SIZE));
    await page.waitForFunction((title) => document.title === title, `${countText(total)} — Metz (57) — Achat inclusif`);

    // "Achat direct possible": its facet announces the count the filter gives.
    const smallPurchase = page.locator('label[for="filtre-achat-direct"]');
    const announced = Number((await smallPurchase.locator('.fr-hint-text').innerText()).replace(/\D/g, ''));
    expect(announced).toBeGreaterThan(0);
    expect(announced).toBeLessThanOrEqual(total);
    // DSFR draws the box on the label, which is what a buyer clicks.
    await smallPurchase.click();
    await expect(page.getByRole('checkbox', { name: /^Achat direct possible/ }).isChecked()).resolves.toBe(true);
    await page.waitForURL((url) => url.searchParams.get('achat-direct') === 'oui');
    await countHeading(page, announced).waitFor();
    const filtered = await resultCount(page);
    expect(filtered).toBe(announced);
    expect(filtered, 'two results to keep').toBeGreaterThanOrEqual(2);
    const shown = await resultCards(page).count();
    expect(shown).toBe(Math.min(filtered, PAGE_SIZE));
    // Every result shown carries the badge.
    await expect(resultCards(page).filter({ has: page.getByText('Achat direct possible', { exact: true }) }).count()).resolves.toBe(shown);

    // The first result's page.
    const first = await resultIdentity(resultCards(page).nth(0));
    const second = await resultIdentity(resultCards(page).nth(1));
    await resultCards(page).nth(0).getByRole('link', { name: first.name }).click();
    await page.waitForURL(`**/structures/${first.id}`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(first.name);
    const firstSiret = (await page.getByTestId('siret').innerText()).replace(/\s/g, '');
    expect(firstSiret).toMatch(/^\d{14}$/);
    await page.getByRole('main').getByRole('button', { name: /^Ajouter à ma sélection/ }).click();
    await page.getByRole('main').getByRole('button', { name: /^Retirer de ma sélection/ }).waitFor();
    await shortlistLink(page, 1).waitFor();

    // Back to the same results, the kept supplier marked, then a second one kept from the list.
    await page.getByRole('link', { name: 'Retour aux résultats' }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('achat-direct') === 'oui');
    await expect(resultCount(page)).resolves.toBe(filtered);
    await resultCards(page).nth(0).getByRole('button', { name: /^Retirer de ma sélection/ }).waitFor();
    await resultCards(page).nth(1).getByRole('button', { name: /^Ajouter à ma sélection/ }).click();
    await resultCards(page).nth(1).getByRole('button', { name: /^Retirer de ma sélection/ }).waitFor();
    await shortlistLink(page, 2).waitFor();

    // The shortlist survives a reload.
    await page.reload({ waitUntil: 'networkidle' });
    await expect(resultCount(page)).resolves.toBe(filtered);
    await shortlistLink(page, 2).waitFor();
    await expect(resultCards(page).getByRole('button', { name: /^Retirer de ma sélection/ }).count()).resolves.toBe(2);

    // The results export: every result (up to the cap), in the order shown.
    const resultsCsv = await download(page, page.getByRole('button', { name: 'Exporter les résultats (CSV)' }));
    expect(resultsCsv.filename).toMatch(/^achat-inclusif-resultats-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(resultsCsv.rows).toHaveLength(Math.min(filtered, EXPORT_CAP));
    expect(resultsCsv.rows[0][0]).toBe(first.name);
    expect(resultsCsv.rows[1][0]).toBe(second.name);
    await page.getByTestId('export-status').getByText(`Export terminé : ${filtered} structures`).waitFor();

    // The shortlist page lists both, and exports both.
    await shortlistLink(page, 2).click();
    await page.waitForURL('**/ma-selection');
    await page.getByRole('heading', { level: 1, name: 'Ma sélection' }).waitFor();
    await page.getByText('2 structures gardées').waitFor();
    for (const { name } of [first, second]) {
      await page.getByRole('heading', { level: 2, name }).getByRole('link', { name }).waitFor();
    }
    const secondSiret = await siretFromApi(page, second.id);
    const shortlistCsv = await download(page, page.getByRole('button', { name: 'Exporter en CSV' }));
    expect(shortlistCsv.filename).toMatch(/^achat-inclusif-selection-\d{4}-\d{2}-\d{2}\.csv$/);
    const siretColumn = shortlistCsv.header.indexOf('SIRET');
    expect(siretColumn).toBeGreaterThan(0);
    expect(shortlistCsv.rows.map((row) => [row[0], spreadsheetText(row[siretColumn])])).toEqual([
      [first.name, firstSiret],
      [second.name, secondSiret],
    ]);

    expect(await problems()).toEqual([]);
  });

  it('goes from the home page to a kept supplier and the shortlist with the keyboard only', async () => {
    const { page, problems } = await browser.open('/');
    const keys = page.keyboard;

    // "Quoi ?": type, arrow down to the suggestion, Enter.
    await tabTo(page, (focus) => focus.name.startsWith('Quoi ?'));
    await keys.type('tonte');
    await arrowTo(page, 'Quoi ?', /^Tonte et débroussaillage/);
    await keys.press('Enter');
    await page.getByRole('list', { name: 'Activités choisies' }).getByRole('button', { name: /Tonte et débroussaillage/ }).waitFor();
    await expectFocus(page, (focus) => focus.name.startsWith('Quoi ?'));

    // "Où ?": the same.
    await tabTo(page, (focus) => focus.name.startsWith('Où ?'));
    await keys.type('Metz');
    await arrowTo(page, 'Où ?', /^Metz \(57\)/);
    await keys.press('Enter');
    await expect(whereField(page).inputValue()).resolves.toBe('Metz (57)');

    // The radius, with the arrows of a closed select, then back to "Rechercher".
    await tabTo(page, (focus) => focus.name === 'Rayon autour de la commune');
    const radius = page.getByLabel('Rayon autour de la commune');
    for (let presses = 0; (await radius.inputValue()) !== '30'; presses++) {
      expect(presses, 'ArrowDown reaches "30 km" in the radius select').toBeLessThan(8);
      await keys.press('ArrowDown');
    }
    await tabTo(page, (focus) => focus.tag === 'button' && focus.name === 'Rechercher', 'Shift+Tab');
    await keys.press('Enter');

    // The focus goes to the result count, which a screen reader then reads.
    await page.waitForURL((url) => url.searchParams.get('rayon') === '30');
    expect(searchParams(page)).toEqual({ categorie: TONTE, commune: METZ, rayon: '30' });
    await page.waitForFunction(() => document.activeElement?.id === 'resultats-titre');
    const total = await resultCount(page);
    await expectFocus(page, (focus) => focus.tag === 'h2' && focus.name === countText(total));

    // The same search again: nothing loads, and the focus goes to the count all the same.
    await tabTo(page, (focus) => focus.tag === 'button' && focus.name === 'Rechercher', 'Shift+Tab');
    await keys.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'resultats-titre');
    await expectFocus(page, (focus) => focus.tag === 'h2' && focus.name === countText(total));

    // A filter, toggled with Space: the focus stays on it while the results change (and is
    // not taken to the count, as a search submitted by the form would).
    await tabTo(page, (focus) => focus.name.startsWith('Achat direct possible'), 'Shift+Tab');
    const announced = Number((await page.locator('label[for="filtre-achat-direct"] .fr-hint-text').innerText()).replace(/\D/g, ''));
    await keys.press('Space');
    await page.waitForURL((url) => url.searchParams.get('achat-direct') === 'oui');
    await expect(page.getByRole('checkbox', { name: /^Achat direct possible/ }).isChecked()).resolves.toBe(true);
    await countHeading(page, announced).waitFor();
    expect(announced).toBeLessThanOrEqual(total);
    await expectFocus(page, (focus) => focus.name.startsWith('Achat direct possible'));

    // Forward to the first result's link; Enter opens it.
    const firstName = await resultCards(page).nth(0).getByRole('heading').innerText();
    await tabTo(page, (focus) => focus.tag === 'a' && focus.inResult);
    await expectFocus(page, (focus) => focus.name === firstName);
    await keys.press('Enter');
    await page.waitForURL('**/structures/*');
    await page.getByRole('heading', { level: 1, name: firstName }).waitFor();
    // The new page's content has the focus (the router moves it there).
    await page.waitForFunction(() => document.activeElement?.id === 'contenu');
    await expectFocus(page, (focus) => focus.id === 'contenu');

    // Keep it: Enter on the shortlist button, which keeps the focus.
    await tabTo(page, (focus) => focus.name.startsWith('Ajouter à ma sélection'));
    await keys.press('Enter');
    await shortlistLink(page, 1).waitFor();
    await expectFocus(page, (focus) => focus.name === `Retirer de ma sélection : ${firstName}`);
    // Space toggles it too: out, then in again.
    await keys.press('Space');
    await shortlistLink(page, 0).waitFor();
    await keys.press('Space');
    await shortlistLink(page, 1).waitFor();

    // Up to the header's "Ma sélection (1)", then Enter. The shortlist's data is held back
    // meanwhile: the buyer tabs to the entry (listed by its stored name) before it loads.
    const shortlistData = await holdOperation(page, 'ShortlistSuppliers');
    await tabTo(page, (focus) => focus.tag === 'a' && focus.name === 'Ma sélection (1)', 'Shift+Tab');
    await keys.press('Enter');
    await page.waitForURL('**/ma-selection');
    await page.waitForFunction(() => document.activeElement?.id === 'contenu');
    await expectFocus(page, (focus) => focus.id === 'contenu');
    await tabTo(page, (focus) => focus.tag === 'a' && focus.name === firstName);
    // The data arrives: the entry fills in, and the focus stays on its link.
    shortlistData.release();
    await page.locator('[data-testid="shortlist-item"][data-status="available"]').waitFor();
    await expectFocus(page, (focus) => focus.tag === 'a' && focus.name === firstName);
    await tabTo(page, (focus) => focus.name === `Retirer de ma sélection : ${firstName}`);

    expect(await problems()).toEqual([]);
  });

  it('has no serious accessibility violation: filtered results, then the map', async () => {
    const { page, problems } = await browser.open(`/?categorie=${TONTE}&commune=${METZ}&rayon=30&achat-direct=oui&famille=insertion`, { ignore: IGNORE_TILES });
    const total = await resultCount(page);
    expect(total).toBeGreaterThan(0);
    await expect(page.getByRole('checkbox', { name: /^Achat direct possible/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: /^Insertion par l’activité économique/ }).isChecked()).resolves.toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    const { name: firstName } = await resultIdentity(resultCards(page).nth(0));

    await page.getByRole('button', { name: 'Carte' }).click();
    await page.waitForURL((url) => url.searchParams.get('vue') === 'carte');
    const map = page.getByRole('region', { name: 'Carte des résultats' });
    await map.locator('.leaflet-marker-icon').first().waitFor();
    const placed = Number((await page.getByText(/structure\(s\) placée\(s\) sur la carte/).innerText()).replace(/\D/g, ''));
    expect(placed).toBeGreaterThan(0);
    await expect(map.locator('.leaflet-marker-icon').count()).resolves.toBe(placed);
    await expect(page.getByRole('button', { name: 'Carte' }).getAttribute('aria-pressed')).resolves.toBe('true');
    // Markers are buttons named after their supplier; the map's controls speak French.
    await map.getByRole('button', { name: firstName, exact: true }).waitFor();
    await map.getByRole('button', { name: 'Zoomer', exact: true }).waitFor();
    await map.getByRole('button', { name: 'Dézoomer', exact: true }).waitFor();
    await expect(map.getByText(/zoom in|javascript library/i).count()).resolves.toBe(0);
    await expect(map.locator('[title]').evaluateAll((elements) => elements.map((element) => element.getAttribute('title'))))
      .resolves.not.toContainEqual(expect.stringMatching(/zoom in|zoom out|javascript library/i));
    expect(await accessibilityProblems(page)).toEqual([]);

    expect(await problems()).toEqual([]);
  });

  it('has no serious accessibility violation: a supplier page, then a shortlist of two', async () => {
    const { page, problems } = await browser.open(`/?categorie=${TONTE}&commune=${METZ}&rayon=30`);
    await resultCount(page);
    const kept = [await resultIdentity(resultCards(page).nth(0)), await resultIdentity(resultCards(page).nth(1))];
    for (const card of [resultCards(page).nth(0), resultCards(page).nth(1)]) {
      await card.getByRole('button', { name: /^Ajouter à ma sélection/ }).click();
    }
    await shortlistLink(page, 2).waitFor();

    await resultCards(page).nth(0).getByRole('link', { name: kept[0].name }).click();
    await page.getByRole('heading', { level: 1, name: kept[0].name }).waitFor();
    await page.getByTestId('siret').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    await shortlistLink(page, 2).click();
    await page.getByText('2 structures gardées').waitFor();
    for (const { name } of kept) await page.getByRole('heading', { level: 2, name }).waitFor();
    // Both entries filled in with their data before the scan.
    await page.locator('[data-testid="shortlist-item"][data-status="available"]').nth(1).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    expect(await problems()).toEqual([]);
  });

  it('says "Aucun résultat" and offers a wider radius, without accessibility violation', async () => {
    const { page, problems } = await browser.open(`/?q=zzqxwvk&commune=${METZ}&rayon=30`);
    await expect(resultCount(page)).resolves.toBe(0);
    const empty = page.getByTestId('empty-results');
    await empty.getByRole('heading', { name: 'Aucun résultat' }).waitFor();
    await empty.getByText(/Élargir le rayon/).waitFor();
    await expect(resultCards(page).count()).resolves.toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    // The suggestion works: the next radius up, kept in the URL and in the form.
    await empty.getByRole('button', { name: 'Élargir à 50 km' }).click();
    await page.waitForURL((url) => url.searchParams.get('rayon') === '50');
    await expect(page.getByLabel('Rayon autour de la commune').inputValue()).resolves.toBe('50');
    await expect(resultCount(page)).resolves.toBe(0);
    await empty.getByRole('button', { name: 'Élargir à 100 km' }).waitFor();

    // Without a commune there is no radius to widen: no such suggestion.
    await page.goto('/?q=zzqxwvk', { waitUntil: 'networkidle' });
    await expect(resultCount(page)).resolves.toBe(0);
    await empty.getByRole('heading', { name: 'Aucun résultat' }).waitFor();
    await expect(empty.innerText()).resolves.not.toContain('Élargir');

    expect(await problems()).toEqual([]);
  });

  it('back and forward show each search again, results and form alike', async () => {
    const { page, problems } = await browser.open('/');

    await pickSuggestion(page, 'Quoi ?', 'tonte', /^Tonte et débroussaillage/);
    await pickSuggestion(page, 'Où ?', 'Metz', /^Metz \(57\)/);
    await page.getByLabel('Rayon autour de la commune').selectOption({ label: '30 km' });
    await page.getByRole('search').getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL((url) => url.searchParams.get('commune') === METZ);
    expect(searchParams(page)).toEqual({ categorie: TONTE, commune: METZ, rayon: '30' });
    const firstSearch = { url: page.url(), total: await resultCount(page), top: await resultCards(page).nth(0).getByRole('heading').innerText() };

    // Another activity, another commune, another radius.
    await page.getByRole('button', { name: 'Retirer l’activité Tonte et débroussaillage' }).click();
    await pickSuggestion(page, 'Quoi ?', 'nettoyage de bureaux', new RegExp(`^${SECOND_ACTIVITY}`));
    await whereField(page).fill('');
    await pickSuggestion(page, 'Où ?', 'Nancy', /^Nancy \(54\)/);
    await page.getByLabel('Rayon autour de la commune').selectOption({ label: '10 km' });
    await page.getByRole('search').getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL((url) => url.searchParams.get('rayon') === '10');
    const secondSearch = { url: page.url(), total: await resultCount(page), top: await resultCards(page).nth(0).getByRole('heading').innerText() };
    expect(searchParams(page)).toEqual({ categorie: 'nettoyage-bureaux', commune: NANCY, rayon: '10' });
    expect(secondSearch.url).not.toBe(firstSearch.url);

    await page.goBack();
    await expectSearchShown(page, firstSearch, { activity: 'Tonte et débroussaillage', where: 'Metz (57)', radius: '30' });
    await page.goForward();
    await expectSearchShown(page, secondSearch, { activity: SECOND_ACTIVITY, where: 'Nancy (54)', radius: '10' });

    expect(await problems()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// The search page

function whereField(page: Page): Locator {
  return page.getByRole('combobox', { name: /^Où \?/ });
}

/** Types into a suggestion field ("Quoi ?" or "Où ?") and picks an option from its listbox. */
async function pickSuggestion(page: Page, field: 'Quoi ?' | 'Où ?', typed: string, option: RegExp): Promise<void> {
  const input = page.getByRole('combobox', { name: new RegExp(`^${field.replace('?', '\\?')}`) });
  await input.pressSequentially(typed);
  await suggestionsSettled(page);
  await page.getByRole('listbox', { name: `Suggestions : ${field}` }).getByRole('option', { name: option }).click();
}

/** The suggestions of the last text typed are in (the fields announce "Recherche de suggestions…" meanwhile). */
async function suggestionsSettled(page: Page): Promise<void> {
  await page.getByText('Recherche de suggestions…').waitFor({ state: 'detached' });
}

/** The result cards shown. */
function resultCards(page: Page): Locator {
  return page.getByRole('region', { name: /trouvée/ }).getByRole('article');
}

/** Waits for the search to settle and reads its count heading ("25 structures trouvées"). */
async function resultCount(page: Page): Promise<number> {
  const heading = countHeading(page);
  await heading.waitFor();
  const text = (await heading.innerText()).trim();
  return text.startsWith('Aucune') ? 0 : Number(text.replace(/\D/g, ''));
}

/** The count heading of a settled search; with `total`, only when it says that count. */
function countHeading(page: Page, total?: number): Locator {
  const name = total === undefined ? /^(\d[\d\s]*) structures? trouvées?$|^Aucune structure trouvée$/ : countText(total);
  return page.locator('section[aria-busy="false"]').getByRole('heading', { level: 2, name, exact: true });
}

function countText(total: number): string {
  if (total === 0) return 'Aucune structure trouvée';
  return `${total.toLocaleString('fr-FR')} structure${total > 1 ? 's' : ''} trouvée${total > 1 ? 's' : ''}`;
}

function searchParams(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/** Name and ID (from its link, `/structures/:id`) of a result card. */
async function resultIdentity(card: Locator): Promise<{ name: string; id: string }> {
  const link = card.getByRole('heading').getByRole('link');
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/structures\/[^/]+$/);
  return { name: (await link.innerText()).trim(), id: decodeURIComponent(href.split('/').pop()!) };
}

function shortlistLink(page: Page, count: number): Locator {
  return page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: `Ma sélection (${count})` });
}

async function expectSearchShown(
  page: Page,
  search: { url: string; total: number; top: string },
  form: { activity: string; where: string; radius: string },
): Promise<void> {
  await page.waitForURL(search.url);
  await countHeading(page, search.total).waitFor();
  await resultCards(page).nth(0).getByRole('heading', { name: search.top, exact: true }).waitFor();
  const chosen = page.getByRole('list', { name: 'Activités choisies' }).getByRole('button');
  await expect(chosen.allInnerTexts()).resolves.toEqual([form.activity]);
  // The commune's name comes with its own query.
  await expect.poll(() => whereField(page).inputValue()).toBe(form.where);
  await expect(page.getByLabel('Rayon autour de la commune').inputValue()).resolves.toBe(form.radius);
}

// ---------------------------------------------------------------------------------------
// Downloads and the API

interface Csv {
  filename: string;
  header: string[];
  rows: string[][];
}

/** Clicks `button`, waits for the file it saves and reads it as the buyer's spreadsheet would. */
async function download(page: Page, button: Locator): Promise<Csv> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = await readFile((await file.path()) as string);
  // The byte order mark tells Excel the file is UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const [header, ...rows] = parseCsv(text);
  // French spreadsheets expect `;`: the header is split by it, and every row has as many fields.
  expect(header.slice(0, 3)).toEqual(['Nom', 'Raison sociale', 'SIRET']);
  expect(text.split('\r\n')[0]).toBe(header.join(';'));
  for (const row of rows) expect(row).toHaveLength(header.length);
  return { filename: file.suggestedFilename(), header, rows };
}

/** RFC 4180 with `;`: quoted fields may hold `;`, `"` (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** A cell as a spreadsheet shows it: `="01234"` is how a CSV keeps digits as text. */
function spreadsheetText(cell: string): string {
  return /^="(.*)"$/.exec(cell)?.[1] ?? cell;
}

async function siretFromApi(page: Page, id: string): Promise<string> {
  const response = await page.request.post('/graphql', {
    data: { query: 'query Siret($id: ID!) { supplier(id: $id) { siret } }', variables: { id } },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data?: { supplier: { siret: string } | null } };
  const siret = body.data?.supplier?.siret;
  expect(siret).toMatch(/^\d{14}$/);
  return siret!;
}

/**
 * Holds back the answers to one GraphQL operation until `release()`, to act on a page
 * while it loads.
 */
async function holdOperation(page: Page, operationName: string): Promise<{ release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/graphql', async (route: Route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (body?.operationName === operationName) await released;
    await route.fallback();
  });
  return { release };
}

// ---------------------------------------------------------------------------------------
// Keyboard

interface Focus {
  tag: string;
  id: string;
  /** Accessible name, roughly: aria-label, else the label's text, else the text. */
  name: string;
  inResult: boolean;
  isBody: boolean;
  rendered: boolean;
  inViewport: boolean;
  focusVisible: boolean;
}

function readFocus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    if (!element || element === document.body || element === document.documentElement) {
      return { tag: 'body', id: '', name: '', inResult: false, isBody: true, rendered: false, inViewport: false, focusVisible: false };
    }
    const labels = (element as HTMLInputElement).labels;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      name: clean(element.getAttribute('aria-label') ?? (labels?.length ? labels[0].textContent : element.textContent)),
      inResult: !!element.closest('article'),
      isBody: false,
      rendered: box.width > 0 && box.height > 0 && style.visibility !== 'hidden',
      inViewport: box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth,
      focusVisible: element.matches(':focus-visible'),
    };
  });
}

function describeFocus(focus: Focus): string {
  return focus.isBody ? '<body>' : `<${focus.tag}${focus.id ? `#${focus.id}` : ''}> "${focus.name.slice(0, 60)}"`;
}

/** The focus is on an element the buyer sees, with a focus indicator, and it matches `wanted`. */
async function expectFocus(page: Page, wanted: (focus: Focus) => boolean): Promise<Focus> {
  const focus = await readFocus(page);
  expect(focus.isBody, 'the focus fell back to <body>').toBe(false);
  expect({ focus: describeFocus(focus), rendered: focus.rendered, inViewport: focus.inViewport, focusVisible: focus.focusVisible })
    .toEqual({ focus: describeFocus(focus), rendered: true, inViewport: true, focusVisible: true });
  expect(wanted(focus), `unexpected focus: ${describeFocus(focus)}`).toBe(true);
  return focus;
}

/**
 * Presses Tab (or Shift+Tab) until the focus matches `wanted`; every stop on the way must
 * be a visible, focused element. Fails after `max` presses (a trap, or a missing element).
 */
async function tabTo(page: Page, wanted: (focus: Focus) => boolean, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 80): Promise<Focus> {
  const path: string[] = [];
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(key);
    const focus = await readFocus(page);
    path.push(describeFocus(focus));
    expect(focus.isBody, `${key} left the focus on <body> after: ${path.join(' → ')}`).toBe(false);
    expect(focus.rendered && focus.inViewport && focus.focusVisible, `focus not visible on ${describeFocus(focus)}`).toBe(true);
    if (wanted(focus)) return focus;
  }
  throw new Error(`${max} × ${key} did not reach the element: ${path.join(' → ')}`);
}

/** In a suggestion field: ArrowDown until the active option (aria-activedescendant) matches. */
async function arrowTo(page: Page, field: 'Quoi ?' | 'Où ?', option: RegExp): Promise<void> {
  const listbox = page.getByRole('listbox', { name: `Suggestions : ${field}` });
  await suggestionsSettled(page);
  await listbox.getByRole('option', { name: option }).waitFor();
  const count = await listbox.getByRole('option').count();
  for (let presses = 0; presses < count; presses++) {
    await page.keyboard.press('ArrowDown');
    const active = await page.evaluate(() => {
      const id = document.activeElement?.getAttribute('aria-activedescendant');
      return id ? (document.getElementById(id)?.textContent ?? '').trim() : '';
    });
    if (option.test(active)) return;
  }
  throw new Error(`ArrowDown never made an option matching ${option} active in "${field}"`);
}
