import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './axe.js';
import { useBrowser } from './browser.js';

/**
 * A search that says why (issue 14), in a real Chromium on the built server and the demo
 * directory, on a wide screen and a phone: each card names what matched, where the
 * structure is or serves, and the price of its cheapest *matching* offering with its unit;
 * structures that only serve all of France can be hidden; the "Achat direct possible" badge
 * and its filter agree, beside the legal thresholds in force; what a link or a buyer gets
 * wrong is said in French, and nothing is dropped silently.
 */

const VIEWPORTS = [
  { name: 'wide screen', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
const CATEGORY = 'nettoyage-bureaux';
const CATEGORY_NAME = 'Nettoyage de bureaux';
/** A category search in Moselle: located, serving and national-only structures, all on one page (n=500). */
const MOSELLE_SEARCH = `/?categorie=${CATEGORY}&departement=57&n=500`;
/** The unit words of client/src/labels.ts PRICE_UNIT_LABELS. */
const UNIT = '(de l’heure|la demi-journée|la journée|par mois|la pièce|le m²|le mètre linéaire|le kg|la tonne|le repas|par personne|le forfait)';
const PRICE = new RegExp(`^À partir de [\\d\\s,]+ €( à [\\d\\s,]+ €)? HT ${UNIT}`);
/** Leaving a page (goto, reload) cancels the requests it had under way: not an error. */
const IGNORE_ABORTED = [/POST \S+\/graphql \(net::ERR_ABORTED\)/];
/** What the API says in its own words, or in English: none of it may reach the page. */
const API_WORDS = /Unknown|INSEE code|is not a|must be|Invalid|not found/i;

describe('a search that says why', () => {
  const browser = useBrowser();

  describe.each(VIEWPORTS)('on a $name ($width px)', (viewport) => {
    const open = (path: string, ignore: RegExp[] = []) => browser.open(path, { viewport: { width: viewport.width, height: viewport.height }, ignore });
    const isPhone = viewport.width < 768;

    /** On a phone the filters fold away below a button: open them. */
    async function openFilters(page: Page): Promise<void> {
      if (!isPhone) return;
      const button = page.getByRole('button', { name: 'Afficher les filtres' });
      if (await button.isVisible()) await button.click();
      await page.locator('#filtre-achat-direct').waitFor({ state: 'attached' });
    }

    it('each card names the matching activity, the place in words, and a matching price with its unit', async () => {
      const { page, problems } = await open(MOSELLE_SEARCH);
      const total = await resultCount(page);
      expect(total, 'office cleaning in Moselle finds structures').toBeGreaterThan(1);
      await expect(resultCards(page).count()).resolves.toBe(total);

      const whys = await resultCards(page).getByTestId('result-why').allInnerTexts();
      expect(whys).toHaveLength(total);
      for (const why of whys) expect(why).toMatch(new RegExp(`^Correspond : (.*, )?${CATEGORY_NAME}`));

      const places = await resultCards(page).getByTestId('result-place').allInnerTexts();
      for (const place of places) expect(place).toMatch(/^(Située (à|au|aux) .+ \(57\)|Intervient en Moselle · site|Intervient dans toute la France · site)/);
      expect(places.some((place) => place.startsWith('Située')), 'a structure located in Moselle').toBe(true);

      const prices = (await resultCards(page).getByTestId('result-price').allInnerTexts()).map(plain);
      const priced = prices.filter((price) => price.startsWith('À partir de'));
      expect(priced.length, 'a card with a price').toBeGreaterThan(0);
      for (const price of priced) expect(price).toMatch(PRICE);
      for (const price of prices.filter((text) => !text.startsWith('À partir de'))) expect(price).toMatch(/prix sur demande$/i);

      // The price shown is that of an offering in the category searched, never another one.
      const edges = await apiSearch(page, { categorySlugs: [CATEGORY], territory: { departementCode: '57', scope: 'SERVES' } });
      const offerings = edges.map((edge) => edge.cheapestMatchingOffering).filter((offering) => offering !== null);
      expect(offerings.length).toBe(priced.length);
      for (const offering of offerings) expect(offering!.category.slug).toBe(CATEGORY);

      expect(await accessibilityProblems(page)).toEqual([]);
      expect(await problems()).toEqual([]);
    });

    it('the toggle hides the structures that only serve all of France, and keeps it in the URL', async () => {
      // Going to the search, and reloading it, cancel the requests of the page left.
      const { page, problems } = await open('/', IGNORE_ABORTED);
      // A search in Moselle with structures that only serve all of France (the demo
      // directory gives national areas to few structures: the first candidate that has some).
      const search = await searchWithNationalOnly(page);
      expect(search, `one of ${NATIONAL_CANDIDATES.join(', ')} in Moselle has national-only structures`).not.toBeNull();
      await page.goto(`/?categorie=${search!}&departement=57&n=500`, { waitUntil: 'networkidle' });
      const total = await resultCount(page);
      const nationalOnly = await nationalCards(page).count();
      expect(nationalOnly).toBeGreaterThan(0);
      expect(nationalOnly).toBeLessThan(total);

      const toggle = page.getByRole('checkbox', { name: /^Masquer les structures qui interviennent dans toute la France/ });
      await expect(toggle.isChecked()).resolves.toBe(false);
      await page.locator('label[for="masquer-national"]').click();
      await page.waitForURL((url) => url.searchParams.get('national') === 'non');
      await countHeading(page, total - nationalOnly).waitFor();
      await expect(nationalCards(page).count()).resolves.toBe(0);
      await expect(toggle.isChecked()).resolves.toBe(true);
      expect(await accessibilityProblems(page)).toEqual([]);

      // A reload (or a shared link) gives the same screen.
      await page.reload({ waitUntil: 'networkidle' });
      await expect(resultCount(page)).resolves.toBe(total - nationalOnly);
      await expect(page.getByRole('checkbox', { name: /^Masquer les structures/ }).isChecked()).resolves.toBe(true);
      expect(await problems()).toEqual([]);
    });

    it('offers one default order, named for what it does', async () => {
      const { page, problems } = await open(MOSELLE_SEARCH);
      await resultCount(page);
      const sorts = await page.getByLabel('Trier par').locator('option').allInnerTexts();
      expect(sorts[0]).toBe('Recommandé : local d’abord, puis pertinence');
      expect(sorts).not.toContain('Par défaut');
      expect(sorts).not.toContain('Pertinence');
      expect(sorts).toContain('Nom');
      // The structures located in Moselle come first.
      const places = await resultCards(page).getByTestId('result-place').allInnerTexts();
      const tier = (place: string) => (place.startsWith('Située') ? 0 : place.startsWith('Intervient dans toute la France') ? 2 : 1);
      const tiers = places.map(tier);
      expect(tiers, places.join('\n')).toEqual([...tiers].sort((a, b) => a - b));
      expect(await problems()).toEqual([]);
    });

    it('the badge and the filter agree: as many badges as the filter keeps', async () => {
      const { page, problems } = await open(MOSELLE_SEARCH);
      const total = await resultCount(page);
      await openFilters(page);
      const label = page.locator('label[for="filtre-achat-direct"]');
      const announced = Number((await label.locator('.fr-hint-text').innerText()).replace(/\D/g, ''));
      const badges = await resultCards(page).filter({ has: page.getByText('Achat direct possible', { exact: true }) }).count();
      expect(badges, 'badges on the whole result list').toBe(announced);
      expect(announced).toBeGreaterThan(0);
      expect(announced).toBeLessThanOrEqual(total);

      await label.click();
      await page.waitForURL((url) => url.searchParams.get('achat-direct') === 'oui');
      await countHeading(page, announced).waitFor();
      await expect(resultCards(page).filter({ has: page.getByText('Achat direct possible', { exact: true }) }).count()).resolves.toBe(announced);

      // The supplier page marks the offerings that can be bought directly.
      const name = (await resultCards(page).nth(0).getByRole('heading').innerText()).trim();
      await resultCards(page).nth(0).getByRole('heading').getByRole('link').click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const marks = page.getByTestId('offering-direct-purchase');
      expect(await marks.count()).toBeGreaterThan(0);
      for (const mark of await marks.allInnerTexts()) expect(plain(mark)).toMatch(/^Achat direct possible sous 15 000 € HT$/i);
      await expect(page.getByTestId('direct-purchase-summary').innerText()).resolves.toMatch(/R2122-8/);
      expect(await accessibilityProblems(page)).toEqual([]);
      expect(await problems()).toEqual([]);
    });

    it('gives the legal thresholds in force beside the amount, warns above them, and refuses a wrong amount in French', async () => {
      const { page, problems } = await open(`/?categorie=${CATEGORY}&departement=57`);
      await resultCount(page);
      await openFilters(page);
      const rules = await apiThreshold(page);
      const panel = page.getByTestId('small-purchase');
      const text = plain(await panel.innerText());
      expect(text).toContain('15 000 € HT par défaut');
      expect(text).toContain(`Seuils légaux en vigueur depuis le ${legalDate(rules.validFrom)}`);
      expect(text).toContain(`${euros(rules.suppliesAndServices)} HT pour les fournitures et services`);
      expect(text).toContain(`${euros(rules.works)} HT pour les travaux`);
      expect(text).toContain('article R2122-8 du code de la commande publique');
      await expect(panel.getByTestId('threshold-warning').count()).resolves.toBe(0);
      const urlBefore = page.url();

      // A wrong amount: a French message next to the field, the search untouched.
      const amount = page.getByRole('textbox', { name: /^Montant de l’achat/ });
      for (const [typed, message] of [['0', 'supérieur à 0'], ['100000000', 'd’au plus'], ['douze', 'en chiffres']] as const) {
        await amount.fill(typed);
        await amount.press('Enter');
        await expect(page.locator('#filtre-montant-erreur').innerText()).resolves.toContain(message);
        await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
        expect(page.url()).toBe(urlBefore);
      }
      expect(await accessibilityProblems(page)).toEqual([]);

      // Above the threshold of supplies and services: applied, and a warning says what it means.
      const above = rules.suppliesAndServices + 10_000;
      await amount.fill(String(above));
      await amount.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('montant') === String(above));
      await expect(page.locator('#filtre-montant-erreur').count()).resolves.toBe(0);
      const warning = plain(await panel.getByTestId('threshold-warning').innerText());
      expect(warning).toContain(`${euros(above)} HT dépasse le seuil des fournitures et services`);
      await expect(page.getByRole('checkbox', { name: /^Achat direct possible/ }).isChecked()).resolves.toBe(true);
      expect(await accessibilityProblems(page)).toEqual([]);
      expect(await problems()).toEqual([]);
    });

    it('says in French what a link held that is unknown, once, and never lists everything silently', async () => {
      const { page, problems } = await open('/?commune=99999', IGNORE_ABORTED);
      const notice = page.getByTestId('link-ignored');
      await notice.waitFor();
      await expect(notice.count()).resolves.toBe(1);
      const commune = plain(await notice.innerText());
      expect(commune).toBe('Ce lien contenait un critère inconnu, ignoré : la commune « 99999 ». Les résultats portent sur le reste de la recherche.');
      await expect(page.locator('main').innerText()).resolves.not.toMatch(API_WORDS);
      expect(new URL(page.url()).search).toBe('');
      expect(await accessibilityProblems(page)).toEqual([]);

      await page.goto(`/?departement=XX&categorie=${CATEGORY}&type=licorne`, { waitUntil: 'networkidle' });
      await resultCount(page);
      const both = plain(await page.getByTestId('link-ignored').innerText());
      expect(both).toContain('ignorés : le département « XX », le type de structure « licorne »');
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ categorie: CATEGORY });
      await expect(page.locator('main').innerText()).resolves.not.toMatch(API_WORDS);
      expect(await accessibilityProblems(page)).toEqual([]);
      expect(await problems()).toEqual([]);
    });

    it('says there is no searchable word in "***" instead of listing every structure', async () => {
      // The API refuses the text (BAD_USER_INPUT), which is the point.
      const { page, problems } = await open('/?q=***', [/GraphQL error BAD_USER_INPUT: .* \(SupplierSearch\)/]);
      const refused = page.getByTestId('search-refused');
      await refused.waitFor();
      expect(plain(await refused.innerText())).toBe('Aucun mot exploitable dans « *** » : saisissez un métier, un produit ou le nom d’une structure.');
      await expect(resultCards(page).count()).resolves.toBe(0);
      await expect(page.getByRole('heading', { level: 2, name: 'Recherche impossible' }).count()).resolves.toBe(1);
      expect(await accessibilityProblems(page)).toEqual([]);

      // Typed in "Quoi ?": the same.
      const what = page.getByRole('combobox', { name: /^Quoi \?/ });
      await what.fill('<script>alert(1)</script>');
      await page.getByRole('search').getByRole('button', { name: 'Rechercher' }).click();
      await expect.poll(async () => plain(await refused.innerText())).toBe(
        'Aucun mot exploitable dans « <script>alert(1)</script> » : saisissez un métier, un produit ou le nom d’une structure.',
      );
      // "Quoi ?" takes 200 characters at most: every search stays a link that can be shared.
      await expect(what.getAttribute('maxlength')).resolves.toBe('200');
      expect((await problems()).filter((problem) => !problem.includes('BAD_USER_INPUT'))).toEqual([]);
    });

    it('never swaps an unknown place typed for another', async () => {
      const { page, problems } = await open('/');
      await resultCount(page);
      const where = page.getByRole('combobox', { name: /^Où \?/ });
      await where.fill('Atlantide');
      await page.getByText('Recherche de suggestions…').waitFor({ state: 'detached' });
      // Enter, without picking a suggestion: the form is sent with the text as typed.
      await where.press('Enter');
      const error = page.locator('#recherche-ou-erreur');
      await error.waitFor();
      expect(await error.innerText()).toMatch(/^Lieu introuvable : « Atlantide »/);
      await expect(where.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(where.inputValue()).resolves.toBe('Atlantide');
      expect(new URL(page.url()).search).toBe('');
      expect(await accessibilityProblems(page)).toEqual([]);
      expect(await problems()).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------

function resultCards(page: Page): Locator {
  return page.getByRole('region', { name: /trouvée/ }).getByRole('article');
}

function nationalCards(page: Page): Locator {
  return resultCards(page).filter({ has: page.getByTestId('result-place').getByText('Intervient dans toute la France') });
}

function countText(total: number): string {
  if (total === 0) return 'Aucune structure trouvée';
  return `${total.toLocaleString('fr-FR')} structure${total > 1 ? 's' : ''} trouvée${total > 1 ? 's' : ''}`;
}

function countHeading(page: Page, total?: number): Locator {
  const name = total === undefined ? /^(\d[\d\s]*) structures? trouvées?$|^Aucune structure trouvée$/ : countText(total);
  return page.locator('section[aria-busy="false"]').getByRole('heading', { level: 2, name, exact: true });
}

async function resultCount(page: Page): Promise<number> {
  const heading = countHeading(page);
  await heading.waitFor();
  const text = (await heading.innerText()).trim();
  return text.startsWith('Aucune') ? 0 : Number(text.replace(/\D/g, ''));
}

/** Text with plain spaces for the non-breaking ones French typography puts in numbers and « ». */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').trim();
}

function euros(amount: number): string {
  return plain(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(amount));
}

/** "1er avril 2026". */
function legalDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('fr-FR', { month: 'long', timeZone: 'UTC' });
  return `${day === 1 ? '1er' : day} ${monthName} ${year}`;
}

async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post('/graphql', { data: { query, variables } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/** Categories whose Moselle results have held national-only structures in the demo directory. */
const NATIONAL_CANDIDATES = [CATEGORY, 'signaletique', 'graphisme-mise-en-page', 'portage-repas', 'reconditionnement-ordinateurs', 'tonte-debroussaillage'];

async function searchWithNationalOnly(page: Page): Promise<string | null> {
  for (const slug of NATIONAL_CANDIDATES) {
    const data = await graphql<{ all: { totalCount: number }; local: { totalCount: number } }>(
      page,
      `query National($slug: String!) {
        all: suppliers(filter: { categorySlugs: [$slug], territory: { departementCode: "57", scope: SERVES } }, first: 0) { totalCount }
        local: suppliers(filter: { categorySlugs: [$slug], territory: { departementCode: "57", scope: SERVES }, excludeNationalOnly: true }, first: 0) { totalCount }
      }`,
      { slug },
    );
    if (data.all.totalCount > data.local.totalCount && data.local.totalCount > 0 && data.all.totalCount <= 500) return slug;
  }
  return null;
}

async function apiThreshold(page: Page) {
  const data = await graphql<{ smallPurchaseRules: { current: { validFrom: string; suppliesAndServices: number; works: number } } }>(
    page,
    '{ smallPurchaseRules { current { validFrom suppliesAndServices works } } }',
  );
  return data.smallPurchaseRules.current;
}

async function apiSearch(page: Page, filter: Record<string, unknown>) {
  const data = await graphql<{ suppliers: { edges: { cheapestMatchingOffering: { category: { slug: string } } | null }[] } }>(
    page,
    'query Check($filter: SupplierFilter) { suppliers(filter: $filter, first: 100) { edges { cheapestMatchingOffering { category { slug } } } } }',
    { filter },
  );
  return data.suppliers.edges;
}
