import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mountPage, type Answer } from '../account/fake-account-api';
import ApiKeysAdminPage from './ApiKeysAdminPage.vue';

/** The admins' list of every API key against a fake API. */
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function apiKey(index: number, overrides: { revokedAt?: string | null } = {}) {
  return {
    __typename: 'ApiKey',
    id: `QXBpS2V5OjE${index}`,
    name: `Clé ${index}`,
    prefix: `ai_prefix${String(index).padStart(3, '0')}`,
    createdAt: '2026-11-20T10:00:00Z',
    lastUsedAt: null,
    revokedAt: overrides.revokedAt ?? null,
    usage: { __typename: 'ApiKeyUsage', calls: 7, errors: 1, rateLimited: 0 },
    owner: { __typename: 'Account', id: `QWNjb3VudDo${index}`, displayName: `Plateforme ${index}`, email: `p${index}@exemple.fr` },
  };
}

const page = (keys: ReturnType<typeof apiKey>[], endCursor: string, hasNextPage: boolean, totalCount = 3) => ({
  data: {
    apiKeys: {
      __typename: 'ApiKeyConnection',
      totalCount,
      edges: keys.map((node) => ({ __typename: 'ApiKeyEdge', node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
    },
  },
});

async function open(answer: Answer) {
  const mounted = await mountPage(ApiKeysAdminPage, '/admin/cles-api', '/admin/cles-api', { AllApiKeys: answer });
  unmount = () => mounted.wrapper.unmount();
  await flushPromises();
  return mounted;
}

describe('admin API keys page', () => {
  it('lists every key with its owner and use, and loads the next page after the last cursor', async () => {
    const { wrapper, requests } = await open((variables) =>
      variables.after === 'c2' ? page([apiKey(3, { revokedAt: '2026-11-22T08:00:00Z' })], 'c3', false) : page([apiKey(1), apiKey(2)], 'c2', true),
    );
    expect(wrapper.text()).toContain('3 clés, de la plus récente à la plus ancienne');
    const row = wrapper.get('[data-testid="api-key-ai_prefix001"]').text();
    expect(row).toContain('Clé 1');
    expect(row).toContain('Plateforme 1');
    expect(row).toContain('p1@exemple.fr');
    expect(wrapper.findAll('tbody tr')).toHaveLength(2);

    await wrapper.get('button.fr-btn--secondary').trigger('click');
    await flushPromises();
    expect(requests.at(-1)?.variables).toEqual({ first: 50, after: 'c2' });
    expect(wrapper.findAll('tbody tr')).toHaveLength(3);
    expect(wrapper.get('[data-testid="api-key-ai_prefix003"]').text()).toContain('Révoquée le 22 novembre 2026');
    expect(wrapper.findAll('button').some((button) => button.text().startsWith('Afficher'))).toBe(false);
  });

  it('tells visitors and non-admins the page is for admins, with a sign-in link back to it', async () => {
    const { wrapper } = await open(() => ({ errors: [{ message: 'Réservé aux administrateurs.', extensions: { code: 'FORBIDDEN' } }] }));
    const notice = wrapper.get('[data-testid="admin-only"]');
    expect(notice.text()).toContain('Accès réservé aux administrateurs');
    expect(notice.get('a').attributes('href')).toBe('/connexion?retour=/admin/cles-api');
    expect(wrapper.find('table').exists()).toBe(false);
  });
});
