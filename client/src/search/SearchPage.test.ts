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
  smallPurchaseRules: { __typename: 'SmallPurchaseRules', defaultAmount: 15_000 },
  searchCapabilities: { __typename: 'SearchCapabilities', radiusSearchAvailable: true },
};

function edge(id: string, name: string) {
  return {
    __typename: 'SupplierEdge',
    cursor: `cursor-${id}`,
    distanceKm: 4.2,
    territoryMatch: 'LOCATED_IN',
    cheapestMatchingOffering: {
      __typename: 'Offering',
      id: `offering-${id}`,
      title: 'Tonte des pelouses',
      entryAmount: 35,
      price: { __typename: 'OfferingPrice', amountFrom: 35, amountTo: null, unit: 'HOUR' },
    },
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
      lowestEntryAmount: 35,
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

const TERRITORY = { commune: { __typename: 'Commune', name: 'Metz', postalCodes: ['57000'], departement: { __typename: 'Departement', code: '57' } } };

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
