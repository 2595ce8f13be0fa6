import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestClient, createTestRouter, globalOptions, settle } from '../../suppliers/test-mount';
import OfferingForm from './OfferingForm.vue';
import { CreateOfferingMutation, UpdateOfferingMutation } from './supplier-workspace-documents';
import { CATEGORY_GROUPS, CATEGORY_ID, OFFERING_ID, offeringData, SUPPLIER_ID, userError } from './test-fixtures';

enableAutoUnmount(afterEach);
afterEach(() => {
  document.body.innerHTML = '';
});

const payload = (name: 'createOffering' | 'updateOffering', offering: unknown, userErrors: unknown[] = []) => ({
  data: { [name]: { __typename: 'OfferingPayload', offering, userErrors } },
});

function mountForm(mocks: Parameters<typeof createTestClient>[0], offering: ReturnType<typeof offeringData> | null = null) {
  return mount(OfferingForm, {
    props: { supplierId: SUPPLIER_ID, offering, categoryGroups: CATEGORY_GROUPS },
    global: globalOptions(createTestClient(mocks), createTestRouter()),
    attachTo: document.body,
  });
}

describe('OfferingForm', () => {
  it('previews the offering as buyers see it, with prices typed with a decimal comma', async () => {
    const created = offeringData({ title: 'Retouches', price: { __typename: 'OfferingPrice', amountFrom: 12.5, amountTo: 20, unit: 'HOUR' } });
    const wrapper = mountForm([
      {
        request: {
          query: CreateOfferingMutation,
          variables: {
            input: {
              supplierId: SUPPLIER_ID, title: 'Retouches', description: '<b>Sur mesure</b>', categoryId: CATEGORY_ID, serviceType: 'SERVICES',
              price: { from: 12.5, to: 20, unit: 'HOUR' }, minimumOrderAmount: 1200, leadTimeDays: null,
              serviceArea: { kind: 'DEPARTEMENTS', regionCodes: null, departementCodes: ['57', '2A'], radiusKm: null },
            },
          },
        },
        result: payload('createOffering', created),
      },
    ]);
    await wrapper.find('#offre-title').setValue('Retouches');
    await wrapper.find('#offre-description').setValue('<b>Sur mesure</b>');
    await wrapper.find('#offre-categoryId').setValue(CATEGORY_ID);
    await wrapper.find('#offre-price-from').setValue('12,50');
    await wrapper.find('#offre-price-to').setValue('20');
    await wrapper.find('#offre-price-unit').setValue('HOUR');
    await wrapper.find('#offre-minimum').setValue('1 200');
    await wrapper.find('#offre-zone-DEPARTEMENTS').setValue(true);
    await wrapper.find('#offre-departements').setValue('57, 2a');

    const preview = wrapper.find('[data-testid="offering-preview"]');
    expect(preview.find('h3').text()).toBe('Retouches');
    expect(preview.text()).toContain('Retouches');
    // Markup is text, never HTML.
    expect(preview.text()).toContain('<b>Sur mesure</b>');
    expect(preview.find('b').exists()).toBe(false);
    expect(preview.text()).toMatch(/12,5\s€/);
    expect(preview.text()).toMatch(/1\s200\s€ HT/);
    expect(preview.text()).toContain('Intervient dans : 57, 2A');

    await wrapper.find('form').trigger('submit');
    await settle();
    expect(wrapper.emitted('saved')?.[0]).toEqual([created, true]);
    expect(wrapper.find('[data-testid="offering-saved"]').text()).toContain('brouillon');
  });

  it('refuses an amount that is not one before sending, and mirrors server errors next to their fields', async () => {
    const wrapper = mountForm([
      {
        request: {
          query: CreateOfferingMutation,
          variables: {
            input: {
              supplierId: SUPPLIER_ID, title: 'Ab', description: '', categoryId: CATEGORY_ID, serviceType: 'SERVICES',
              price: { from: 50, to: 40, unit: null }, minimumOrderAmount: null, leadTimeDays: null, serviceArea: null,
            },
          },
        },
        result: payload('createOffering', null, [
          userError(['title'], 'TOO_SHORT', 'Le titre doit compter au moins 3 caractères.'),
          userError(['price', 'to'], 'OUT_OF_RANGE', 'Le prix maximum doit être supérieur ou égal au prix minimum.'),
          userError(['price', 'unit'], 'BLANK', 'Indiquez à quoi correspond le prix.'),
        ]),
      },
    ]);
    await wrapper.find('#offre-title').setValue('Ab');
    await wrapper.find('#offre-categoryId').setValue(CATEGORY_ID);
    await wrapper.find('#offre-price-from').setValue('douze');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(wrapper.find('#offre-price-from-erreur').text()).toContain('montant en euros');
    expect(document.activeElement?.id).toBe('offre-price-from');

    await wrapper.find('#offre-price-from').setValue('50');
    await wrapper.find('#offre-price-to').setValue('40');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(wrapper.find('#offre-title-erreur').text()).toContain('au moins 3 caractères');
    expect(wrapper.find('#offre-price-to-erreur').text()).toContain('supérieur ou égal');
    expect(wrapper.find('#offre-price-unit-erreur').text()).toContain('Indiquez à quoi');
    expect(wrapper.find('#offre-price-unit').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('offre-title');
  });

  it('on a conflict, keeps what was typed, shows what changed and reapplies it on the new version', async () => {
    const theirs = offeringData({ version: 2, leadTimeDays: 5 });
    const saved = offeringData({ version: 3, leadTimeDays: 5, title: 'Ourlets express' });
    const wrapper = mountForm(
      [
        {
          request: { query: UpdateOfferingMutation, variables: { input: { offeringId: OFFERING_ID, version: 1, title: 'Ourlets express' } } },
          result: payload('updateOffering', theirs, [userError(['version'], 'STALE_VERSION', 'Quelqu’un a modifié cette offre.')]),
        },
        {
          request: { query: UpdateOfferingMutation, variables: { input: { offeringId: OFFERING_ID, version: 2, title: 'Ourlets express' } } },
          result: payload('updateOffering', saved),
        },
      ],
      offeringData(),
    );
    await wrapper.find('#offre-title').setValue('Ourlets express');
    await wrapper.find('form').trigger('submit');
    await settle();
    const conflict = wrapper.find('[data-testid="conflict"]');
    expect(conflict.text()).toContain('Délai habituel : « 5 »');
    expect((wrapper.find('#offre-title').element as HTMLInputElement).value).toBe('Ourlets express');

    await conflict.findAll('button').find((button) => button.text() === 'Garder mes modifications et réessayer')!.trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="conflict"]').exists()).toBe(false);
    expect((wrapper.find('#offre-delai').element as HTMLInputElement).value).toBe('5');
    expect(wrapper.emitted('saved')?.[0]).toEqual([saved, false]);
  });
});
