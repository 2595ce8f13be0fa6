import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestClient, createTestRouter, globalOptions, settle } from '../../suppliers/test-mount';
import SupplierProfileForm from './SupplierProfileForm.vue';
import { UpdateSupplierProfileMutation } from './supplier-workspace-documents';
import { CATEGORY_GROUPS, profileData, SUPPLIER_ID, userError } from './test-fixtures';

enableAutoUnmount(afterEach);
afterEach(() => {
  document.body.innerHTML = '';
});

const update = (input: Record<string, unknown>) => ({ query: UpdateSupplierProfileMutation, variables: { input: { supplierId: SUPPLIER_ID, ...input } } });
const answer = (supplier: unknown, userErrors: unknown[] = []) => ({
  data: { updateSupplierProfile: { __typename: 'UpdateSupplierProfilePayload', supplier, userErrors } },
});

function mountForm(mocks: Parameters<typeof createTestClient>[0]) {
  return mount(SupplierProfileForm, {
    props: { supplier: profileData(), categoryGroups: CATEGORY_GROUPS },
    global: globalOptions(createTestClient(mocks), createTestRouter()),
    attachTo: document.body,
  });
}

describe('SupplierProfileForm', () => {
  it('sends only the changed fields and shows each server error next to its field, focusing the first', async () => {
    const wrapper = mountForm([
      {
        request: update({ version: 1, phone: '12', website: 'javascript:alert(1)' }),
        result: answer(profileData(), [
          userError(['phone'], 'INVALID', 'Ce numéro de téléphone n’est pas un numéro français valide.'),
          userError(['website'], 'INVALID', 'Indiquez l’adresse d’un site web commençant par http:// ou https://.'),
        ]),
      },
    ]);
    await wrapper.find('#profil-phone').setValue('12');
    await wrapper.find('#profil-website').setValue('javascript:alert(1)');
    await wrapper.find('form').trigger('submit');
    await settle();

    expect(wrapper.find('#profil-phone-erreur').text()).toContain('pas un numéro français valide');
    expect(wrapper.find('#profil-phone').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#profil-phone').attributes('aria-describedby')).toContain('profil-phone-erreur');
    expect(wrapper.find('#profil-website-erreur').text()).toContain('http:// ou https://');
    expect(document.activeElement?.id).toBe('profil-phone');
    // What was typed stays.
    expect((wrapper.find('#profil-website').element as HTMLInputElement).value).toBe('javascript:alert(1)');
  });

  it('shows a tag error under the tags and an area error under its field', async () => {
    const wrapper = mountForm([
      {
        request: update({ version: 1, tags: ['UNEA', 'x'], serviceArea: { kind: 'RADIUS', regionCodes: null, departementCodes: null, radiusKm: 5000 } }),
        result: answer(profileData(), [
          userError(['tags', '1'], 'TOO_SHORT', 'Le réseau ou label n° 2 est trop court.'),
          userError(['serviceArea', 'radiusKm'], 'OUT_OF_RANGE', 'Le rayon d’intervention doit être compris entre 1 et 2 000 km.'),
        ]),
      },
    ]);
    await wrapper.find('#profil-tags').setValue('UNEA, x');
    await wrapper.find('#profil-zone-RADIUS').setValue(true);
    await wrapper.find('#profil-radius').setValue('5000');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(wrapper.find('#profil-tags-erreur').text()).toContain('n° 2');
    expect(wrapper.find('#profil-radius-erreur').text()).toContain('entre 1 et 2 000 km');
  });

  it('refuses a headcount that is not a number before sending anything', async () => {
    const wrapper = mountForm([]);
    await wrapper.find('#profil-headcount').setValue('douze');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(wrapper.find('#profil-headcount-erreur').text()).toContain('nombre entier');
    expect(document.activeElement?.id).toBe('profil-headcount');
  });

  it('keeps what was typed on a conflict, shows what changed, and sends it again on top of the new version', async () => {
    const theirs = profileData({ version: 2, brandName: 'Couture Solidaire', name: 'Couture Solidaire' });
    const saved = profileData({ version: 3, brandName: 'Couture Solidaire', name: 'Couture Solidaire', description: 'Ma présentation' });
    const wrapper = mountForm([
      {
        request: update({ version: 1, description: 'Ma présentation' }),
        result: answer(theirs, [userError(['version'], 'STALE_VERSION', 'Quelqu’un a modifié cette fiche.')]),
      },
      { request: update({ version: 2, description: 'Ma présentation' }), result: answer(saved) },
    ]);
    await wrapper.find('#profil-description').setValue('Ma présentation');
    await wrapper.find('form').trigger('submit');
    await settle();

    const conflict = wrapper.find('[data-testid="conflict"]');
    expect(conflict.text()).toContain('Nom commercial : « Couture Solidaire »');
    expect(conflict.text()).not.toContain('Présentation');
    expect(document.activeElement).toBe(conflict.element);
    expect((wrapper.find('#profil-description').element as HTMLTextAreaElement).value).toBe('Ma présentation');

    await conflict.findAll('button').find((button) => button.text() === 'Garder mes modifications et réessayer')!.trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="conflict"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="profile-saved"]').text()).toBe('Modifications enregistrées.');
    expect((wrapper.find('#profil-brandName').element as HTMLInputElement).value).toBe('Couture Solidaire');
    expect(wrapper.emitted('saved')?.[0]).toEqual([saved]);
  });

  it('drops what was typed for the server version on "Recharger la version actuelle"', async () => {
    const theirs = profileData({ version: 2, description: 'Leur présentation' });
    const wrapper = mountForm([
      {
        request: update({ version: 1, description: 'Ma présentation' }),
        result: answer(theirs, [userError(['version'], 'STALE_VERSION', 'Quelqu’un a modifié cette fiche.')]),
      },
    ]);
    await wrapper.find('#profil-description').setValue('Ma présentation');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(wrapper.find('[data-testid="conflict"]').text()).toContain('Présentation : « Leur présentation »');
    await wrapper.findAll('button').find((button) => button.text() === 'Recharger la version actuelle')!.trigger('click');
    expect((wrapper.find('#profil-description').element as HTMLTextAreaElement).value).toBe('Leur présentation');
  });
});
