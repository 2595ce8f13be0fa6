import type { CursorKey, CursorValue } from '../../core/graphql/pagination.js';
import { ServiceType } from '../suppliers/service-area.js';
import type { SupplierKind } from '../suppliers/supplier-kind.js';
import { countMatches } from './keyset-page.js';
import type { RunStatement } from './search-result-cache.js';
import type { SupplierFacetCounts, SupplierPageRow, SupplierSearchEngine } from './supplier-search.engine.js';
import { SupplierSearchSql, type SupplierSearch } from './supplier-search.sql.js';

interface FacetRow {
  /** GROUPING() bits, one per key, set for the keys a row is not grouped by. */
  grouping: number;
  departement: string | null;
  kind: SupplierKind | null;
  /** Bit mask of category group ids, as text (a bigint). */
  category_groups: string | null;
  /** Bit mask of service types, bit n for the n-th value. */
  service_types: number | null;
  small_purchase: boolean | null;
  count: number;
}

/** GROUPING() value of the rows of each grouping set (5 keys: 4 bits set for the others). */
const GROUPED_BY = { departement: 0b01111, kind: 0b10111, categoryGroups: 0b11011, serviceTypes: 0b11101, smallPurchase: 0b11110 };

/** Counts by bit position of the rows' masks (each row counting `row.count`). */
function countsByBit(rows: FacetRow[], mask: (row: FacetRow) => bigint | null): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const bits = mask(row);
    if (bits === null) continue;
    for (let bit = 0; bits >> BigInt(bit) !== 0n; bit += 1) {
      if ((bits >> BigInt(bit)) & 1n) counts.set(bit, (counts.get(bit) ?? 0) + row.count);
    }
  }
  return counts;
}

/** A supplier search run in PostgreSQL (supplier-search.sql.ts). */
export class SqlSupplierSearch implements SupplierSearchEngine {
  private readonly statements: SupplierSearchSql;

  constructor(
    search: SupplierSearch,
    private readonly run: RunStatement,
    private readonly runPage: RunStatement,
  ) {
    this.statements = new SupplierSearchSql(search);
  }

  sortKeyTypes(): CursorKey[] {
    return this.statements.sortKeyTypes();
  }

  page(after: CursorValue[] | null, limit: number): Promise<SupplierPageRow[]> {
    return this.runPage<SupplierPageRow>(this.statements.page(after, limit));
  }

  count(): Promise<number> {
    return countMatches(this.run, this.statements);
  }

  async facets(): Promise<SupplierFacetCounts> {
    const rows = await this.run<FacetRow>(this.statements.facets());
    const setOf = (grouping: number) => rows.filter((row) => row.grouping === grouping);
    const departements = new Map(
      setOf(GROUPED_BY.departement).flatMap((row) => (row.departement === null ? [] : [[row.departement, row.count] as const])),
    );
    // Bit n is the n-th value of the service_type enum, declared in the same order.
    const serviceTypes = Object.values(ServiceType);
    return {
      matches: [...departements.values()].reduce((sum, count) => sum + count, 0),
      departements,
      kinds: new Map(setOf(GROUPED_BY.kind).flatMap((row) => (row.kind === null ? [] : [[row.kind, row.count] as const]))),
      categoryGroups: countsByBit(setOf(GROUPED_BY.categoryGroups), (row) => (row.category_groups === null ? null : BigInt(row.category_groups))),
      serviceTypes: new Map(
        [...countsByBit(setOf(GROUPED_BY.serviceTypes), (row) => (row.service_types === null ? null : BigInt(row.service_types)))].map(
          ([bit, count]) => [serviceTypes[bit], count],
        ),
      ),
      smallPurchase: setOf(GROUPED_BY.smallPurchase).find((row) => row.small_purchase === true)?.count ?? 0,
    };
  }

  async categories(): Promise<Map<number, number>> {
    const rows = await this.run<{ value: number; count: number }>(this.statements.categoryFacet());
    return new Map(rows.map((row) => [row.value, row.count]));
  }

  async tags(): Promise<Map<string, number>> {
    const rows = await this.run<{ value: string; count: number }>(this.statements.tagFacet());
    return new Map(rows.map((row) => [row.value, row.count]));
  }
}
