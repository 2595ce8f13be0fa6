import { graphql } from '../graphql/generated';

/** Every API key, newest first, with its owner and use (admins only). */
export const AllApiKeysQuery = graphql(`
  query AllApiKeys($first: Int, $after: String) {
    apiKeys(first: $first, after: $after) {
      totalCount
      edges {
        node {
          ...ApiKeyFields
          owner {
            id
            displayName
            email
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
