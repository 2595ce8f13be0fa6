import { keysetCondition, orderByClause, sortKeyColumns, SqlParameters, type SortKey } from '../../core/database/sql-builder.js';
import type { CursorKey } from '../../core/graphql/pagination.js';
import { SupplierOrder } from '../suppliers/supplier.inputs.js';
import { kindsEligibleFor, kindsOfFamily } from '../suppliers/supplier-kind.js';
import { TerritoryScope } from './search.inputs.js';
import type { Statement } from './search-result-cache.js';
import { MATCH_CLASSES, type SearchTerm, type SupplierSearch } from './supplier-search.query.js';
import { quotedLexeme } from './text-query.js';
import { coversSql, distanceKmSql, locatedSql } from './territory.sql.js';
import { SYNC_HORIZON } from '../sync/sync-horizon.js';

/** Ways the filters narrow the result, named so that a facet can leave its own out. */
interface Dimensions {
  kind: string | null;
  family: string | null;
  reserved: string | null;
  activity: string | null;
  serviceType: string | null;
  smallPurchase: string | null;
  tags: string | null;
}

/**
 * The SQL of a supplier search (README, "One engine"): which suppliers match and how many,
 * by the same rules as the directory index, but without its ranking. It serves the sync
 * order UPDATED_ASC (pages follow the sync horizon), and it is the tests' oracle of the
 * index's matches, counts and facets. Every statement is built with its own parameters.
 */
export class SupplierSearchSql {
  constructor(private readonly search: SupplierSearch) {}

  private get words(): SupplierSearch['text'] {
    const { text } = this.search;
    return text && text.identifiers.length === 0 && text.terms.length > 0 ? text : null;
  }

  /** Each term as a tsquery: any of its alternatives. */
  private termQueries(): string[] {
    return (this.words?.terms ?? []).map((term) => term.alternatives.map((alternative) => quotedLexeme(alternative.lexeme)).join(' | '));
  }

  /** 0: located in the zone, 1: serves it, 2: only through a national service area. */
  private tier(params: SqlParameters): string {
    const { zone } = this.search;
    if (!zone || zone.scope === TerritoryScope.LOCATED_IN) return '0';
    return `(CASE WHEN ${locatedSql(zone, params)} THEN 0 WHEN ${coversSql(zone, params)} THEN 1 ELSE 2 END)`;
  }

  /** Conditions of the base set but the words' threshold: published, text, territory, update. */
  private candidateConditions(params: SqlParameters): string[] {
    const { search } = this;
    const conditions = ['s.published'];
    if (search.text && search.text.identifiers.length > 0) {
      const identifiers = params.add(search.text.identifiers);
      conditions.push(`s.supplier_id IN (SELECT id FROM supplier WHERE siret = ANY(${identifiers}::text[]) OR siren = ANY(${identifiers}::text[]))`);
    } else if (this.words) {
      conditions.push(`d.document @@ ${params.add(this.termQueries().map((query) => `(${query})`).join(' | '))}::tsquery`);
    }
    const { zone } = search;
    if (zone) {
      if (zone.scope === TerritoryScope.LOCATED_IN) {
        conditions.push(locatedSql(zone, params));
      } else {
        const local = `${locatedSql(zone, params)} OR ${coversSql(zone, params)}`;
        conditions.push(search.excludeNationalOnly ? `(${local})` : `(${local} OR s.service_area_kind = 'NATIONAL')`);
      }
    } else if (search.excludeNationalOnly) {
      conditions.push(`s.service_area_kind <> 'NATIONAL'`);
    }
    if (search.updatedSince) conditions.push(`s.changed_at >= ${params.add(search.updatedSince)}`);
    return conditions;
  }

