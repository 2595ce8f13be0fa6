import { describe, expect, it } from 'vitest';
import { formatLegalDate, formatOfferingPrice, orderLabel, ORDER_LABELS } from './labels';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatOfferingPrice', () => {
  it('gives the price with its unit, and the minimum order apart', () => {
    expect(plain(formatOfferingPrice({ price: { amountFrom: 22, unit: 'SQUARE_METRE' } }))).toBe('22 € HT le m²');
    expect(plain(formatOfferingPrice({ price: { amountFrom: 52, amountTo: 70, unit: 'PERSON' }, minimumOrderAmount: 250 }))).toBe(
      '52 € à 70 € HT par personne · commande minimum 250 € HT',
    );
    expect(formatOfferingPrice({ price: null })).toBe('Prix sur demande');
    expect(plain(formatOfferingPrice({ price: null, minimumOrderAmount: 250 }))).toBe('Prix sur demande · commande minimum 250 € HT');
  });
});

describe('formatLegalDate', () => {
  it('writes the first of the month "1er", in no time zone', () => {
    expect(formatLegalDate('2026-04-01')).toBe('1er avril 2026');
    expect(formatLegalDate('2011-12-12')).toBe('12 décembre 2011');
  });
});

describe('orderLabel', () => {
  it('names the one default order for what it does', () => {
    expect(orderLabel('RELEVANCE', true)).toBe('Recommandé : local d’abord, puis pertinence');
    expect(orderLabel('RELEVANCE', false)).toBe('Recommandé : les plus pertinentes d’abord');
    expect(orderLabel('NAME', true)).toBe(ORDER_LABELS.NAME);
  });
});
