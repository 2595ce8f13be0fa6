import type { ReadResult, RejectedRow, SourceRecord } from '../source-record.js';

export interface CollectedResults {
  records: SourceRecord[];
  rejected: RejectedRow[];
  skipped: Array<{ line: number; reason: string }>;
  /** Every result's kind and line, in the order given: to check ordering. */
  order: Array<[kind: 'record' | 'rejected' | 'skipped', line: number]>;
}

/** All results of a reader in memory, split by kind (tests, dry runs of small files). */
export async function collectResults(results: AsyncIterable<ReadResult>): Promise<CollectedResults> {
  const collected: CollectedResults = { records: [], rejected: [], skipped: [], order: [] };
  for await (const result of results) {
    if ('record' in result) {
      collected.records.push(result.record);
      collected.order.push(['record', result.record.line]);
    } else if ('rejected' in result) {
      collected.rejected.push(result.rejected);
      collected.order.push(['rejected', result.rejected.line]);
    } else {
      collected.skipped.push(result.skipped);
      collected.order.push(['skipped', result.skipped.line]);
    }
  }
  return collected;
}
