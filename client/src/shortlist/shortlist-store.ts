import type { ApolloClient } from '@apollo/client';
import { computed, getCurrentInstance, inject, readonly, ref, watch } from 'vue';
import { ViewerQuery } from '../account/account-documents';
import { apolloClientKey } from '../graphql/apollo';
import { failureMessage, userErrorMessage } from '../graphql/error-messages';
import { plural } from '../format/plural';
import type { ShortlistFieldsFragment, ShortlistUserErrorFragment } from '../graphql/generated/graphql';
import {
  AddToShortlistMutation, CreateShortlistMutation, DeleteShortlistMutation, MergeShortlistMutation, MyShortlistsQuery, RemoveFromShortlistMutation,
  RenameShortlistMutation, ShareShortlistMutation, UnshareShortlistMutation, UpdateShortlistNoteMutation,
} from './shortlist-documents';

/** A supplier kept by an anonymous buyer: the id, and the name to list it without a request. */
export interface ShortlistEntry {
  id: string;
  name: string;
}

const STORAGE_KEY = 'achat-inclusif:selection';

/**
 * The shortlist page loads every kept supplier with one `nodes(ids:)` query, which takes
 * at most 100 IDs. Beyond that, the buyer is better served by the search's CSV export.
 */
export const MAX_SHORTLIST = 100;
/** The server's limit of a signed-in account's list. */
export const MAX_SERVER_SHORTLIST = 500;

function read(storage: Storage | undefined): ShortlistEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((entry): entry is ShortlistEntry => typeof entry?.id === 'string' && typeof entry?.name === 'string')
      .slice(0, MAX_SHORTLIST);
  } catch {
    // A corrupt or foreign value must not break the page: start again empty.
    return [];
  }
}

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
const entries = ref<ShortlistEntry[]>(read(storage));

watch(
  entries,
  (current) => {
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(current));
    } catch {
      // Storage full or refused (private browsing): the shortlist still works for this visit.
    }
  },
  { deep: true },
);

// Another tab changed the shortlist: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) entries.value = read(storage);
  });
}

type Client = ApolloClient;
export type ServerShortlist = ShortlistFieldsFragment;
export type ShortlistUserError = ShortlistUserErrorFragment;
/** What a change did: null when done, else a French message to show. */
export type ChangeOutcome = string | null;

/**
 * Signed in, the shortlist lives on the server: named lists (the account's first one by
 * default), kept here as the server last answered. Anonymous, it stays in localStorage.
 */
const accountId = ref<string | null>(null);
const lists = ref<ServerShortlist[]>([]);
const currentListId = ref<string | null>(null);
/** Said once the anonymous list was merged into the account at sign-in. */
const mergeNotice = ref('');
let client: Client | null = null;
let viewerSubscription: { unsubscribe(): void } | null = null;

const currentList = computed(() => lists.value.find((list) => list.id === currentListId.value) ?? lists.value[0] ?? null);

/** Keeps a list as the server returned it after a change. */
function keep(list: ServerShortlist) {
  const index = lists.value.findIndex((existing) => existing.id === list.id);
  lists.value = index < 0 ? [...lists.value, list] : lists.value.map((existing) => (existing.id === list.id ? list : existing));
}

async function loadLists(): Promise<void> {
  const result = await client!.query({ query: MyShortlistsQuery, fetchPolicy: 'no-cache' });
  lists.value = result.data?.viewer?.shortlists ?? [];
}

/** At sign-in: the structures kept anonymously go to the account's first list, once, then leave this browser. */
async function mergeLocalList(): Promise<void> {
  const ids = entries.value.map((entry) => entry.id);
  if (!ids.length) return;
  const result = await client!.mutate({ mutation: MergeShortlistMutation, variables: { input: { supplierIds: ids } }, fetchPolicy: 'no-cache' });
  const payload = result.data?.mergeShortlist;
  if (!payload?.shortlist) return;
  keep(payload.shortlist);
  entries.value = [];
  const name = payload.shortlist.name;
  mergeNotice.value =
    payload.addedCount > 0
      ? `${plural(payload.addedCount, 'structure de votre sélection a été ajoutée', 'structures de votre sélection ont été ajoutées')} à « ${name} ».`
      : `Les structures de votre sélection étaient déjà dans « ${name} ».`;
}

