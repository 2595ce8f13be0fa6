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
      ...OfferingPrice
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

/** A signed-in account's list as the store keeps it (the page loads the structures' details apart). */
export const ShortlistFieldsFragment = graphql(`
  fragment ShortlistFields on Shortlist {
    id
    name
    entryCount
    unavailableCount
    shareUrl
    entries {
      note
      addedAt
      supplier {
        id
        name
      }
    }
  }
`);

export const ShortlistUserErrorFragment = graphql(`
  fragment ShortlistUserError on UserError {
    field
    code
    message
  }
`);

export const MyShortlistsQuery = graphql(`
  query MyShortlists {
    viewer {
      shortlists {
        ...ShortlistFields
      }
    }
  }
`);

export const CreateShortlistMutation = graphql(`
  mutation CreateShortlist($input: CreateShortlistInput!) {
    createShortlist(input: $input) {
      shortlist {
        ...ShortlistFields
      }
      userErrors {
        ...ShortlistUserError
      }
    }
  }
`);

export const RenameShortlistMutation = graphql(`
  mutation RenameShortlist($input: RenameShortlistInput!) {
    renameShortlist(input: $input) {
      shortlist {
        ...ShortlistFields
      }
      userErrors {
        ...ShortlistUserError
      }
    }
  }
`);

export const DeleteShortlistMutation = graphql(`
  mutation DeleteShortlist($input: ShortlistSelectorInput!) {
    deleteShortlist(input: $input) {
      deletedShortlistId
      userErrors {
        ...ShortlistUserError
      }
    }
  }
`);

export const AddToShortlistMutation = graphql(`
  mutation AddToShortlist($input: AddToShortlistInput!) {
    addToShortlist(input: $input) {
      shortlist {
        ...ShortlistFields
      }
      userErrors {
        ...ShortlistUserError
      }
    }
  }
`);

export const UpdateShortlistNoteMutation = graphql(`
  mutation UpdateShortlistNote($input: UpdateShortlistNoteInput!) {
    updateShortlistNote(input: $input) {
      shortlist {
        ...ShortlistFields
      }
      userErrors {
        ...ShortlistUserError
      }
    }
  }
`);

export const RemoveFromShortlistMutation = graphql(`
  mutation RemoveFromShortlist($input: ShortlistEntrySelectorInput!) {
    removeFromShortlist(input: $input) {
      shortlist {
        ...ShortlistFields
      }
      userErrors {
        ...ShortlistUserError
      }
    }
  }
`);

export const ShareShortlistMutation = graphql(`
  mutation ShareShortlist($input: ShortlistSelectorInput!) {
    shareShortlist(input: $input) {
      shortlist {
        ...ShortlistFields
      }
      userErrors {
        ...ShortlistUserError
      }
    }
  }
`);

export const UnshareShortlistMutation = graphql(`
  mutation UnshareShortlist($input: ShortlistSelectorInput!) {
    unshareShortlist(input: $input) {
      shortlist {
        ...ShortlistFields
      }
      userErrors {
        ...ShortlistUserError
      }
    }
  }
`);

export const MergeShortlistMutation = graphql(`
  mutation MergeShortlist($input: MergeShortlistInput!) {
    mergeShortlist(input: $input) {
      shortlist {
        ...ShortlistFields
      }
      addedCount
      skippedCount
      userErrors {
        ...ShortlistUserError
      }
    }
  }
`);

/** A list opened with its share link: read-only, with the details of its structures. */
export const SharedShortlistQuery = graphql(`
  query SharedShortlist($token: String!) {
    sharedShortlist(token: $token) {
      name
      entryCount
      unavailableCount
      entries {
        note
        supplier {
          ...ShortlistSupplier
        }
      }
    }
  }
`);
