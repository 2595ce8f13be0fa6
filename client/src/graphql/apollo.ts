import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { from, map, mergeMap } from 'rxjs';
import { inject, onScopeDispose, ref, shallowRef, watch, type InjectionKey, type Ref } from 'vue';

export const apolloClientKey: InjectionKey<ApolloClient> = Symbol('ApolloClient');

/** Asks the API for the session's CSRF token (null when anonymous). */
export type CsrfTokenSource = () => Promise<string | null>;

function fetchCsrfToken(uri: string): CsrfTokenSource {
  return async () => {
    const response = await fetch(uri, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query CsrfToken { viewer { csrfToken } }' }),
    });
    const body = (await response.json()) as { data?: { viewer?: { csrfToken?: string } | null } };
    return body.data?.viewer?.csrfToken ?? null;
  };
}

/** The token a response carries: `viewer { csrfToken }` at the top or in a payload (signIn, signUp…). */
function tokenIn(data: unknown): string | null | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const top = data as Record<string, unknown>;
  const candidates = [top, ...Object.values(top).filter((value): value is Record<string, unknown> => !!value && typeof value === 'object')];
  for (const candidate of candidates) {
    if (!('viewer' in candidate)) continue;
    const viewer = candidate.viewer as { csrfToken?: unknown } | null;
    if (viewer === null) return null;
    if (typeof viewer.csrfToken === 'string') return viewer.csrfToken;
  }
  return undefined;
}

/**
 * Mutations made with the session cookie must carry the session's token in X-CSRF-Token.
 * The link keeps the last token seen in a response and asks for it before the first mutation.
 */
export function createCsrfLink(source: CsrfTokenSource): ApolloLink {
  let token: string | null | undefined;
  return new ApolloLink((operation, forward) => {
    const isMutation = operation.operationType === OperationTypeNode.MUTATION;
    const ready = isMutation && token === undefined ? source().then((fetched) => (token ??= fetched)) : Promise.resolve(token);
    return from(ready).pipe(
      mergeMap((current) => {
        if (isMutation && current) {
          operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({ headers: { ...headers, 'X-CSRF-Token': current } }));
        }
        return forward(operation);
      }),
      map((result) => {
        const seen = tokenIn(result.data);
        if (seen !== undefined) token = seen;
        if (isMutation && result.data && 'signOut' in result.data) token = null;
        if (result.errors?.some((error) => error.extensions?.code === 'CSRF_TOKEN_INVALID')) token = undefined;
        return result;
      }),
    );
  });
}

export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    // The session cookie goes with every request (same origin only).
    link: ApolloLink.from([createCsrfLink(fetchCsrfToken(uri)), new HttpLink({ uri, credentials: 'same-origin' })]),
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
