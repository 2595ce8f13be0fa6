import { graphql } from '../../graphql/generated';

export const ProposeSupplierMutation = graphql(`
  mutation ProposeSupplier($input: ProposeSupplierInput!) {
    proposeSupplier(input: $input) {
      proposal {
        id
        status
        supplier {
          id
          name
        }
      }
      existingSupplier {
        id
        name
      }
      likelyDuplicates {
        id
        name
        siret
        address {
          commune {
            name
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

