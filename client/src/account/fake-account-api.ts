import { ApolloClient, ApolloLink, InMemoryCache, type FetchResult } from '@apollo/client';
import { flushPromises, mount } from '@vue/test-utils';
import { of } from 'rxjs';
import { defineComponent, type Component } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { apolloClientKey } from '../graphql/apollo';

/** Test support for the account pages: a fake API answering by operation name, and what it was asked. */

export type Answer = (variables: Record<string, unknown>) => FetchResult;

export interface Request {
  operationName: string;
  variables: Record<string, unknown>;
}

export function viewer(overrides: { email?: string; emailVerified?: boolean; role?: string } = {}) {
  return {
    __typename: 'Viewer',
    csrfToken: 'jeton-csrf',
    account: {
      __typename: 'Account',
      id: 'QWNjb3VudDox',
      email: overrides.email ?? 'marie@exemple.fr',
      displayName: 'Marie Martin',
      role: overrides.role ?? 'BUYER',
      emailVerified: overrides.emailVerified ?? false,
      createdAt: '2026-11-20T10:00:00Z',
    },
  };
}

export const userError = (field: string[] | null, code: string, message: string) => ({ __typename: 'UserError', field, code, message });

/** Throttled: the page words the wait from `retryAfterSeconds`, never from the server's message. */
export function tooManyAttempts(retryAfterSeconds = 2520): FetchResult {
  return {
    data: null,
    errors: [{ message: 'Too many attempts (server wording, not shown)', extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds } }],
  } as FetchResult;
}

export function fakeApolloClient(answers: Record<string, Answer>): { client: ApolloClient; requests: Request[] } {
  const requests: Request[] = [];
  const link = new ApolloLink((operation) => {
    requests.push({ operationName: operation.operationName ?? '', variables: operation.variables });
    const answer = answers[operation.operationName ?? ''];
    if (!answer) throw new Error(`Unexpected operation ${operation.operationName}`);
    return of(answer(operation.variables));
  });
  return { client: new ApolloClient({ cache: new InMemoryCache(), link }), requests };
}

const Elsewhere = defineComponent({ template: '<p>Ailleurs</p>' });

/** Mounts a page at `url` (path, query, fragment) in a memory router, attached to the document (focus). */
export async function mountPage(page: Component, path: string, url: string, answers: Record<string, Answer>) {
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path, component: page },
      { path: '/:other(.*)*', component: Elsewhere },
    ],
  });
  await router.push(url);
  const { client, requests } = fakeApolloClient(answers);
  const wrapper = mount(page, { attachTo: document.body, global: { plugins: [router], provide: { [apolloClientKey as symbol]: client } } });
  await flushPromises();
  return { wrapper, router, requests, client };
}
