import type { MockLink } from '@apollo/client/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadCsv } from '../export/csv';
import { METZ_ID, NANCY_ID, shortlistSupplier } from '../suppliers/test-fixtures';
import { createTestClient, createTestRouter, globalOptions, settle } from '../suppliers/test-mount';
import ShortlistPage from './ShortlistPage.vue';
import { ShortlistSuppliersQuery } from './shortlist-documents';
import { useShortlist } from './shortlist-store';

vi.mock('../export/csv', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../export/csv')>()),
  downloadCsv: vi.fn(),
}));

const GONE_ID = 'U3VwcGxpZXI6OTk';
const nancy = shortlistSupplier({
  id: NANCY_ID,
  name: 'Atelier Nancy Services',
  legalName: 'Atelier Nancy Services SAS',
  kind: 'EA',
  kindName: 'Entreprise adaptée',
  reservedMarkets: ['DISABILITY_SECTOR'],
});

function keep(...entries: [string, string][]) {
  for (const [id, name] of entries) useShortlist().add({ id, name });
}

async function mountPage(mocks: MockLink.MockedResponse[]) {
  const router = createTestRouter();
  await router.push('/ma-selection');
  return mount(ShortlistPage, { global: globalOptions(createTestClient(mocks), router), attachTo: document.body });
}

const answer = (ids: string[], nodes: unknown[]): MockLink.MockedResponse => ({
  request: { query: ShortlistSuppliersQuery, variables: { ids } },
  result: { data: { nodes } },
});

// A page left mounted would keep following the shared shortlist into the next test.
enableAutoUnmount(afterEach);

