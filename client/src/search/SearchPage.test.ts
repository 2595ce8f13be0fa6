import { ApolloClient, ApolloLink, InMemoryCache, type FetchResult } from '@apollo/client';
import { flushPromises, mount } from '@vue/test-utils';
import { of } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { apolloClientKey } from '../graphql/apollo';
import { RADIUS_UNAVAILABLE } from '../graphql/error-messages';
import SearchPage from './SearchPage.vue';

/**
 * The search page against a fake API that records what it is asked: the URL drives the
 * request and the form, and the buyer's changes go to the URL.
 */
const requests: { operationName: string; variables: Record<string, unknown> }[] = [];

const REFERENCE = {
  categoryGroups: [
    {
      __typename: 'CategoryGroup',
      slug: 'espaces-verts',
      name: 'Espaces verts et nature',
      categories: [{ __typename: 'Category', slug: 'tonte-debroussaillage', name: 'Tonte et débroussaillage', keywords: ['pelouse'] }],
    },
  ],
  smallPurchaseRules: {
    __typename: 'SmallPurchaseRules',
    defaultAmount: 15_000,
    current: { __typename: 'SmallPurchaseThreshold', validFrom: '2026-04-01', suppliesAndServices: 60_000, works: 100_000, source: 'Décret n° 2025-1386' },
  },
  searchCapabilities: { __typename: 'SearchCapabilities', radiusSearchAvailable: true },
};

function edge(id: string, name: string, change: Record<string, unknown> = {}) {
  return {
    __typename: 'SupplierEdge',
    cursor: `cursor-${id}`,
    distanceKm: 4.2,
    territoryMatch: 'LOCATED_IN',
    directPurchasePossible: true,
    cheapestMatchingOffering: {
      __typename: 'Offering',
      id: `offering-${id}`,
      title: 'Tonte des pelouses',
      entryAmount: 35,
      minimumOrderAmount: null,
      price: { __typename: 'OfferingPrice', amountFrom: 35, amountTo: null, unit: 'HOUR' },
    },
    matchReasons: {
      __typename: 'SupplierMatchReasons',
      categories: [{ __typename: 'Category', slug: 'tonte-debroussaillage', name: 'Tonte et débroussaillage' }],
      offerings: [{ __typename: 'Offering', id: `offering-${id}`, title: 'Tonte des pelouses' }],
      textFields: [],
      missingWords: [],
    },
    ...change,
    node: {
      __typename: 'Supplier',
      id,
      name,
      legalName: name,
      siret: '73282932000074',
      kind: 'ESAT',
      kindName: 'Établissement et service d’accompagnement par le travail',
      reservedMarkets: ['DISABILITY_SECTOR'],
      tags: [],
      position: { __typename: 'SupplierPosition', latitude: 49.12, longitude: 6.18 },
      address: {
        __typename: 'PostalAddress',
        street: '1 rue des Jardins',
        postalCode: '57000',
        commune: { __typename: 'Commune', code: '57463', name: 'Metz', departement: { __typename: 'Departement', code: '57', name: 'Moselle' } },
      },
      contact: { __typename: 'SupplierContact', email: null, phone: null, website: null },
      categories: [{ __typename: 'Category', slug: 'tonte-debroussaillage', name: 'Tonte et débroussaillage' }],
    },
  };
}

const SEARCH = {
  suppliers: {
    __typename: 'SupplierConnection',
    totalCount: 2,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'cursor-b' },
    edges: [edge('a', 'Les Jardins de Metz'), edge('b', 'ESAT du Plateau')],
    facets: {
      __typename: 'SupplierFacets',
      kindFamilies: [{ __typename: 'KindFamilyFacet', family: 'DISABILITY', count: 2 }],
      kinds: [
        { __typename: 'KindFacet', kind: 'ESAT', count: 2 },
        { __typename: 'KindFacet', kind: 'EA', count: 3 },
      ],
      reservedMarkets: [{ __typename: 'ReservedMarketFacet', reservedMarket: 'DISABILITY_SECTOR', count: 5 }],
      categoryGroups: [],
      categories: [],
      serviceTypes: [],
      tags: [],
      smallPurchase: { __typename: 'SmallPurchaseFacet', maxAmount: 15_000, count: 2 },
    },
  },
};

