import type { ServiceType } from '../suppliers/service-area.js';
import type { KindFamily, ReservedMarket, SupplierKind } from '../suppliers/supplier-kind.js';
import type { SupplierOrder } from '../suppliers/supplier.inputs.js';
import type { DirectoryIndex } from './directory-index/directory-index.js';
import type { DirectoryReference } from './directory-index/directory-reference.js';
import type { ParsedToken } from './directory-index/directory-index.service.js';
import { noSearchableWord } from './search.errors.js';
import type { BuyerText } from './text-query.js';
import type { GeoPoint, TerritoryZone } from './territory-zone.js';

/** A query holds at most this many words (after stop words): the rest is not searched. */
export const MAX_SEARCH_TERMS = 16;

/** How much a match by each kind of alternative counts, against the word itself (README, "Text relevance"). */
export const ALTERNATIVE_FACTORS = { exact: 1, prefix: 0.7, typo: 0.6, synonym: 0.5 } as const;

/** Typos: known lexemes at least this similar (pg_trgm's similarity), at most this many. */
const TYPO_SIMILARITY = 0.4;
const TYPO_ALTERNATIVES = 3;
/** The last word is also a prefix from this many characters, of at most this many lexemes (the most frequent). */
const MIN_PREFIX_LENGTH = 3;
const MAX_PREFIX_EXPANSIONS = 64;

export interface TermAlternative {
  lexeme: string;
  /** ALTERNATIVE_FACTORS of its kind. */
  factor: number;
}

/**
 * How strongly a supplier holds a word, by where (README, "Text relevance"): 3 in its name,
 * the name of one of its activities, or an offering's title; 2 in a keyword of one of its
 * activities (or their group's name); 1 in a description, or in a keyword when the word
 * names other activities outright (the buyer means those: "gardiennage" is a security
 * trade, a keyword of bike parking only in passing).
 */
export const MATCH_CLASSES = { strong: 3, keyword: 2, weak: 1 } as const;

/** A category whose words hold a term. */
export interface TermCategory {
  id: number;
  /** Best factor (ALTERNATIVE_FACTORS) of the alternatives in its name, 0 if none. */
  nameFactor: number;
  /** Best factor of the alternatives in its keywords or its group's name, 0 if none. */
  keywordFactor: number;
  /** MATCH_CLASSES of a supplier active in it. */
  matchClass: number;
}

/** A word of the buyer's text, with the lexemes that match it. */
export interface SearchTerm {
  /** As typed. */
  typed: string;
  /** Its stem. */
  lexeme: string;
  /** Whether the directory knows the stem (a document or a category holds it); not: a typo, or a word typed halfway. */
  known: boolean;
  /** The stem itself first, then typo corrections, prefix completions and synonyms. */
  alternatives: TermAlternative[];
  /** Categories whose name or keywords hold one of the alternatives. */
  categories: TermCategory[];
}

/** The text of a supplier search, resolved against the directory index. */
export interface SupplierTextSearch {
  typed: string;
  terms: SearchTerm[];
  /**
   * The categories of the query's trade: those whose names hold the most words (README,
   * "Text relevance"); null when no name holds one. A supplier active in one of them that
   * holds one of the words matches without the others.
   */
  topicCategoryIds: number[] | null;
  /** SIRETs and SIRENs in the text: the search finds those structures. */
  identifiers: string[];
}

/** A supplier search, validated and resolved to the keys of the index (README). */
export interface SupplierSearch {
  text: SupplierTextSearch | null;
  /** Categories given, plus every category of the groups given (any of them). */
  activityCategoryIds: number[] | null;
  zone: TerritoryZone | null;
  excludeNationalOnly: boolean;
  /** Each filter of kinds on its own: a facet leaves its own out. */
  kinds: SupplierKind[] | null;
  kindFamilies: KindFamily[] | null;
  reservedMarkets: ReservedMarket[] | null;
  serviceTypes: ServiceType[] | null;
  /** Amount of the small-purchase filter, when it is on. */
  smallPurchaseAmount: number | null;
  /** Amount the small-purchase facet and badge count with (the filter's, or the default). */
  smallPurchaseFacetAmount: number;
  tags: string[] | null;
  /** Only rows whose last change (`changed_at`) is at or after it. */
  updatedSince: Date | null;
  /** Where distances are measured from. */
  origin: GeoPoint | null;
  order: SupplierOrder;
}

/**
 * How many of the query's words a supplier must match (README, "Text relevance"): as many as
 * the best supplier of the territory, but, from three words on, one fewer per three words
 * (a buyer's sentence holds words nobody writes): never more than that, never less than one.
 */
export function requiredWords(termCount: number, bestCoverage: number): number {
  return Math.max(1, Math.min(bestCoverage, termCount - Math.floor(termCount / 3)));
}


/**
 * The categories whose words hold one of the alternatives, with the class of a supplier
 * active in each. A keyword match is weak when the word names other categories outright and
 * nothing of the query names this one (`namedByQuery`: categories whose name holds a word).
 */
