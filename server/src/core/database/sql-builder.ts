import type { CursorKey } from '../graphql/pagination.js';

/** Collects positional parameters while a statement is assembled: `params.add(v)` gives `$n`. */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface SortKey {
  /** SQL expression of the key; must be non-null for every row. */
  sql: string;
  descending: boolean;
  /** How cursors carry the key's value (checked when a cursor is decoded). */
  type: CursorKey;
}

/**
 * The select list of a page's sort key values, `k0`, `k1`…, as cursors carry them:
 * timestamps, decimals and bigints as text, to keep them exact.
 */
export function sortKeyColumns(keys: SortKey[]): string {
  const asText = new Set<CursorKey>(['timestamptz', 'numeric', 'int8']);
  return keys.map((key, index) => `${asText.has(key.type) ? `${key.sql}::text` : key.sql} AS k${index}`).join(', ');
}

export function orderByClause(keys: SortKey[]): string {
  return keys.map((key) => `${key.sql} ${key.descending ? 'DESC' : 'ASC'}`).join(', ');
}

/**
 * Keyset pagination: rows strictly after the row whose key values are given. Keys of one
 * direction compare as a row, which a btree index on them serves as a range (a sync walk
 * does not rescan the rows it passed); mixed directions need the expanded OR.
 */
export function keysetCondition(keys: SortKey[], values: unknown[], params: SqlParameters): string {
  const placeholders = values.map((value) => params.add(value));
  if (keys.every((key) => key.descending === keys[0].descending)) {
    return `((${keys.map((key) => key.sql).join(', ')}) ${keys[0].descending ? '<' : '>'} (${placeholders.join(', ')}))`;
  }
  const alternatives = keys.map((key, index) => {
    const equalities = keys.slice(0, index).map((previous, j) => `${previous.sql} = ${placeholders[j]}`);
    const step = `${key.sql} ${key.descending ? '<' : '>'} ${placeholders[index]}`;
    return `(${[...equalities, step].join(' AND ')})`;
  });
  return `(${alternatives.join(' OR ')})`;
}
