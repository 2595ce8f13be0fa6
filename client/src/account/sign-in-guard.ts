import { inject } from 'vue';
import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';
import { apolloClientKey } from '../graphql/apollo';
import { ViewerQuery } from './account-documents';

declare module 'vue-router' {
  interface RouteMeta {
    /** Signed-in people only: see `requireSignIn`. */
    requiresSignIn?: boolean;
  }
}

/**
 * Router guard for pages with `meta: { requiresSignIn: true }`: an anonymous visitor goes to
 * `/connexion?retour=<the page>`, and the sign-in page brings them back after signing in.
 * It asks the API who is signed in (the Apollo cache answers after the first time; signing
 * in and out resets it). The server still checks every request: this only spares people a
 * page of errors.
 */
export async function requireSignIn(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  if (!to.meta.requiresSignIn) return true;
  // Guards run in the app's context (vue-router ≥ 4.2): the client provided in main.ts.
  const client = inject(apolloClientKey);
  if (!client) throw new Error('No Apollo Client provided (apolloClientKey)');
  const signedIn = await client.query({ query: ViewerQuery }).then(
    (result) => Boolean(result.data?.viewer),
    () => false,
  );
  return signedIn ? true : { path: '/connexion', query: { retour: to.fullPath } };
}
