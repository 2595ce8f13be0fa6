import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ShortlistToggle from './ShortlistToggle.vue';
import { MAX_SHORTLIST, useShortlist } from './shortlist-store';

enableAutoUnmount(afterEach);

describe('ShortlistToggle', () => {
  beforeEach(() => useShortlist().clear());

  it('adds and removes the supplier, naming it for screen readers', async () => {
    const wrapper = mount(ShortlistToggle, { props: { id: 'a', name: 'Les Jardins de Metz' } });
    const button = wrapper.find('button');
    expect(button.attributes('type')).toBe('button');
    expect(button.text()).toBe('Ajouter à ma sélection\u00a0: Les Jardins de Metz');
    expect(button.find('.fr-sr-only').text()).toBe(': Les Jardins de Metz');

    await button.trigger('click');
    expect(useShortlist().entries.value).toEqual([{ id: 'a', name: 'Les Jardins de Metz' }]);
    expect(button.text()).toBe('Retirer de ma sélection\u00a0: Les Jardins de Metz');
    expect(wrapper.find('[role="status"]').text()).toBe('Les Jardins de Metz a été ajoutée à votre sélection.');

    await button.trigger('click');
    expect(useShortlist().count.value).toBe(0);
    expect(wrapper.find('[role="status"]').text()).toBe('Les Jardins de Metz a été retirée de votre sélection.');
  });

  it('follows the shortlist changed elsewhere', async () => {
    const wrapper = mount(ShortlistToggle, { props: { id: 'a', name: 'A' } });
    useShortlist().add({ id: 'a', name: 'A' });
    await wrapper.vm.$nextTick();
    expect(wrapper.find('button').attributes('data-kept')).toBe('true');
  });

  it('says so when the shortlist is full', async () => {
    for (let index = 0; index < MAX_SHORTLIST; index += 1) useShortlist().add({ id: `s${index}`, name: `S${index}` });
    const wrapper = mount(ShortlistToggle, { props: { id: 'new', name: 'Nouvelle' } });
    await wrapper.find('button').trigger('click');
    expect(useShortlist().has('new')).toBe(false);
    expect(useShortlist().count.value).toBe(MAX_SHORTLIST);
    expect(wrapper.find('[role="status"]').text()).toContain('Votre sélection est pleine (100 structures)');
  });
});
