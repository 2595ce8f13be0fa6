import { GraphQLError } from 'graphql';
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

  it('keeps the retry delay of TOO_MANY_ATTEMPTS', () => {
    const error = tooManyAttempts(90_500);
    expect(formatError(error.toJSON(), error)).toMatchObject({
      message: 'Trop de tentatives. Réessayez dans 2 minutes.',
      extensions: { code: ErrorCode.TOO_MANY_ATTEMPTS, retryAfterSeconds: 91 },
    });
  });
});
