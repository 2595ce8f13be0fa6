import { ApolloClient, HttpLink, InMemoryCache, type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import { inject, onScopeDispose, ref, shallowRef, watch, type InjectionKey, type Ref } from 'vue';

export const apolloClientKey: InjectionKey<ApolloClient> = Symbol('ApolloClient');

export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri }),
    // Search results are not normalised by id: the same supplier appears in many searches
    // with different distances and cheapest offerings, which live on the edge.
    cache: new InMemoryCache({ typePolicies: { SupplierConnection: { keyFields: false } } }),
  });
}

export function useApolloClient(): ApolloClient {
  const client = inject(apolloClientKey);
  if (!client) throw new Error('No Apollo Client provided (apolloClientKey)');
  return client;
}

export interface QueryState<TData> {
  data: Ref<TData | undefined>;
  error: Ref<Error | undefined>;
  loading: Ref<boolean>;
}

/**
 * Watches a query whose variables follow reactive state (Apollo Client 4 has no Vue
 * binding): re-subscribes when the variables change, unsubscribes with the component.
 * A null variables result skips the query.
 */
export function useQuery<TData, TVariables extends OperationVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: () => TVariables | null,
): QueryState<TData> {
  const client = useApolloClient();
  const data = shallowRef<TData>();
  const error = shallowRef<Error>();
  const loading = ref(false);
  let subscription: { unsubscribe(): void } | null = null;

  watch(
    variables,
    (current) => {
      subscription?.unsubscribe();
      subscription = null;
      error.value = undefined;
      if (current === null) {
        loading.value = false;
        return;
      }
      loading.value = true;
      subscription = client.watchQuery<TData, TVariables>({ query, variables: current } as never).subscribe({
        next: (result) => {
          loading.value = result.loading;
          if (result.data !== undefined) data.value = result.data as TData;
          error.value = result.error;
        },
        error: (failure: Error) => {
          loading.value = false;
          error.value = failure;
        },
      });
    },
    { immediate: true, deep: true },
  );
  onScopeDispose(() => subscription?.unsubscribe());
  return { data, error, loading };
}
