import { graphql } from '../graphql/generated';

/** What "Mon espace" shows: the account, its structures, claims and invitations. */
export const WorkspaceQuery = graphql(`
  query Workspace {
    viewer {
      account {
        id
        displayName
        email
        role
        emailVerified
      }
      memberships {
        role
        since
        supplier {
          id
          name
          published
        }
      }
      supplierClaims {
        id
        status
        method
        createdAt
        decisionReason
        supplier {
          id
          name
        }
      }
      pendingInvitations {
        id
        role
        expiresAt
        supplier {
          id
          name
        }
      }
    }
  }
`);

/** A membership a claim or an invitation just granted: where to go next. */
export const GrantedMembershipFragment = graphql(`
  fragment GrantedMembership on SupplierMembership {
    role
    supplier {
      id
      name
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptSupplierInvitationInput!) {
    acceptSupplierInvitation(input: $input) {
      membership {
        ...GrantedMembership
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
