import { afterEach, describe, expect, it } from 'vitest';
import ConfirmEmailPage from './ConfirmEmailPage.vue';
import { mountPage, userError, viewer, type Answer } from './fake-account-api';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const TOKEN = 'Y29uZmlybWF0aW9uLXRva2VuLWZyb20tdGhlLW1haWw';

async function open(url: string, answer: Answer = () => ({ data: null })) {
  const mounted = await mountPage(ConfirmEmailPage, '/compte/confirmer-adresse', url, { VerifyEmail: answer });
  unmount = () => mounted.wrapper.unmount();
  return mounted;
}

describe('address confirmation page', () => {
  it('confirms on load with the token of the fragment, and says so', async () => {
    const { wrapper, requests } = await open(`/compte/confirmer-adresse#jeton=${TOKEN}`, () => ({
      data: { verifyEmail: { __typename: 'VerifyEmailPayload', verified: true, viewer: viewer({ emailVerified: true }), userErrors: [] } },
    }));
    expect(requests).toEqual([{ operationName: 'VerifyEmail', variables: { input: { token: TOKEN } } }]);
    const result = wrapper.get('[data-testid="confirm-email-result"]');
    expect(result.attributes('role')).toBe('status');
    expect(result.text()).toContain('votre adresse électronique est confirmée');
    expect(result.get('a').attributes('href')).toBe('/mon-espace/compte');
  });

  it('offers to sign in when the link was opened without a session', async () => {
    const { wrapper } = await open(`/compte/confirmer-adresse#jeton=${TOKEN}`, () => ({
      data: { verifyEmail: { __typename: 'VerifyEmailPayload', verified: true, viewer: null, userErrors: [] } },
    }));
    expect(wrapper.get('[data-testid="confirm-email-result"] a').attributes('href')).toBe('/connexion');
  });

  it('shows why a used or expired link failed, and where to get a new one', async () => {
    const { wrapper } = await open(`/compte/confirmer-adresse#jeton=${TOKEN}`, () => ({
      data: {
        verifyEmail: {
          __typename: 'VerifyEmailPayload',
          verified: false,
          viewer: null,
          userErrors: [userError(['token'], 'INVALID_TOKEN', "Ce lien de confirmation n'est plus valide.")],
        },
      },
    }));
    const result = wrapper.get('[data-testid="confirm-email-result"]');
    expect(result.text()).toContain("Ce lien de confirmation n'est plus valide.");
    expect(result.get('a').attributes('href')).toBe('/mon-espace/compte');
  });

  it('asks nothing of the server for a link without a token', async () => {
    const { wrapper, requests } = await open('/compte/confirmer-adresse');
    expect(requests).toEqual([]);
    expect(wrapper.get('[data-testid="confirm-email-result"]').text()).toContain('Ce lien est incomplet');
  });
});
