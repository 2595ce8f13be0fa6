import { keysetCondition, orderByClause, sortKeyColumns, SqlParameters, type SortKey } from '../../core/database/sql-builder.js';
import type { CursorKey } from '../../core/graphql/pagination.js';
import { SupplierOrder } from '../suppliers/supplier.inputs.js';
import type { DirectoryCriteria } from './directory-criteria.js';
import { TerritoryScope } from './search.inputs.js';
import { coversSql, distanceKmSql, locatedSql } from './territory.sql.js';
import type { GeoPoint } from './territory-zone.js';
import type { Statement } from './search-result-cache.js';
import { SYNC_HORIZON } from '../sync/sync-horizon.js';

/** Name order compares bytes, as the directory index does (migration 1764600000000). */
const SORT_NAME = 's.sort_name COLLATE "C"';

/** A supplier search, validated and resolved to database keys. */
export interface SupplierSearch extends DirectoryCriteria {
  /** Amount the small-purchase facet counts with (the filter's, or the default). */
  smallPurchaseFacetAmount: number;
  tags: string[] | null;
  /** Where distances are measured from. */
  origin: GeoPoint | null;
  order: SupplierOrder;
}

/** Ways the filters narrow the result, named so that a facet can leave its own out. */
interface Dimensions {
  kind: string | null;
  activity: string | null;
  serviceType: string | null;
  smallPurchase: string | null;
  tags: string | null;
}

/**
 * Builds the SQL of one supplier search (see the README of this folder for the rules).
 * Every statement is built with its own parameters, so each can run alone.
 */
export class SupplierSearchSql {
  constructor(private readonly search: SupplierSearch) {}

  /** 0: located in the zone, 1: serves it, 2: only through a national service area. */
  private tier(params: SqlParameters): string {
    const { zone } = this.search;
    if (!zone || zone.scope === TerritoryScope.LOCATED_IN) return '0';
    return this.servingTier(params);
  }

  /** The tier as a sort key, when it can differ between rows. */
  private tierKey(params: SqlParameters): SortKey[] {
    const { zone } = this.search;
    return zone && zone.scope === TerritoryScope.SERVES ? [{ sql: this.servingTier(params), descending: false, type: 'int4' }] : [];
  }

  private servingTier(params: SqlParameters): string {
    const zone = this.search.zone!;
    return `(CASE WHEN ${locatedSql(zone, params)} THEN 0 WHEN ${coversSql(zone, params)} THEN 1 ELSE 2 END)`;
  }

