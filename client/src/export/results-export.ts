import type { ApolloClient } from '@apollo/client';
import type { SupplierExportRowFragment, SupplierFilter, SupplierOrder } from '../graphql/generated/graphql';
import { SupplierExportQuery } from './export-documents';

/** Beyond this, a spreadsheet is no longer the right tool: the buyer narrows the search. */
export const MAX_EXPORT_ROWS = 5000;
const PAGE_SIZE = 100;

export interface ResultsExportProgress {
  fetched: number;
  /** What will be exported: the search's total, capped at MAX_EXPORT_ROWS. */
  expected: number;
  /** The search's total, uncapped. */
  totalCount: number;
}

/**
 * Fetches every page of a search, for an export. A failed page leaves what was fetched in
 * place: calling `run` again resumes after the last page received.
 */
export class ResultsExport {
  readonly edges: SupplierExportRowFragment[] = [];
  private cursor: string | null = null;
  private totalCount: number | null = null;
  private complete = false;
  private stopped = false;

  constructor(
    private readonly client: ApolloClient,
    private readonly search: { filter: SupplierFilter; orderBy: SupplierOrder | null },
  ) {}

  /** Resolves with every result (at most MAX_EXPORT_ROWS), or null when stopped. */
  async run(onProgress: (progress: ResultsExportProgress) => void): Promise<SupplierExportRowFragment[] | null> {
    this.stopped = false;
    while (!this.complete) {
      const { data } = await this.client.query({
        query: SupplierExportQuery,
        variables: { filter: this.search.filter, first: PAGE_SIZE, after: this.cursor, orderBy: this.search.orderBy },
        // Thousands of rows read once: keep them out of the cache the search pages use.
        fetchPolicy: 'no-cache',
      });
      if (this.stopped) return null;
      if (!data) throw new Error('Réponse vide');
      const page = data.suppliers;
      this.edges.push(...page.edges.slice(0, MAX_EXPORT_ROWS - this.edges.length));
      this.totalCount = page.totalCount;
      this.cursor = page.pageInfo.endCursor ?? this.cursor;
      this.complete = !page.pageInfo.hasNextPage || page.edges.length === 0 || this.edges.length >= MAX_EXPORT_ROWS;
      onProgress({ fetched: this.edges.length, expected: Math.min(page.totalCount, MAX_EXPORT_ROWS), totalCount: page.totalCount });
    }
    return this.edges;
  }

  /** Ignore the page under way and stop. */
  stop(): void {
    this.stopped = true;
  }

  get total(): number | null {
    return this.totalCount;
  }
}