const TERRITORY = { commune: { __typename: 'Commune', code: '57463', name: 'Metz', postalCodes: ['57000'], departement: { __typename: 'Departement', code: '57' } } };

const DEFAULT_ANSWERS: Record<string, FetchResult> = {
  SearchReference: { data: REFERENCE },
  SupplierSearch: { data: SEARCH },
  TerritoryName: { data: TERRITORY },
};
let answers = { ...DEFAULT_ANSWERS };

function fakeApi() {
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: new ApolloLink((operation) => {
      requests.push({ operationName: operation.operationName!, variables: operation.variables });
      return of(answers[operation.operationName!]!);
    }),
  });
}

/** The API of a server started without commune centres: no positions, no distances. */
function withoutCommuneCentres(search = SEARCH) {
  const edges = search.suppliers.edges.map((result) => ({ ...result, distanceKm: null, node: { ...result.node, position: null } }));
  answers = {
    ...DEFAULT_ANSWERS,
    SearchReference: { data: { ...REFERENCE, searchCapabilities: { __typename: 'SearchCapabilities', radiusSearchAvailable: false } } },
    SupplierSearch: { data: { suppliers: { ...search.suppliers, edges } } },
  };
}

const searches = () => requests.filter((request) => request.operationName === 'SupplierSearch');

async function mountAt(url: string, attachTo?: HTMLElement): Promise<{ router: Router; wrapper: ReturnType<typeof mount> }> {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: SearchPage }, { path: '/structures/:id', name: 'supplier', component: SearchPage }] });
  await router.push(url);
  const wrapper = mount(SearchPage, {
    global: {
      plugins: [router],
      provide: { [apolloClientKey as symbol]: fakeApi() },
      stubs: { ExportResultsButton: true, ShortlistToggle: true },
    },
    attachTo,
  });
  await flushPromises();
  await flushPromises();
  return { router, wrapper };
}

afterEach(() => {
  requests.length = 0;
  answers = { ...DEFAULT_ANSWERS };
});

describe('search page', () => {
  it('runs the search the URL describes and shows it in the form and the filters', async () => {
    const { wrapper } = await mountAt('/?commune=57463&rayon=20&type=esat&achat-direct=oui');
    const search = requests.find((request) => request.operationName === 'SupplierSearch');
    expect(search?.variables.filter).toEqual({
      territory: { scope: 'SERVES', communeCode: '57463', radiusKm: 20 },
      kinds: ['ESAT'],
      smallPurchase: { maxAmount: 15_000 },
    });
    expect((wrapper.get('#recherche-ou').element as HTMLInputElement).value).toBe('Metz (57)');
    expect((wrapper.get('#recherche-rayon').element as HTMLSelectElement).value).toBe('20');
    expect((wrapper.get('#filtre-achat-direct').element as HTMLInputElement).checked).toBe(true);
    const esat = wrapper.findAll('#filtre-type input').find((input) => input.element.parentElement!.textContent!.includes('ESAT'))!;
    expect((esat.element as HTMLInputElement).checked).toBe(true);
    expect(wrapper.get('#resultats-titre').text()).toBe('2 structures trouvées');
    expect(wrapper.findAll('article h3').map((title) => title.text())).toEqual(['Les Jardins de Metz', 'ESAT du Plateau']);
  });

  it('puts a checked filter in the URL, keeping the rest of the search', async () => {
    const { router, wrapper } = await mountAt('/?commune=57463&type=esat');
    const ea = wrapper.findAll('#filtre-type input').find((input) => input.element.parentElement!.textContent!.includes('EA —'))!;
    await ea.setValue(true);
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ commune: '57463', type: 'esat,ea' });
  });

  it('turns the small-purchase filter on from its checkbox', async () => {
    const { router, wrapper } = await mountAt('/?q=tonte');
    await wrapper.get('#filtre-achat-direct').setValue(true);
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'tonte', 'achat-direct': 'oui' });
  });

  it('focuses the result count when the same search is submitted again, and only then', async () => {
    const { wrapper } = await mountAt('/?q=tonte', document.body.appendChild(document.createElement('div')));
    await wrapper.get('form[role="search"]').trigger('submit');
    await flushPromises();
    expect(document.activeElement?.id).toBe('resultats-titre');

    // A filter's search afterwards leaves the focus on the filter.
    const checkbox = wrapper.get('#filtre-achat-direct');
    (checkbox.element as HTMLElement).focus();
    await checkbox.setValue(true);
    await flushPromises();
    await flushPromises();
    expect(document.activeElement).toBe(checkbox.element);
    wrapper.unmount();
  });

  it('refuses an invalid small-purchase amount with a message, keeping what was typed', async () => {
    const { router, wrapper } = await mountAt('/?q=tonte');
    await wrapper.get('#filtre-montant').setValue('douze');
    await wrapper.findAll('button').find((button) => button.text() === 'Appliquer')!.trigger('click');
    expect(wrapper.get('#filtre-montant-erreur').text()).toContain('montant');
    expect((wrapper.get('#filtre-montant').element as HTMLInputElement).value).toBe('douze');
    expect(router.currentRoute.value.query).toEqual({ q: 'tonte' });
  });
});

