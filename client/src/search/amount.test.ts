import { describe, expect, it } from 'vitest';
import { amountText, MAX_SMALL_PURCHASE_AMOUNT, parseAmount } from './amount';

describe('parseAmount', () => {
  it.each([
    ['15000', 15_000],
    ['15 000', 15_000],
    ['15\u202f000', 15_000],
    ['15 000 €', 15_000],
    ['15000 € HT', 15_000],
    ['2 500,50', 2500.5],
    ['2500.5', 2500.5],
    ['0,01', 0.01],
    [String(MAX_SMALL_PURCHASE_AMOUNT), MAX_SMALL_PURCHASE_AMOUNT],
  ])('reads "%s" as %d', (typed, amount) => {
    expect(parseAmount(typed)).toEqual({ amount });
  });

  it.each([
    ['', 'Indiquez un montant en euros HT'],
    ['   ', 'Indiquez un montant en euros HT'],
    ['0', 'supérieur à 0'],
    ['0,00', 'supérieur à 0'],
    ['-5', 'en chiffres'],
    ['douze', 'en chiffres'],
    ['1e9', 'en chiffres'],
    ['Infinity', 'en chiffres'],
    ['15.000', 'deux décimales au plus'],
    ['100000000', 'd’au plus 1 000 000'],
    ['1000000,01', 'd’au plus'],
  ])('refuses "%s" with a French message', (typed, message) => {
    const parsed = parseAmount(typed);
    expect('error' in parsed && parsed.error.replace(/[\u00a0\u202f]/g, ' ')).toContain(message);
  });
});

describe('amountText', () => {
  it('groups digits the French way, with plain spaces a field can take back', () => {
    expect(amountText(15_000)).toBe('15 000');
    expect(amountText(2500.5)).toBe('2 500,5');
    expect(parseAmount(amountText(123_456.78))).toEqual({ amount: 123_456.78 });
  });
});
