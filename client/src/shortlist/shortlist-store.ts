import { computed, ref, watch } from 'vue';

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

/** The buyer's shortlist, kept in this browser (localStorage) and shared by every page. */
export function useShortlist() {
  return {
    entries,
    count: computed(() => entries.value.length),
    full: computed(() => entries.value.length >= MAX_SHORTLIST),
    has: (id: string) => entries.value.some((entry) => entry.id === id),
    /** Keeps a supplier; false when the shortlist is full (it is then left as it was). */
    add(entry: ShortlistEntry): boolean {
      if (entries.value.some((existing) => existing.id === entry.id)) return true;
      if (entries.value.length >= MAX_SHORTLIST) return false;
      entries.value = [...entries.value, { id: entry.id, name: entry.name }];
      return true;
    },
    /** Keeps the stored names current, so an entry that later disappears shows its last name. */
    rename(names: ReadonlyMap<string, string>) {
      if (entries.value.some((entry) => names.has(entry.id) && names.get(entry.id) !== entry.name)) {
        entries.value = entries.value.map((entry) => ({ id: entry.id, name: names.get(entry.id) ?? entry.name }));
      }
    },
    remove(id: string) {
      entries.value = entries.value.filter((entry) => entry.id !== id);
    },
    clear() {
      entries.value = [];
    },
  };
}
