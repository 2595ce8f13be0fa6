import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import AccountSettingsPage from './AccountSettingsPage.vue';
import { mountPage, tooManyAttempts, userError, viewer, type Answer } from './fake-account-api';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function open(answers: Record<string, Answer>, emailVerified = false) {
  const mounted = await mountPage(AccountSettingsPage, '/mon-espace/compte', '/mon-espace/compte', {
    AccountSettings: () => ({ data: { viewer: viewer({ emailVerified, role: 'SUPPLIER_MEMBER' }) } }),
    ...answers,
  });
  unmount = () => mounted.wrapper.unmount();
  await flushPromises();
  return mounted;
}

async function changePassword(wrapper: Awaited<ReturnType<typeof open>>['wrapper'], current: string, next: string) {
  await wrapper.get('#compte-mot-de-passe-actuel').setValue(current);
  await wrapper.get('#compte-nouveau-mot-de-passe').setValue(next);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

describe('account settings page', () => {
  it('shows the address, the role and whether the address is confirmed', async () => {
    const { wrapper } = await open({});
    const summary = wrapper.get('[data-testid="account-summary"]').text();
    expect(summary).toContain('marie@exemple.fr');
    expect(summary).toContain('Salarié d’une structure inclusive');
    expect(wrapper.get('[data-testid="email-verified"]').text()).toBe('Adresse non confirmée');
    expect(wrapper.get('#compte-mot-de-passe-actuel').attributes('autocomplete')).toBe('current-password');
    expect(wrapper.get('#compte-nouveau-mot-de-passe').attributes('autocomplete')).toBe('new-password');
  });

  it('has no resend button once the address is confirmed', async () => {
    const { wrapper } = await open({}, true);
    expect(wrapper.get('[data-testid="email-verified"]').text()).toBe('Adresse confirmée');
    expect(wrapper.find('button[type="button"]').exists()).toBe(false);
  });

  it('asks for a new confirmation link and reads the result out', async () => {
    const { wrapper, requests } = await open({
      ResendEmailVerification: () => ({ data: { resendEmailVerification: { __typename: 'ResendEmailVerificationPayload', sent: true, userErrors: [] } } }),
    });
    await wrapper.get('button[type="button"]').trigger('click');
    await flushPromises();
    expect(requests.map((request) => request.operationName)).toContain('ResendEmailVerification');
    const status = wrapper.get('[data-testid="resend-status"]');
    expect(status.attributes('aria-live')).toBe('polite');
    expect(status.text()).toContain('Un nouveau lien de confirmation vient de vous être envoyé');
  });

  it('says how long to wait when too many links were asked', async () => {
    const { wrapper } = await open({ ResendEmailVerification: () => tooManyAttempts(12 * 60) });
    await wrapper.get('button[type="button"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="resend-status"]').text()).toBe('Trop de tentatives. Réessayez dans 12 minutes.');
  });

  it('changes the password and says so, clearing the fields', async () => {
    const { wrapper, requests } = await open({
      ChangePassword: () => ({ data: { changePassword: { __typename: 'ChangePasswordPayload', viewer: viewer(), userErrors: [] } } }),
    });
    await changePassword(wrapper, 'ancienne phrase de passe', 'nouvelle phrase de passe');
    expect(requests.find((request) => request.operationName === 'ChangePassword')?.variables).toEqual({
      input: { currentPassword: 'ancienne phrase de passe', newPassword: 'nouvelle phrase de passe' },
    });
    expect(wrapper.get('[data-testid="password-changed"]').text()).toContain('Votre mot de passe est modifié');
    expect((wrapper.get('#compte-nouveau-mot-de-passe').element as HTMLInputElement).value).toBe('');
  });

  it('mirrors a wrong current password next to its field, focused', async () => {
    const { wrapper } = await open({
      ChangePassword: () => ({
        data: {
          changePassword: {
            __typename: 'ChangePasswordPayload',
            viewer: null,
            userErrors: [userError(['currentPassword'], 'INVALID_CREDENTIALS', 'Le mot de passe actuel est incorrect.')],
          },
        },
      }),
    });
    await changePassword(wrapper, 'pas le bon', 'nouvelle phrase de passe');
    const current = wrapper.get('#compte-mot-de-passe-actuel');
    expect(current.attributes('aria-describedby')).toBe('compte-mot-de-passe-actuel-erreur');
    expect(wrapper.get('#compte-mot-de-passe-actuel-erreur').text()).toBe('Le mot de passe actuel est incorrect.');
    expect(document.activeElement).toBe(current.element);
    expect(wrapper.get('[data-testid="password-changed"]').text()).toBe('');
  });
});
