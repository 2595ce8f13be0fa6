import type { MockLink } from '@apollo/client/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SupplierFilter } from '../graphql/generated/graphql';
import { SupplierExportQuery } from './export-documents';
import { NANCY_ID, searchResult } from '../suppliers/test-fixtures';
import { createTestClient, createTestRouter, globalOptions, settle } from '../suppliers/test-mount';
import { downloadCsv } from './csv';
import ExportResultsButton from './ExportResultsButton.vue';

vi.mock('./csv', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./csv')>()),
  downloadCsv: vi.fn(),
}));

enableAutoUnmount(afterEach);

const filter: SupplierFilter = { text: 'tonte', kinds: ['ACI', 'EA'] };
const variables = (after: string | null) => ({ filter, first: 100, after, orderBy: 'NAME' });
const edge = (id: string, name: string) => searchResult({ cursor: id, node: { ...searchResult().node, id, name } });
const page = (after: string | null, edges: ReturnType<typeof edge>[], next: string | null): MockLink.MockedResponse => ({
  request: { query: SupplierExportQuery, variables: variables(after) },
  result: {
    data: {
      suppliers: {
        __typename: 'SupplierConnection',
        totalCount: 3,
        pageInfo: { __typename: 'PageInfo', hasNextPage: next !== null, endCursor: next ?? edges.at(-1)?.cursor ?? null },
        edges,
      },
    },
  },
});

function mountButton(mocks: MockLink.MockedResponse[], totalCount = 3) {
  return mount(ExportResultsButton, {
    props: { filter, orderBy: 'NAME', totalCount },
    global: globalOptions(createTestClient(mocks), createTestRouter()),
    attachTo: document.body,
  });
}

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('ExportResultsButton', () => {
  beforeEach(() => vi.mocked(downloadCsv).mockClear());

  it('fetches every page, then downloads them as one dated CSV', async () => {
    const wrapper = mountButton([page(null, [edge('a', 'Alpha'), edge('b', 'Bravo')], 'b'), page('b', [edge('c', 'Charlie')], null)]);
    await wrapper.find('button').trigger('click');
    expect(wrapper.find('[data-testid="export-status"]').text()).toBe('Export en cours… 0 / 3');
    expect(wrapper.find('button').attributes('aria-disabled')).toBe('true');
    await settle();

    expect(downloadCsv).toHaveBeenCalledOnce();
    const [filename, content] = vi.mocked(downloadCsv).mock.calls[0]!;
    expect(filename).toMatch(/^achat-inclusif-resultats-\d{4}-\d{2}-\d{2}\.csv$/);
    const names = content.split('\r\n').slice(1, -1).map((line) => line.split(';')[0]);
    expect(names).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(wrapper.find('[data-testid="export-status"]').text()).toBe(`Export terminé : 3 structures dans le fichier ${filename}.`);
    expect(wrapper.find('button').attributes('aria-disabled')).toBeUndefined();
  });

  it('keeps what was fetched when a page fails, and resumes from there', async () => {
    const wrapper = mountButton([
      page(null, [edge('a', 'Alpha'), edge(NANCY_ID, 'Bravo')], NANCY_ID),
      { request: { query: SupplierExportQuery, variables: variables(NANCY_ID) }, error: new Error('Network down') },
      page(NANCY_ID, [edge('c', 'Charlie')], null),
    ]);
    await wrapper.find('button').trigger('click');
    await settle();

    expect(downloadCsv).not.toHaveBeenCalled();
    const failure = wrapper.find('[data-testid="export-error"]');
    expect(failure.attributes('role')).toBe('alert');
    expect(failure.text()).toContain('L’export s’est interrompu après 2 structures sur 3. Rien n’est perdu');

    // The first page is not asked for again: the mocks hold it once only.
    await failure.find('button').trigger('click');
    await settle();
    expect(downloadCsv).toHaveBeenCalledOnce();
    const names = vi.mocked(downloadCsv).mock.calls[0]![1].split('\r\n').slice(1, -1).map((line) => line.split(';')[0]);
    expect(names).toEqual(['Alpha', 'Bravo', 'Charlie']);
  });

  it('says when only the first 5 000 results will be exported', () => {
    const wrapper = mountButton([], 12_345);
    expect(spaces(wrapper.text())).toContain('Seuls les 5 000 premiers résultats sur 12 345 seront exportés');
  });

  it('cannot export an empty search', () => {
    expect(mountButton([], 0).find('button').attributes('disabled')).toBeDefined();
  });

  it('stops when cancelled, downloading nothing', async () => {
    const wrapper = mountButton([page(null, [edge('a', 'Alpha')], 'a'), page('a', [edge('c', 'Charlie')], null)]);
    await wrapper.find('button').trigger('click');
    await wrapper.findAll('button').find((button) => button.text() === 'Annuler l’export')!.trigger('click');
    await settle();
    expect(downloadCsv).not.toHaveBeenCalled();
    expect(wrapper.find('[data-testid="export-status"]').text()).toBe('Export annulé.');
  });
});
