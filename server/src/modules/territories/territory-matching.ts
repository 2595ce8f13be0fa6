/**
 * Pure rules for matching what a buyer types against French territories: text
 * normalisation (identical to the SQL function normalize_search_text), classification of
 * a search string (codes or a name), code validation, and municipal arrondissements.
 * See README.md in this folder.
 */

/** Letters that unaccent() turns into several letters, or that NFD does not decompose. */
const SPECIAL_LETTERS: Record<string, string> = {
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ß: 'ss',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  ı: 'i',
};
const SPECIAL_LETTER_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');

/**
 * Lowercase, without accents, every run of non-alphanumerics as one space, trimmed:
 * "Saint-Étienne", "saint etienne" and "  SAINT ÉTIENNE " all give "saint etienne".
 * Must stay identical to the SQL function normalize_search_text (a test checks it on
 * every commune name).
 */
export function normalizeSearchText(text: string): string {
  return text
    .replace(SPECIAL_LETTER_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Abbreviations common in French place names, expanded before matching names. */
const ABBREVIATIONS: Record<string, string> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
};

/** "st etienne" → "saint etienne". Takes and returns normalised text. */
export function expandAbbreviations(normalized: string): string {
  return normalized
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

export const MAX_SEARCH_LENGTH = 100;

/** What a search string may designate; every list may be empty. */
export interface TerritorySearchPlan {
  /** Normalised name to match (abbreviations expanded), or null when the input is a code. */
  name: string | null;
  /** Exact département codes ("57", "2A", "971"). */
  departementCodes: string[];
  /** Exact INSEE commune code ("57463", "2A004", "97411"). */
  inseeCode: string | null;
  /** Exact postal code (5 digits). */
  postalCode: string | null;
  /** Beginning of postal codes (3 or 4 digits, e.g. "570"). */
  postalCodePrefix: string | null;
}

/**
 * Classifies a search string:
 * - 5 digits: a postal code or an INSEE code (both are tried);
 * - "2A004" / "2B033": an INSEE code of a Corsican commune;
 * - 2 digits, "2A"/"2B", or 3 digits from 971: a département code (3-digit ones are
 *   also postal code prefixes, e.g. "971" for Guadeloupe); "20" means both Corsican
 *   départements;
 * - 3 or 4 digits: a postal code prefix;
 * - anything else: a name.
 * Returns null when nothing searchable is left (empty or only punctuation).
 */
export function planTerritorySearch(search: string): TerritorySearchPlan | null {
  const normalized = normalizeSearchText(search);
  if (normalized === '') return null;
  const compact = normalized.replace(/ /g, '').toUpperCase();
  const plan: TerritorySearchPlan = {
    name: null,
    departementCodes: [],
    inseeCode: null,
    postalCode: null,
    postalCodePrefix: null,
  };
  if (/^\d{5}$/.test(compact)) {
    return { ...plan, inseeCode: compact, postalCode: compact };
  }
  if (/^2[AB]\d{3}$/.test(compact)) {
    return { ...plan, inseeCode: compact };
  }
  if (/^2[AB]$/.test(compact)) {
    return { ...plan, departementCodes: [compact] };
  }
  if (/^\d{2}$/.test(compact)) {
    return { ...plan, departementCodes: compact === '20' ? ['2A', '2B'] : [compact] };
  }
  if (/^\d{3}$/.test(compact)) {
    return { ...plan, departementCodes: compact >= '971' ? [compact] : [], postalCodePrefix: compact };
  }
  if (/^\d{4}$/.test(compact)) {
    return { ...plan, postalCodePrefix: compact };
  }
  return { ...plan, name: expandAbbreviations(normalized) };
}

/**
 * Every 5-digit code starting with a 3- or 4-digit prefix ("570" → "57000" … "57099"),
 * so that a prefix search can use the index on postal code arrays.
 */
export function postalCodesStartingWith(prefix: string): string[] {
  if (!/^\d{3,4}$/.test(prefix)) return [];
  const count = 10 ** (5 - prefix.length);
  return Array.from({ length: count }, (_, index) => prefix + String(index).padStart(5 - prefix.length, '0'));
}

// Code shapes, after trimming and upper-casing.
const REGION_CODE = /^\d{2,3}$/;
const DEPARTEMENT_CODE = /^(\d{2}|2[AB]|9[78]\d)$/;
const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;

/** Canonical form of a code typed by a client: trimmed, upper case ("2a" → "2A"). */
export function canonicalCode(code: string): string {
  return code.trim().toUpperCase();
}

export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

export function isDepartementCode(code: string): boolean {
  return DEPARTEMENT_CODE.test(code);
}

/** INSEE code of a commune or a municipal arrondissement. */
export function isCommuneCode(code: string): boolean {
  return COMMUNE_CODE.test(code);
}

/** The three cities split into municipal arrondissements, with their INSEE code ranges. */
export const CITIES_WITH_ARRONDISSEMENTS: ReadonlyArray<{ city: string; name: string; first: number; last: number }> = [
  { city: '75056', name: 'Paris', first: 75101, last: 75120 },
  { city: '13055', name: 'Marseille', first: 13201, last: 13216 },
  { city: '69123', name: 'Lyon', first: 69381, last: 69389 },
];

/** INSEE codes of the arrondissements of a city (Paris, Lyon, Marseille); empty for any other commune. */
export function arrondissementCodesOf(cityCode: string): string[] {
  const city = CITIES_WITH_ARRONDISSEMENTS.find((entry) => entry.city === cityCode);
  if (!city) return [];
  return Array.from({ length: city.last - city.first + 1 }, (_, index) => String(city.first + index));
}

/** The city an arrondissement belongs to ("75108" → "75056"), or null if the code is not an arrondissement. */
export function cityOfArrondissement(code: string): string | null {
  if (!/^\d{5}$/.test(code)) return null;
  const value = Number(code);
  return CITIES_WITH_ARRONDISSEMENTS.find((entry) => value >= entry.first && value <= entry.last)?.city ?? null;
}

export function isArrondissementCode(code: string): boolean {
  return cityOfArrondissement(code) !== null;
}

/**
 * The commune in the everyday sense: the city for an arrondissement, the code itself
 * otherwise. Suppliers store it as `municipality_code`, so that "Paris" covers the 8e.
 */
export function municipalityCodeOf(code: string): string {
  return cityOfArrondissement(code) ?? code;
}
