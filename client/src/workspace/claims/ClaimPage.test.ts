import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { flushPromises, mount } from '@vue/test-utils';
import { of } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { apolloClientKey } from '../../graphql/apollo';
import ClaimPage from './ClaimPage.vue';

/** The claim page against a fake API that answers by operation name and records what it was sent. */

const CANDIDATE = {
  __typename: 'Supplier',
  id: 'U3VwcGxpZXI6NDI',
  name: 'Les Jardins de Metz',
  legalName: 'Association Les Jardins de Metz',
  siret: '12345678900017',
  kindName: 'Atelier et chantier d’insertion',
  address: { __typename: 'PostalAddress', postalCode: '57000', commune: { __typename: 'Commune', name: 'Metz' } },
};
const NO_ERRORS: unknown[] = [];

type Answer = (variables: Record<string, unknown>) => unknown;

async function mountClaim(answers: Record<string, Answer>, path = '/mon-espace/revendiquer') {
  const sent: { operation: string; variables: Record<string, unknown> }[] = [];
  const link = new ApolloLink((operation) => {
    sent.push({ operation: operation.operationName ?? '', variables: operation.variables });
    const answer = answers[operation.operationName ?? ''];
    if (!answer) throw new Error(`Unexpected operation ${operation.operationName}`);
    return of({ data: answer(operation.variables) as Record<string, unknown> });
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/mon-espace/revendiquer', component: ClaimPage },
      { path: '/:other(.*)*', component: { template: '<p>autre</p>' } },
    ],
  });
  await router.push(path);
  const client = new ApolloClient({ cache: new InMemoryCache(), link });
  const wrapper = mount(ClaimPage, { attachTo: document.body, global: { plugins: [router], provide: { [apolloClientKey as symbol]: client } } });
  await flushPromises();
  return { wrapper, sent };
}

afterEach(() => {
  document.body.innerHTML = '';
});

const claim = (method: string, codeSentTo: string | null) => ({
  __typename: 'SupplierClaim',
  id: 'U3VwcGxpZXJDbGFpbTox',
  status: 'PENDING',
  method,
  codeSentTo,
  codeExpiresAt: null,
});

describe('claim page', () => {
  it('finds a structure by SIRET, mails a code to its masked address, and shows field errors then success', async () => {
    let tries = 0;
    const { wrapper, sent } = await mountClaim({
      ClaimSupplierBySiret: () => ({ supplier: CANDIDATE }),
      RequestClaim: () => ({ requestSupplierClaim: { __typename: 'SupplierClaimPayload', claim: claim('EMAIL_CODE', 'c•••@jardins-metz.fr'), userErrors: NO_ERRORS } }),
      ConfirmClaim: () => {
        tries += 1;
        return tries === 1
          ? { confirmSupplierClaim: { __typename: 'SupplierClaimPayload', claim: null, membership: null, userErrors: [{ __typename: 'UserError', field: ['code'], code: 'WRONG_CODE', message: 'Code incorrect. Il vous reste 4 essais.' }] } }
          : {
              confirmSupplierClaim: {
                __typename: 'SupplierClaimPayload',
                claim: { __typename: 'SupplierClaim', id: 'U3VwcGxpZXJDbGFpbTox', status: 'APPROVED' },
                membership: { __typename: 'SupplierMembership', role: 'OWNER', supplier: { __typename: 'Supplier', id: CANDIDATE.id, name: CANDIDATE.name } },
                userErrors: NO_ERRORS,
              },
            };
      },
    });
    await wrapper.get('#claim-search').setValue('123 456 789 00017');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent[0]).toEqual({ operation: 'ClaimSupplierBySiret', variables: { siret: '12345678900017' } });
    expect(wrapper.get('[data-testid="claim-status"]').text()).toBe('1 structure trouvée.');
    await wrapper.get('[data-testid="claim-candidates"] button').trigger('click');
    await flushPromises();
    expect(wrapper.get('h2').text()).toContain('Les Jardins de Metz');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent[1]).toEqual({ operation: 'RequestClaim', variables: { input: { supplierId: CANDIDATE.id, method: 'EMAIL_CODE', message: '' } } });
    expect(wrapper.get('[data-testid="code-sent-to"]').text()).toContain('c•••@jardins-metz.fr');

    await wrapper.get('#claim-code').setValue('000000');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const input = wrapper.get('#claim-code');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get(`#${input.attributes('aria-describedby')!.split(' ').pop()}`).text()).toBe('Code incorrect. Il vous reste 4 essais.');
    expect(document.activeElement?.id).toBe('claim-code');

    await input.setValue('123456');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('Vous gérez désormais la fiche de Les Jardins de Metz.');
    expect(wrapper.find(`a[href="/mon-espace/structures/${CANDIDATE.id}"]`).exists()).toBe(true);
  });

  it('starts from the structure in the link and sends an admin review with the message as typed', async () => {
    const message = 'Directrice <img src=x onerror="window.__xss=1">';
    let answered = 0;
    const { wrapper, sent } = await mountClaim(
      {
        ClaimSupplierById: () => ({ supplier: CANDIDATE }),
        RequestClaim: () => {
          answered += 1;
          return answered === 1
            ? { requestSupplierClaim: { __typename: 'SupplierClaimPayload', claim: null, userErrors: [{ __typename: 'UserError', field: ['message'], code: 'BLANK', message: 'Le message est obligatoire.' }] } }
            : { requestSupplierClaim: { __typename: 'SupplierClaimPayload', claim: claim('ADMIN_REVIEW', null), userErrors: NO_ERRORS } };
        },
      },
      `/mon-espace/revendiquer?structure=${CANDIDATE.id}`,
    );
    expect(sent[0]).toEqual({ operation: 'ClaimSupplierById', variables: { id: CANDIDATE.id } });
    await wrapper.get('#claim-method-review').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#claim-message').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('Le message est obligatoire.');
    expect(document.activeElement?.id).toBe('claim-message');

    await wrapper.get('#claim-message').setValue(message);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent[2].variables).toEqual({ input: { supplierId: CANDIDATE.id, method: 'ADMIN_REVIEW', message } });
    expect(wrapper.text()).toContain('Demande envoyée');
  });

  it('says so when nothing matches a name, with a link to propose the structure', async () => {
    const { wrapper, sent } = await mountClaim({ ClaimSupplierSearch: () => ({ suppliers: { __typename: 'SupplierConnection', edges: [] } }) });
    await wrapper.get('form').trigger('submit');
    expect(wrapper.text()).toContain('Indiquez le SIRET ou le nom de la structure.');
    expect(sent).toEqual([]);
    await wrapper.get('#claim-search').setValue('Jardins');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent[0]).toEqual({ operation: 'ClaimSupplierSearch', variables: { text: 'Jardins' } });
    expect(wrapper.get('a[href="/mon-espace/proposer"]').text()).toContain('Proposer une structure absente');
  });
});
