import type { SqlRunner } from '../../core/database/sql-runner.js';
import { noSearchableWord, textTooLong } from './search.errors.js';

/** "Quoi ?" stays short enough for every search URL to be shared (README, "Text"). */
export const MAX_SEARCH_TEXT_LENGTH = 200;

/** Control characters (C0, DEL, C1): never searched, never sent to SQL. */
const CONTROL_CHARACTERS = /\p{Cc}/gu;

/**
 * A SIRET (14 digits) or a SIREN (9 digits), as buyers copy them: digits grouped by spaces
 * or dots ("123 456 789 00012"), with no digit right before or after.
 */
const IDENTIFIER = /(?<![\d])\d(?:[ .\u00a0\u202f]?\d){13}(?![\d])|(?<![\d])\d(?:[ .\u00a0\u202f]?\d){8}(?![\d])/g;

/** A buyer's text, checked: what is searched as words, and the identifiers found in it. */
export interface BuyerText {
  /** As the buyer typed it (trimmed). */
  typed: string;
  /** What is stemmed and matched as words: control characters and identifiers taken out. */
  words: string;
  /** SIRETs and SIRENs in the text, digits only. */
  identifiers: string[];
}

/**
 * Checks a buyer's text (README, "Text"): null when there is none; BAD_USER_INPUT when it is
 * over MAX_SEARCH_TEXT_LENGTH characters. Control characters become spaces.
 */
export function readBuyerText(text: string | null | undefined): BuyerText | null {
  if (text == null) return null;
  const cleaned = text.replace(CONTROL_CHARACTERS, ' ').trim();
  if (cleaned === '') return null;
  const length = [...cleaned].length;
  if (length > MAX_SEARCH_TEXT_LENGTH) throw textTooLong(length, MAX_SEARCH_TEXT_LENGTH);
  const identifiers: string[] = [];
  const words = cleaned
    .replace(IDENTIFIER, (match) => {
      identifiers.push(match.replace(/\D/g, ''));
      return ' ';
    })
    .trim();
  return { typed: cleaned, words, identifiers: [...new Set(identifiers)] };
}

interface QueryWord {
  lexeme: string;
  known: boolean;
  similar: string[];
}

/** One word of a text as PostgreSQL full text matches it: any of these lexemes, or one starting with `prefix`. */
export interface TsqueryTerm {
  lexemes: string[];
  prefix: string | null;
}

/** A buyer's text as PostgreSQL full text (`tsquery`): for offering searches, which run in SQL. */
export interface TextQuery {
  tsquery: string;
  terms: TsqueryTerm[];
}

export function quotedLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The terms of an offering search's text: every word must match, each word being its
 * French stem, or, when the directory does not know it (a typo), the nearest known words by
 * trigram similarity. The last word also matches as a prefix, for text typed as it is searched.
 */
export function textTermsOf(words: QueryWord[]): TsqueryTerm[] {
  return words.map((word, index) => ({
    lexemes: [word.lexeme, ...(word.known ? [] : word.similar)],
    prefix: index === words.length - 1 ? word.lexeme : null,
  }));
}

/** The tsquery of terms: `('a' | 'a':*) & ('b' | 'c')`. */
export function tsqueryOf(terms: TsqueryTerm[]): string {
  return terms
    .map((term) => {
      const alternatives = term.lexemes.map(quotedLexeme);
      if (term.prefix !== null) alternatives.splice(1, 0, `${quotedLexeme(term.prefix)}:*`);
      return `(${alternatives.join(' | ')})`;
    })
    .join(' & ');
}

/**
 * The text of an offering search as a tsquery; null without text. BAD_USER_INPUT when the
 * text is too long or has no searchable word (only stop words, or no word at all: "***").
 */
export async function buildTextQuery(db: SqlRunner, text: string | null | undefined): Promise<TextQuery | null> {
  const buyerText = readBuyerText(text);
  if (!buyerText) return null;
  const words = await db.query<QueryWord[]>(
    `SELECT t.lexeme,
            EXISTS (SELECT 1 FROM search_word w WHERE w.word = t.lexeme) AS known,
            ARRAY(SELECT w.word FROM search_word w
                  WHERE w.word % t.lexeme AND similarity(w.word, t.lexeme) >= 0.4
                  ORDER BY similarity(w.word, t.lexeme) DESC, w.word LIMIT 3) AS similar
     FROM unnest(to_tsvector('french_unaccent', $1)) AS t
     ORDER BY t.positions[1]`,
    [buyerText.typed],
  );
  if (words.length === 0) throw noSearchableWord(buyerText.typed);
  const terms = textTermsOf(words);
  return { tsquery: tsqueryOf(terms), terms };
}
