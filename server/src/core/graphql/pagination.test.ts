import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type CursorKey } from './pagination.js';

const raw = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

function refused(cursor: string, ordering: string, keys: readonly CursorKey[]): GraphQLError {
  try {
    decodeCursor(cursor, ordering, keys);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error(`accepted: ${Buffer.from(cursor, 'base64url').toString()}`);
}

describe('decodeCursor', () => {
  it('gives back the values of a cursor of the ordering, typed', () => {
    const cursor = encodeCursor('RECENTLY_UPDATED', ['2025-12-03 10:11:12.123456+01', 42]);
    const [updatedAt, id] = decodeCursor(cursor, 'RECENTLY_UPDATED', ['timestamptz', 'int4']);
    expect([updatedAt, id]).toEqual(['2025-12-03 10:11:12.123456+01', 42]);
    expect(decodeCursor(raw(['x', '2025-12-03T10:11:12.123Z', 1]), 'x', ['timestamptz', 'int4'])).toEqual(['2025-12-03T10:11:12.123Z', 1]);
    expect(decodeCursor(raw(['x', true, 12.5, 'Jardins', '123.45', '9223372036854775807']), 'x', ['boolean', 'float8', 'text', 'numeric', 'int8']))
      .toEqual([true, 12.5, 'Jardins', '123.45', '9223372036854775807']);
    expect(decodeCursor(raw(['x', '2024-02-29 23:59:59+00:09:21', -2_147_483_648]), 'x', ['timestamptz', 'int4'])).toHaveLength(2);
  });

  it('refuses, as BAD_USER_INPUT "Curseur invalide", values that are not of their key\'s type (issue 13)', () => {
    const cases: [unknown[], CursorKey[]][] = [
      // The example: a NAME cursor whose id is a string.
      [['NAME', 'aabs demo', 'x'], ['text', 'int4']],
      [['NAME', 'a', 2_147_483_648], ['text', 'int4']],
      [['NAME', 'a', 1.5], ['text', 'int4']],
      [['NAME', 'a', null], ['text', 'int4']],
      [['NAME', 'a\u0000b', 1], ['text', 'int4']],
      [['NAME', '\ud800', 1], ['text', 'int4']],
      [['NAME', 42, 1], ['text', 'int4']],
      [['NAME', { a: 1 }, 1], ['text', 'int4']],
      [['SYNC', 'x', 1], ['int8', 'int4']],
      [['SYNC', 766, 1], ['int8', 'int4']],
      [['SYNC', '9223372036854775808', 1], ['int8', 'int4']],
      [['DISTANCE', 'x', 1], ['float8', 'int4']],
      [['DISTANCE', true, 1], ['float8', 'int4']],
      [['RELEVANCE', 1, 'a', 1], ['boolean', 'text', 'int4']],
      [['AMOUNT', 12.5, 1], ['numeric', 'int4']],
      [['AMOUNT', '1e400', 1], ['numeric', 'int4']],
      [['UPDATED', '2025-13-45 99:99:99+00', 1], ['timestamptz', 'int4']],
      [['UPDATED', '2025-02-30 10:00:00+00', 1], ['timestamptz', 'int4']],
      [['UPDATED', '2023-02-29 10:00:00+00', 1], ['timestamptz', 'int4']],
      [['UPDATED', '0000-01-01 00:00:00+00', 1], ['timestamptz', 'int4']],
      [['UPDATED', '2025-01-01 24:00:00+00', 1], ['timestamptz', 'int4']],
      [['UPDATED', '2025-01-01 10:00:00+16', 1], ['timestamptz', 'int4']],
      [['UPDATED', 'now', 1], ['timestamptz', 'int4']],
      [['UPDATED', 1_700_000_000, 1], ['timestamptz', 'int4']],
    ];
    for (const [values, keys] of cases) {
      const error = refused(raw(values), values[0] as string, keys);
      expect(error.extensions, JSON.stringify(values)).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
      expect(error.message).toMatch(/^Curseur invalide pour "after"/);
    }
  });

  it('refuses cursors of another ordering or length, and what is no cursor at all', () => {
    const keys = ['text', 'int4'] as const;
    const refusedCursors = [
      raw(['RELEVANCE', 'a', 1]),
      raw(['NAME', 'a']),
      raw(['NAME', 'a', 1, 2]),
      raw([]),
      Buffer.from('{"NAME":1}').toString('base64url'),
      Buffer.from('["NAME", "a", 1e400]').toString('base64url'),
      'garbage!',
      '',
    ];
    for (const cursor of refusedCursors) expect(refused(cursor, 'NAME', keys).extensions.code, cursor).toBe('BAD_USER_INPUT');
  });
});
