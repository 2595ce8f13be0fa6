import { normalizeText } from './text-match';

/** A place the "Où ?" suggestions offer. */
export interface PlaceOption {
  level: 'commune' | 'departement' | 'region';
  code: string;
  /** Its name alone: "Metz". */
  name: string;
  /** As the list shows it: "Metz (57)". */
  label: string;
  postalCodes?: readonly string[];
}

export type PlaceChoice<T extends PlaceOption> =
  | { kind: 'found'; place: T }
  /** Several places answer to the text exactly ("Saint-Denis"): the buyer picks one. */
  | { kind: 'ambiguous'; places: T[] }
  /** No place answers to the text exactly; the suggestions are only look-alikes ("Atlantide"). */
  | { kind: 'not-found'; suggestions: T[] };

/**
 * The place a buyer typed without picking a suggestion. Only an exact answer counts: the
 * name ("metz", accents and case aside), the label as listed ("Metz (57)"), an INSEE or
 * département code, or a postal code. A look-alike is never taken in its stead: "Atlantide"
 * must not become "Loire-Atlantique (44)" behind the buyer's back.
 * A name shared at one level (four communes "Saint-Denis", two communes for one postal
 * code) is ambiguous; a name shared across levels ("Paris": the commune and the
 * département) is the same place for a buyer, and the API's first is taken.
 */
export function choosePlace<T extends PlaceOption>(typed: string, options: readonly T[]): PlaceChoice<T> {
  const text = normalizeText(typed);
  const code = typed.trim().toUpperCase();
  const exact = options.filter(
    (option) =>
      normalizeText(option.name) === text
      || normalizeText(option.label) === text
      || (option.level !== 'region' && option.code === code)
      || (option.postalCodes ?? []).includes(code),
  );
  if (!exact.length) return { kind: 'not-found', suggestions: options.slice(0, 3) };
  const first = exact[0]!;
  const sameLevel = exact.filter((option) => option.level === first.level);
  return sameLevel.length > 1 ? { kind: 'ambiguous', places: sameLevel } : { kind: 'found', place: first };
}
