import { describe, expect, it } from 'vitest';
import { CardCache, type PageSupplierCard } from './card-cache.js';

const card = (id: number) => ({ supplier: { id }, offeringWords: new Map() }) as unknown as PageSupplierCard;

describe('the cards of result pages', () => {
  it('keeps a card read before any change, forgets the suppliers of a change, and everything at a new index', () => {
    const cards = new CardCache(10);
    cards.remember(1, card(1), cards.stamp);
    cards.remember(2, card(2), cards.stamp);
    expect(cards.get(1)).toEqual(card(1));
    cards.forget([1]);
    expect(cards.get(1)).toBeUndefined();
    expect(cards.get(2)).toEqual(card(2));
    cards.clear();
    expect(cards.get(2)).toBeUndefined();
  });

  it('does not keep a card read while a change was applied: it may predate the change', () => {
    const cards = new CardCache(10);
    const readFrom = cards.stamp;
    // The change log names another supplier meanwhile: which rows the read saw is unknown.
    cards.forget([7]);
    cards.remember(3, card(3), readFrom);
    expect(cards.get(3)).toBeUndefined();
    cards.remember(3, card(3), cards.stamp);
    expect(cards.get(3)).toEqual(card(3));
  });

  it('holds at most its size, the least recently used going first', () => {
    const cards = new CardCache(2);
    for (const id of [1, 2]) cards.remember(id, card(id), cards.stamp);
    cards.get(1);
    cards.remember(3, card(3), cards.stamp);
    expect([1, 2, 3].map((id) => cards.get(id) !== undefined)).toEqual([true, false, true]);
  });
});