function termCategories(
  alternatives: readonly TermAlternative[],
  reference: DirectoryReference,
  namedByQuery: ReadonlySet<number>,
  namedExactly: ReadonlySet<number>,
): TermCategory[] {
  const found: TermCategory[] = [];
  for (const [id, words] of reference.categoryWords) {
    let nameFactor = 0;
    let keywordFactor = 0;
    for (const { lexeme, factor } of alternatives) {
      if (words.name.has(lexeme)) nameFactor = Math.max(nameFactor, factor);
      if (words.keywords.has(lexeme)) keywordFactor = Math.max(keywordFactor, factor);
    }
    if (nameFactor > 0 || keywordFactor > 0) found.push({ id, nameFactor, keywordFactor, matchClass: 0 });
  }
  const namesSome = found.some((category) => category.nameFactor > 0);
  for (const category of found) {
    if (category.nameFactor > 0) {
      // The query is the exact name of another category ("aide à domicile"): this one, whose name says more ("aide numérique à domicile"), is not what was asked.
      category.matchClass = namedExactly.size > 0 && !namedExactly.has(category.id) ? MATCH_CLASSES.weak : MATCH_CLASSES.strong;
    } else {
      category.matchClass = namesSome && !namedByQuery.has(category.id) ? MATCH_CLASSES.weak : MATCH_CLASSES.keyword;
    }
  }
  return found;
}

/** The categories whose names hold the most terms; null when no name holds one. */
function topicCategories(terms: readonly SearchTerm[]): number[] | null {
  const named = new Map<number, number>();
  for (const term of terms) for (const category of term.categories) if (category.nameFactor > 0) named.set(category.id, (named.get(category.id) ?? 0) + 1);
  const most = Math.max(0, ...named.values());
  if (most === 0) return null;
  return [...named].filter(([, count]) => count === most).map(([id]) => id).sort((a, b) => a - b);
}

/**
 * How many of its words count for a supplier: those it holds at the best class any supplier
 * of the search holds them, or one below (`bestClasses`: by term); a word nobody holds
 * counts for nobody. Classes are packed 2 bits per term (term n: bits 2n, 2n+1); the best
 * classes are read from `offset` on (by département: département id × term count).
 */
export function countedWords(classes: number, bestClasses: ArrayLike<number>, termCount: number, offset = 0): number {
  let counted = 0;
  for (let term = 0; term < termCount; term += 1) {
    const best = bestClasses[offset + term];
    if (best > 0 && ((classes >>> (2 * term)) & 3) >= Math.max(1, best - 1)) counted += 1;
  }
  return counted;
}


/** BM25's idf of a word held by `documents` of `total` suppliers. */
export function inverseDocumentFrequency(documents: number, total: number): number {
  return Math.log(1 + (total - documents + 0.5) / (documents + 0.5));
}

/**
 * The terms of a buyer's text: each searchable word (stop words and FILLER_WORDS out,
 * repeated words once) with its alternatives: typo corrections when the directory does not
 * know the word, completions of the last word (typed as it is searched), synonyms.
 * BAD_USER_INPUT when nothing is left to search.
 */
export function resolveSupplierText(
  text: BuyerText,
  tokens: readonly ParsedToken[],
  index: DirectoryIndex,
  reference: DirectoryReference,
): SupplierTextSearch {
  const words: { typed: string; lexeme: string }[] = [];
  for (const { token, lexemes } of tokens) {
    const lexeme = lexemes.find((candidate) => [...candidate].length >= 2 && !reference.fillerLexemes.has(candidate));
    if (lexeme && !words.some((word) => word.lexeme === lexeme)) words.push({ typed: token, lexeme });
  }
  if (words.length === 0 && text.identifiers.length === 0) throw noSearchableWord(text.typed);
  const kept = words.slice(0, MAX_SEARCH_TERMS);
  const resolved = kept.map(({ typed, lexeme }, position) => {
    const alternatives: TermAlternative[] = [{ lexeme, factor: ALTERNATIVE_FACTORS.exact }];
    const add = (candidate: string, factor: number) => {
      if (!alternatives.some((alternative) => alternative.lexeme === candidate)) alternatives.push({ lexeme: candidate, factor });
    };
    const known = index.documents.has(lexeme) || reference.isCategoryLexeme(lexeme);
    if (!known) for (const similar of index.documents.nearestLexemes(lexeme, TYPO_SIMILARITY, TYPO_ALTERNATIVES)) add(similar, ALTERNATIVE_FACTORS.typo);
    if (position === kept.length - 1 && lexeme.length >= MIN_PREFIX_LENGTH) {
      for (const completion of index.documents.lexemesStartingWith(lexeme, MAX_PREFIX_EXPANSIONS)) add(completion, ALTERNATIVE_FACTORS.prefix);
    }
    for (const synonym of reference.synonyms.get(lexeme) ?? []) add(synonym, ALTERNATIVE_FACTORS.synonym);
    return { typed, lexeme, known, alternatives };
  });
  const namedByQuery = new Set<number>();
  // Categories whose every name word the buyer typed (the words themselves or their corrections).
  const namedExactly = new Set<number>();
  const typedLexemes = new Set(resolved.flatMap((term) => term.alternatives.filter((alternative) => alternative.factor >= ALTERNATIVE_FACTORS.typo && alternative.factor !== ALTERNATIVE_FACTORS.prefix).map((alternative) => alternative.lexeme)));
  for (const [id, categoryWords] of reference.categoryWords) {
    if (resolved.some((term) => term.alternatives.some((alternative) => categoryWords.name.has(alternative.lexeme)))) namedByQuery.add(id);
    if (categoryWords.name.size > 0 && [...categoryWords.name].every((lexeme) => typedLexemes.has(lexeme))) namedExactly.add(id);
  }
  const terms = resolved.map((term): SearchTerm => {
    const categories = termCategories(term.alternatives, reference, namedByQuery, namedExactly);
    return { ...term, categories };
  });
  return { typed: text.typed, terms, identifiers: text.identifiers, topicCategoryIds: topicCategories(terms) };
}
