import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ForgotPasswordPage from './ForgotPasswordPage.vue';
import { mountPage, tooManyAttempts, userError, type Answer } from './fake-account-api';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function ask(email: string, answer: Answer) {
  const mounted = await mountPage(ForgotPasswordPage, '/compte/mot-de-passe-oublie', '/compte/mot-de-passe-oublie', { RequestPasswordReset: answer });
  unmount = () => mounted.wrapper.unmount();
  await mounted.wrapper.get('#oubli-email').setValue(email);
  await mounted.wrapper.get('form').trigger('submit');
  await flushPromises();
  return mounted;
}

const accepted: Answer = () => ({ data: { requestPasswordReset: { __typename: 'RequestPasswordResetPayload', userErrors: [] } } });

describe('forgot password page', () => {
  it('gives the same neutral confirmation whatever the address, in a live region', async () => {
    const known = await ask('marie@exemple.fr', accepted);
    expect(known.requests[0].variables).toEqual({ input: { email: 'marie@exemple.fr' } });
    const knownText = known.wrapper.get('[data-testid="reset-requested"]').text();
    known.wrapper.unmount();
    const unknown = await ask('personne@exemple.fr', accepted);
    const status = unknown.wrapper.get('[data-testid="reset-requested"]');
    expect(status.attributes('role')).toBe('status');
    expect(status.text()).toBe(knownText);
    expect(status.text()).toContain('Si un compte existe avec cette adresse');
    // The address typed is never quoted back.
    expect(status.text()).not.toContain('personne@exemple.fr');
  });

  it('shows a malformed address next to the field, focused', async () => {
    const { wrapper } = await ask('pas une adresse', () => ({
      data: {
        requestPasswordReset: {
          __typename: 'RequestPasswordResetPayload',
          userErrors: [userError(['email'], 'INVALID', 'Indiquez une adresse électronique valide, par exemple nom@domaine.fr.')],
        },
      },
    }));
    const input = wrapper.get('#oubli-email');
    expect(wrapper.get(`#${input.attributes('aria-describedby')}`).text()).toContain('Indiquez une adresse électronique valide');
    expect(document.activeElement).toBe(input.element);
    expect(wrapper.get('[data-testid="reset-requested"]').text()).toBe('');
  });

  it('says how long to wait after too many requests', async () => {
    const { wrapper } = await ask('marie@exemple.fr', () => tooManyAttempts(37 * 60));
    expect(wrapper.get('[role="alert"]').text()).toBe('Trop de tentatives. Réessayez dans 37 minutes.');
    expect(wrapper.get('[data-testid="reset-requested"]').text()).toBe('');
  });
});
