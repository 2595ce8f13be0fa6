import { keysetCondition, orderByClause, sortKeyColumns, SqlParameters, type SortKey } from '../../core/database/sql-builder.js';
import type { CursorKey } from '../../core/graphql/pagination.js';
import { OfferingOrder } from '../offerings/offering.inputs.js';
import type { DirectoryCriteria } from './directory-criteria.js';
import { TerritoryScope } from './search.inputs.js';
import { coversSql, locatedSql } from './territory.sql.js';
import { SYNC_HORIZON } from '../sync/sync-horizon.js';

export interface OfferingSearch extends DirectoryCriteria {
  supplierId: number | null;
  order: OfferingOrder;
}

/** SQL of an offering search: offerings `o` of published suppliers `s`. */
export class OfferingSearchSql {
  constructor(private readonly search: OfferingSearch) {}

  /** Service area of the offering: its own when it has one, else its supplier's. */
  private covers(params: SqlParameters): string {
    const zone = this.search.zone!;
    return `(CASE WHEN o.service_area_kind IS NULL THEN ${coversSql(zone, params, 's')} ELSE ${coversSql(zone, params, 'o')} END)`;
  }

  private national(): string {
    return `coalesce(o.service_area_kind, s.service_area_kind) = 'NATIONAL'`;
  }

  /** 0: supplier located in the zone, 1: the offering serves it, 2: only nationally. */
  private tier(params: SqlParameters): string {
    const zone = this.search.zone!;
    return `(CASE WHEN ${locatedSql(zone, params)} THEN 0 WHEN ${this.covers(params)} THEN 1 ELSE 2 END)`;
  }

  private conditions(params: SqlParameters): string {
    const { search } = this;
    const conditions = ['o.published', 's.published'];
    if (search.tsquery) {
      const query = `${params.add(search.tsquery)}::tsquery`;
      conditions.push(`(o.search_document @@ ${query} OR o.category_id = ANY(${params.add(search.textCategoryIds)}::int[]))`);
    }
    if (search.supplierId !== null) conditions.push(`o.supplier_id = ${params.add(search.supplierId)}`);
    if (search.activityCategoryIds) conditions.push(`o.category_id = ANY(${params.add(search.activityCategoryIds)}::int[])`);
    if (search.kinds) conditions.push(`s.kind = ANY(${params.add(search.kinds)}::supplier_kind[])`);
    if (search.serviceTypes) conditions.push(`o.service_type = ANY(${params.add(search.serviceTypes)}::service_type[])`);
    if (search.smallPurchaseAmount !== null) conditions.push(`o.entry_amount <= ${params.add(search.smallPurchaseAmount)}`);
    const { zone } = search;
    if (zone) {
      if (zone.scope === TerritoryScope.LOCATED_IN) {
        conditions.push(locatedSql(zone, params));
      } else {
        const local = `${locatedSql(zone, params)} OR ${this.covers(params)}`;
        conditions.push(search.excludeNationalOnly ? `(${local})` : `(${local} OR ${this.national()})`);
      }
    } else if (search.excludeNationalOnly) {
      conditions.push(`NOT ${this.national()}`);
    }
    if (search.updatedSince) conditions.push(`o.changed_at >= ${params.add(search.updatedSince)}`);
    return conditions.join('\n  AND ');
  }

  private sortKeys(params: SqlParameters): SortKey[] {
    const { search } = this;
    const entryAmount: SortKey = { sql: 'coalesce(o.entry_amount, 1e12)', descending: false, type: 'numeric' };
    const id: SortKey = { sql: 'o.id', descending: false, type: 'int4' };
    switch (search.order) {
      case OfferingOrder.RELEVANCE:
        return [
          ...(search.zone?.scope === TerritoryScope.SERVES ? [{ sql: this.tier(params), descending: false, type: 'int4' } as const] : []),
          ...(search.tsquery
            ? [{ sql: `ts_rank(o.search_document, ${params.add(search.tsquery)}::tsquery)::float8`, descending: true, type: 'float8' } as const]
            : []),
          entryAmount,
          id,
        ];
      case OfferingOrder.ENTRY_AMOUNT:
        return [entryAmount, id];
      case OfferingOrder.TITLE:
        return [{ sql: 'normalize_search_text(o.title)', descending: false, type: 'text' }, id];
      case OfferingOrder.RECENTLY_UPDATED:
        return [
          { sql: 'o.updated_at', descending: true, type: 'timestamptz' },
          { ...id, descending: true },
        ];
      case OfferingOrder.UPDATED_ASC:
        return [{ sql: 'o.change_xid', descending: false, type: 'int8' }, id];
    }
  }

  sortKeyTypes(): CursorKey[] {
    return this.sortKeys(new SqlParameters()).map((key) => key.type);
  }

  page(after: unknown[] | null, limit: number): { sql: string; parameters: unknown[] } {
    const params = new SqlParameters();
    const keys = this.sortKeys(params);
    const conditions = [this.conditions(params)];
    if (after) conditions.push(keysetCondition(keys, after, params));
    if (this.search.order === OfferingOrder.UPDATED_ASC) conditions.push(`o.change_xid < ${SYNC_HORIZON}`);
    const sql = `SELECT o.id, ${sortKeyColumns(keys)}
FROM offering o JOIN supplier_search s ON s.supplier_id = o.supplier_id
WHERE ${conditions.join('\n  AND ')}
ORDER BY ${orderByClause(keys)}
LIMIT ${params.add(limit + 1)}`;
    return { sql, parameters: params.values };
  }

  count(): { sql: string; parameters: unknown[] } {
    const params = new SqlParameters();
    return {
      sql: `SELECT count(*)::int AS total FROM offering o JOIN supplier_search s ON s.supplier_id = o.supplier_id WHERE ${this.conditions(params)}`,
      parameters: params.values,
    };
  }
}