  /** Conditions that every count shares (facets included). */
  private baseConditions(params: SqlParameters): string[] {
    const { search } = this;
    const conditions = ['s.published'];
    if (search.tsquery) {
      // Only ids come out of the (wide) documents, found by the GIN index. OFFSET 0 keeps
      // it a hashed subplan, run once: as a join, the planner would rather sort every
      // supplier and probe the documents one by one.
      conditions.push(
        `s.supplier_id IN (SELECT supplier_id FROM supplier_search_document WHERE document @@ ${params.add(search.tsquery)}::tsquery OFFSET 0)`,
      );
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

  private smallPurchaseAvailable(amount: number, params: SqlParameters): string {
    const { activityCategoryIds } = this.search;
    if (!activityCategoryIds) return `s.min_entry_amount <= ${params.add(amount)}`;
    // With categories, the cheap offering must be one of them.
    return `EXISTS (SELECT 1 FROM offering o WHERE o.supplier_id = s.supplier_id AND o.published
      AND o.entry_amount <= ${params.add(amount)} AND o.category_id = ANY(${params.add(activityCategoryIds)}::int[]))`;
  }

  /** The dimension conditions; the one left out adds no parameter. */
  private dimensions(params: SqlParameters, leftOut?: keyof Dimensions): Dimensions {
    const { search } = this;
    const condition = (name: keyof Dimensions, values: unknown, sql: () => string) => (name === leftOut || values === null ? null : sql());
    return {
      kind: condition('kind', search.kinds, () => `s.kind = ANY(${params.add(search.kinds)}::supplier_kind[])`),
      activity: condition('activity', search.activityCategoryIds, () => `s.category_ids && ${params.add(search.activityCategoryIds)}::int[]`),
      serviceType: condition('serviceType', search.serviceTypes, () => `s.service_types && ${params.add(search.serviceTypes)}::service_type[]`),
      smallPurchase: condition('smallPurchase', search.smallPurchaseAmount, () => this.smallPurchaseAvailable(search.smallPurchaseAmount!, params)),
      tags: condition('tags', search.tags, () => `s.tags && ${params.add(search.tags)}::text[]`),
    };
  }

  /** Every condition of the search, but for the dimension a facet leaves out. */
  private allConditions(params: SqlParameters, leftOut?: keyof Dimensions): string {
    const dimensions = Object.values(this.dimensions(params, leftOut)).filter((condition): condition is string => condition !== null);
    return [...this.baseConditions(params), ...dimensions].join('\n  AND ');
  }

  private distance(params: SqlParameters): string {
    return distanceKmSql(params, this.search.origin);
  }

  private sortKeys(params: SqlParameters): SortKey[] {
    const { search } = this;
    switch (search.order) {
      case SupplierOrder.RELEVANCE:
        return [
          ...this.tierKey(params),
          // Text relevance: the name matches, then the activities (categories) the words name.
          ...(search.tsquery
            ? ([
                { sql: `(s.name_document @@ ${params.add(search.tsquery)}::tsquery)`, descending: true, type: 'boolean' },
                { sql: `(s.category_ids && ${params.add(search.textCategoryIds)}::int[])`, descending: true, type: 'boolean' },
              ] as const)
            : []),
          { sql: SORT_NAME, descending: false, type: 'text' },
          { sql: 's.supplier_id', descending: false, type: 'int4' },
        ];
      case SupplierOrder.DISTANCE:
        return [
          ...this.tierKey(params).map((tier): SortKey => ({ sql: `(${tier.sql} = 2)`, descending: false, type: 'boolean' })),
          { sql: `coalesce(${this.distance(params)}, 1e9::float8)`, descending: false, type: 'float8' },
          { sql: 's.supplier_id', descending: false, type: 'int4' },
        ];
      case SupplierOrder.NAME:
        return [
          { sql: SORT_NAME, descending: false, type: 'text' },
          { sql: 's.supplier_id', descending: false, type: 'int4' },
        ];
      case SupplierOrder.RECENTLY_UPDATED:
        return [
          { sql: 's.updated_at', descending: true, type: 'timestamptz' },
          { sql: 's.supplier_id', descending: true, type: 'int4' },
        ];
      case SupplierOrder.UPDATED_ASC:
        return [
          { sql: 's.change_xid', descending: false, type: 'int8' },
          { sql: 's.supplier_id', descending: false, type: 'int4' },
        ];
    }
  }

  /** One page: ids, their sort key values (for cursors), distance and tier. */
  page(after: unknown[] | null, limit: number): Statement {
    const params = new SqlParameters();
    const keys = this.sortKeys(params);
    const conditions = [this.allConditions(params)];
    if (after) conditions.push(keysetCondition(keys, after, params));
    if (this.search.order === SupplierOrder.UPDATED_ASC) conditions.push(`s.change_xid < ${SYNC_HORIZON}`);
    const sql = `SELECT s.supplier_id AS id, ${sortKeyColumns(keys)}, ${this.distance(params)} AS distance_km, ${this.tier(params)} AS tier
FROM supplier_search s
WHERE ${conditions.join('\n  AND ')}
ORDER BY ${orderByClause(keys)}
LIMIT ${params.add(limit + 1)}`;
    return { sql, parameters: params.values };
  }

  sortKeyTypes(): CursorKey[] {
    return this.sortKeys(new SqlParameters()).map((key) => key.type);
  }

  count(): Statement {
    const params = new SqlParameters();
    return { sql: `SELECT count(*)::int AS total FROM supplier_search s WHERE ${this.allConditions(params)}`, parameters: params.values };
  }

  /**
   * Facet counts in one pass over the matches (GROUPING SETS). A facet's counts ignore
   * the facet's own filter (so a UI can show "ESAT (12)" while EA is checked) and apply
   * all the others: each facet's key is NULL on the rows the other filters exclude.
   * Category groups and service types come as bit masks, expanded by the caller.
   */
  facets(): Statement {
    const params = new SqlParameters();
    const base = this.baseConditions(params);
    const dimensions = this.dimensions(params);
    const smallPurchase = this.smallPurchaseAvailable(this.search.smallPurchaseFacetAmount, params);
    const names = Object.keys(dimensions) as (keyof Dimensions)[];
    const except = (...left: (keyof Dimensions)[]) =>
      ['true', ...names.filter((name) => !left.includes(name)).map((name) => `m_${name}`)].join(' AND ');
    const flag = (condition: string | null) => condition ?? 'true';
    const sql = `SELECT GROUPING(departement, kind, category_groups, service_types, small_purchase) AS grouping,
  departement, kind, category_groups::text, service_types, small_purchase, count(*)::int AS count
FROM (
  SELECT CASE WHEN ${except()} THEN departement_code END AS departement,
         CASE WHEN ${except('kind')} THEN kind END AS kind,
         CASE WHEN ${except('activity')} THEN category_group_mask END AS category_groups,
         CASE WHEN ${except('serviceType')} THEN service_type_mask END AS service_types,
         (${except('smallPurchase')}) AND small_purchase_available AS small_purchase
  FROM (
    SELECT s.kind, s.category_group_mask, s.departement_code, s.service_type_mask,
           ${flag(dimensions.kind)} AS m_kind, ${flag(dimensions.activity)} AS m_activity,
           ${flag(dimensions.serviceType)} AS m_serviceType, ${flag(dimensions.smallPurchase)} AS m_smallPurchase,
           ${flag(dimensions.tags)} AS m_tags,
           ${smallPurchase} AS small_purchase_available
    FROM supplier_search s
    WHERE ${base.join('\n      AND ')}
  ) flags
) keys
GROUP BY GROUPING SETS ((departement), (kind), (category_groups), (service_types), (small_purchase))`;
    return { sql, parameters: params.values };
  }

  /**
   * Counts by value of an array column (categories, tags), leaving the facet's own filter
   * out. A statement of its own: unnesting would multiply the rows of the other facets.
   */
  private arrayFacet(column: 'category_ids' | 'tags', leftOut: keyof Dimensions): Statement {
    const params = new SqlParameters();
    const sql = `SELECT value, count(*)::int AS count
FROM supplier_search s, unnest(s.${column}) AS value
WHERE ${this.allConditions(params, leftOut)}
GROUP BY value`;
    return { sql, parameters: params.values };
  }

  /** Matching suppliers by category id, ignoring the category filters. */
  categoryFacet(): Statement {
    return this.arrayFacet('category_ids', 'activity');
  }

  /** Matching suppliers by tag, ignoring the tag filter. */
  tagFacet(): Statement {
    return this.arrayFacet('tags', 'tags');
  }
}