  /**
   * The class (MATCH_CLASSES) of a term in the supplier `s` (its document `d`): 3 in its
   * name, an offering's title or the name of one of its categories; 2 in a keyword of one of
   * them (1 when the term names other categories outright); 1 in a description.
   */
  private termClass(term: SearchTerm, params: SqlParameters): string {
    const query = `${params.add(term.alternatives.map((alternative) => quotedLexeme(alternative.lexeme)).join(' | '))}::tsquery`;
    const categories = (matchClass: number) => params.add(term.categories.filter((category) => category.matchClass === matchClass).map((category) => category.id));
    return `greatest(
      CASE WHEN s.name_document @@ ${query} THEN 3 ELSE 0 END,
      CASE WHEN EXISTS (SELECT 1 FROM offering o WHERE o.supplier_id = s.supplier_id AND o.published
        AND ts_filter(o.search_document, '{a}') @@ ${query}) THEN 3 ELSE 0 END,
      CASE WHEN s.category_ids && ${categories(MATCH_CLASSES.strong)}::int[] THEN 3
           WHEN s.category_ids && ${categories(MATCH_CLASSES.keyword)}::int[] THEN 2
           WHEN s.category_ids && ${categories(MATCH_CLASSES.weak)}::int[] THEN 1 ELSE 0 END,
      CASE WHEN ts_filter(d.document, '{c}') @@ ${query} THEN 1 ELSE 0 END)`;
  }

  /**
   * The suppliers to search, as `s`: with words, the candidates with each term's class,
   * the best class of each term overall and in the supplier's département, the words that
   * count (`counted`, and `departement_counted` against its département's best) and the
   * most any candidate counts; `inBase` says whether a row has enough words (README, "Text
   * relevance"), `inDepartementBase` the same for the département facet.
   */
  private source(params: SqlParameters): { from: string; inBase: string; inDepartementBase: string } {
    const words = this.words;
    if (!words) {
      return { from: `supplier_search s WHERE ${this.candidateConditions(params).join('\n  AND ')}`, inBase: 'true', inDepartementBase: 'true' };
    }
    const terms = words.terms.map((_term, index) => index);
    const counted = (best: string) => terms.map((index) => `(c${index} >= greatest(1, ${best}${index} - 1) AND ${best}${index} > 0)::int`).join(' + ');
    const slack = Math.floor(words.terms.length / 3);
    const topic = words.topicCategoryIds ? `s.category_ids && ${params.add(words.topicCategoryIds)}::int[]` : 'false';
    const from = `(
  SELECT counts.*, max(counted) OVER () AS best_count, max(departement_counted) OVER (PARTITION BY departement_code) AS departement_best_count
  FROM (
    SELECT bests.*, ${counted('b')} AS counted, ${counted('h')} AS departement_counted
    FROM (
      SELECT classes.*, ${terms.map((index) => `max(c${index}) OVER () AS b${index}, max(c${index}) OVER (PARTITION BY departement_code) AS h${index}`).join(', ')}
      FROM (
        SELECT s.*, ${words.terms.map((term, index) => `${this.termClass(term, params)} AS c${index}`).join(',\n          ')}
        FROM supplier_search s
        JOIN supplier_search_document d ON d.supplier_id = s.supplier_id
        WHERE ${this.candidateConditions(params).join('\n          AND ')}
      ) classes
      WHERE greatest(${terms.map((index) => `c${index}`).join(', ')}) > 0
    ) bests
  ) counts
) s WHERE true`;
    const enough = (count: string, best: string) =>
      `(s.${count} > 0 AND (s.${count} >= greatest(1, least(s.${best}, ${words.terms.length - slack})) OR ${topic}))`;
    const inBase = enough('counted', 'best_count');
    // With a territory, the département facet counts the matches; without, what ticking a département finds.
    const inDepartementBase = this.search.zone ? inBase : enough('departement_counted', 'departement_best_count');
    return { from, inBase, inDepartementBase };
  }

  private smallPurchaseAvailable(amount: number, params: SqlParameters): string {
    const { activityCategoryIds } = this.search;
    if (!activityCategoryIds) return `s.min_entry_amount <= ${params.add(amount)}`;
    // With categories, the cheap offering must be one of them.
    return `EXISTS (SELECT 1 FROM offering o WHERE o.supplier_id = s.supplier_id AND o.published
      AND o.entry_amount <= ${params.add(amount)} AND o.category_id = ANY(${params.add(activityCategoryIds)}::int[]))`;
  }

