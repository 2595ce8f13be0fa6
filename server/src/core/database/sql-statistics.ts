import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, type LogLevel, type LogMessage, type QueryRunner } from 'typeorm';
import { isConnectionFailure } from './connection-failure.js';

/** SQL statements run on behalf of one unit of work (a GraphQL request, a test block). */
export interface SqlStatistics {
  statements: { sql: string; parameters: unknown }[];
}

const storage = new AsyncLocalStorage<SqlStatistics>();

/** Runs `work` while recording the SQL statements it issues. */
export function recordSqlStatements<T>(statistics: SqlStatistics, work: () => T): T {
  return storage.run(statistics, work);
}

export function currentSqlStatistics(): SqlStatistics | undefined {
  return storage.getStore();
}

/**
 * TypeORM logger that records every query in the current unit of work (used to lock out
 * N+1 queries in tests and to replay the exact SQL in benchmarks), and prints queries
 * only when asked to.
 */
export class SqlStatisticsLogger extends AbstractLogger {
  constructor(private readonly printQueries: boolean) {
    super(['query', 'error', 'warn']);
  }

  override logQuery(query: string, parameters?: unknown[] | object, _queryRunner?: QueryRunner): void {
    storage.getStore()?.statements.push({ sql: query, parameters });
    if (this.printQueries) console.log('[sql]', query, parameters ?? '');
  }

  /** Statements failing because the database is unreachable are the outage, logged once (database-availability.ts). */
  override logQueryError(error: string, query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    // Declared a string, but TypeORM passes the driver's error object.
    if (!isConnectionFailure(error)) super.logQueryError(error, query, parameters, queryRunner);
  }

  protected writeLog(level: LogLevel, message: LogMessage | string | number | (LogMessage | string | number)[]): void {
    if (level === 'query') return;
    const messages = Array.isArray(message) ? message : [message];
    for (const entry of messages) {
      const text = typeof entry === 'object' ? String(entry.message) : String(entry);
      if (level === 'warn' || level === 'error') console.warn(`[db ${level}]`, text);
    }
  }
}

/** Runs `work` outside any unit of work: background work started by a request is not its own. */
export function withoutSqlStatistics<T>(work: () => T): T {
  return storage.exit(work);
}
