import type { OfferingEntity } from '../offerings/offering.entity.js';
import { directPurchasePossible } from '../offerings/offering.types.js';
import type { OfferingWords } from './directory-index/card-cache.js';
import type { DirectoryReference } from './directory-index/directory-reference.js';
import { FIELD_WEIGHTS } from './directory-index/indexed-supplier-search.js';
import { requiredWords, type SupplierSearch } from './supplier-search.query.js';


/** A supplier's offerings as a search sees them (README, "Say why"). */
export interface ExplainedOfferings {
  /** Those matching the search, best first (none when the search names neither words nor categories). */
  best(limit: number): OfferingEntity[];
  /** The cheapest priced one matching the search, under `amount` when given (the small-purchase filter). */
  cheapest(amount: number | null): OfferingEntity | null;
}

interface Scored {
  offering: OfferingEntity;
  /** Words of the text it holds. */
  coverage: number;
  strength: number;
}

/**
 * Which of a supplier's published offerings match a search: in the searched categories,
 * and holding the text's words (title, description, or its category's name and keywords) —
 * as many as the best offering of the supplier holds, a third fewer from three words on, as
 * suppliers are matched. Without words nor categories, every offering matches.
 */
export function explainOfferings(
  offerings: readonly OfferingEntity[],
  words: ReadonlyMap<number, OfferingWords>,
  search: SupplierSearch,
  reference: DirectoryReference,
): ExplainedOfferings {
  const activity = search.activityCategoryIds ? new Set(search.activityCategoryIds) : null;
  const terms = search.text && search.text.identifiers.length === 0 ? search.text.terms : [];
  const scored: Scored[] = offerings
    .filter((offering) => !activity || activity.has(offering.categoryId))
    .map((offering) => {
      const own = words.get(offering.id);
      const category = reference.categoryWords.get(offering.categoryId);
      let coverage = 0;
      let strength = 0;
      for (const term of terms) {
        let best = 0;
        for (const { lexeme, factor } of term.alternatives) {
          if (own?.title.has(lexeme)) best = Math.max(best, FIELD_WEIGHTS.offeringTitle * factor);
          if (category?.name.has(lexeme)) best = Math.max(best, FIELD_WEIGHTS.activitySold * factor);
          if (category?.keywords.has(lexeme)) best = Math.max(best, FIELD_WEIGHTS.keyword * factor);
          if (own?.description.has(lexeme)) best = Math.max(best, FIELD_WEIGHTS.description * factor);
        }
        if (best > 0) {
          coverage += 1;
          strength += best;
        }
      }
      return { offering, coverage, strength };
    });
  const bestCoverage = scored.reduce((best, entry) => Math.max(best, entry.coverage), 0);
  const required = requiredWords(terms.length, bestCoverage);
  const matching = scored.filter((entry) => terms.length === 0 || (entry.coverage > 0 && entry.coverage >= required));
  const searched = terms.length > 0 || activity !== null;
  const entryOrder = (a: OfferingEntity, b: OfferingEntity) => (a.entryAmount ?? Infinity) - (b.entryAmount ?? Infinity) || a.id - b.id;
  return {
    best: (limit) =>
      searched
        ? [...matching]
            .sort((a, b) => b.coverage - a.coverage || b.strength - a.strength || entryOrder(a.offering, b.offering))
            .slice(0, limit)
            .map((entry) => entry.offering)
        : [],
    cheapest: (amount) =>
      matching
        .map((entry) => entry.offering)
        .filter((offering) => offering.entryAmount !== null && (amount === null || directPurchasePossible(offering.entryAmount, amount)))
        .sort(entryOrder)[0] ?? null,
  };
}
