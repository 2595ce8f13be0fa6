import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mountPage, tooManyAttempts, userError, viewer, type Answer } from './fake-account-api';
import SignInPage from './SignInPage.vue';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function signIn(url: string, answer: Answer) {
  const mounted = await mountPage(SignInPage, '/connexion', url, { SignIn: answer });
  unmount = () => mounted.wrapper.unmount();
  await mounted.wrapper.get('#connexion-email').setValue('marie@exemple.fr');
  await mounted.wrapper.get('#connexion-mot-de-passe').setValue('une phrase de passe');
  await mounted.wrapper.get('form').trigger('submit');
  await flushPromises();
  return mounted;
}

describe('sign-in page', () => {
  it('links to the forgotten password page, and to sign-up keeping the way back', async () => {
    const { wrapper } = await mountPage(SignInPage, '/connexion', '/connexion?retour=/mon-espace/compte', {});
    unmount = () => wrapper.unmount();
    const hrefs = wrapper.findAll('a').map((link) => link.attributes('href'));
    expect(hrefs).toContain('/compte/mot-de-passe-oublie');
    expect(hrefs).toContain('/compte/inscription?retour=/mon-espace/compte');
    expect(wrapper.get('#connexion-mot-de-passe').attributes('autocomplete')).toBe('current-password');
  });

  it('returns to the page of `retour` once signed in', async () => {
    const { router } = await signIn('/connexion?retour=/mon-espace/compte', () => ({
      data: { signIn: { __typename: 'SignInPayload', viewer: viewer(), userErrors: [] } },
    }));
    expect(router.currentRoute.value.fullPath).toBe('/mon-espace/compte');
  });

  it('shows wrong credentials in a focused alert, and the delay when throttled', async () => {
    const wrong = await signIn('/connexion', () => ({
      data: { signIn: { __typename: 'SignInPayload', viewer: null, userErrors: [userError(null, 'INVALID_CREDENTIALS', 'Adresse électronique ou mot de passe incorrect.')] } },
    }));
    const alert = wrong.wrapper.get('[data-testid="sign-in-error"]');
    expect(alert.text()).toBe('Adresse électronique ou mot de passe incorrect.');
    expect(document.activeElement).toBe(alert.element);
    wrong.wrapper.unmount();

    const throttled = await signIn('/connexion', () => tooManyAttempts(9 * 60 - 20));
    expect(throttled.wrapper.get('[data-testid="sign-in-error"]').text()).toBe('Trop de tentatives. Réessayez dans 9 minutes.');
  });
});
