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
}

export function orderByClause(keys: SortKey[]): string {
  return keys.map((key) => `${key.sql} ${key.descending ? 'DESC' : 'ASC'}`).join(', ');
}

/**
 * Keyset pagination: rows strictly after the row whose key values are given, for an
 * ORDER BY whose keys may mix directions (so a row comparison cannot be used).
 */
export function keysetCondition(keys: SortKey[], values: unknown[], params: SqlParameters): string {
  const placeholders = values.map((value) => params.add(value));
  const alternatives = keys.map((key, index) => {
    const equalities = keys.slice(0, index).map((previous, j) => `${previous.sql} = ${placeholders[j]}`);
    const step = `${key.sql} ${key.descending ? '<' : '>'} ${placeholders[index]}`;
    return `(${[...equalities, step].join(' AND ')})`;
  });
  return `(${alternatives.join(' OR ')})`;
}
