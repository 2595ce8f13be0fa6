import { graphql } from '../graphql/generated';

/** Where a supplier is, how to reach it and what it does: shown by every list and page. */
export const SupplierLocationContactFragment = graphql(`
  fragment SupplierLocationContact on Supplier {
    address {
      street
      postalCode
      commune {
        code
        name
        departement {
          code
          name
        }
      }
    }
    contact {
      email
      phone
      website
    }
    categories {
      slug
      name
    }
  }
`);

/** A service area as `serviceAreaText` words it (supplier page, offerings, shortlist). */
export const ServiceAreaFieldsFragment = graphql(`
  fragment ServiceAreaFields on ServiceArea {
    kind
    radiusKm
    regions {
      code
      name
    }
    departements {
      code
      name
    }
  }
`);

/** An offering as buyers see it (OfferingCard): on the supplier page and in the offering form's preview. */
export const OfferingCardFieldsFragment = graphql(`
  fragment OfferingCardFields on Offering {
    id
    title
    description
    serviceType
    minimumOrderAmount
    leadTimeDays
    entryAmount
    hasOwnServiceArea
    category {
      slug
      name
    }
    price {
      amountFrom
      amountTo
      unit
    }
    serviceArea {
      ...ServiceAreaFields
    }
  }
`);

/** Everything public about one supplier, for its page. */
export const SupplierPageQuery = graphql(`
  query SupplierPage($id: ID!) {
    supplier(id: $id) {
      id
      name
      brandName
      legalName
      siret
      siren
      kind
      kindName
      reservedMarkets
      description
      headcount
      tags
      serviceTypes
      dataSource
      sourceUpdatedAt
      updatedAt
      isDemo
      logoUrl
      ...SupplierLocationContact
      serviceArea {
        ...ServiceAreaFields
      }
      offerings {
        ...OfferingCardFields
      }
    }
  }
`);
