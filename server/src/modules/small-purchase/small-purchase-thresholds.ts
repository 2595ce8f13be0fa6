/**
 * Thresholds under which a public buyer may buy without publicity or competition
 * (art. R2122-8 code de la commande publique), in € HT, as dated configuration: each
 * line applies from its date until the next one.
 */
export interface SmallPurchaseThreshold {
  /** First day the line applies (ISO date, inclusive). */
  validFrom: string;
  suppliesAndServices: number;
  works: number;
  source: string;
}

export const SMALL_PURCHASE_THRESHOLDS: readonly SmallPurchaseThreshold[] = [
  { validFrom: '2011-12-12', suppliesAndServices: 15_000, works: 15_000, source: 'Décret n° 2011-1853 du 9 décembre 2011' },
  { validFrom: '2015-10-01', suppliesAndServices: 25_000, works: 25_000, source: 'Décret n° 2015-1163 du 17 septembre 2015' },
  {
    validFrom: '2020-01-01',
    suppliesAndServices: 40_000,
    works: 40_000,
    source: 'Décret n° 2019-1344 du 12 décembre 2019 (works: 100 000 during temporary periods)',
  },
  { validFrom: '2026-01-01', suppliesAndServices: 40_000, works: 100_000, source: 'Décret n° 2025-1386' },
  { validFrom: '2026-04-01', suppliesAndServices: 60_000, works: 100_000, source: 'Décret n° 2025-1386' },
];

/**
 * The amount buyers of this product work with by default (they may change it): well under
 * the legal threshold, the figure practitioners use for first orders to inclusive suppliers.
 */
export const DEFAULT_SMALL_PURCHASE_AMOUNT = 15_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The line in force on a day (ISO date), or null before the first one. */
export function smallPurchaseThresholdOn(day: string, thresholds = SMALL_PURCHASE_THRESHOLDS): SmallPurchaseThreshold | null {
  if (!ISO_DATE.test(day)) throw new RangeError(`"${day}" is not an ISO date (YYYY-MM-DD)`);
  let current: SmallPurchaseThreshold | null = null;
  for (const line of thresholds) {
    if (line.validFrom <= day && (current === null || line.validFrom > current.validFrom)) current = line;
  }
  return current;
}
