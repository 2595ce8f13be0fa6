import type { RunStatement, Statement } from './search-result-cache.js';
import { decodeCursor, encodeCursor, pageInfoOf, pageSizeOf, type CursorKey, type CursorValue, type PageInfo } from '../../core/graphql/pagination.js';

/** The SQL of a search that pages with keyset cursors (see supplier-search.sql.ts). */
export interface KeysetStatements {
  /** The types of the sort keys, which the cursors carry. */
  sortKeyTypes(): CursorKey[];
  /** Rows with `id` and the sort key values `k0`, `k1`… of each row, `limit + 1` at most. */
  page(after: unknown[] | null, limit: number): Statement;
  count(): Statement;
}

export type KeysetRow = { id: number } & Record<string, unknown>;

/** Where the rows of a keyset-paged search come from. */
export interface KeysetSource<TRow extends KeysetRow> {
  sortKeyTypes(): CursorKey[];
  /** Rows after the cursor's (`after`: its sort key values), `limit + 1` at most. */
  page(after: CursorValue[] | null, limit: number): Promise<TRow[]>;
}

/** The rows of a search's SQL statements. */
export function statementSource<TRow extends KeysetRow>(run: RunStatement, statements: KeysetStatements): KeysetSource<TRow> {
  return {
    sortKeyTypes: () => statements.sortKeyTypes(),
    page: (after, limit) => run<TRow>(statements.page(after, limit)),
  };
}

export interface KeysetPage<TRow extends KeysetRow, TEntity> {
  items: { row: TRow; entity: TEntity; cursor: string }[];
  pageInfo: PageInfo;
}

/** A promise started ahead of its reader: its rejection is not "unhandled" meanwhile. */
export function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** Counts every match of a search (all pages). */
export async function countMatches(run: RunStatement, statements: KeysetStatements): Promise<number> {
  const [{ total }] = await run<{ total: number }>(statements.count());
  return total;
}

/**
 * Runs one page of a search: decodes the cursor (tagged with the ordering, so a cursor of
 * another ordering is refused; each value checked against its key's type), fetches
 * `first + 1` rows to know whether more follow, loads the page's entities in one batch and
 * encodes each row's cursor.
 */
export async function fetchKeysetPage<TRow extends KeysetRow, TEntity>(
  source: KeysetSource<TRow>,
  ordering: string,
  page: { first?: number | null; after?: string | null },
  load: (ids: number[]) => Promise<(TEntity | null | Error)[]>,
  options: { skipMissing?: boolean } = {},
): Promise<KeysetPage<TRow, TEntity>> {
  const limit = pageSizeOf(page.first);
  const keyTypes = source.sortKeyTypes();
  const keyCount = keyTypes.length;
  const after = page.after ? decodeCursor(page.after, ordering, keyTypes) : null;
  const rows = limit === 0 ? [] : await source.page(after, limit);
  const pageRows = rows.slice(0, limit);
  const entities = await load(pageRows.map((row) => row.id));
  const items = pageRows.flatMap((row, index) => {
    const entity = entities[index];
    if (entity instanceof Error) throw entity;
    // An entity unpublished between the search and the page's read (skipMissing), else a bug.
    if (entity === null) {
      if (options.skipMissing) return [];
      throw new Error(`Row ${row.id} vanished during the search`);
    }
    const keys = Array.from({ length: keyCount }, (_unused, key) => row[`k${key}`] as CursorValue);
    return [{ row, entity, cursor: encodeCursor(ordering, keys) }];
  });
  return {
    items,
    pageInfo: pageInfoOf(items.map((item) => item.cursor), rows.length > limit, page.after),
  };
}