  /** The dimension conditions; the one left out adds no parameter. */
  private dimensions(params: SqlParameters, ...leftOut: (keyof Dimensions)[]): Dimensions {
    const { search } = this;
    const condition = (name: keyof Dimensions, values: unknown, sql: () => string) => (leftOut.includes(name) || values === null ? null : sql());
    return {
      kind: condition('kind', search.kinds, () => `s.kind = ANY(${params.add(search.kinds)}::supplier_kind[])`),
      family: condition('family', search.kindFamilies, () => `s.kind = ANY(${params.add(search.kindFamilies!.flatMap(kindsOfFamily))}::supplier_kind[])`),
      reserved: condition('reserved', search.reservedMarkets, () => `s.kind = ANY(${params.add(search.reservedMarkets!.flatMap(kindsEligibleFor))}::supplier_kind[])`),
      activity: condition('activity', search.activityCategoryIds, () => `s.category_ids && ${params.add(search.activityCategoryIds)}::int[]`),
      serviceType: condition('serviceType', search.serviceTypes, () => `s.service_types && ${params.add(search.serviceTypes)}::service_type[]`),
      smallPurchase: condition('smallPurchase', search.smallPurchaseAmount, () => this.smallPurchaseAvailable(search.smallPurchaseAmount!, params)),
      tags: condition('tags', search.tags, () => `s.tags && ${params.add(search.tags)}::text[]`),
    };
  }

  /** Every condition of the search over the source, but for the dimensions a facet leaves out. */
  private matching(params: SqlParameters, ...leftOut: (keyof Dimensions)[]): { from: string; where: string } {
    const source = this.source(params);
    const dimensions = Object.values(this.dimensions(params, ...leftOut)).filter((condition): condition is string => condition !== null);
    return { from: source.from, where: [source.inBase, ...dimensions].join('\n  AND ') };
  }

  private sortKeys(): SortKey[] {
    if (this.search.order !== SupplierOrder.UPDATED_ASC) throw new Error(`Supplier searches ordered by ${this.search.order} run in the directory index`);
    return [
      { sql: 's.change_xid', descending: false, type: 'int8' },
      { sql: 's.supplier_id', descending: false, type: 'int4' },
    ];
  }

  sortKeyTypes(): CursorKey[] {
    return this.sortKeys().map((key) => key.type);
  }

  /** One page (UPDATED_ASC): ids, their sort key values (for cursors), distance and tier. */
  page(after: unknown[] | null, limit: number): Statement {
    const params = new SqlParameters();
    const keys = this.sortKeys();
    const { from, where } = this.matching(params);
    const conditions = [where, `s.change_xid < ${SYNC_HORIZON}`];
    if (after) conditions.push(keysetCondition(keys, after, params));
    const sql = `SELECT s.supplier_id AS id, ${sortKeyColumns(keys)}, ${distanceKmSql(params, this.search.origin)} AS distance_km, ${this.tier(params)} AS tier
FROM ${from}
  AND ${conditions.join('\n  AND ')}
ORDER BY ${orderByClause(keys)}
LIMIT ${params.add(limit + 1)}`;
    return { sql, parameters: params.values };
  }

  count(): Statement {
    const params = new SqlParameters();
    const { from, where } = this.matching(params);
    return { sql: `SELECT count(*)::int AS total FROM ${from} AND ${where}`, parameters: params.values };
  }

  /** The ids of every match, in id order: the oracle of the index's matches. */
  matchIds(): Statement {
    const params = new SqlParameters();
    const { from, where } = this.matching(params);
    return { sql: `SELECT s.supplier_id AS id FROM ${from} AND ${where} ORDER BY 1`, parameters: params.values };
  }