describe('search page on a server without commune centres', () => {
  it('runs a shared link with a radius and the distance sort without them, says so once, in French', async () => {
    withoutCommuneCentres();
    const { router, wrapper } = await mountAt('/?commune=57463&rayon=30&tri=distance&type=esat');

    // Never asked for what fails: every search went without the radius and the distance order.
    expect(searches().length).toBeGreaterThan(0);
    for (const search of searches()) {
      expect(search.variables.filter).toEqual({ territory: { scope: 'SERVES', communeCode: '57463', radiusKm: null }, kinds: ['ESAT'] });
      expect(search.variables.orderBy).toBeNull();
    }
    // The URL now says what is shown (a reload or a share gives the same screen).
    expect(router.currentRoute.value.query).toEqual({ commune: '57463', type: 'esat' });

    const notices = wrapper.findAll('[data-testid="radius-unavailable"]');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text()).toContain(RADIUS_UNAVAILABLE);
    expect(notices[0]!.text()).toContain('Ce lien demandait le rayon de 30 km et le tri par distance');
    expect(notices[0]!.classes()).toContain('fr-alert--info');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);

    expect(wrapper.find('#recherche-rayon').exists()).toBe(false);
    const sorts = wrapper.findAll('#tri option').map((option) => option.text());
    expect(sorts).not.toContain('Distance');
    expect(sorts.length).toBeGreaterThan(1);

    expect(wrapper.get('#resultats-titre').text()).toBe('2 structures trouvées');
    expect(wrapper.text()).not.toMatch(/à \d+([,.]\d+)? km/);
    expect(wrapper.text()).not.toMatch(/Radius|unavailable|commune centres/i);
  });

  it('offers no wider radius when nothing is found', async () => {
    withoutCommuneCentres({ suppliers: { ...SEARCH.suppliers, totalCount: 0, edges: [] } });
    const { wrapper } = await mountAt('/?commune=57463');
    expect(wrapper.find('[data-testid="empty-results"]').exists()).toBe(true);
    expect(wrapper.text()).not.toContain('Élargir');
    expect(wrapper.text()).not.toContain('rayon');
    // The notice does not repeat what the link never asked for.
    expect(wrapper.get('[data-testid="radius-unavailable"]').text()).toBe(RADIUS_UNAVAILABLE);
  });

  it('says why the map is empty instead of drawing a blank box', async () => {
    withoutCommuneCentres();
    const { router, wrapper } = await mountAt('/?commune=57463&vue=carte');
    const empty = wrapper.get('[data-testid="map-empty"]');
    expect(empty.text()).toContain('Les positions des communes ne sont pas chargées sur ce serveur');
    expect(wrapper.find('[data-testid="result-map"]').exists()).toBe(false);

    await empty.get('button').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ commune: '57463' });
    expect(wrapper.findAll('article h3')).toHaveLength(2);
  });

  it('words an unexpected FEATURE_UNAVAILABLE in French, not with the server’s message', async () => {
    // The server lost its centres after the page loaded: capabilities still say yes.
    answers.SupplierSearch = {
      errors: [{ message: 'Radius search and distances are unavailable: commune centres are not loaded on this server.', extensions: { code: 'FEATURE_UNAVAILABLE' } }],
    } as FetchResult;
    const { wrapper } = await mountAt('/?commune=57463&rayon=30');
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain(RADIUS_UNAVAILABLE);
    expect(alert.text()).not.toContain('Radius');
  });
});

