import { ApolloClient, ApolloLink, InMemoryCache, type FetchResult } from '@apollo/client';
import { flushPromises, mount } from '@vue/test-utils';
import { of } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { apolloClientKey } from '../graphql/apollo';
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

const ANSWERS: Record<string, unknown> = { SearchReference: REFERENCE, SupplierSearch: SEARCH, TerritoryName: TERRITORY };

function fakeApi() {
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: new ApolloLink((operation) => {
      requests.push({ operationName: operation.operationName!, variables: operation.variables });
      return of({ data: ANSWERS[operation.operationName!] } as FetchResult);
    }),
  });
}

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
