import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fromGlobalId, integerKeyOf, textKeyOf, toGlobalId } from './global-id.js';

const raw = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

function refusal(decode: () => unknown): GraphQLError {
  try {
    decode();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('global IDs', () => {
  it('round-trip keys of every shape', () => {
    expect(fromGlobalId(toGlobalId('Supplier', 2_147_483_647))).toEqual({ typeName: 'Supplier', key: '2147483647' });
    expect(integerKeyOf(toGlobalId('Offering', 42), 'Offering')).toBe(42);
    expect(textKeyOf(toGlobalId('Category', 'tonte-debroussaillage'), 'Category')).toBe('tonte-debroussaillage');
    expect(textKeyOf(toGlobalId('Commune', '2A004'), 'Commune')).toBe('2A004');
    expect(textKeyOf(toGlobalId('Departement', '971'), 'Departement')).toBe('971');
    expect(fromGlobalId(toGlobalId('ChangeLogEntry', '9223372036854775807')).key).toBe('9223372036854775807');
  });

  it('leaves IDs of types it does not have to the caller (node answers null)', () => {
    expect(fromGlobalId(raw('Unicorn:1'))).toEqual({ typeName: 'Unicorn', key: '1' });
  });

  it('refuses keys that do not fit their type, as BAD_USER_INPUT naming the argument (issue 13)', () => {
    const tampered = [
      raw('Supplier:2147483648'),
      raw('Supplier:9007199254740993'),
      raw('Supplier:0'),
      raw('Supplier:-1'),
      raw('Supplier:01'),
      raw('Supplier:1.0'),
      raw('Supplier:1e3'),
      raw('Supplier: 1'),
      raw('Account:abc'),
      raw('ChangeLogEntry:9223372036854775808'),
      raw('Category:tonte\u0000'),
      raw('Category:Tonte'),
      raw(`Category:${'a'.repeat(101)}`),
      raw('CategoryGroup:espaces--verts'),
      raw('Commune:5746\u0000'),
      raw('Region:84 '),
      raw('Departement:2C'),
    ];
    for (const id of tampered) {
      const error = refusal(() => fromGlobalId(id, 'input.supplierId'));
      expect(error.extensions, Buffer.from(id, 'base64url').toString()).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.supplierId' });
      expect(error.message).toMatch(/^Identifiant invalide pour "input\.supplierId" : /);
    }
  });

  it('refuses malformed IDs and IDs of another type', () => {
    for (const id of ['', 'garbage!', raw('Supplier'), raw(':1'), raw('Supplier:'), `${toGlobalId('Supplier', 1)}==`]) {
      expect(refusal(() => fromGlobalId(id)).extensions.code, id).toBe('BAD_USER_INPUT');
    }
    const wrongType = refusal(() => integerKeyOf(toGlobalId('Offering', 1), 'Supplier', 'supplierId'));
    expect(wrongType.message).toBe(`Identifiant invalide pour "supplierId" : "${toGlobalId('Offering', 1)}" (l'identifiant d'un objet Supplier est attendu).`);
    expect(refusal(() => textKeyOf(toGlobalId('Region', '84'), 'Category')).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('cuts long IDs in messages', () => {
    expect(refusal(() => fromGlobalId('x'.repeat(100_000))).message.length).toBeLessThan(200);
  });
});
