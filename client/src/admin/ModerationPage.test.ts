import { ApolloClient, ApolloLink, InMemoryCache, type FetchResult } from '@apollo/client';
import { flushPromises, mount } from '@vue/test-utils';
import { of } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { apolloClientKey } from '../graphql/apollo';
import ModerationPage from './ModerationPage.vue';

/** The moderation queue against a fake API. */

const XSS = 'Directrice <img src=x onerror="window.__xss=1">';

const QUEUE = {
  supplierClaims: {
    __typename: 'SupplierClaimConnection',
    totalCount: 1,
    edges: [
      {
        __typename: 'SupplierClaimEdge',
        node: {
          __typename: 'SupplierClaim',
          id: 'claim-1',
          message: XSS,
          createdAt: '2026-11-20T10:00:00Z',
          claimant: { __typename: 'AccountSummary', id: 'acc-1', email: 'dominique@exemple.fr', displayName: 'Dominique' },
          supplier: { __typename: 'Supplier', id: 'sup-1', name: 'Les Jardins', siret: '12345678900017', contact: { __typename: 'SupplierContact', email: null } },
        },
      },
    ],
  },
  supplierProposals: { __typename: 'SupplierProposalConnection', totalCount: 0, edges: [] },
};

type Answer = (variables: Record<string, unknown>) => FetchResult;

async function mountModeration(answers: Record<string, Answer>) {
  const sent: { operation: string; variables: Record<string, unknown> }[] = [];
  const link = new ApolloLink((operation) => {
    sent.push({ operation: operation.operationName ?? '', variables: operation.variables });
    return of(answers[operation.operationName ?? ''](operation.variables));
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: ModerationPage }] });
  await router.push('/admin/moderation');
  const client = new ApolloClient({ cache: new InMemoryCache(), link });
  const wrapper = mount(ModerationPage, { attachTo: document.body, global: { plugins: [router], provide: { [apolloClientKey as symbol]: client } } });
  await flushPromises();
  await flushPromises();
  return { wrapper, sent };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('moderation page', () => {
  it('shows what the claimant typed as text, never as markup', async () => {
    const { wrapper } = await mountModeration({ ModerationQueue: () => ({ data: QUEUE }) });
    const message = wrapper.get('[data-testid="claim-message"]');
    expect(message.text()).toBe(XSS);
    expect(message.find('img').exists()).toBe(false);
    expect(wrapper.text()).toContain('Dominique (dominique@exemple.fr)');
  });

  it('mirrors a refused decision next to the reason, then approves', async () => {
    let decided = 0;
    const { wrapper, sent } = await mountModeration({
      ModerationQueue: () => ({ data: QUEUE }),
      DecideClaim: () => {
        decided += 1;
        return {
          data: {
            decideSupplierClaim:
              decided === 1
                ? { __typename: 'SupplierClaimPayload', claim: null, userErrors: [{ __typename: 'UserError', field: ['reason'], code: 'BLANK', message: 'Le motif est obligatoire.' }] }
                : { __typename: 'SupplierClaimPayload', claim: { __typename: 'SupplierClaim', id: 'claim-1', status: 'APPROVED' }, userErrors: [] },
          },
        };
      },
    });
    const [approve, reject] = wrapper.findAll('[data-testid="claim-claim-1"] button');
    await reject.trigger('click');
    await flushPromises();
    const reason = wrapper.get('#motif-claim-1');
    expect(reason.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get(`#${reason.attributes('aria-describedby')}`).text()).toBe('Le motif est obligatoire.');
    expect(document.activeElement?.id).toBe('motif-claim-1');

    await approve.trigger('click');
    await flushPromises();
    expect(sent.filter((entry) => entry.operation === 'DecideClaim').map((entry) => entry.variables)).toEqual([
      { input: { claimId: 'claim-1', decision: 'REJECT', reason: '' } },
      { input: { claimId: 'claim-1', decision: 'APPROVE', reason: '' } },
    ]);
    expect(wrapper.get('[data-testid="moderation-status"]').text()).toBe('Demande pour Les Jardins acceptée.');
    expect(sent.filter((entry) => entry.operation === 'ModerationQueue')).toHaveLength(2);
  });

  it('tells non-admins that the page is for administrators', async () => {
    const { wrapper } = await mountModeration({
      ModerationQueue: () => ({ data: null, errors: [{ message: 'Réservé', extensions: { code: 'FORBIDDEN' } }] }) as FetchResult,
    });
    expect(wrapper.get('[data-testid="admin-only"]').text()).toContain('Accès réservé aux administrateurs');
  });
});
