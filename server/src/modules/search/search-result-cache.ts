import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';

export interface Statement {
  sql: string;
  parameters: unknown[];
}

/** Runs one search statement: straight to the database, or through the result cache. */
export type RunStatement = <T>(statement: Statement) => Promise<T[]>;

const DEFAULT_MAX_ENTRIES = 2_000;

/**
 * Rows of search statements (pages, counts, facets), kept while the directory does not
 * change. Every write to the search projection bumps `directory_version` (a trigger, in the
 * writer's own transaction), and an entry is served only to a request that read the same
 * version. Broad searches (a whole category, the home page) count tens of thousands of rows
 * for their facets, and buyers repeat them far more often than the directory changes.
 *
 * An entry may hold rows newer than its version (a write committed between the two reads),
 * never older: a request never sees the directory as it was before the version it read.
 */
export class SearchResultCache {
  private readonly entries: LRUCache<string, Promise<unknown[]>>;

  constructor(maxEntries = DEFAULT_MAX_ENTRIES) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  run<T>(version: string, statement: Statement, execute: () => Promise<T[]>): Promise<T[]> {
    const key = `${version}\u0000${statement.sql}\u0000${JSON.stringify(statement.parameters)}`;
    const cached = this.entries.get(key);
    if (cached) return cached as Promise<T[]>;
    // The promise itself is kept: identical searches arriving together share one query.
    const running = execute();
    this.entries.set(key, running);
    running.catch(() => this.entries.delete(key));
    return running;
  }
}

/** The directory version now: what the search projection holds (bumped by every write to it). */
export async function readDirectoryVersion(db: DataSource): Promise<string> {
  const [row] = await db.query<{ version: string }[]>('SELECT version FROM directory_version');
  return row.version;
}

/**
 * The statement runner of one request: through the cache, under the request's directory
 * version (read once, shared by its statements), or straight to the database.
 */
export function statementRunner(db: DataSource, cached?: { cache: SearchResultCache; directoryVersion: () => Promise<string> }): RunStatement {
  const direct = <T>(statement: Statement) => db.query<T[]>(statement.sql, statement.parameters);
  if (!cached) return direct;
  return async <T>(statement: Statement) => cached.cache.run(await cached.directoryVersion(), statement, () => direct<T>(statement));
}
