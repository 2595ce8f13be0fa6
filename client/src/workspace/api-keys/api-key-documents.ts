import { graphql } from '../../graphql/generated';
import type { ApiKeyFieldsFragment as ApiKeyFields } from '../../graphql/generated/graphql';

/** A key as lists show it; the admins' list adds its owner. */
export type ListedApiKey = ApiKeyFields & { owner?: { displayName: string; email: string } };

/** The signed-in account's API keys with their use over 30 days. */
export const ApiKeysQuery = graphql(`
  query ApiKeys {
    viewer {
      account {
        id
      }
      apiKeys {
        ...ApiKeyFields
      }
    }
  }
`);

export const ApiKeyFieldsFragment = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    name
    prefix
    createdAt
    lastUsedAt
    revokedAt
    usage {
      calls
      errors
      rateLimited
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        ...ApiKeyFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        ...ApiKeyFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
