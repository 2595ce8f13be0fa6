import { graphql } from '../graphql/generated';

/**
 * A search result as the CSV export writes it: the columns only (no position, no reasons).
 * Lighter than the screen's SupplierResult, so a page of 100 stays well within the API's
 * cost budget and 5 000 rows take 50 requests.
 */
export const SupplierExportRowFragment = graphql(`
  fragment SupplierExportRow on SupplierEdge {
    cursor
    distanceKm
    cheapestMatchingOffering {
      ...OfferingPrice
    }
    node {
      id
      name
      legalName
      siret
      kindName
      reservedMarkets
      ...SupplierLocationContact
    }
  }
`);

/** Every page of a search, for the export: the same filter and order as the screen. */
export const SupplierExportQuery = graphql(`
  query SupplierExport($filter: SupplierFilter, $first: Int, $after: String, $orderBy: SupplierOrder) {
    suppliers(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        ...SupplierExportRow
      }
    }
  }
`);
