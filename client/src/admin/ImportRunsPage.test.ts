import { ApolloClient, ApolloLink, InMemoryCache, type FetchResult } from '@apollo/client';
import { flushPromises, mount } from '@vue/test-utils';
import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { apolloClientKey } from '../graphql/apollo';
import ImportRunsPage from './ImportRunsPage.vue';

/** The admin page of import reports against a fake API. */
const RUN = {
  __typename: 'ImportRun',
  id: '7',
  source: 'DATA_INCLUSION',
  format: 'data-inclusion-csv',
  fileName: 'structures.csv',
  partial: true,
  dryRun: false,
  status: 'COMPLETED',
  startedAt: '2026-03-02T09:15:00Z',
  finishedAt: '2026-03-02T09:15:02Z',
  durationMs: 2000,
  rowsRead: 12,
  created: 8,
  updated: 1,
  unchanged: 0,
  merged: 1,
  republished: 0,
  unpublished: 0,
  rejected: 2,
  skipped: 0,
  error: null,
  rejections: [
    { __typename: 'ImportRejection', line: 4, reason: 'SIRET invalide', value: '123' },
    { __typename: 'ImportRejection', line: 9, reason: 'Nom manquant', value: null },
  ],
  unmappedActivities: [{ __typename: 'UnmappedActivity', value: 'Jardinage', count: 3 }],
};

async function mountWith(answer: FetchResult) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/admin/imports', component: ImportRunsPage }, { path: '/connexion', component: ImportRunsPage }] });
  await router.push('/admin/imports');
  const client = new ApolloClient({ cache: new InMemoryCache(), link: new ApolloLink(() => of(answer)) });
  const wrapper = mount(ImportRunsPage, { global: { plugins: [router], provide: { [apolloClientKey as symbol]: client } } });
  await flushPromises();
  await flushPromises();
  return wrapper;
}

describe('import runs page', () => {
  it('lists the runs with their counts, and the rejected lines and unmapped activities in the details', async () => {
    const wrapper = await mountWith({
      data: { importRuns: { __typename: 'ImportRunConnection', totalCount: 1, edges: [{ __typename: 'ImportRunEdge', node: RUN }] } },
    });
    const cells = wrapper.findAll('[data-testid="import-runs"] tbody td').map((cell) => cell.text());
    expect(cells[1]).toBe('DATA_INCLUSION');
    expect(cells[2]).toContain('structures.csv');
    expect(cells[3]).toBe('Terminé');
    expect(cells[9]).toBe('2');
    const details = wrapper.get('[data-testid="import-run-7"]').text();
    expect(details).toContain('2 lignes rejetées');
    expect(details).toContain('Ligne 4 : SIRET invalide (123)');
    expect(details).toContain('Ligne 9 : Nom manquant');
    expect(details).toContain('« Jardinage » (3 lignes)');
  });

  it('tells non-admins that the page is for administrators, with a sign-in link', async () => {
    const wrapper = await mountWith({ data: null, errors: [{ message: 'Réservé', extensions: { code: 'FORBIDDEN' } }] } as FetchResult);
    const notice = wrapper.get('[data-testid="admin-only"]');
    expect(notice.text()).toContain('Accès réservé aux administrateurs');
    expect(notice.get('a').attributes('href')).toBe('/connexion?retour=/admin/imports');
  });
});