describe('ShortlistPage', () => {
  beforeEach(() => {
    useShortlist().clear();
    vi.mocked(downloadCsv).mockClear();
    document.body.innerHTML = '';
  });

  it('says the shortlist is empty and links to the search', async () => {
    const wrapper = await mountPage([]);
    expect(wrapper.find('h1').text()).toBe('Ma sélection');
    const empty = wrapper.find('[data-testid="shortlist-empty"]');
    expect(empty.find('h2').text()).toBe('Votre sélection est vide');
    expect(empty.find('a').attributes('href')).toBe('/');
  });

  it('lists the kept suppliers fresh from one request, and those gone under their stored name', async () => {
    keep([METZ_ID, 'Jardins (ancien nom)'], [GONE_ID, 'Structure disparue'], [NANCY_ID, 'Atelier Nancy Services']);
    const wrapper = await mountPage([answer([METZ_ID, GONE_ID, NANCY_ID], [shortlistSupplier(), null, nancy])]);

    // Before the answer: the stored names, already linked and removable.
    expect(wrapper.findAll('[data-testid="shortlist-item"] h2').map((title) => title.text())).toEqual([
      'Jardins (ancien nom)',
      'Structure disparue',
      'Atelier Nancy Services',
    ]);
    expect(wrapper.find('ul[aria-busy="true"]').exists()).toBe(true);

    await settle();

    const items = wrapper.findAll('[data-testid="shortlist-item"]');
    expect(items.map((item) => item.attributes('data-status'))).toEqual(['available', 'unavailable', 'available']);
    const metz = items[0]!;
    expect(metz.find('h2').text()).toBe('Les Jardins de Metz');
    expect(metz.find('h2 a').attributes('href')).toBe(`/structures/${METZ_ID}`);
    expect(metz.text()).toContain('Marché réservé SIAE (L2113-13)');
    expect(metz.text()).toContain('Intervient dans : Moselle');
    expect(metz.text()).toContain('35\u00a0€ HT de l’heure (commande minimum 150\u00a0€ HT) — Tonte de pelouse');
    expect(metz.text()).toContain('123 456 789 00012');
    expect(metz.find('[data-contact="email"] a').attributes('href')).toBe('mailto:contact@jardins-metz.example');
    expect(items[2]!.text()).toContain('Marché réservé handicap (L2113-12)');

    const gone = items[1]!;
    expect(gone.find('h2').text()).toBe('Structure disparue');
    expect(gone.find('h2 a').exists()).toBe(false);
    expect(gone.text()).toContain('Plus disponible');
    expect(wrapper.find('ul[aria-busy="true"]').exists()).toBe(false);

    // The stored name follows the supplier's current name.
    expect(useShortlist().entries.value[0]).toEqual({ id: METZ_ID, name: 'Les Jardins de Metz' });
  });

  it('removes an entry, gone or not, and moves the focus to the next one', async () => {
    keep([METZ_ID, 'Les Jardins de Metz'], [GONE_ID, 'Structure disparue'], [NANCY_ID, 'Atelier Nancy Services']);
    const wrapper = await mountPage([answer([METZ_ID, GONE_ID, NANCY_ID], [shortlistSupplier(), null, nancy])]);
    await settle();

    const removeButton = wrapper.findAll('[data-testid="shortlist-item"]')[1]!.find('button');
    expect(removeButton.text()).toBe('Retirer de ma sélection\u00a0: Structure disparue');
    await removeButton.trigger('click');
    await settle();

    expect(useShortlist().entries.value.map((entry) => entry.id)).toEqual([METZ_ID, NANCY_ID]);
    expect(wrapper.findAll('[data-testid="shortlist-item"]')).toHaveLength(2);
    expect(document.activeElement?.textContent?.trim()).toBe('Atelier Nancy Services');
    expect(wrapper.text()).toContain('Structure disparue a été retirée de votre sélection.');
  });

  it('exports the available suppliers as a dated CSV', async () => {
    keep([METZ_ID, 'Les Jardins de Metz'], [GONE_ID, 'Structure disparue']);
    const wrapper = await mountPage([answer([METZ_ID, GONE_ID], [shortlistSupplier(), null])]);
    await settle();

    await wrapper.findAll('button').find((button) => button.text() === 'Exporter en CSV')!.trigger('click');

    expect(downloadCsv).toHaveBeenCalledOnce();
    const [filename, content] = vi.mocked(downloadCsv).mock.calls[0]!;
    expect(filename).toMatch(/^achat-inclusif-selection-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = content.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Les Jardins de Metz;Association Jardins Solidaires Mosellans;"=""12345678900012""";/);
    expect(content).not.toContain('Structure disparue');
    expect(wrapper.text()).toContain(`Fichier ${filename} enregistré : 1 structure.`);
  });

  it('empties the shortlist only once confirmed', async () => {
    keep([METZ_ID, 'Les Jardins de Metz'], [NANCY_ID, 'Atelier Nancy Services']);
    const wrapper = await mountPage([answer([METZ_ID, NANCY_ID], [shortlistSupplier(), nancy])]);
    await settle();

    const clear = wrapper.findAll('button').find((button) => button.text() === 'Vider la sélection')!;
    await clear.trigger('click');
    await settle();
    const confirm = wrapper.find('[data-testid="shortlist-clear-confirm"]');
    expect(confirm.text()).toContain('Retirer les 2 structures de votre sélection ?');
    expect(clear.attributes('aria-expanded')).toBe('true');
    expect(useShortlist().count.value).toBe(2);

    await confirm.findAll('button').find((button) => button.text() === 'Annuler')!.trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="shortlist-clear-confirm"]').exists()).toBe(false);
    expect(document.activeElement).toBe(clear.element);
    expect(useShortlist().count.value).toBe(2);

    await clear.trigger('click');
    await settle();
    await wrapper.findAll('button').find((button) => button.text() === 'Oui, vider la sélection')!.trigger('click');
    await settle();
    expect(useShortlist().count.value).toBe(0);
    expect(wrapper.find('[data-testid="shortlist-empty"]').exists()).toBe(true);
    expect(document.activeElement?.textContent).toBe('Votre sélection est vide');
  });

  it('keeps the focus on an entry’s link while its data arrives', async () => {
    keep([METZ_ID, 'Les Jardins de Metz']);
    const wrapper = await mountPage([answer([METZ_ID], [shortlistSupplier()])]);
    const link = wrapper.find('[data-testid="shortlist-item"] h2 a');
    expect(wrapper.find('[data-testid="shortlist-item"]').attributes('data-status')).toBe('unknown');
    (link.element as HTMLElement).focus();

    await settle();
    expect(wrapper.find('[data-testid="shortlist-item"]').attributes('data-status')).toBe('available');
    expect(document.activeElement).toBe(link.element);
  });

  it('keeps the entries listed by name when the request fails, and tries again', async () => {
    keep([METZ_ID, 'Les Jardins de Metz'], [GONE_ID, 'Structure disparue']);
    const wrapper = await mountPage([
      { request: { query: ShortlistSuppliersQuery, variables: { ids: [METZ_ID, GONE_ID] } }, error: new Error('Network down') },
      answer([METZ_ID, GONE_ID], [shortlistSupplier(), null]),
    ]);
    await settle();

    expect(wrapper.find('[data-testid="shortlist-error"]').text()).toContain('Votre sélection est intacte');
    const items = wrapper.findAll('[data-testid="shortlist-item"]');
    // Unknown, not "gone": a failed request says nothing about the suppliers.
    expect(items.map((item) => item.attributes('data-status'))).toEqual(['unknown', 'unknown']);
    expect(wrapper.text()).not.toContain('Plus disponible');
    expect(items[1]!.find('h2 a').attributes('href')).toBe(`/structures/${GONE_ID}`);

    await wrapper.find('[data-testid="shortlist-error"] button').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="shortlist-error"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="shortlist-item"]').map((item) => item.attributes('data-status'))).toEqual([
      'available',
      'unavailable',
    ]);
  });
});
