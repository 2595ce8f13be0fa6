import type { MockLink } from '@apollo/client/testing';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useShortlist } from '../shortlist/shortlist-store';
import SupplierPage from './SupplierPage.vue';
import { SupplierPageQuery } from './supplier-documents';
import { METZ_ID, supplierPageData } from './test-fixtures';
import { createTestClient, createTestRouter, globalOptions, settle } from './test-mount';

const request = (id = METZ_ID, amount: number | null = null) => ({ query: SupplierPageQuery, variables: { id, amount } });
const RULES = { __typename: 'SmallPurchaseRules', defaultAmount: 15_000 };

async function mountPage(mocks: MockLink.MockedResponse[], options: { id?: string; back?: string } = {}) {
  const router = createTestRouter();
  if (options.back) await router.push(options.back);
  await router.push({ name: 'supplier', params: { id: options.id ?? METZ_ID }, state: options.back ? { back: options.back } : {} });
  const wrapper = mount(SupplierPage, { global: globalOptions(createTestClient(mocks), router), attachTo: document.body });
  return { wrapper, router };
}

function setClipboard(value: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
}

// A page left mounted would keep following the shared shortlist into the next test.
enableAutoUnmount(afterEach);

describe('SupplierPage', () => {
  beforeEach(() => useShortlist().clear());
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows everything public about the supplier', async () => {
    const { wrapper } = await mountPage([{ request: request(), result: { data: { smallPurchaseRules: RULES, supplier: supplierPageData() } } }]);
    expect(wrapper.find('[aria-busy="true"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="supplier-loading"]').exists()).toBe(true);

    await settle();

    expect(wrapper.find('[aria-busy="true"]').exists()).toBe(false);
    expect(wrapper.find('h1').text()).toBe('Les Jardins de Metz');
    expect(document.title).toBe('Les Jardins de Metz — Achat inclusif');
    expect(wrapper.find('[data-testid="legal-name"]').text()).toBe('Raison sociale : Association Jardins Solidaires Mosellans');
    const text = wrapper.text();
    expect(text).toContain('Atelier et chantier d’insertion (ACI)');
    expect(text).toContain('fait travailler des personnes très éloignées de l’emploi');
    expect(wrapper.find('[data-testid="reserved-markets"]').text()).toBe('Marché réservé SIAE (L2113-13)');
    expect(wrapper.find('[data-testid="service-area"]').text()).toBe('Intervient dans : Moselle, Meurthe-et-Moselle');
    expect(wrapper.find('[data-testid="siret"]').text()).toBe('123 456 789 00012');
    expect(text).toContain('123 456 789');
    expect(text).toContain('24 personnes');
    expect(text).toContain('Chantier école, Label RSEi');
    expect(text).toContain('Données de démonstration (structure fictive)');
    expect(wrapper.find('[data-testid="updated-at"]').text()).toBe('Mis à jour le 3 février 2025, d’après la source au 10 janvier 2025.');
    expect(wrapper.find('[data-testid="demo-notice"]').text()).toContain('cette structure n’existe pas');

    const [mowing, clearing] = wrapper.findAll('[data-testid="offering"]');
    expect(mowing!.find('h3').text()).toBe('Tonte de pelouse');
    expect(mowing!.text()).toContain('35\u00a0€ HT de l’heure');
    expect(mowing!.text()).toContain('150\u00a0€ HT');
    expect(mowing!.text()).toContain('10 jours');
    expect(mowing!.text()).toContain('Intervient dans un rayon de 30 km autour de son site');
    expect(clearing!.text()).toContain('Sur devis');
    // Same area as the supplier's: not repeated on the offering.
    expect(clearing!.text()).not.toContain('Zone d’intervention de cette prestation');

    expect(wrapper.find('[data-contact="phone"] a').attributes('href')).toBe('tel:0387123456');
    expect(wrapper.find('[data-contact="email"] a').attributes('href')).toBe('mailto:contact@jardins-metz.example');
    expect(wrapper.find('[data-contact="website"] a').attributes('href')).toBe('https://jardins-metz.example/');
  });

  it('marks the offerings a buyer can buy directly, by the API’s rule, at the default amount', async () => {
    const { wrapper } = await mountPage([{ request: request(), result: { data: { smallPurchaseRules: RULES, supplier: supplierPageData() } } }]);
    await settle();
    const [mowing, clearing] = wrapper.findAll('[data-testid="offering"]');
    expect(mowing!.get('[data-testid="offering-direct-purchase"]').text().replace(/[\u00a0\u202f]/g, ' ')).toBe('Achat direct possible sous 15 000 € HT');
    expect(clearing!.find('[data-testid="offering-direct-purchase"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="direct-purchase-summary"]').text().replace(/[\u00a0\u202f]/g, ' ')).toBe(
      '1 prestation sur 2 peut s’acheter directement sous 15 000 € HT, sans publicité ni mise en concurrence (article R2122-8 du code de la commande publique) : voir « Achat direct possible ».',
    );
  });

  it('judges the offerings at the amount of the search the buyer came from', async () => {
    const data = supplierPageData();
    const { wrapper } = await mountPage(
      [{ request: request(METZ_ID, 100), result: { data: { smallPurchaseRules: RULES, supplier: { ...data, offerings: data.offerings.map((offering) => ({ ...offering, directPurchasePossible: false })) } } } }],
      { back: '/?q=tonte&achat-direct=oui&montant=100' },
    );
    await settle();
    expect(wrapper.findAll('[data-testid="offering-direct-purchase"]')).toHaveLength(0);
    expect(wrapper.get('[data-testid="direct-purchase-summary"]').text().replace(/[\u00a0\u202f]/g, ' ')).toContain(
      'Aucune prestation publiée ne s’achète directement sous 100 € HT',
    );
  });

  it('keeps headings in order: one h1, then h2 and h3', async () => {
    const { wrapper } = await mountPage([{ request: request(), result: { data: { smallPurchaseRules: RULES, supplier: supplierPageData() } } }]);
    await settle();
    const levels = wrapper.findAll('h1, h2, h3, h4').map((heading) => Number(heading.element.tagName[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, index) => index > 0 && expect(level - levels[index - 1]!).toBeLessThanOrEqual(1));
  });

  it('says the supplier does not exist when the API has none', async () => {
    const { wrapper } = await mountPage([{ request: request(), result: { data: { smallPurchaseRules: RULES, supplier: null } } }]);
    await settle();
    expect(wrapper.find('h1').text()).toBe('Structure introuvable');
    expect(wrapper.text()).toContain('Cette structure n’existe pas ou n’est plus publiée');
    expect(document.title).toBe('Structure introuvable — Achat inclusif');
  });

  it('treats an ID the API rejects as a supplier that does not exist', async () => {
    const { wrapper } = await mountPage(
      [{ request: request('abc'), result: { data: { smallPurchaseRules: RULES, supplier: null }, errors: [{ message: '"abc" is not a valid ID', extensions: { code: 'BAD_USER_INPUT' } }] } }],
      { id: 'abc' },
    );
    await settle();
    expect(wrapper.find('[data-testid="supplier-not-found"]').exists()).toBe(true);
  });

  it('offers to remove a vanished supplier from the shortlist', async () => {
    useShortlist().add({ id: METZ_ID, name: 'Ancien nom' });
    const { wrapper } = await mountPage([{ request: request(), result: { data: { smallPurchaseRules: RULES, supplier: null } } }]);
    await settle();
    expect(wrapper.text()).toContain('sous le nom « Ancien nom »');
    await wrapper.find('[data-testid="supplier-not-found"] button').trigger('click');
    expect(useShortlist().has(METZ_ID)).toBe(false);
  });

  it('shows an error and tries again', async () => {
    const { wrapper } = await mountPage([
      { request: request(), error: new Error('Network down') },
      { request: request(), result: { data: { smallPurchaseRules: RULES, supplier: supplierPageData() } } },
    ]);
    await settle();
    expect(wrapper.find('[data-testid="supplier-error"]').text()).toContain('La fiche n’a pas pu être chargée');
    await wrapper.find('[data-testid="supplier-error"] button').trigger('click');
    await settle();
    expect(wrapper.find('h1').text()).toBe('Les Jardins de Metz');
  });

  it('goes back to the results when the buyer came from a search', async () => {
    const { wrapper, router } = await mountPage([{ request: request(), result: { data: { smallPurchaseRules: RULES, supplier: supplierPageData() } } }], {
      back: '/?q=tonte',
    });
    const link = wrapper.find('a.fr-icon-arrow-left-line');
    expect(link.text()).toBe('Retour aux résultats');
    expect(link.attributes('href')).toBe('/?q=tonte');
    const back = vi.spyOn(router, 'back');
    await link.trigger('click');
    expect(back).toHaveBeenCalledOnce();
  });

  it('links to the search when the page was opened directly', async () => {
    const { wrapper } = await mountPage([{ request: request(), result: { data: { smallPurchaseRules: RULES, supplier: supplierPageData() } } }]);
    const link = wrapper.find('a.fr-icon-arrow-left-line');
    expect(link.text()).toBe('Rechercher une structure');
    expect(link.attributes('href')).toBe('/');
  });

  it('adds the supplier to the shortlist and takes it out again', async () => {
    const { wrapper } = await mountPage([{ request: request(), result: { data: { smallPurchaseRules: RULES, supplier: supplierPageData() } } }]);
    await settle();
    const toggle = () => wrapper.find('.shortlist-toggle button');
    expect(toggle().text()).toBe('Ajouter à ma sélection\u00a0: Les Jardins de Metz');
    await toggle().trigger('click');
    expect(useShortlist().entries.value).toEqual([{ id: METZ_ID, name: 'Les Jardins de Metz' }]);
    expect(toggle().text()).toBe('Retirer de ma sélection\u00a0: Les Jardins de Metz');
    await toggle().trigger('click');
    expect(useShortlist().count.value).toBe(0);
  });

  it('copies the page link, or shows it to copy by hand', async () => {
    const { wrapper } = await mountPage([{ request: request(), result: { data: { smallPurchaseRules: RULES, supplier: supplierPageData() } } }]);
    await settle();
    const copyButton = () => wrapper.findAll('button').find((button) => button.text() === 'Copier le lien')!;

    const writeText = vi.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    await copyButton().trigger('click');
    await settle();
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/structures/${METZ_ID}`);
    expect(wrapper.text()).toContain('Lien copié dans le presse-papiers.');

    setClipboard(undefined);
    await copyButton().trigger('click');
    await settle();
    const field = wrapper.find<HTMLInputElement>('.copy-link input');
    expect(field.element.value).toBe(`${location.origin}/structures/${METZ_ID}`);
    expect(wrapper.find(`label[for="${field.attributes('id')}"]`).text()).toBe('Lien de la fiche');
    expect(document.activeElement).toBe(field.element);
  });
});
