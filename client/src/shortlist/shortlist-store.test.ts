import type { MockLink } from '@apollo/client/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { ViewerQuery } from '../account/account-documents';
import { apolloClientKey } from '../graphql/apollo';
import { createTestClient, settle } from '../suppliers/test-mount';
import { AddToShortlistMutation, MergeShortlistMutation, MyShortlistsQuery, RemoveFromShortlistMutation } from './shortlist-documents';
import { resetShortlistConnection, useShortlist, type ServerShortlist } from './shortlist-store';

enableAutoUnmount(afterEach);

const A = 'U3VwcGxpZXI6MQ';
const B = 'U3VwcGxpZXI6Mg';
const LIST_ID = 'U2hvcnRsaXN0OjE';

const viewer = (signedIn: boolean): MockLink.MockedResponse => ({
  request: { query: ViewerQuery },
  result: {
    data: {
      viewer: signedIn
        ? {
            __typename: 'Viewer',
            csrfToken: 'csrf',
            account: { __typename: 'Account', id: 'QWNjb3VudDox', email: 'achats@metz.fr', displayName: 'Achats', role: 'BUYER' },
          }
        : null,
    },
  },
});

function list(entries: [string, string, string?][], name = 'Ma sélection'): ServerShortlist & { __typename: 'Shortlist' } {
  return {
    __typename: 'Shortlist',
    id: LIST_ID,
    name,
    entryCount: entries.length,
    unavailableCount: 0,
    shareUrl: null,
    entries: entries.map(([id, supplierName, note]) => ({
      __typename: 'ShortlistEntry',
      note: note ?? '',
      addedAt: '2026-11-25T10:00:00Z',
      supplier: { __typename: 'Supplier', id, name: supplierName },
    })),
  } as ServerShortlist & { __typename: 'Shortlist' };
}

const myLists = (lists: ServerShortlist[]): MockLink.MockedResponse => ({
  request: { query: MyShortlistsQuery },
  result: { data: { viewer: { __typename: 'Viewer', shortlists: lists } } },
});

/** A component that uses the store, as the app's pages do (it connects the store to the client). */
function mountWith(mocks: MockLink.MockedResponse[]) {
  const Probe = defineComponent({ setup: () => () => h('p', useShortlist().count.value) });
  return mount(Probe, { global: { provide: { [apolloClientKey as symbol]: createTestClient(mocks) } } });
}

describe('shortlist store', () => {
  beforeEach(() => {
    resetShortlistConnection();
    useShortlist().clear();
  });

  it('keeps the list in this browser when anonymous, changes done at once', async () => {
    mountWith([viewer(false)]);
    await settle();
    const shortlist = useShortlist();
    expect(shortlist.signedIn.value).toBe(false);
    expect(shortlist.add({ id: A, name: 'Atelier A' })).toBeNull();
    expect(shortlist.has(A)).toBe(true);
    await nextTick();
    expect(JSON.parse(localStorage.getItem('achat-inclusif:selection')!)).toEqual([{ id: A, name: 'Atelier A' }]);
  });

  it('merges the anonymous list into the account once signed in, then empties it and says so', async () => {
    useShortlist().add({ id: A, name: 'Atelier A' });
    useShortlist().add({ id: B, name: 'Atelier B' });
    mountWith([
      viewer(true),
      myLists([]),
      {
        request: { query: MergeShortlistMutation, variables: { input: { supplierIds: [A, B] } } },
        result: {
          data: {
            mergeShortlist: { __typename: 'MergeShortlistPayload', shortlist: list([[A, 'Atelier A'], [B, 'Atelier B']]), addedCount: 2, skippedCount: 0, userErrors: [] },
          },
        },
      },
    ]);
    await settle();
    const shortlist = useShortlist();
    expect(shortlist.signedIn.value).toBe(true);
    expect(shortlist.entries.value.map((entry) => entry.id)).toEqual([A, B]);
    expect(shortlist.server.mergeNotice.value).toBe('2 structures de votre sélection ont été ajoutées à « Ma sélection ».');
    // The browser's own list is empty now: nothing is merged twice.
    expect(JSON.parse(localStorage.getItem('achat-inclusif:selection')!)).toEqual([]);
  });

  it('adds to and removes from the current list on the server when signed in', async () => {
    mountWith([
      viewer(true),
      myLists([list([[A, 'Atelier A']])]),
      {
        request: { query: AddToShortlistMutation, variables: { input: { shortlistId: LIST_ID, supplierId: B } } },
        result: { data: { addToShortlist: { __typename: 'ShortlistPayload', shortlist: list([[A, 'Atelier A'], [B, 'Atelier B']]), userErrors: [] } } },
      },
      {
        request: { query: RemoveFromShortlistMutation, variables: { input: { shortlistId: LIST_ID, supplierId: A } } },
        result: {
          data: {
            removeFromShortlist: {
              __typename: 'ShortlistPayload',
              shortlist: null,
              userErrors: [{ __typename: 'UserError', field: ['supplierId'], code: 'NOT_FOUND', message: 'Cette structure n’est pas dans la liste.' }],
            },
          },
        },
      },
    ]);
    await settle();
    const shortlist = useShortlist();
    expect(shortlist.has(A)).toBe(true);
    expect(await shortlist.add({ id: B, name: 'Atelier B' })).toBeNull();
    expect(shortlist.entries.value.map((entry) => entry.name)).toEqual(['Atelier A', 'Atelier B']);
    expect(await shortlist.remove(A)).toBe('Cette structure n’est pas dans la liste.');
    expect(shortlist.count.value).toBe(2);
    // Nothing went to the browser's storage.
    expect(JSON.parse(localStorage.getItem('achat-inclusif:selection') ?? '[]')).toEqual([]);
  });
});