describe('search page map on a server with commune centres', () => {
  it('says when none of the results has a known position', async () => {
    answers.SupplierSearch = {
      data: { suppliers: { ...SEARCH.suppliers, edges: SEARCH.suppliers.edges.map((result) => ({ ...result, node: { ...result.node, position: null } })) } },
    };
    const { wrapper } = await mountAt('/?q=tonte&vue=carte');
    expect(wrapper.get('[data-testid="map-empty"]').text()).toContain('Aucune de ces structures n’a de position connue');
    expect(wrapper.find('[data-testid="radius-unavailable"]').exists()).toBe(false);
  });

  it('keeps the radius and the distance sort', async () => {
    const { wrapper } = await mountAt('/?commune=57463&rayon=30&tri=distance');
    expect(searches()[0]!.variables.orderBy).toBe('DISTANCE');
    expect(wrapper.find('#recherche-rayon').exists()).toBe(true);
    expect(wrapper.findAll('#tri option').map((option) => option.text())).toContain('Distance');
    expect(wrapper.text()).toContain('à 4,2 km');
  });
});

describe('search page: one default order, and the national-only toggle', () => {
  it('names the default order for what it does, once, and reads "tri=relevance" as it', async () => {
    const { wrapper } = await mountAt('/?commune=57463&tri=relevance');
    const sorts = wrapper.findAll('#tri option').map((option) => option.text());
    expect(sorts[0]).toBe('Recommandé : local d’abord, puis pertinence');
    expect(sorts).not.toContain('Par défaut');
    expect(sorts).not.toContain('Pertinence');
    expect(sorts.filter((label) => label.startsWith('Recommandé'))).toHaveLength(1);
    expect(sorts).toEqual(expect.arrayContaining(['Distance', 'Nom']));
    expect(searches()[0]!.variables.orderBy).toBeNull();
    expect((wrapper.get('#tri').element as HTMLSelectElement).value).toBe('');
    expect(wrapper.find('[data-testid="link-ignored"]').exists()).toBe(false);
  });

  it('hides the structures serving all of France from a checkbox, kept in the URL', async () => {
    const { router, wrapper } = await mountAt('/?commune=57463');
    const toggle = wrapper.get('#masquer-national');
    expect(wrapper.get('label[for="masquer-national"]').text()).toContain('Masquer les structures qui interviennent dans toute la France');
    await toggle.setValue(true);
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ commune: '57463', national: 'non' });
    expect(searches().at(-1)!.variables.filter).toEqual({ territory: { scope: 'SERVES', communeCode: '57463', radiusKm: null }, excludeNationalOnly: true });
    expect((wrapper.get('#masquer-national').element as HTMLInputElement).checked).toBe(true);
  });

  it('offers no such toggle without a place', async () => {
    const { wrapper } = await mountAt('/?q=tonte');
    expect(wrapper.find('#masquer-national').exists()).toBe(false);
    expect(wrapper.findAll('#tri option')[0]!.text()).toBe('Recommandé : les plus pertinentes d’abord');
  });
});

