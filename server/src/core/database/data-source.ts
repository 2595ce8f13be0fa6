import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { SqlStatisticsLogger } from './sql-statistics.js';

export interface DataSourceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  printQueries?: boolean;
  poolSize?: number;
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
    extra: { max: options.poolSize ?? 10 },
  });
}
