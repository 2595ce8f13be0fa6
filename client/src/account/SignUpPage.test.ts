import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mountPage, tooManyAttempts, userError, viewer, type Answer } from './fake-account-api';
import SignUpPage from './SignUpPage.vue';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function signUp(url: string, answer: Answer) {
  const mounted = await mountPage(SignUpPage, '/compte/inscription', url, { SignUp: answer, Viewer: () => ({ data: { viewer: null } }) });
  unmount = () => mounted.wrapper.unmount();
  const { wrapper } = mounted;
  await wrapper.get('#inscription-email').setValue('marie@exemple.fr');
  await wrapper.get('#inscription-nom').setValue('Marie Martin');
  await wrapper.get('#inscription-mot-de-passe').setValue('trop court');
  await wrapper.get('#inscription-role-SUPPLIER_MEMBER').setValue(true);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
  return mounted;
}

describe('sign-up page', () => {
  it('shows the password rules up front, tied to the input', async () => {
    const { wrapper } = await mountPage(SignUpPage, '/compte/inscription', '/compte/inscription', {});
    unmount = () => wrapper.unmount();
    const input = wrapper.get('#inscription-mot-de-passe');
    expect(input.attributes('autocomplete')).toBe('new-password');
    expect(wrapper.get(`#${input.attributes('aria-describedby')}`).text()).toContain('Au moins 12 caractères');
    expect(wrapper.get('#inscription-email').attributes('autocomplete')).toBe('email');
    await wrapper.get('[data-testid="inscription-mot-de-passe-afficher"]').setValue(true);
    expect(input.attributes('type')).toBe('text');
  });

  it('sends the form, and mirrors the server’s userErrors next to their fields, focusing the first', async () => {
    const { wrapper, requests } = await signUp('/compte/inscription', () => ({
      data: {
        signUp: {
          __typename: 'SignUpPayload',
          viewer: null,
          userErrors: [
            userError(['email'], 'TAKEN', 'Un compte existe déjà avec cette adresse électronique.'),
            userError(['password'], 'TOO_SHORT', 'Le mot de passe doit contenir au moins 12 caractères.'),
          ],
        },
      },
    }));
    expect(requests.find((request) => request.operationName === 'SignUp')?.variables).toEqual({
      input: { email: 'marie@exemple.fr', displayName: 'Marie Martin', password: 'trop court', role: 'SUPPLIER_MEMBER' },
    });
    const email = wrapper.get('#inscription-email');
    expect(email.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get(`#${email.attributes('aria-describedby')}`).text()).toBe('Un compte existe déjà avec cette adresse électronique.');
    const password = wrapper.get('#inscription-mot-de-passe');
    expect(password.attributes('aria-describedby')).toBe('inscription-mot-de-passe-regles inscription-mot-de-passe-erreur');
    expect(wrapper.get('#inscription-mot-de-passe-erreur').text()).toContain('au moins 12 caractères');
    expect(document.activeElement).toBe(email.element);
  });

  it('goes to the same-site page of `retour` once signed up', async () => {
    const { router } = await signUp('/compte/inscription?retour=/structures/12', () => ({
      data: { signUp: { __typename: 'SignUpPayload', viewer: viewer(), userErrors: [] } },
    }));
    expect(router.currentRoute.value.fullPath).toBe('/structures/12');
  });

  it('never follows `retour` to another site: goes to Mon espace instead', async () => {
    const { router } = await signUp('/compte/inscription?retour=//pirate.example/piege', () => ({
      data: { signUp: { __typename: 'SignUpPayload', viewer: viewer(), userErrors: [] } },
    }));
    expect(router.currentRoute.value.fullPath).toBe('/mon-espace');
  });

  it('says how long to wait when sign-ups are throttled', async () => {
    const { wrapper } = await signUp('/compte/inscription', () => tooManyAttempts());
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toBe('Trop de tentatives. Réessayez dans 42 minutes.');
    expect(document.activeElement).toBe(alert.element);
  });
});
