import { graphql } from '../../graphql/generated';

/** A business failure, shown next to its field. */
export const UserErrorFieldsFragment = graphql(`
  fragment UserErrorFields on UserError {
    field
    code
    message
  }
`);

/** An offering as its editors see it: the card's fields, with the version and status (the form, the list). */
export const EditableOfferingFragment = graphql(`
  fragment EditableOffering on Offering {
    ...OfferingCardFields
    version
    status
    updatedAt
    category {
      id
    }
  }
`);

/** What every offering mutation answers. */
export const OfferingPayloadFieldsFragment = graphql(`
  fragment OfferingPayloadFields on OfferingPayload {
    offering {
      ...EditableOffering
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

/** The profile fields the form edits, with the version they were read at. */
export const EditableProfileFragment = graphql(`
  fragment EditableProfile on Supplier {
    id
    version
    name
    legalName
    brandName
    siret
    kind
    kindName
    description
    headcount
    tags
    serviceTypes
    published
    updatedAt
    logoUrl
    address {
      street
      postalCode
      commune {
        name
      }
    }
    contact {
      email
      phone
      website
    }
    serviceArea {
      ...ServiceAreaFields
    }
    categories {
      id
      slug
      name
    }
  }
`);

/** Everything the structure's workspace page shows. */
export const SupplierWorkspaceQuery = graphql(`
  query SupplierWorkspace($id: ID!) {
    managedSupplier(id: $id) {
      ...EditableProfile
      profileCompleteness {
        percent
        missing
      }
      managedOfferings(first: 100, statuses: [DRAFT, PUBLISHED, UNPUBLISHED, ARCHIVED]) {
        edges {
          node {
            ...EditableOffering
          }
        }
      }
      changeLog(first: 30) {
        edges {
          node {
            id
            action
            authorName
            createdAt
            offeringTitle
            changes {
              field
              before
              after
            }
          }
        }
      }
    }
    categoryGroups {
      slug
      name
      categories {
        id
        slug
        name
      }
    }
  }
`);

export const UpdateSupplierProfileMutation = graphql(`
  mutation UpdateSupplierProfile($input: UpdateSupplierProfileInput!) {
    updateSupplierProfile(input: $input) {
      supplier {
        ...EditableProfile
        profileCompleteness {
          percent
          missing
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateOfferingMutation = graphql(`
  mutation CreateOffering($input: CreateOfferingInput!) {
    createOffering(input: $input) {
      ...OfferingPayloadFields
    }
  }
`);

export const UpdateOfferingMutation = graphql(`
  mutation UpdateOffering($input: UpdateOfferingInput!) {
    updateOffering(input: $input) {
      ...OfferingPayloadFields
    }
  }
`);

export const PublishOfferingMutation = graphql(`
  mutation PublishOffering($input: OfferingStatusInput!) {
    publishOffering(input: $input) {
      ...OfferingPayloadFields
    }
  }
`);

export const UnpublishOfferingMutation = graphql(`
  mutation UnpublishOffering($input: OfferingStatusInput!) {
    unpublishOffering(input: $input) {
      ...OfferingPayloadFields
    }
  }
`);

export const ArchiveOfferingMutation = graphql(`
  mutation ArchiveOffering($input: OfferingStatusInput!) {
    archiveOffering(input: $input) {
      ...OfferingPayloadFields
    }
  }
`);

/** The session's CSRF token, for the logo upload (a plain HTTP request, not GraphQL). */
export const WorkspaceCsrfTokenQuery = graphql(`
  query WorkspaceCsrfToken {
    viewer {
      csrfToken
    }
  }
`);
