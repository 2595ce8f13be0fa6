/** SQL of the directory index: its rows, and the change log it catches up from. */

/** Lexemes of a tsvector, joined with LEXEME_SEPARATOR (text-index.ts). */
const lexemes = (tsvector: string) => `array_to_string(tsvector_to_array(${tsvector}), chr(31))`;

/**
 * Published suppliers' search rows (IndexedSupplierRow): those of the ids `$1`, or a batch of
 * `$2` in id order after id `$1`.
 */
export function indexedRowsSql(selection: 'ids' | 'batch'): string {
  return `SELECT s.supplier_id, s.kind, s.commune_code, s.municipality_code, s.departement_code, s.region_code,
  s.latitude, s.longitude, s.service_area_kind, s.service_area_region_codes, s.service_area_departement_codes,
  s.service_area_radius_km, s.service_type_mask, s.tags, s.category_ids, s.category_group_mask::text,
  s.min_entry_amount::float8 AS min_entry_amount, prices.ids AS priced_category_ids, prices.amounts AS priced_category_amounts,
  s.sort_name, s.updated_at::text AS updated_at,
  coalesce(${lexemes('d.document')}, '') AS document_lexemes, ${lexemes('s.name_document')} AS name_lexemes
FROM supplier_search s
LEFT JOIN supplier_search_document d ON d.supplier_id = s.supplier_id
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

/** Lexemes of each category's name and keywords, as text searches match them (directory-criteria.ts). */
export const CATEGORY_LEXEMES_SQL = `SELECT id,
  ${lexemes(`to_tsvector('french_unaccent', name || ' ' || array_to_string(keywords, ' '))`)} AS lexemes
FROM category ORDER BY id`;

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
