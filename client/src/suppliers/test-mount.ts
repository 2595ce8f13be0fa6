/** Mounting pages in component tests: a mocked API and an in-memory router. */
import { ApolloClient, InMemoryCache } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { flushPromises } from '@vue/test-utils';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { apolloClientKey } from '../graphql/apollo';

export function createTestClient(mocks: ReadonlyArray<MockLink.MockedResponse>): ApolloClient {
  return new ApolloClient({
    link: new MockLink(mocks, { defaultOptions: { delay: 0 } }),
    // As in createApolloClient: search connections are not normalised.
    cache: new InMemoryCache({ typePolicies: { SupplierConnection: { keyFields: false } } }),
  });
}

const Blank = defineComponent({ render: () => null });

/** The app's route names and paths, with empty pages: the page under test is mounted by itself. */
export function createTestRouter(): Router {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'search', component: Blank },
      { path: '/structures/:id', name: 'supplier', component: Blank },
      { path: '/ma-selection', name: 'shortlist', component: Blank },
    ],
  });
}

export function globalOptions(client: ApolloClient, router: Router) {
  return { plugins: [router], provide: { [apolloClientKey as symbol]: client } };
}

/** Lets the mocked API answer and Vue render (MockLink answers on a timer, even with delay 0). */
export async function settle(): Promise<void> {
  for (let round = 0; round < 4; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await flushPromises();
  }
}
