import type { SqlRunner } from '../../core/database/sql-runner.js';
import { badUserInput } from '../../core/graphql/errors.js';

export const MAX_SEARCH_TEXT_LENGTH = 200;

interface QueryWord {
  lexeme: string;
  known: boolean;
  similar: string[];
}

function quoted(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * Builds the tsquery for a buyer's text (see README): every word must match, each word
 * being its French stem, or, when the directory does not know it (a typo), the nearest
 * known words by trigram similarity. The last word also matches as a prefix, for text
 * typed as it is searched.
 */
export function tsqueryOf(words: QueryWord[]): string | null {
  if (words.length === 0) return null;
  return words
    .map((word, index) => {
      const alternatives = [quoted(word.lexeme)];
      if (index === words.length - 1) alternatives.push(`${quoted(word.lexeme)}:*`);
      if (!word.known) alternatives.push(...word.similar.map(quoted));
      return `(${alternatives.join(' | ')})`;
    })
    .join(' & ');
}

/** Null when the text has no searchable word (empty, or only stop words). */
export async function buildTextQuery(db: SqlRunner, text: string | null | undefined): Promise<string | null> {
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
  return tsqueryOf(words);
}
