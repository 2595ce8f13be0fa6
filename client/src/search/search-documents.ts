import { graphql } from '../graphql/generated';

/**
 * What a result shows (list and map; the CSV export has its own, lighter fragment). Why it matched
 * (`matchReasons`, `territoryMatch`), its price (`cheapestMatchingOffering`: never an
 * offering unrelated to the search) and the direct-purchase badge (`directPurchasePossible`:
 * the rule of the smallPurchase filter, decided by the API alone) come from the API.
 */
export const SupplierResultFragment = graphql(`
  fragment SupplierResult on SupplierEdge {
    cursor
    distanceKm
    territoryMatch
    directPurchasePossible
    cheapestMatchingOffering {
      ...OfferingPrice
    }
    matchReasons {
      categories {
        name
      }
      offerings {
        id
        title
      }
      textFields
      missingWords
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

/**
 * The taxonomy (for "what" suggestions and to check a link's activities), the
 * small-purchase default and the legal thresholds in force: loaded once.
 */
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
      current {
        validFrom
        suppliesAndServices
        works
        source
      }
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

/**
 * The name of a search's place, which also says whether the place exists (null: an unknown
 * code, from a link). The form writes the place it picked into the cache under the same
 * variables (`territoryNameVariables`), so a search never waits for this query twice.
 */
export const TerritoryNameQuery = graphql(`
  query TerritoryName($commune: String!, $departement: String!, $region: String!, $isCommune: Boolean!, $isDepartement: Boolean!, $isRegion: Boolean!) {
    commune(code: $commune) @include(if: $isCommune) {
      code
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
      code
      name
    }
  }
`);

export function territoryNameVariables(territory: { level: 'commune' | 'departement' | 'region'; code: string }) {
  return {
    commune: territory.code,
    departement: territory.code,
    region: territory.code,
    isCommune: territory.level === 'commune',
    isDepartement: territory.level === 'departement',
    isRegion: territory.level === 'region',
  };
}
