import type { MockLink } from '@apollo/client/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { ViewerQuery } from '../account/account-documents';
import { createTestClient, createTestRouter, globalOptions, settle } from '../suppliers/test-mount';
import SiteHeader from './SiteHeader.vue';

enableAutoUnmount(afterEach);

const anonymous: MockLink.MockedResponse = { request: { query: ViewerQuery }, result: { data: { viewer: null } } };

function setWidth(width: number): void {
  (window as unknown as { happyDOM: { setViewport(viewport: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height: 800 });
}

async function mountHeader() {
  const router = createTestRouter();
  // The header's "Se connecter" link.
  router.addRoute({ path: '/connexion', name: 'sign-in', component: defineComponent({ render: () => null }) });
  await router.push('/');
  const wrapper = mount(SiteHeader, { attachTo: document.body, global: globalOptions(createTestClient([anonymous, anonymous]), router) });
  await settle();
  return { wrapper, router };
}

function pressKey(key: string, shiftKey = false): void {
  document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true }));
}

describe('site header', () => {
  beforeEach(() => {
    localStorage.clear();
  });
  afterEach(() => {
    setWidth(1024);
  });

  it('on a wide screen, shows its links beside the brand and no "Menu" button', async () => {
    setWidth(1280);
    const { wrapper } = await mountHeader();
    expect(wrapper.find('[data-testid="menu-button"]').exists()).toBe(false);
    const navigation = wrapper.find('nav.fr-header__tools-links');
    expect(navigation.attributes('aria-label')).toBe('Menu principal');
    expect(navigation.text()).toContain('Ma sélection (0)');
    expect(wrapper.find('.fr-modal').exists()).toBe(false);
  });

  it('on a phone, folds its links into the "Menu" button’s menu', async () => {
    setWidth(375);
    const { wrapper, router } = await mountHeader();
    expect(wrapper.find('nav.fr-header__tools-links').exists()).toBe(false);
    const button = wrapper.get('[data-testid="menu-button"]');
    const menu = wrapper.get('#menu-principal');
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(button.attributes('aria-controls')).toBe('menu-principal');
    expect(menu.classes()).not.toContain('fr-modal--opened');
    expect(menu.attributes('role')).toBeUndefined();

    await button.trigger('click');
    await settle();
    expect(button.attributes('aria-expanded')).toBe('true');
    expect(menu.classes()).toContain('fr-modal--opened');
    expect(menu.attributes('role')).toBe('dialog');
    expect(menu.attributes('aria-modal')).toBe('true');
    expect(menu.get('nav').attributes('aria-label')).toBe('Menu principal');
    expect(document.activeElement?.textContent?.trim()).toBe('Fermer');
    // The page behind does not scroll (the DSFR's own lock).
    expect(document.documentElement.hasAttribute('data-fr-scrolling')).toBe(true);

    // Tab from the last item comes back to the first, Shift+Tab from the first goes to the last.
    const items = menu.findAll('a[href], button');
    (items.at(-1)!.element as HTMLElement).focus();
    pressKey('Tab');
    expect(document.activeElement).toBe(items[0]!.element);
    pressKey('Tab', true);
    expect(document.activeElement).toBe(items.at(-1)!.element);

    pressKey('Escape');
    await settle();
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(menu.classes()).not.toContain('fr-modal--opened');
    expect(document.activeElement).toBe(button.element);
    expect(document.documentElement.hasAttribute('data-fr-scrolling')).toBe(false);

    // Another page closes it.
    await button.trigger('click');
    await settle();
    await router.push('/ma-selection');
    await settle();
    expect(button.attributes('aria-expanded')).toBe('false');
  });

  it('closes the menu when the window grows past the breakpoint', async () => {
    setWidth(375);
    const { wrapper } = await mountHeader();
    await wrapper.get('[data-testid="menu-button"]').trigger('click');
    await settle();
    expect(document.documentElement.hasAttribute('data-fr-scrolling')).toBe(true);

    setWidth(1280);
    await settle();
    expect(wrapper.find('#menu-principal').exists()).toBe(false);
    expect(wrapper.find('nav.fr-header__tools-links').exists()).toBe(true);
    expect(document.documentElement.hasAttribute('data-fr-scrolling')).toBe(false);
  });
});
