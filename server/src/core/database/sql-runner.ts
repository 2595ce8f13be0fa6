/** Anything that runs SQL: a DataSource, or the EntityManager of a transaction. */
export interface SqlRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>;
}
