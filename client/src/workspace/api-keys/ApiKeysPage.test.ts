import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountPage, userError, type Answer } from '../../account/fake-account-api';
import ApiKeysPage from './ApiKeysPage.vue';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  vi.unstubAllGlobals();
});

function apiKey(overrides: Partial<{ id: string; name: string; prefix: string; lastUsedAt: string | null; revokedAt: string | null; calls: number }> = {}) {
  return {
    __typename: 'ApiKey',
    id: overrides.id ?? 'QXBpS2V5OjE',
    name: overrides.name ?? 'ERP Ville de Metz',
    prefix: overrides.prefix ?? 'ai_k3x9q2m1',
    createdAt: '2026-11-20T10:00:00Z',
    lastUsedAt: overrides.lastUsedAt ?? null,
    revokedAt: overrides.revokedAt ?? null,
    usage: { __typename: 'ApiKeyUsage', calls: overrides.calls ?? 0, errors: 3, rateLimited: 2 },
  };
}

const keysAnswer = (keys: ReturnType<typeof apiKey>[]): Answer => () => ({
  data: { viewer: { __typename: 'Viewer', account: { __typename: 'Account', id: 'QWNjb3VudDox' }, apiKeys: keys } },
});

async function open(answers: Record<string, Answer>) {
  const mounted = await mountPage(ApiKeysPage, '/mon-espace/cles-api', '/mon-espace/cles-api', { ApiKeys: keysAnswer([]), ...answers });
  unmount = () => mounted.wrapper.unmount();
  await flushPromises();
  return mounted;
}

const SECRET = 'ai_k3x9q2m1_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

describe('API keys page', () => {
  it('lists the keys with prefix, dates and use over 30 days', async () => {
    const { wrapper } = await open({
      ApiKeys: keysAnswer([apiKey({ lastUsedAt: '2026-11-24T08:00:00Z', calls: 12345 }), apiKey({ id: 'QXBpS2V5OjI', prefix: 'ai_aaaaaaaa', revokedAt: '2026-11-21T08:00:00Z' })]),
    });
    const row = wrapper.get('[data-testid="api-key-ai_k3x9q2m1"]').text();
    expect(row).toContain('ERP Ville de Metz');
    expect(row).toContain('ai_k3x9q2m1…');
    expect(row).toContain('20 novembre 2026');
    expect(row).toContain('24 novembre 2026');
    expect(row).toMatch(/12\s345/);
    expect(row).toContain('Révoquer');
    expect(wrapper.get('[data-testid="api-key-ai_aaaaaaaa"]').text()).toContain('Révoquée le 21 novembre 2026');
  });

  it('creates a key and shows it once, with a warning and a copy button', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    let created = false;
    const { wrapper, requests } = await open({
      ApiKeys: () => keysAnswer(created ? [apiKey()] : [])({}),
      CreateApiKey: () => {
        created = true;
        return { data: { createApiKey: { __typename: 'CreateApiKeyPayload', key: SECRET, apiKey: apiKey(), userErrors: [] } } };
      },
    });
    await wrapper.get('#cle-nom').setValue('ERP Ville de Metz');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(requests.find((request) => request.operationName === 'CreateApiKey')?.variables).toEqual({ input: { name: 'ERP Ville de Metz' } });
    const shown = wrapper.get('[data-testid="new-key"]');
    expect(shown.get('[data-testid="new-key-value"]').text()).toBe(SECRET);
    expect(shown.text()).toContain('elle ne sera plus jamais affichée');
    expect(document.activeElement?.id).toBe('cle-nouvelle-titre');
    expect(wrapper.get('[data-testid="api-keys"]').text()).toContain('ERP Ville de Metz');

    await shown.get('button').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(wrapper.get('[data-testid="copy-status"]').text()).toBe('Clé copiée dans le presse-papiers.');
  });

  it('mirrors a name error next to the field, focused', async () => {
    const { wrapper } = await open({
      CreateApiKey: () => ({
        data: { createApiKey: { __typename: 'CreateApiKeyPayload', key: null, apiKey: null, userErrors: [userError(['name'], 'BLANK', 'Le nom de la clé est obligatoire.')] } },
      }),
    });
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('Le nom de la clé est obligatoire.');
    expect(wrapper.get('#cle-nom').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('cle-nom');
    expect(wrapper.find('[data-testid="new-key"]').exists()).toBe(false);
  });

  it('revokes a key only after confirmation, and says so', async () => {
    const { wrapper, requests } = await open({
      ApiKeys: keysAnswer([apiKey()]),
      RevokeApiKey: () => ({
        data: { revokeApiKey: { __typename: 'RevokeApiKeyPayload', apiKey: apiKey({ revokedAt: '2026-11-25T10:00:00Z' }), userErrors: [] } },
      }),
    });
    await wrapper.get('#cle-revoquer-QXBpS2V5OjE').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('cle-annuler-QXBpS2V5OjE');
    await wrapper.get('#cle-annuler-QXBpS2V5OjE').trigger('click');
    await flushPromises();
    expect(requests.some((request) => request.operationName === 'RevokeApiKey')).toBe(false);

    await wrapper.get('#cle-revoquer-QXBpS2V5OjE').trigger('click');
    await flushPromises();
    const confirm = wrapper.findAll('button').find((button) => button.text() === 'Révoquer la clé')!;
    await confirm.trigger('click');
    await flushPromises();
    expect(requests.find((request) => request.operationName === 'RevokeApiKey')?.variables).toEqual({ input: { apiKeyId: 'QXBpS2V5OjE' } });
    expect(wrapper.get('[data-testid="revoke-status"]').text()).toContain('est révoquée');
    expect(wrapper.get('[data-testid="api-key-ai_k3x9q2m1"]').text()).toContain('Révoquée le 25 novembre 2026');
  });
});
