import { graphql } from '../graphql/generated';

/** What a buyer needs to compare and contact the suppliers kept (page and CSV export). */
export const ShortlistSupplierFragment = graphql(`
  fragment ShortlistSupplier on Supplier {
    id
    name
    legalName
    siret
    kind
    kindName
    reservedMarkets
    tags
    isDemo
    lowestEntryAmount
    ...SupplierLocationContact
    serviceArea {
      ...ServiceAreaFields
    }
    offerings {
      id
      title
      entryAmount
      price {
        amountFrom
        amountTo
        unit
      }
    }
  }
`);

/** The kept suppliers, fresh, in one request; null (or another type) for those gone. */
export const ShortlistSuppliersQuery = graphql(`
  query ShortlistSuppliers($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Supplier {
        ...ShortlistSupplier
      }
    }
  }
`);
