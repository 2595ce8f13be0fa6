import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mountPage, userError, viewer, type Answer } from './fake-account-api';
import ResetPasswordPage from './ResetPasswordPage.vue';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const TOKEN = 'Zm9vYmFyYmF6cXV4LXRva2VuLWZyb20tbWFpbC1saW5r';

async function open(url: string, answer: Answer = () => ({ data: null })) {
  const mounted = await mountPage(ResetPasswordPage, '/compte/nouveau-mot-de-passe', url, {
    ResetPassword: answer,
    Viewer: () => ({ data: { viewer: viewer() } }),
  });
  unmount = () => mounted.wrapper.unmount();
  return mounted;
}

async function choose(wrapper: Awaited<ReturnType<typeof open>>['wrapper'], password: string) {
  await wrapper.get('#reinitialisation-mot-de-passe').setValue(password);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

describe('new password page', () => {
  it('sends the token read from the fragment with the new password, then says the person is signed in', async () => {
    const { wrapper, requests } = await open(`/compte/nouveau-mot-de-passe#jeton=${TOKEN}`, () => ({
      data: { resetPassword: { __typename: 'ResetPasswordPayload', viewer: viewer(), userErrors: [] } },
    }));
    expect(wrapper.get('#reinitialisation-mot-de-passe').attributes('autocomplete')).toBe('new-password');
    await choose(wrapper, 'une phrase de passe assez longue');
    expect(requests.find((request) => request.operationName === 'ResetPassword')?.variables).toEqual({
      input: { token: TOKEN, newPassword: 'une phrase de passe assez longue' },
    });
    expect(wrapper.get('[data-testid="reset-done"]').text()).toContain('vous êtes connecté');
    expect(wrapper.find('form').exists()).toBe(false);
  });

  it('shows a weak password next to the field and keeps the form', async () => {
    const { wrapper } = await open(`/compte/nouveau-mot-de-passe#jeton=${TOKEN}`, () => ({
      data: {
        resetPassword: {
          __typename: 'ResetPasswordPayload',
          viewer: null,
          userErrors: [userError(['newPassword'], 'TOO_SHORT', 'Le mot de passe doit contenir au moins 12 caractères.')],
        },
      },
    }));
    await choose(wrapper, 'court');
    const input = wrapper.get('#reinitialisation-mot-de-passe');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#reinitialisation-mot-de-passe-erreur').text()).toContain('au moins 12 caractères');
    expect(document.activeElement).toBe(input.element);
  });

  it('explains a used or expired link, with a link to ask again', async () => {
    const { wrapper } = await open(`/compte/nouveau-mot-de-passe#jeton=${TOKEN}`, () => ({
      data: {
        resetPassword: {
          __typename: 'ResetPasswordPayload',
          viewer: null,
          userErrors: [userError(['token'], 'INVALID_TOKEN', "Ce lien de réinitialisation n'est plus valide.")],
        },
      },
    }));
    await choose(wrapper, 'une phrase de passe assez longue');
    const notice = wrapper.get('[data-testid="reset-invalid-link"]');
    expect(notice.text()).toContain("Ce lien de réinitialisation n'est plus valide.");
    expect(notice.get('a').attributes('href')).toBe('/compte/mot-de-passe-oublie');
  });

  it('says at once that a link without a token is incomplete', async () => {
    const { wrapper, requests } = await open('/compte/nouveau-mot-de-passe');
    expect(wrapper.get('[data-testid="reset-invalid-link"]').text()).toContain('Ce lien est incomplet');
    expect(wrapper.find('form').exists()).toBe(false);
    expect(requests).toEqual([]);
  });
});