describe('search page: each card says why', () => {
  it('shows the matching activity and offering, the place in words, and the matching price with its unit', async () => {
    answers.SupplierSearch = {
      data: {
        suppliers: {
          ...SEARCH.suppliers,
          edges: [
            edge('a', 'Les Jardins de Metz'),
            edge('b', 'Propreté Lorraine', {
              territoryMatch: 'SERVES_NATIONALLY',
              directPurchasePossible: false,
              cheapestMatchingOffering: {
                __typename: 'Offering',
                id: 'offering-b2',
                title: 'Entretien de locaux',
                entryAmount: 250,
                minimumOrderAmount: 250,
                price: { __typename: 'OfferingPrice', amountFrom: 22, amountTo: null, unit: 'SQUARE_METRE' },
              },
            }),
          ],
        },
      },
    };
    const { wrapper } = await mountAt('/?categorie=tonte-debroussaillage&commune=57463');
    const [first, second] = wrapper.findAll('article');
    const text = (element: { text(): string }) => element.text().replace(/[\u00a0\u202f]/g, ' ');
    expect(text(first!.get('[data-testid="result-why"]'))).toBe('Correspond : Tonte et débroussaillage · offre « Tonte des pelouses »');
    expect(first!.get('[data-testid="result-place"]').text()).toBe('Située à Metz (57) · à 4,2 km');
    expect(text(first!.get('[data-testid="result-price"]'))).toBe('À partir de 35 € HT de l’heure');
    expect(first!.find('[data-testid="direct-purchase-badge"]').text()).toBe('Achat direct possible');

    expect(second!.get('[data-testid="result-place"]').text()).toBe('Intervient dans toute la France · site à Metz (57), à 4,2 km');
    expect(text(second!.get('[data-testid="result-price"]'))).toBe('À partir de 22 € HT le m² · commande minimum 250 € HT — Entretien de locaux');
    // The badge is the API's rule, never worked out here from a price.
    expect(second!.find('[data-testid="direct-purchase-badge"]').exists()).toBe(false);
  });

  it('says "Prix sur demande" when no matching offering is priced, and when none matches', async () => {
    const onQuote = edge('a', 'Les Jardins de Metz', { cheapestMatchingOffering: null, directPurchasePossible: false });
    const noneMatching = edge('b', 'Tonte Services', {
      cheapestMatchingOffering: null,
      matchReasons: { __typename: 'SupplierMatchReasons', categories: [], offerings: [], textFields: ['NAME'], missingWords: [] },
    });
    answers.SupplierSearch = { data: { suppliers: { ...SEARCH.suppliers, edges: [onQuote, noneMatching] } } };
    const { wrapper } = await mountAt('/?q=tonte');
    const prices = wrapper.findAll('[data-testid="result-price"]').map((price) => price.text());
    expect(prices).toEqual(['Prix sur demande', 'Pas d’offre publiée pour cette recherche : prix sur demande']);
    expect(wrapper.findAll('[data-testid="result-why"]')[1]!.text()).toBe('Correspond : son nom');
  });
});

