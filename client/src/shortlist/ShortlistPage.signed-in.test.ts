import type { MockLink } from '@apollo/client/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ViewerQuery } from '../account/account-documents';
import { METZ_ID, shortlistSupplier } from '../suppliers/test-fixtures';
import { createTestClient, createTestRouter, globalOptions, settle } from '../suppliers/test-mount';
import ShortlistPage from './ShortlistPage.vue';
import {
  CreateShortlistMutation, DeleteShortlistMutation, MyShortlistsQuery, ShareShortlistMutation, ShortlistSuppliersQuery, UnshareShortlistMutation,
  UpdateShortlistNoteMutation,
} from './shortlist-documents';
import { resetShortlistConnection, useShortlist } from './shortlist-store';

enableAutoUnmount(afterEach);

const LIST_ID = 'U2hvcnRsaXN0OjE';
const SHARE_URL = 'https://achat-inclusif.example/listes/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

function list(overrides: { note?: string; shareUrl?: string | null; name?: string; id?: string; empty?: boolean } = {}) {
  return {
    __typename: 'Shortlist',
    id: overrides.id ?? LIST_ID,
    name: overrides.name ?? 'Ma sélection',
    entryCount: overrides.empty ? 0 : 1,
    unavailableCount: 0,
    shareUrl: overrides.shareUrl ?? null,
    entries: overrides.empty
      ? []
      : [{ __typename: 'ShortlistEntry', note: overrides.note ?? '', addedAt: '2026-11-25T10:00:00Z', supplier: { __typename: 'Supplier', id: METZ_ID, name: 'Les Jardins de Metz' } }],
  };
}

const payload = (name: string, shortlist: unknown, userErrors: unknown[] = []) => ({ data: { [name]: { __typename: 'ShortlistPayload', shortlist, userErrors } } });

const BASE: MockLink.MockedResponse[] = [
  {
    request: { query: ViewerQuery },
    result: {
      data: {
        viewer: {
          __typename: 'Viewer',
          csrfToken: 'csrf',
          account: { __typename: 'Account', id: 'QWNjb3VudDox', email: 'achats@metz.fr', displayName: 'Achats', role: 'BUYER' },
        },
      },
    },
  },
  { request: { query: MyShortlistsQuery }, result: { data: { viewer: { __typename: 'Viewer', shortlists: [list()] } } } },
  { request: { query: ShortlistSuppliersQuery, variables: { ids: [METZ_ID] } }, result: { data: { nodes: [shortlistSupplier()] } } },
];

async function mountPage(mocks: MockLink.MockedResponse[]) {
  const router = createTestRouter();
  await router.push('/ma-selection');
  const wrapper = mount(ShortlistPage, { global: globalOptions(createTestClient([...BASE, ...mocks]), router), attachTo: document.body });
  await settle();
  return wrapper;
}

describe('ShortlistPage, signed in', () => {
  beforeEach(() => {
    resetShortlistConnection();
    useShortlist().clear();
    document.body.innerHTML = '';
  });

  it('shows the account list and saves a note when the field is left, saying so', async () => {
    const typed = '  <b>Devis</b> reçu  ';
    const wrapper = await mountPage([
      {
        request: { query: UpdateShortlistNoteMutation, variables: { input: { shortlistId: LIST_ID, supplierId: METZ_ID, note: typed } } },
        result: payload('updateShortlistNote', list({ note: '<b>Devis</b> reçu' })),
      },
    ]);
    expect(wrapper.text()).toContain('« Ma sélection » : 1 structure gardée');
    expect(wrapper.text()).not.toContain('Vider la sélection');
    const note = wrapper.find('textarea');
    expect(wrapper.find(`label[for="${note.attributes('id')}"]`).text()).toContain('Note sur Les Jardins de Metz');
    await note.setValue(typed);
    await note.trigger('focusout');
    await settle();
    expect(wrapper.find('[data-testid="note-status"]').text()).toBe('Note enregistrée.');
    expect((wrapper.find('textarea').element as HTMLTextAreaElement).value).toBe('<b>Devis</b> reçu');
  });

  it('shows the note error next to the field', async () => {
    const wrapper = await mountPage([
      {
        request: { query: UpdateShortlistNoteMutation, variables: { input: { shortlistId: LIST_ID, supplierId: METZ_ID, note: 'x' } } },
        result: payload('updateShortlistNote', null, [{ __typename: 'UserError', field: ['note'], code: 'TOO_LONG', message: 'La note ne peut pas dépasser 2 000 caractères.' }]),
      },
    ]);
    const note = wrapper.find('textarea');
    await note.setValue('x');
    await wrapper.findAll('button').find((button) => button.text() === 'Enregistrer la note')!.trigger('click');
    await settle();
    const error = wrapper.find(`#${note.attributes('id')}-erreur`);
    expect(error.exists() ? error.text() : wrapper.text()).toContain('La note ne peut pas dépasser 2 000 caractères.');
    expect(note.attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('[data-testid="note-status"]').text()).toBe('La note n’a pas été enregistrée.');
  });

  it('shares the list, offers to copy the link, and stops sharing it', async () => {
    const wrapper = await mountPage([
      { request: { query: ShareShortlistMutation, variables: { input: { shortlistId: LIST_ID } } }, result: payload('shareShortlist', list({ shareUrl: SHARE_URL })) },
      { request: { query: UnshareShortlistMutation, variables: { input: { shortlistId: LIST_ID } } }, result: payload('unshareShortlist', list()) },
    ]);
    const button = (text: string) => wrapper.findAll('button').find((candidate) => candidate.text() === text);
    await button('Créer un lien de partage')!.trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="share-url"]').text()).toBe(SHARE_URL);
    expect(button('Copier le lien')).toBeDefined();
    await button('Ne plus partager')!.trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="share-url"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('La liste n’est plus partagée : son lien ne fonctionne plus.');
  });

  it('creates a list and switches to it, and deletes a list after confirmation', async () => {
    const second = list({ id: 'U2hvcnRsaXN0OjI', name: 'Travaux', empty: true });
    const wrapper = await mountPage([
      { request: { query: CreateShortlistMutation, variables: { input: { name: 'Travaux' } } }, result: payload('createShortlist', second) },
      {
        request: { query: DeleteShortlistMutation, variables: { input: { shortlistId: second.id } } },
        result: { data: { deleteShortlist: { __typename: 'DeleteShortlistPayload', deletedShortlistId: second.id, userErrors: [] } } },
      },
    ]);
    await wrapper.find('input[id^="create-"]').setValue('Travaux');
    await wrapper.findAll('form')[1]!.trigger('submit');
    await settle();
    expect((wrapper.find('select').element as HTMLSelectElement).value).toBe(second.id);
    expect((wrapper.find('input[id^="rename-"]').element as HTMLInputElement).value).toBe('Travaux');
    expect(wrapper.find('[data-testid="shortlist-empty"]').exists()).toBe(true);

    await wrapper.findAll('button').find((button) => button.text().startsWith('Supprimer la liste'))!.trigger('click');
    const confirm = wrapper.find('[data-testid="shortlist-delete-confirm"]');
    expect(confirm.text()).toContain('Supprimer la liste « Travaux » et ses notes ?');
    await confirm.findAll('button')[0]!.trigger('click');
    await settle();
    expect(wrapper.find('select').exists()).toBe(false);
    expect(wrapper.text()).toContain('« Ma sélection » : 1 structure gardée');
  });
});
