import { graphql } from '../graphql/generated';

/** The moderation queue: pending claims reviewed by the team, and pending proposals (admins only). */
export const ModerationQueueQuery = graphql(`
  query ModerationQueue {
    supplierClaims(status: PENDING, method: ADMIN_REVIEW, first: 100) {
      totalCount
      edges {
        node {
          id
          message
          createdAt
          claimant {
            ...ModerationAccount
          }
          supplier {
            id
            name
            siret
            contact {
              email
            }
          }
        }
      }
    }
    supplierProposals(status: PENDING, first: 100) {
      totalCount
      edges {
        node {
          id
          message
          createdAt
          proposedBy {
            ...ModerationAccount
          }
          supplier {
            id
            name
            legalName
            siret
            kindName
            address {
              commune {
                name
              }
            }
          }
        }
      }
    }
  }
`);

export const ModerationAccountFragment = graphql(`
  fragment ModerationAccount on AccountSummary {
    id
    email
    displayName
  }
`);

export const DecideClaimMutation = graphql(`
  mutation DecideClaim($input: DecideSupplierClaimInput!) {
    decideSupplierClaim(input: $input) {
      claim {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DecideProposalMutation = graphql(`
  mutation DecideProposal($input: DecideSupplierProposalInput!) {
    decideSupplierProposal(input: $input) {
      proposal {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
