import type { SqlRunner } from '../../core/database/sql-runner.js';
import { badUserInput } from '../../core/graphql/errors.js';

export const MAX_SEARCH_TEXT_LENGTH = 200;

interface QueryWord {
  lexeme: string;
  known: boolean;
  similar: string[];
}

/** One word of a buyer's text: a document matches it with any of these lexemes, or one starting with `prefix`. */
export interface TextTerm {
  lexemes: string[];
  prefix: string | null;
}

/** A buyer's text, as PostgreSQL full text (`tsquery`) and as terms (for the directory index). */
export interface TextQuery {
  tsquery: string;
  terms: TextTerm[];
}

function quoted(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The terms of a buyer's text (see README): every word must match, each word being its
 * French stem, or, when the directory does not know it (a typo), the nearest known words by
 * trigram similarity. The last word also matches as a prefix, for text typed as it is searched.
 */
export function textTermsOf(words: QueryWord[]): TextTerm[] {
  return words.map((word, index) => ({
    lexemes: [word.lexeme, ...(word.known ? [] : word.similar)],
    prefix: index === words.length - 1 ? word.lexeme : null,
  }));
}

/** The tsquery of terms: `('a' | 'a':*) & ('b' | 'c')`. */
export function tsqueryOf(terms: TextTerm[]): string {
  return terms
    .map((term) => {
      const alternatives = term.lexemes.map(quoted);
      if (term.prefix !== null) alternatives.splice(1, 0, `${quoted(term.prefix)}:*`);
      return `(${alternatives.join(' | ')})`;
    })
    .join(' & ');
}

/** Null when the text has no searchable word (empty, or only stop words). */
export async function buildTextQuery(db: SqlRunner, text: string | null | undefined): Promise<TextQuery | null> {
  if (text == null || text.trim() === '') return null;
  if (text.length > MAX_SEARCH_TEXT_LENGTH) {
    throw badUserInput(`text must be at most ${MAX_SEARCH_TEXT_LENGTH} characters`, 'filter.text');
  }
  const words = await db.query<QueryWord[]>(
    `SELECT t.lexeme,
            EXISTS (SELECT 1 FROM search_word w WHERE w.word = t.lexeme) AS known,
            ARRAY(SELECT w.word FROM search_word w
                  WHERE w.word % t.lexeme AND similarity(w.word, t.lexeme) >= 0.4
                  ORDER BY similarity(w.word, t.lexeme) DESC, w.word LIMIT 3) AS similar
     FROM unnest(to_tsvector('french_unaccent', $1)) AS t
     ORDER BY t.positions[1]`,
    [text],
  );
  if (words.length === 0) return null;
  const terms = textTermsOf(words);
  return { tsquery: tsqueryOf(terms), terms };
}
