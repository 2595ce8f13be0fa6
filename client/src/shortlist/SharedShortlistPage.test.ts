import type { MockLink } from '@apollo/client/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadCsv } from '../export/csv';
import { METZ_ID, shortlistSupplier } from '../suppliers/test-fixtures';
import { createTestClient, createTestRouter, globalOptions, settle } from '../suppliers/test-mount';
import SharedShortlistPage from './SharedShortlistPage.vue';
import { SharedShortlistQuery } from './shortlist-documents';

vi.mock('../export/csv', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../export/csv')>()),
  downloadCsv: vi.fn(),
}));

enableAutoUnmount(afterEach);

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
const NOTE = '<img src=x onerror="window.__xss=1">\nà rappeler';

async function mountPage(sharedShortlist: unknown) {
  const router = createTestRouter();
  router.addRoute({ path: '/listes/:token', name: 'shared-shortlist', component: { render: () => null } });
  await router.push(`/listes/${TOKEN}`);
  const mocks: MockLink.MockedResponse[] = [{ request: { query: SharedShortlistQuery, variables: { token: TOKEN } }, result: { data: { sharedShortlist } } }];
  const wrapper = mount(SharedShortlistPage, { global: globalOptions(createTestClient(mocks), router), attachTo: document.body });
  await settle();
  return wrapper;
}

describe('SharedShortlistPage', () => {
  beforeEach(() => {
    vi.mocked(downloadCsv).mockClear();
    document.body.innerHTML = '';
  });

  it('says so when the link opens nothing', async () => {
    const wrapper = await mountPage(null);
    expect(wrapper.find('h1').text()).toBe('Liste introuvable ou plus partagée');
    expect(wrapper.find('[data-testid="shared-shortlist-item"]').exists()).toBe(false);
  });

  it('shows the list read-only, notes as literal text, and exports them', async () => {
    const wrapper = await mountPage({
      __typename: 'SharedShortlist',
      name: 'Espaces verts <b>2026</b>',
      entryCount: 1,
      unavailableCount: 1,
      entries: [{ __typename: 'ShortlistEntry', note: NOTE, supplier: shortlistSupplier() }],
    });
    expect(wrapper.find('h1').text()).toBe('Espaces verts <b>2026</b>');
    expect(wrapper.text()).toContain('1 structure de cette liste n’est plus publiée');
    const item = wrapper.find('[data-testid="shared-shortlist-item"]');
    expect(item.find('h2 a').attributes('href')).toBe(`/structures/${METZ_ID}`);
    expect(item.find('[data-testid="shared-shortlist-note"]').text()).toBe(NOTE);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(wrapper.find('textarea').exists()).toBe(false);

    await wrapper.find('button').trigger('click');
    const [, csv] = vi.mocked(downloadCsv).mock.calls[0]!;
    const [header, row] = String(csv).split('\r\n');
    expect(header!.split(';').at(-1)).toBe('Note');
    expect(String(csv)).toContain('Les Jardins de Metz');
    expect(row).toContain('"<img src=x onerror=""window.__xss=1"">');
  });
});
