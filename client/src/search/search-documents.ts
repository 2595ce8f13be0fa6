import { graphql } from '../graphql/generated';

/** What a result shows (list, map, CSV export): one fragment for all three. */
export const SupplierResultFragment = graphql(`
  fragment SupplierResult on SupplierEdge {
    cursor
    distanceKm
    territoryMatch
    cheapestMatchingOffering {
      id
      title
      entryAmount
      price {
        amountFrom
        amountTo
        unit
      }
    }
    node {
      id
      name
      legalName
      siret
      kind
      kindName
      reservedMarkets
      tags
      lowestEntryAmount
      position {
        latitude
        longitude
      }
      ...SupplierLocationContact
    }
  }
`);

export const SupplierSearchQuery = graphql(`
  query SupplierSearch($filter: SupplierFilter, $first: Int, $after: String, $orderBy: SupplierOrder, $withFacets: Boolean!) {
    suppliers(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        ...SupplierResult
      }
      facets @include(if: $withFacets) {
        kindFamilies {
          family
          count
        }
        kinds {
          kind
          count
        }
        reservedMarkets {
          reservedMarket
          count
        }
        categoryGroups {
          group {
            slug
            name
          }
          count
        }
        categories {
          category {
            slug
            name
            group {
              slug
            }
          }
          count
        }
        serviceTypes {
          serviceType
          count
        }
        tags {
          tag
          count
        }
        smallPurchase {
          maxAmount
          count
        }
      }
    }
  }
`);

/** The taxonomy (for "what" suggestions) and the small-purchase default: loaded once. */
export const SearchReferenceQuery = graphql(`
  query SearchReference {
    categoryGroups {
      slug
      name
      categories {
        slug
        name
        keywords
      }
    }
    smallPurchaseRules {
      defaultAmount
    }
    searchCapabilities {
      radiusSearchAvailable
    }
  }
`);

export const TerritorySuggestionsQuery = graphql(`
  query TerritorySuggestions($search: String!) {
    territories(search: $search, first: 8) {
      __typename
      ... on Commune {
        code
        name
        postalCodes
        departement {
          code
        }
      }
      ... on Departement {
        code
        name
      }
      ... on Region {
        code
        name
      }
    }
  }
`);

export const TerritoryNameQuery = graphql(`
  query TerritoryName($commune: String!, $departement: String!, $region: String!, $isCommune: Boolean!, $isDepartement: Boolean!, $isRegion: Boolean!) {
    commune(code: $commune) @include(if: $isCommune) {
      name
      postalCodes
      departement {
        code
      }
    }
    departement(code: $departement) @include(if: $isDepartement) {
      code
      name
    }
    region(code: $region) @include(if: $isRegion) {
      name
    }
  }
`);
