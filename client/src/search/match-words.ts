import type { TextMatchField } from '../graphql/generated/graphql';

/** What the API says of why a supplier matched a search (`SupplierEdge.matchReasons`). */
export interface MatchReasonsLike {
  categories: readonly { name: string }[];
  offerings: readonly { title: string }[];
  textFields: readonly TextMatchField[];
  missingWords: readonly string[];
}

/** Where the words were found, when neither an activity nor an offering says it better. */
const FIELD_WORDS: Record<TextMatchField, string> = {
  SIRET: 'son SIRET',
  NAME: 'son nom',
  ACTIVITY: 'ses activités',
  OFFERING: 'ses offres',
  KEYWORD: 'les mots-clés de ses activités',
  DESCRIPTION: 'sa présentation',
};

const MAX_CATEGORIES = 3;

/**
 * "Correspond : Nettoyage de bureaux · offre « Entretien de locaux »": the activities and
 * the best offering the search named; else where the words were found ("Correspond : son
 * nom"). Null when the search named nothing (no text, no activity).
 */
export function matchSentence(reasons: MatchReasonsLike): string | null {
  const parts: string[] = [];
  const strongest = reasons.textFields[0];
  // A structure found by its own name or SIRET says so first: that is why it is there.
  if (strongest === 'NAME' || strongest === 'SIRET') parts.push(FIELD_WORDS[strongest]);
  const names = reasons.categories.map((category) => category.name);
  if (names.length) {
    const more = names.length - MAX_CATEGORIES;
    parts.push(more > 0 ? `${names.slice(0, MAX_CATEGORIES).join(', ')} (+ ${more})` : names.join(', '));
  }
  const offering = reasons.offerings[0];
  // Non-breaking spaces inside the guillemets, as French typography has them: no « alone at a line's end.
  if (offering) parts.push(`offre «\u00a0${offering.title}\u00a0»`);
  if (!parts.length && strongest) parts.push(FIELD_WORDS[strongest]);
  return parts.length ? `Correspond : ${parts.join(' · ')}` : null;
}

/** "Mots absents : séminaire": words of the text this supplier does not match; null when it matches them all. */
export function missingSentence(reasons: MatchReasonsLike): string | null {
  if (!reasons.missingWords.length) return null;
  return `${reasons.missingWords.length > 1 ? 'Mots absents' : 'Mot absent'} : ${reasons.missingWords.join(', ')}`;
}
