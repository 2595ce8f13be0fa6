import { graphql } from '../../graphql/generated';

/** Finding the structure to claim: by exact SIRET, or by name in the public directory. */
export const ClaimSupplierBySiretQuery = graphql(`
  query ClaimSupplierBySiret($siret: String!) {
    supplier(siret: $siret) {
      ...ClaimCandidate
    }
  }
`);

export const ClaimSupplierByIdQuery = graphql(`
  query ClaimSupplierById($id: ID!) {
    supplier(id: $id) {
      ...ClaimCandidate
    }
  }
`);

export const ClaimSupplierSearchQuery = graphql(`
  query ClaimSupplierSearch($text: String!) {
    suppliers(filter: { text: $text }, first: 10) {
      edges {
        node {
          ...ClaimCandidate
        }
      }
    }
  }
`);

export const ClaimCandidateFragment = graphql(`
  fragment ClaimCandidate on Supplier {
    id
    name
    legalName
    siret
    kindName
    address {
      postalCode
      commune {
        name
      }
    }
  }
`);


export const RequestClaimMutation = graphql(`
  mutation RequestClaim($input: RequestSupplierClaimInput!) {
    requestSupplierClaim(input: $input) {
      claim {
        id
        status
        method
        codeSentTo
        codeExpiresAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ConfirmClaimMutation = graphql(`
  mutation ConfirmClaim($input: ConfirmSupplierClaimInput!) {
    confirmSupplierClaim(input: $input) {
      claim {
        id
        status
      }
      membership {
        ...GrantedMembership
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
