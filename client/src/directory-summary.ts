import { gql, type ApolloClient, type TypedDocumentNode } from '@apollo/client';

export interface DirectorySummary {
  supplierCount: number;
  smallPurchaseAmount: number;
}

const DIRECTORY_SUMMARY: TypedDocumentNode<{
  suppliers: { totalCount: number };
  smallPurchaseRules: { defaultAmount: number };
}> = gql`
  query DirectorySummary {
    suppliers(first: 0) {
      totalCount
    }
    smallPurchaseRules {
      defaultAmount
    }
  }
`;

/** What the placeholder home page shows: the size of the directory and the default amount. */
export async function fetchDirectorySummary(client: ApolloClient): Promise<DirectorySummary> {
  const { data, error } = await client.query({ query: DIRECTORY_SUMMARY });
  if (error || !data) throw error ?? new Error('No data');
  return { supplierCount: data.suppliers.totalCount, smallPurchaseAmount: data.smallPurchaseRules.defaultAmount };
}