async function onViewer(id: string | null): Promise<void> {
  if (id === accountId.value) return;
  accountId.value = id;
  lists.value = [];
  currentListId.value = null;
  if (!id) return;
  try {
    await loadLists();
    await mergeLocalList();
  } catch {
    // Network failure: the anonymous list stays in this browser, merged at the next sign-in.
  }
}

/** Follows who is signed in (the viewer query is refetched at sign-in and sign-out). */
function connect(next: Client | null): void {
  if (!next || next === client) return;
  viewerSubscription?.unsubscribe();
  client = next;
  accountId.value = null;
  lists.value = [];
  viewerSubscription = next.watchQuery({ query: ViewerQuery }).subscribe({
    next: (result) => {
      if (!result.loading && !result.error) void onViewer(result.data?.viewer?.account?.id ?? null);
    },
  });
}

function firstError(userErrors: readonly ShortlistUserError[] | undefined): ChangeOutcome {
  const first = userErrors?.[0];
  return first ? userErrorMessage(first) : null;
}

const FAILURE = 'La modification n’a pas pu être enregistrée.';

/** A failed request, worded for the person (expired session, lost connection…). */
function failed(failure: unknown): ChangeOutcome {
  return `${FAILURE} ${failureMessage(failure)}`;
}

/** Runs a mutation that returns a list, and keeps the list it returns. */
async function change(run: () => Promise<{ shortlist?: ServerShortlist | null; userErrors: readonly ShortlistUserError[] } | undefined>): Promise<ChangeOutcome> {
  try {
    const payload = await run();
    if (!payload) return failed(null);
    if (payload.shortlist) keep(payload.shortlist);
    return firstError(payload.userErrors);
  } catch (failure) {
    return failed(failure);
  }
}

const noCache = { fetchPolicy: 'no-cache' } as const;

/** The changes of the signed-in account's lists, each returning what went wrong (null: done). */
const server = {
  accountId: readonly(accountId),
  lists: readonly(lists),
  currentList,
  mergeNotice,
  select(id: string) {
    currentListId.value = id;
  },
  async create(name: string): Promise<ChangeOutcome> {
    const outcome = await change(async () => (await client!.mutate({ mutation: CreateShortlistMutation, variables: { input: { name } }, ...noCache })).data?.createShortlist);
    if (outcome === null) currentListId.value = lists.value[lists.value.length - 1]!.id;
    return outcome;
  },
  rename(shortlistId: string, name: string): Promise<ChangeOutcome> {
    return change(async () => (await client!.mutate({ mutation: RenameShortlistMutation, variables: { input: { shortlistId, name } }, ...noCache })).data?.renameShortlist);
  },
  async delete(shortlistId: string): Promise<ChangeOutcome> {
    try {
      const payload = (await client!.mutate({ mutation: DeleteShortlistMutation, variables: { input: { shortlistId } }, ...noCache })).data?.deleteShortlist;
      if (!payload) return failed(null);
      if (payload.deletedShortlistId) lists.value = lists.value.filter((list) => list.id !== payload.deletedShortlistId);
      return firstError(payload.userErrors);
    } catch (failure) {
      return failed(failure);
    }
  },
  updateNote(shortlistId: string, supplierId: string, note: string): Promise<ChangeOutcome> {
    return change(
      async () =>
        (await client!.mutate({ mutation: UpdateShortlistNoteMutation, variables: { input: { shortlistId, supplierId, note } }, ...noCache })).data
          ?.updateShortlistNote,
    );
  },
  share(shortlistId: string): Promise<ChangeOutcome> {
    return change(async () => (await client!.mutate({ mutation: ShareShortlistMutation, variables: { input: { shortlistId } }, ...noCache })).data?.shareShortlist);
  },
  unshare(shortlistId: string): Promise<ChangeOutcome> {
    return change(async () => (await client!.mutate({ mutation: UnshareShortlistMutation, variables: { input: { shortlistId } }, ...noCache })).data?.unshareShortlist);
  },
};

