import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import SearchPage from './search/SearchPage.vue';

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'search', component: SearchPage, meta: { title: 'Trouver une structure inclusive' } },
  // Pages other than the search load on demand: the search page's bundle stays small.
  { path: '/structures/:id', name: 'supplier', component: () => import('./suppliers/SupplierPage.vue'), meta: { title: 'Fiche structure' } },
  { path: '/ma-selection', name: 'shortlist', component: () => import('./shortlist/ShortlistPage.vue'), meta: { title: 'Ma sélection' } },
  { path: '/connexion', name: 'sign-in', component: () => import('./account/SignInPage.vue'), meta: { title: 'Se connecter' } },
  { path: '/admin/imports', name: 'admin-imports', component: () => import('./admin/ImportRunsPage.vue'), meta: { title: 'Imports de données' } },
  { path: '/:unknown(.*)*', name: 'not-found', component: () => import('./layout/NotFoundPage.vue'), meta: { title: 'Page introuvable' } },
];

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path ? undefined : { top: 0 }),
  });
  router.afterEach((to, from) => {
    document.title = `${String(to.meta.title ?? '')} — Achat inclusif`;
    // A new page: focus its main content, as a screen reader user expects after a link.
    if (from.matched.length && to.path !== from.path) {
      requestAnimationFrame(() => document.getElementById('contenu')?.focus({ preventScroll: true }));
    }
  });
  return router;
}
