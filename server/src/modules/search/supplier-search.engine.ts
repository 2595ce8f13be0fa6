import type { CursorKey, CursorValue } from '../../core/graphql/pagination.js';
import type { ServiceType } from '../suppliers/service-area.js';
import type { SupplierKind } from '../suppliers/supplier-kind.js';
import type { KeysetRow } from './keyset-page.js';

/** Facet counts of a search, before they are dressed as GraphQL types (see README, "Facets"). */
export interface SupplierFacetCounts {
  /** Every match (the sum of the département counts). */
  matches: number;
  departements: Map<string, number>;
  kinds: Map<SupplierKind, number>;
  /** By category group id. */
  categoryGroups: Map<number, number>;
  serviceTypes: Map<ServiceType, number>;
  /** Matches with an offering at or under the small-purchase facet amount. */
  smallPurchase: number;
}

/** A row of a results page: the supplier, its sort key values (`k0`…), distance and territory tier. */
export type SupplierPageRow = KeysetRow & { distance_km: number | null; tier: number };

/**
 * Runs one supplier search: in the in-memory directory index when it is current, else in
 * SQL (both give the same rows, counts and cursors).
 */
export interface SupplierSearchEngine {
  /** The types of the sort keys (the same in both engines: their cursors are interchangeable). */
  sortKeyTypes(): CursorKey[];
  /** Rows after the cursor's, `limit + 1` at most. */
  page(after: CursorValue[] | null, limit: number): Promise<SupplierPageRow[]>;
  count(): Promise<number>;
  facets(): Promise<SupplierFacetCounts>;
  /** Matches by category id, ignoring the category filters. */
  categories(): Promise<Map<number, number>>;
  /** Matches by tag, ignoring the tag filter. */
  tags(): Promise<Map<string, number>>;
}
