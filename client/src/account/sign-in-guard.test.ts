import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { apolloClientKey } from '../graphql/apollo';
import { fakeApolloClient, viewer } from './fake-account-api';
import { requireSignIn } from './sign-in-guard';

const Page = defineComponent({ template: '<p>Page</p>' });

async function visit(path: string, signedIn: boolean) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Page },
      { path: '/connexion', component: Page },
      { path: '/mon-espace/compte', component: Page, meta: { requiresSignIn: true } },
    ],
  });
  router.beforeEach(requireSignIn);
  const { client, requests } = fakeApolloClient({ Viewer: () => ({ data: { viewer: signedIn ? viewer() : null } }) });
  // Guards run in the app's context: the client is provided as in main.ts.
  mount(RouterView, { global: { plugins: [router], provide: { [apolloClientKey as symbol]: client } } });
  await router.push(path);
  await flushPromises();
  return { route: router.currentRoute.value, requests };
}

describe('requireSignIn guard', () => {
  it('sends anonymous visitors of a signed-in page to /connexion with the way back', async () => {
    const { route } = await visit('/mon-espace/compte?onglet=1', false);
    expect(route.path).toBe('/connexion');
    expect(route.query).toEqual({ retour: '/mon-espace/compte?onglet=1' });
  });

  it('lets signed-in people through', async () => {
    const { route } = await visit('/mon-espace/compte', true);
    expect(route.fullPath).toBe('/mon-espace/compte');
  });

  it('asks nothing for public pages', async () => {
    const { route, requests } = await visit('/', false);
    expect(route.fullPath).toBe('/');
    expect(requests).toEqual([]);
  });
});