  /**
   * Facet counts in one pass over the candidates (GROUPING SETS). A facet's counts ignore
   * the facet's own filter and apply all the others: each facet's key is NULL on the rows
   * the other filters exclude. Kinds are counted three times: for the kind facet (ignoring
   * the kinds), for the families (ignoring the families) and for the reserved markets.
   * Category groups and service types come as bit masks, expanded by the caller.
   */
  facets(): Statement {
    const params = new SqlParameters();
    const source = this.source(params);
    const dimensions = this.dimensions(params);
    const amount = this.search.smallPurchaseAmount;
    const smallPurchase = this.smallPurchaseAvailable(this.search.smallPurchaseFacetAmount, params);
    // With a small-purchase filter, group counts re-check it in each group: ticking one makes it the searched one.
    const groups =
      amount === null
        ? 's.category_group_mask'
        : `(SELECT bit_or(1::bigint << c.group_id) FROM offering o JOIN category c ON c.id = o.category_id
            WHERE o.supplier_id = s.supplier_id AND o.published AND o.entry_amount <= ${params.add(amount)})`;
    const names = Object.keys(dimensions) as (keyof Dimensions)[];
    const except = (...left: (keyof Dimensions)[]) =>
      ['in_base', ...names.filter((name) => !left.includes(name)).map((name) => `m_${name}`)].join(' AND ');
    const flag = (condition: string | null) => condition ?? 'true';
    const sql = `SELECT GROUPING(departement, kind, family_kind, reserved_kind, category_groups, service_types, small_purchase) AS grouping,
  departement, kind, family_kind, reserved_kind, category_groups::text, service_types, small_purchase, count(*)::int AS count
FROM (
  SELECT CASE WHEN in_departement_base AND ${names.map((name) => `m_${name}`).join(' AND ')} THEN departement_code END AS departement,
         CASE WHEN ${except('kind')} THEN kind END AS kind,
         CASE WHEN ${except('family')} THEN kind END AS family_kind,
         CASE WHEN ${except('reserved')} THEN kind END AS reserved_kind,
         CASE WHEN ${except('activity', ...(amount === null ? [] : (['smallPurchase'] as const)))} THEN category_groups END AS category_groups,
         CASE WHEN ${except('serviceType')} THEN service_type_mask END AS service_types,
         (${except('smallPurchase')}) AND small_purchase_available AS small_purchase
  FROM (
    SELECT s.kind, ${groups} AS category_groups, s.departement_code, s.service_type_mask,
           ${source.inBase} AS in_base, ${source.inDepartementBase} AS in_departement_base,
           ${names.map((name) => `${flag(dimensions[name])} AS m_${name}`).join(', ')},
           ${smallPurchase} AS small_purchase_available
    FROM ${source.from}
  ) flags
) keys
GROUP BY GROUPING SETS ((departement), (kind), (family_kind), (reserved_kind), (category_groups), (service_types), (small_purchase))`;
    return { sql, parameters: params.values };
  }

  /** Matching suppliers by category id, ignoring the category filters (and, with a small-purchase filter, cheap in each category). */
  categoryFacet(): Statement {
    const params = new SqlParameters();
    const amount = this.search.smallPurchaseAmount;
    const { from, where } = this.matching(params, 'activity', ...(amount === null ? [] : (['smallPurchase'] as const)));
    const values =
      amount === null
        ? 'unnest(s.category_ids) AS value'
        : `LATERAL (SELECT DISTINCT o.category_id AS value FROM offering o
            WHERE o.supplier_id = s.supplier_id AND o.published AND o.entry_amount <= ${params.add(amount)}) v`;
    return {
      sql: `SELECT value, count(*)::int AS count FROM (SELECT s.* FROM ${from} AND ${where}) s, ${values} GROUP BY value`,
      parameters: params.values,
    };
  }

  /** Matching suppliers by tag, ignoring the tag filter. */
  tagFacet(): Statement {
    const params = new SqlParameters();
    const { from, where } = this.matching(params, 'tags');
    return {
      sql: `SELECT value, count(*)::int AS count FROM (SELECT s.* FROM ${from} AND ${where}) s, unnest(s.tags) AS value GROUP BY value`,
      parameters: params.values,
    };
  }
}