describe('search page: direct purchase, explained', () => {
  const panel = (wrapper: ReturnType<typeof mount>) => wrapper.get('[data-testid="small-purchase"]').text().replace(/[\u00a0\u202f]/g, ' ');

  it('gives the amount chosen and the legal thresholds in force, dated, with their article', async () => {
    const { wrapper } = await mountAt('/?q=tonte');
    const text = panel(wrapper);
    expect(text).toContain('Achat direct possible (jusqu’à 15 000 € HT)');
    expect(text).toContain('15 000 € HT par défaut');
    expect(text).toContain('Seuils légaux en vigueur depuis le 1er avril 2026');
    expect(text).toContain('60 000 € HT pour les fournitures et services');
    expect(text).toContain('100 000 € HT pour les travaux');
    expect(text).toContain('article R2122-8 du code de la commande publique, décret n° 2025-1386');
    expect(wrapper.find('[data-testid="threshold-warning"]').exists()).toBe(false);
  });

  it('warns when the amount is above the threshold of supplies and services, and above both', async () => {
    const { wrapper } = await mountAt('/?q=tonte&achat-direct=oui&montant=80000');
    expect(wrapper.get('[data-testid="threshold-warning"]').text().replace(/[\u00a0\u202f]/g, ' ')).toContain(
      '80 000 € HT dépasse le seuil des fournitures et services (60 000 € HT) : sans publicité ni mise en concurrence, seuls des travaux',
    );
    const above = await mountAt('/?q=tonte&achat-direct=oui&montant=150000');
    expect(above.wrapper.get('[data-testid="threshold-warning"]').text()).toContain('demande une publicité et une mise en concurrence');
  });

  it.each([
    ['0', 'supérieur à 0'],
    ['100000000', 'd’au plus'],
    ['-5', 'en chiffres'],
    ['', 'Indiquez un montant'],
  ])('refuses the amount "%s" next to the field, keeping the rest of the form', async (typed, message) => {
    const { router, wrapper } = await mountAt('/?q=tonte&commune=57463');
    await wrapper.get('#recherche-quoi').setValue('traiteur');
    await wrapper.get('#filtre-montant').setValue(typed);
    await wrapper.get('#filtre-montant').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    const error = wrapper.get('#filtre-montant-erreur');
    expect(error.text()).toContain(message);
    expect(wrapper.get('#filtre-montant').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#filtre-montant').attributes('aria-describedby')).toBe('filtre-montant-erreur');
    expect(wrapper.get('[data-testid="small-purchase"] .fr-input-group').classes()).toContain('fr-input-group--error');
    expect(router.currentRoute.value.query).toEqual({ q: 'tonte', commune: '57463' });
    expect((wrapper.get('#recherche-quoi').element as HTMLInputElement).value).toBe('traiteur');
  });

  it('applies an amount written the French way, leaving what is typed in the form alone', async () => {
    const { router, wrapper } = await mountAt('/?q=tonte');
    await wrapper.get('#recherche-quoi').setValue('traiteur');
    await wrapper.get('#filtre-montant').setValue('40 000 €');
    await wrapper.findAll('button').find((button) => button.text() === 'Appliquer')!.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'tonte', 'achat-direct': 'oui', montant: '40000' });
    expect(searches().at(-1)!.variables.filter).toEqual({ text: 'tonte', smallPurchase: { maxAmount: 40_000 } });
    expect((wrapper.get('#recherche-quoi').element as HTMLInputElement).value).toBe('traiteur');
  });
});

describe('search page: what a link or a typing gets wrong, said in French', () => {
  const notice = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('[data-testid="link-ignored"]');
  const plain = (element: { text(): string }) => element.text().replace(/[\u00a0\u202f]/g, ' ');

  it('ignores a malformed département, says so once, and never sends it', async () => {
    const { router, wrapper } = await mountAt('/?departement=XX&q=tonte');
    expect(notice(wrapper)).toHaveLength(1);
    expect(plain(notice(wrapper)[0]!)).toBe(
      'Ce lien contenait un critère inconnu, ignoré : le département « XX ». Les résultats portent sur le reste de la recherche.',
    );
    for (const search of searches()) expect(search.variables.filter).toEqual({ text: 'tonte' });
    expect(router.currentRoute.value.query).toEqual({ q: 'tonte' });
    expect(wrapper.get('#resultats-titre').text()).toBe('2 structures trouvées');
  });

  it('ignores a commune the API does not know, and lists everything ignored in one notice', async () => {
    answers.TerritoryName = { data: { commune: null } };
    const { router, wrapper } = await mountAt('/?commune=99999&categorie=licorne&type=esat,dragon');
    expect(notice(wrapper)).toHaveLength(1);
    const text = plain(notice(wrapper)[0]!);
    expect(text).toContain('Ce lien contenait des critères inconnus, ignorés :');
    expect(text).toContain('la commune « 99999 »');
    expect(text).toContain('l’activité « licorne »');
    expect(text).toContain('le type de structure « dragon »');
    expect(text).not.toMatch(/Unknown|commune INSEE code|invalid/i);
    // Never searched with what is unknown; the rest of the link stays.
    expect(searches().length).toBeGreaterThan(0);
    for (const search of searches()) expect(search.variables.filter).toEqual({ kinds: ['ESAT'] });
    expect(router.currentRoute.value.query).toEqual({ type: 'esat' });
  });

  it('clears the notice once the buyer searches again', async () => {
    const { wrapper } = await mountAt('/?departement=XX');
    expect(notice(wrapper)).toHaveLength(1);
    await wrapper.get('#filtre-achat-direct').setValue(true);
    await flushPromises();
    expect(notice(wrapper)).toHaveLength(0);
  });

  it('shows the API’s refusal of a text without a searchable word, in French, instead of results', async () => {
    answers.SupplierSearch = {
      errors: [{ message: 'No searchable word', extensions: { code: 'BAD_USER_INPUT', argument: 'filter.text' } }],
    } as FetchResult;
    const { wrapper } = await mountAt('/?q=***');
    expect(wrapper.get('[data-testid="search-refused"]').text()).toContain('Aucun mot exploitable dans « *** » : saisissez un métier, un produit ou le nom d’une structure.');
    expect(wrapper.get('#resultats-titre').text()).toBe('Recherche impossible');
    expect(wrapper.findAll('article')).toHaveLength(0);
    expect(wrapper.text()).not.toContain('No searchable word');
    expect(wrapper.findAll('button').some((button) => button.text() === 'Réessayer')).toBe(false);
  });

  it('keeps "Quoi ?" to 200 characters, and says so', async () => {
    const { router, wrapper } = await mountAt(`/?q=${'a'.repeat(250)}`);
    expect(wrapper.get('#recherche-quoi').attributes('maxlength')).toBe('200');
    expect((wrapper.get('#recherche-quoi').element as HTMLInputElement).value).toHaveLength(200);
    expect(notice(wrapper)[0]!.text()).toContain('la fin du texte recherché, au-delà de 200 caractères');
    expect(router.currentRoute.value.query.q).toHaveLength(200);
    expect(wrapper.get('#recherche-quoi-remarque').text()).toContain('200 caractères au plus');
  });
});

