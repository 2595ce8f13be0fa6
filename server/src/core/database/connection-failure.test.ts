import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { connectionFailureReason, isConnectionFailure, isStatementTimeout } from './connection-failure.js';

const failure = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('connection failures', () => {
  it('are the socket errors, the SQLSTATEs of a server going away or full, and what node-postgres and its pool say', () => {
    const reasons = [
      failure('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      failure('read ECONNRESET', 'ECONNRESET'),
      failure('terminating connection due to administrator command', '57P01'),
      failure('the database system is shutting down', '57P03'),
      failure('sorry, too many clients already', '53300'),
      failure('server closed the connection unexpectedly', '08006'),
      failure('Connection terminated unexpectedly'),
      failure('timeout exceeded when trying to connect'),
      new Error('Connection terminated due to connection timeout', { cause: failure('Connection terminated unexpectedly') }),
      new AggregateError([failure('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'connect failed'),
    ].map(connectionFailureReason);
    expect(reasons).toEqual([
      'ECONNREFUSED', 'ECONNRESET', '57P01 admin shutdown', '57P03 cannot connect now', '53300 too many connections', '08006 connection exception',
      'Connection terminated unexpectedly', 'timeout exceeded when trying to connect', 'Connection terminated due to connection timeout', 'ECONNREFUSED',
    ]);
  });

  it('are found inside what wraps them: TypeORM query errors, GraphQL errors', () => {
    const driverError = failure('terminating connection due to administrator command', '57P01');
    const queryFailed = new QueryFailedError('SELECT 1', [], driverError);
    expect(isConnectionFailure(queryFailed)).toBe(true);
    expect(isConnectionFailure(new GraphQLError('wrapped', { originalError: queryFailed }))).toBe(true);
  });

  it('are not the failures of one statement: a syntax error, a constraint, a statement timeout, a bug', () => {
    for (const error of [
      failure('syntax error at or near "SELEC"', '42601'),
      failure('duplicate key value violates unique constraint', '23505'),
      failure('canceling statement due to statement timeout', '57014'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'a string',
      null,
    ]) {
      expect(isConnectionFailure(error)).toBe(false);
    }
  });
});

describe('statement timeouts', () => {
  it('are the statements PostgreSQL cancelled at statement_timeout, not other cancellations', () => {
    expect(isStatementTimeout(new QueryFailedError('SELECT pg_sleep(1)', [], failure('canceling statement due to statement timeout', '57014')))).toBe(true);
    expect(isStatementTimeout(failure('canceling statement due to user request', '57014'))).toBe(false);
    expect(isStatementTimeout(failure('connect ECONNREFUSED', 'ECONNREFUSED'))).toBe(false);
  });
});
