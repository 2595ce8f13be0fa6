import { graphql } from '../graphql/generated';

/** The rate, size and cost limits of this deployment, shown on the API page. */
export const ApiLimitsQuery = graphql(`
  query ApiLimits {
    apiLimits {
      anonymousRequestsPerMinute
      apiKeyRequestsPerMinute
      maxPageSize
      maxDepth
      maxComplexity
      maxAliases
      maxBodyBytes
      timeoutMs
    }
  }
`);