function addOnServer(id: string): Promise<ChangeOutcome> {
  const list = currentList.value;
  // No list yet: merging creates the account's first one ("Ma sélection").
  if (!list) {
    return change(async () => (await client!.mutate({ mutation: MergeShortlistMutation, variables: { input: { supplierIds: [id] } }, ...noCache })).data?.mergeShortlist);
  }
  return change(
    async () => (await client!.mutate({ mutation: AddToShortlistMutation, variables: { input: { shortlistId: list.id, supplierId: id } }, ...noCache })).data?.addToShortlist,
  );
}

function removeOnServer(id: string): Promise<ChangeOutcome> {
  const list = currentList.value!;
  return change(
    async () =>
      (await client!.mutate({ mutation: RemoveFromShortlistMutation, variables: { input: { shortlistId: list.id, supplierId: id } }, ...noCache })).data
        ?.removeFromShortlist,
  );
}

const signedIn = computed(() => accountId.value !== null);
const serverEntries = computed<ShortlistEntry[]>(() => currentList.value?.entries.map(({ supplier }) => ({ id: supplier.id, name: supplier.name })) ?? []);
const shown = computed(() => (signedIn.value ? serverEntries.value : entries.value));
const limit = computed(() => (signedIn.value ? MAX_SERVER_SHORTLIST : MAX_SHORTLIST));

/**
 * The buyer's shortlist, shared by every page: in this browser (localStorage) when
 * anonymous, the current list of the account when signed in. Changes return null when
 * done, else a French message (synchronously when anonymous).
 */
export function useShortlist() {
  // Components get the app's client; outside one (tests, scripts) the anonymous list is used.
  if (getCurrentInstance()) connect(inject(apolloClientKey, null));
  return {
    signedIn,
    entries: shown,
    count: computed(() => shown.value.length),
    full: computed(() => shown.value.length >= limit.value),
    has: (id: string) => shown.value.some((entry) => entry.id === id),
    /** Keeps a supplier; says why not when the shortlist is full (it is then left as it was). */
    add(entry: ShortlistEntry): ChangeOutcome | Promise<ChangeOutcome> {
      if (signedIn.value) return addOnServer(entry.id);
      if (entries.value.some((existing) => existing.id === entry.id)) return null;
      if (entries.value.length >= MAX_SHORTLIST) return `Votre sélection est pleine (${MAX_SHORTLIST} structures) : retirez-en une pour en ajouter une autre.`;
      entries.value = [...entries.value, { id: entry.id, name: entry.name }];
      return null;
    },
    /** Keeps the stored names current, so an entry that later disappears shows its last name (anonymous list). */
    rename(names: ReadonlyMap<string, string>) {
      if (entries.value.some((entry) => names.has(entry.id) && names.get(entry.id) !== entry.name)) {
        entries.value = entries.value.map((entry) => ({ id: entry.id, name: names.get(entry.id) ?? entry.name }));
      }
    },
    remove(id: string): ChangeOutcome | Promise<ChangeOutcome> {
      if (signedIn.value) return removeOnServer(id);
      entries.value = entries.value.filter((entry) => entry.id !== id);
      return null;
    },
    /** Empties the anonymous list (a signed-in account deletes its lists instead). */
    clear() {
      entries.value = [];
    },
    server,
  };
}

/** Tests only: forgets the client and the account, as after a reload. */
export function resetShortlistConnection(): void {
  viewerSubscription?.unsubscribe();
  viewerSubscription = null;
  client = null;
  accountId.value = null;
  lists.value = [];
  currentListId.value = null;
  mergeNotice.value = '';
}
