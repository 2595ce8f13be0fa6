import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { requireSignIn } from './account/sign-in-guard';
import SearchPage from './search/SearchPage.vue';

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'search', component: SearchPage, meta: { title: 'Trouver une structure inclusive' } },
  // Pages other than the search load on demand: the search page's bundle stays small.
  { path: '/structures/:id', name: 'supplier', component: () => import('./suppliers/SupplierPage.vue'), meta: { title: 'Fiche structure' } },
  { path: '/ma-selection', name: 'shortlist', component: () => import('./shortlist/ShortlistPage.vue'), meta: { title: 'Ma sélection' } },
  {
    path: '/listes/:token',
    name: 'shared-shortlist',
    component: () => import('./shortlist/SharedShortlistPage.vue'),
    meta: { title: 'Liste partagée' },
  },
  { path: '/connexion', name: 'sign-in', component: () => import('./account/SignInPage.vue'), meta: { title: 'Se connecter' } },
  // Account pages; the two mail links (server/src/modules/accounts/account-links.ts) open exactly these paths.
  { path: '/compte/inscription', name: 'sign-up', component: () => import('./account/SignUpPage.vue'), meta: { title: 'Créer un compte' } },
  { path: '/compte/mot-de-passe-oublie', name: 'forgot-password', component: () => import('./account/ForgotPasswordPage.vue'), meta: { title: 'Mot de passe oublié' } },
  { path: '/compte/nouveau-mot-de-passe', name: 'reset-password', component: () => import('./account/ResetPasswordPage.vue'), meta: { title: 'Nouveau mot de passe' } },
  { path: '/compte/confirmer-adresse', name: 'confirm-email', component: () => import('./account/ConfirmEmailPage.vue'), meta: { title: 'Confirmation de l’adresse' } },
  { path: '/mon-espace/compte', name: 'account-settings', component: () => import('./account/AccountSettingsPage.vue'), meta: { title: 'Mon compte', requiresSignIn: true } },
  { path: '/mon-espace/cles-api', name: 'api-keys', component: () => import('./workspace/api-keys/ApiKeysPage.vue'), meta: { title: 'Mes clés d’API', requiresSignIn: true } },
  { path: '/admin/imports', name: 'admin-imports', component: () => import('./admin/ImportRunsPage.vue'), meta: { title: 'Imports de données' } },
  { path: '/mon-espace', name: 'workspace', component: () => import('./workspace/WorkspacePage.vue'), meta: { title: 'Mon espace', requiresSignIn: true } },
  { path: '/mon-espace/revendiquer', name: 'claim', component: () => import('./workspace/claims/ClaimPage.vue'), meta: { title: 'Revendiquer une structure', requiresSignIn: true } },
  { path: '/mon-espace/proposer', name: 'propose', component: () => import('./workspace/proposals/ProposalPage.vue'), meta: { title: 'Proposer une structure', requiresSignIn: true } },
  { path: '/mon-espace/structures/:id/membres', name: 'supplier-members', component: () => import('./workspace/members/MembersPage.vue'), meta: { title: 'Membres de la structure', requiresSignIn: true } },
  // Not behind requiresSignIn: the page keeps the token (#jeton=…) before sending the person to sign in.
  { path: '/mon-espace/invitation', name: 'invitation', component: () => import('./workspace/members/InvitationPage.vue'), meta: { title: 'Invitation' } },
  { path: '/admin/cles-api', name: 'admin-api-keys', component: () => import('./admin/ApiKeysAdminPage.vue'), meta: { title: 'Clés d’API' } },
  { path: '/admin/moderation', name: 'admin-moderation', component: () => import('./admin/ModerationPage.vue'), meta: { title: 'Modération' } },
  { path: '/mon-espace/structures/:id', name: 'supplier-workspace', component: () => import('./workspace/supplier/SupplierWorkspacePage.vue'), meta: { title: 'Ma structure', requiresSignIn: true } },
  // One route for …/offres/nouvelle and …/offres/:offeringId: the page stays as a new offering gets its URL.
  { path: '/mon-espace/structures/:id/offres/:offeringId', name: 'offering-edit', component: () => import('./workspace/supplier/OfferingEditPage.vue'), meta: { title: 'Offre', requiresSignIn: true } },
  // The explorer (/api/explorateur) is a page of its own: explorer.html, React GraphiQL.
  { path: '/api', name: 'api-docs', component: () => import('./api-docs/ApiDocsPage.vue'), meta: { title: 'API GraphQL' } },
  { path: '/:unknown(.*)*', name: 'not-found', component: () => import('./layout/NotFoundPage.vue'), meta: { title: 'Page introuvable' } },
];

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path ? undefined : { top: 0 }),
  });
  // `meta: { requiresSignIn: true }`: anonymous visitors go to /connexion?retour=<page> (account/sign-in-guard.ts).
  router.beforeEach(requireSignIn);
  router.afterEach((to, from) => {
    document.title = `${String(to.meta.title ?? '')} — Achat inclusif`;
    // A new page: focus its main content, as a screen reader user expects after a link.
    if (from.matched.length && to.path !== from.path) {
      requestAnimationFrame(() => document.getElementById('contenu')?.focus({ preventScroll: true }));
    }
  });
  return router;
}
