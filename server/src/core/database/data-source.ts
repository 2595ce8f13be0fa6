import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { isConnectionFailure } from './connection-failure.js';
import { SqlStatisticsLogger } from './sql-statistics.js';

export interface DataSourceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  printQueries?: boolean;
  poolSize?: number;
  /**
   * PostgreSQL's `statement_timeout` on every connection of the pool, in ms (the server's
   * pool: its request time limit; unset for migrations, imports and other long work).
   */
  statementTimeoutMs?: number;
  /** Longest wait for a connection, from the pool or new, in ms (unset: no limit). */
  connectTimeoutMs?: number;
}

/**
 * A connection can die in the very network read that completes it (PostgreSQL stopping:
 * "ready" then "terminating connection" in one packet), after pg-pool has handed it over and
 * before TypeORM listens to it: an `error` event with no listener would crash the process.
 * pg-pool and TypeORM still handle the error (their own listeners); this one keeps the process alive.
 */
function listenForLateErrors(client: { on(event: 'error', listener: () => void): unknown }): void {
  client.on('error', () => {});
}

/** A PostgreSQL data source; the schema comes from migrations only (never synchronize). */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    logging: ['query', 'error', 'warn'],
    logger: new SqlStatisticsLogger(options.printQueries ?? false),
    connectTimeoutMS: options.connectTimeoutMs,
    extra: {
      max: options.poolSize ?? 10,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      onConnect: listenForLateErrors,
    },
    // Idle connections cut by an outage are the outage, which is logged once (database-availability.ts).
    poolErrorHandler: (error: unknown) => {
      if (!isConnectionFailure(error)) console.warn('[db warn] Postgres pool raised an error:', String(error));
    },
  });
}
