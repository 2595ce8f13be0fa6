import { describe, expect, it } from 'vitest';
import { SMALL_PURCHASE_THRESHOLDS, smallPurchaseThresholdOn } from './small-purchase-thresholds.js';

describe('smallPurchaseThresholdOn', () => {
  it('gives the line in force on each side of every change', () => {
    expect(smallPurchaseThresholdOn('2015-09-30')?.suppliesAndServices).toBe(15_000);
    expect(smallPurchaseThresholdOn('2015-10-01')?.suppliesAndServices).toBe(25_000);
    expect(smallPurchaseThresholdOn('2019-12-31')?.suppliesAndServices).toBe(25_000);
    expect(smallPurchaseThresholdOn('2020-01-01')?.suppliesAndServices).toBe(40_000);
    expect(smallPurchaseThresholdOn('2026-01-01')).toMatchObject({ suppliesAndServices: 40_000, works: 100_000 });
    expect(smallPurchaseThresholdOn('2026-03-31')?.suppliesAndServices).toBe(40_000);
    expect(smallPurchaseThresholdOn('2026-04-01')).toMatchObject({ suppliesAndServices: 60_000, works: 100_000 });
    expect(smallPurchaseThresholdOn('2031-06-15')?.validFrom).toBe('2026-04-01');
  });

  it('has nothing before the first line', () => {
    expect(smallPurchaseThresholdOn('2011-12-11')).toBeNull();
  });

  it('does not depend on the order of the configuration', () => {
    const shuffled = [...SMALL_PURCHASE_THRESHOLDS].reverse();
    expect(smallPurchaseThresholdOn('2021-05-05', shuffled)?.validFrom).toBe('2020-01-01');
  });

  it('refuses what is not an ISO date', () => {
    expect(() => smallPurchaseThresholdOn('01/04/2026')).toThrow(RangeError);
  });
});
