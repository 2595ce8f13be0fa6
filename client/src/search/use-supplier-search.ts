import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { useApolloClient } from '../graphql/apollo';
import type { SupplierResultFragment, SupplierSearchQuery as SupplierSearchData, SupplierSearchQueryVariables } from '../graphql/generated/graphql';
import { SupplierSearchQuery } from './search-documents';
import { toFilter, type SearchState } from './search-state';

export type SearchFacets = NonNullable<SupplierSearchData['suppliers']['facets']>;

/**
 * Results asked for at once when a link shows many (n=500). Each result carries why it
 * matched: 50 of them stay well within the API's cost budget (10 000 points).
 */
const MAX_PAGE = 50;

/**
 * Runs the search a state describes: the first page with counts and facets, then the next
 * pages up to `state.shown` ("Afficher plus", or a shared link that had shown more).
 * When only `shown` grows, only the missing page is fetched. A newer search makes the
 * answers of an older one ignored.
 */
export function useSupplierSearch(state: Ref<SearchState | null>, defaultAmount: Ref<number | null>) {
  const client = useApolloClient();
  const edges = shallowRef<SupplierResultFragment[]>([]);
  const facets = shallowRef<SearchFacets | null>(null);
  const totalCount = ref<number | null>(null);
  const hasNextPage = ref(false);
  const loading = ref(false);
  const loadingMore = ref(false);
  const error = shallowRef<Error | null>(null);
  let endCursor: string | null = null;
  let currentKey = '';
  let generation = 0;

  /** Null while the search cannot run yet (reference data, or the place's existence, unknown). */
  const variables = computed(() => {
    if (defaultAmount.value === null || state.value === null) return null;
    return { filter: toFilter(state.value, defaultAmount.value), orderBy: state.value.order };
  });

  async function fetchPage(base: { filter: SupplierSearchQueryVariables['filter']; orderBy: SupplierSearchQueryVariables['orderBy'] }, first: number, after: string | null) {
    const { data, error: failure } = await client.query({
      query: SupplierSearchQuery,
      variables: { ...base, first, after, withFacets: after === null },
      fetchPolicy: 'cache-first',
    });
    if (failure || !data) throw failure ?? new Error('Réponse vide');
    return data.suppliers;
  }

  async function run(want: number) {
    const base = variables.value;
    if (!base) return;
    const key = JSON.stringify(base);
    const run = ++generation;
    const fresh = key !== currentKey;
    error.value = null;
    if (fresh) {
      loading.value = true;
    } else {
      if (edges.value.length >= want || !hasNextPage.value) return;
      loadingMore.value = true;
    }
    try {
      let collected = fresh ? [] : edges.value;
      let cursor = fresh ? null : endCursor;
      let more = fresh ? true : hasNextPage.value;
      while (more && collected.length < want) {
        const page = await fetchPage(base, Math.min(MAX_PAGE, want - collected.length), cursor);
        if (run !== generation) return;
        if (cursor === null) {
          facets.value = page.facets ?? null;
          totalCount.value = page.totalCount;
        }
        collected = [...collected, ...page.edges];
        cursor = page.pageInfo.endCursor ?? cursor;
        more = page.pageInfo.hasNextPage;
      }
      currentKey = key;
      edges.value = collected;
      endCursor = cursor;
      hasNextPage.value = more;
    } catch (failure) {
      if (run !== generation) return;
      error.value = failure instanceof Error ? failure : new Error(String(failure));
      if (fresh) {
        currentKey = '';
        edges.value = [];
        totalCount.value = null;
        facets.value = null;
      }
    } finally {
      if (run === generation) {
        loading.value = false;
        loadingMore.value = false;
      }
    }
  }

  const shown = () => state.value?.shown ?? 0;
  watch(() => [variables.value, shown()] as const, () => run(shown()), { immediate: true, deep: true });

  return {
    edges,
    facets,
    totalCount,
    hasNextPage,
    loading,
    loadingMore,
    error,
    variables,
    retry: () => {
      currentKey = '';
      return run(shown());
    },
  };
}

