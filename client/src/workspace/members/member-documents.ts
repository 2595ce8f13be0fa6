import { graphql } from '../../graphql/generated';

/** A structure's members and open invitations (its members and admins only). */
export const SupplierMembersQuery = graphql(`
  query SupplierMembers($id: ID!) {
    viewer {
      account {
        id
        role
      }
    }
    managedSupplier(id: $id) {
      id
      name
      members {
        role
        since
        account {
          id
          displayName
          email
        }
      }
      openInvitations {
        id
        email
        role
        invitedByName
        expiresAt
      }
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteSupplierMemberInput!) {
    inviteSupplierMember(input: $input) {
      invitation {
        id
        email
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($input: RevokeSupplierInvitationInput!) {
    revokeSupplierInvitation(input: $input) {
      invitation {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveSupplierMemberInput!) {
    removeSupplierMember(input: $input) {
      removedAccountId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