describe('search page: a place typed without picking', () => {
  const suggestions = (...territories: Record<string, unknown>[]) => ({ data: { territories } });
  const departement = (code: string, name: string) => ({ __typename: 'Departement', code, name });
  const metz = { __typename: 'Commune', code: '57463', name: 'Metz', postalCodes: ['57000'], departement: { __typename: 'Departement', code: '57' } };

  async function typePlace(wrapper: ReturnType<typeof mount>, text: string) {
    await wrapper.get('#recherche-ou').setValue(text);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await flushPromises();
    await wrapper.get('form[role="search"]').trigger('submit');
    await flushPromises();
    await flushPromises();
  }

  it('never takes a look-alike: "Atlantide" is not Loire-Atlantique', async () => {
    answers.TerritorySuggestions = suggestions(departement('44', 'Loire-Atlantique'), departement('64', 'Pyrénées-Atlantiques'));
    const { router, wrapper } = await mountAt('/?q=tonte');
    await typePlace(wrapper, 'Atlantide');
    const error = wrapper.get('#recherche-ou-erreur');
    expect(error.text()).toBe(
      'Lieu introuvable : « Atlantide ». Vouliez-vous dire Loire-Atlantique (44) ou Pyrénées-Atlantiques (64) ? Choisissez le lieu dans la liste.',
    );
    expect(error.attributes('role')).toBe('alert');
    expect(wrapper.get('#recherche-ou').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#recherche-ou').attributes('aria-describedby')).toBe('recherche-ou-erreur');
    expect(router.currentRoute.value.query).toEqual({ q: 'tonte' });
    // The rest of the form is as the buyer left it.
    expect((wrapper.get('#recherche-quoi').element as HTMLInputElement).value).toBe('tonte');
  });

  it('takes a place that answers to the text exactly, without asking for its name again', async () => {
    answers.TerritorySuggestions = suggestions(metz, { ...metz, code: '57466', name: 'Metzing' });
    const { router, wrapper } = await mountAt('/?q=tonte');
    await typePlace(wrapper, 'metz');
    expect(router.currentRoute.value.query).toEqual({ q: 'tonte', commune: '57463' });
    expect(wrapper.find('#recherche-ou-erreur').exists()).toBe(false);
    // The picked place went into the cache: its name is known, the search ran at once.
    expect(requests.filter((request) => request.operationName === 'TerritoryName')).toHaveLength(0);
    expect(searches().at(-1)!.variables.filter).toEqual({ text: 'tonte', territory: { scope: 'SERVES', communeCode: '57463', radiusKm: null } });
  });
});
