import { ApolloClient, InMemoryCache } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { mount } from '@vue/test-utils';
import { gql } from '@apollo/client';
import { describe, expect, it, vi } from 'vitest';
import App from './App.vue';

const QUERY = gql`
  query DirectorySummary {
    suppliers(first: 0) {
      totalCount
    }
    smallPurchaseRules {
      defaultAmount
    }
  }
`;

function clientAnswering(result: MockLink.MockedResponse['result'] | undefined, error?: Error) {
  const link = new MockLink([{ request: { query: QUERY }, delay: 0, ...(error ? { error } : { result }) }]);
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

describe('App', () => {
  it('shows the size of the directory and the small-purchase amount', async () => {
    const client = clientAnswering({
      data: { suppliers: { __typename: 'SupplierConnection', totalCount: 8123 }, smallPurchaseRules: { __typename: 'SmallPurchaseRules', defaultAmount: 15000 } },
    });
    const wrapper = mount(App, { props: { client } });
    await vi.waitFor(() => wrapper.get('[data-testid="summary"]'));
    const text = wrapper.get('[data-testid="summary"]').text().replace(/\s/g, ' ');
    expect(text).toContain('8 123 structures');
    expect(text).toContain('15 000 €');
  });

  it('says plainly when the API fails', async () => {
    const wrapper = mount(App, { props: { client: clientAnswering(undefined, new Error('down')) } });
    await vi.waitFor(() => wrapper.get('[role="alert"]'));
    expect(wrapper.get('[role="alert"]').text()).toContain('indisponible');
  });
});
