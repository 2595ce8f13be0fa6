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

/** An offering's price as cards and the CSV export show it (title, entry amount, minimum order, price and unit). */
export const OfferingPriceFragment = graphql(`
  fragment OfferingPrice on Offering {
    id
    title
    entryAmount
    minimumOrderAmount
    price {
      amountFrom
      amountTo
      unit
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

/**
 * Everything public about one supplier, for its page; with each offering, whether a buyer
 * can buy it directly under `amount` (the API's rule, as the search's badge and filter;
 * null: the product's default, `smallPurchaseRules.defaultAmount`).
 */
export const SupplierPageQuery = graphql(`
  query SupplierPage($id: ID!, $amount: Float) {
    smallPurchaseRules {
      defaultAmount
    }
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
        directPurchasePossible(amount: $amount)
      }
    }
  }
`);
