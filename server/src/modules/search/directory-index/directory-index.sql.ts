/** SQL of the directory index: its rows, its reference data, and the change log it catches up from. */
import { DESCRIPTION_COMPLETE_LENGTH } from '../../suppliers/supplier-profile.types.js';

/** Lexemes of a tsvector, joined with LEXEME_SEPARATOR (text-index.ts). */
const lexemes = (tsvector: string) => `array_to_string(tsvector_to_array(${tsvector}), chr(31))`;

/**
 * The points of a supplier's profile completeness (supplier-profile.completeness.ts, one per
 * part filled in): a tie-breaker of the relevance order, computed where the row is read.
 * `sup` is the supplier, `s` its search row, `offers` its published offerings' aggregate.
 */
const COMPLETENESS_SQL = `(
  (char_length(sup.description) >= ${DESCRIPTION_COMPLETE_LENGTH})::int
  + (coalesce(sup.email, sup.phone) IS NOT NULL)::int
  + (sup.website IS NOT NULL)::int
  + (cardinality(sup.service_types) > 0)::int
  + ('serviceArea' = ANY(sup.self_edited_fields))::int
  + (cardinality(s.category_ids) > 0)::int
  + (EXISTS (SELECT 1 FROM supplier_logo l WHERE l.supplier_id = s.supplier_id))::int
  + (offers.category_ids IS NOT NULL)::int
)`;

/**
 * Published suppliers' search rows (IndexedSupplierRow): those of the ids `$1`, or a batch of
 * `$2` in id order after id `$1`. Texts come as PostgreSQL computed them (stemmed, unaccented):
 * name lexemes, offering titles and descriptions as tsvector text (with their positions, so
 * that the index counts occurrences). Category names and keywords are not read here: the
 * index knows each category's words (DirectoryReference).
 */
export function indexedRowsSql(selection: 'ids' | 'batch'): string {
  return `SELECT s.supplier_id, s.kind, s.commune_code, s.municipality_code, s.departement_code, s.region_code,
  s.latitude, s.longitude, s.service_area_kind, s.service_area_region_codes, s.service_area_departement_codes,
  s.service_area_radius_km, s.service_type_mask, s.tags, s.category_ids, s.category_group_mask::text,
  s.min_entry_amount::float8 AS min_entry_amount, prices.ids AS priced_category_ids, prices.amounts AS priced_category_amounts,
  offers.category_ids AS offering_category_ids,
  s.sort_name, s.updated_at::text AS updated_at, s.changed_at::text AS changed_at, sup.siret,
  ${COMPLETENESS_SQL} AS completeness,
  ${lexemes('s.name_document')} AS name_lexemes,
  offers.titles::text AS title_document,
  ts_filter(d.document, '{c}')::text AS description_document
FROM supplier_search s
JOIN supplier sup ON sup.id = s.supplier_id
LEFT JOIN supplier_search_document d ON d.supplier_id = s.supplier_id
LEFT JOIN LATERAL (
  SELECT array_agg(DISTINCT o.category_id ORDER BY o.category_id) AS category_ids,
         tsvector_agg(ts_filter(o.search_document, '{a}')) AS titles
  FROM offering o
  WHERE o.supplier_id = s.supplier_id AND o.published
) offers ON true
LEFT JOIN LATERAL (
  SELECT array_agg(category_id ORDER BY category_id) AS ids, array_agg(amount ORDER BY category_id) AS amounts
  FROM (
    SELECT o.category_id, min(o.entry_amount)::float8 AS amount
    FROM offering o
    WHERE o.supplier_id = s.supplier_id AND o.published AND o.entry_amount IS NOT NULL
    GROUP BY o.category_id
  ) by_category
) prices ON true
WHERE s.published
${selection === 'ids' ? 'AND s.supplier_id = ANY($1::int[])' : 'AND s.supplier_id > $1 ORDER BY s.supplier_id LIMIT $2'}`;
}

/**
 * Lexemes of each category's name, and of its keywords with its group's name: the words of
 * the category part of a supplier's document (refresh_supplier_search()), apart.
 */
export const CATEGORY_LEXEMES_SQL = `SELECT c.id,
  ${lexemes(`to_tsvector('french_unaccent', c.name)`)} AS name_lexemes,
  ${lexemes(`to_tsvector('french_unaccent', g.name || ' ' || array_to_string(c.keywords, ' '))`)} AS keyword_lexemes
FROM category c JOIN category_group g ON g.id = c.group_id ORDER BY c.id`;

/** Lexemes of each of the words `$1`, as documents are stemmed. */
export const WORD_LEXEMES_SQL = `SELECT w.word, ${lexemes(`to_tsvector('french_unaccent', w.word)`)} AS lexemes
FROM unnest($1::text[]) AS w(word)`;

/**
 * The directory version, and, for a buyer's text `$1` (null: none), its tokens as the parser
 * cuts them, each with its lexemes (none for a stop word): one statement per search.
 * Hyphenated words are left out whole (tokids 15–17): their parts come as tokens of their own.
 */
export const VERSION_AND_WORDS_SQL = `SELECT (SELECT version::text FROM directory_version) AS version,
  (SELECT json_agg(json_build_array(p.token, ${lexemes(`to_tsvector('french_unaccent', p.token)`)}) ORDER BY p.ordinality)
   FROM ts_parse('default', $1::text) WITH ORDINALITY AS p(tokid, token, ordinality)
   WHERE p.tokid NOT IN (12, 15, 16, 17)) AS words`;

export interface ChangesSince {
  /** The directory version: every change at or below it is in this answer. */
  version: string;
  /** Changes at or below it were pruned from the log. */
  pruned_through: string;
  /** The projection was truncated: everything changed. */
  reset: boolean;
  changed: number;
  /** Suppliers changed, when at most `$2`. */
  ids: number[] | null;
}

/** Suppliers changed after version `$1` (the list only when there are at most `$2`). */
export const CHANGES_SINCE_SQL = `SELECT v.version::text AS version, v.change_log_pruned_through::text AS pruned_through,
  c.reset, c.changed, CASE WHEN c.changed <= $2 THEN coalesce(c.ids, '{}') END AS ids
FROM directory_version v
CROSS JOIN LATERAL (
  SELECT coalesce(bool_or(supplier_id IS NULL), false) AS reset,
         count(DISTINCT supplier_id)::int AS changed,
         array_agg(DISTINCT supplier_id) FILTER (WHERE supplier_id IS NOT NULL) AS ids
  FROM supplier_search_change
  WHERE version > $1
) c`;

/**
 * Prunes log entries older than a day, and records how far: an index older than that (an
 * instance idle for a day) reloads in full instead of catching up.
 */
export const PRUNE_CHANGES_SQL = `WITH pruned AS (
  DELETE FROM supplier_search_change WHERE logged_at < now() - interval '1 day' RETURNING version
)
UPDATE directory_version
SET change_log_pruned_through = (SELECT max(version) FROM pruned)
WHERE (SELECT max(version) FROM pruned) > change_log_pruned_through`;
