import { buildSchema, graphql, GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { ErrorCode, badUserInput, formatError, tooManyAttempts } from './errors.js';

describe('formatError', () => {
  it('keeps the public codes and their messages, without stack traces', () => {
    const error = badUserInput('Unknown commune INSEE code "99999"', 'territory.communeCode');
    const formatted = formatError({ ...error.toJSON(), extensions: { ...error.extensions, stacktrace: ['at x'] } }, error);
    expect(formatted).toMatchObject({
      message: 'Unknown commune INSEE code "99999"',
      extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'territory.communeCode' },
    });
    expect(formatted.extensions).not.toHaveProperty('stacktrace');
  });

  it('masks anything else as INTERNAL_SERVER_ERROR, logging the details', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bug = new GraphQLError('relation "supplier" does not exist', { path: ['suppliers'], extensions: { code: 'SOMETHING_ELSE' } });
    const formatted = formatError(bug.toJSON(), bug);
    expect(formatted).toEqual({ message: 'Internal server error', locations: undefined, path: ['suppliers'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('answers more than 50 invalid variable values with BAD_USER_INPUT, not a masked error (issue 13)', async () => {
    const schema = buildSchema('type Query { sum(values: [Int]): Int }');
    const names = Array.from({ length: 60 }, (_unused, index) => `v${index}`);
    const result = await graphql({
      schema,
      source: `query(${names.map((name) => `$${name}: Int`).join(', ')}) { sum(values: [${names.map((name) => `$${name}`).join(', ')}]) }`,
      variableValues: Object.fromEntries(names.map((name) => [name, 'not a number'])),
    });
    // graphql-js reports 50 of them, then gives up with an error of its own, without a code.
    const limit = result.errors![50];
    expect(limit.message).toMatch(/^Too many errors processing variables/);
    expect(formatError(limit.toJSON(), limit)).toMatchObject({
      message: expect.stringMatching(/^Trop de valeurs de variables invalides/),
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  });

  it('keeps the retry delay of TOO_MANY_ATTEMPTS', () => {
    const error = tooManyAttempts(90_500);
    expect(formatError(error.toJSON(), error)).toMatchObject({
      message: 'Trop de tentatives. Réessayez dans 2 minutes.',
      extensions: { code: ErrorCode.TOO_MANY_ATTEMPTS, retryAfterSeconds: 91 },
    });
  });
});
