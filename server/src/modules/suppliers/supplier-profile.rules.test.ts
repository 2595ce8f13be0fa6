import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { InputCheck } from '../../core/graphql/input-check.js';
import { checkFrenchPhone, checkWebsite } from './supplier-profile.rules.js';

/** The pure checks of what suppliers type. */

function run<T>(checker: (check: InputCheck, field: string[], raw: string) => T, raw: string) {
  const check = new InputCheck();
  return { value: checker(check, ['field'], raw), errors: check.errors.map((error) => error.code) };
}

describe('checkFrenchPhone', () => {
  it.each([
    ['03 87 12 34 56', '03 87 12 34 56'],
    ['0387123456', '03 87 12 34 56'],
    ['03.87.12.34.56', '03 87 12 34 56'],
    ['+33 3 87 12 34 56', '03 87 12 34 56'],
    ['+33 (0)3 87 12 34 56', '03 87 12 34 56'],
    ['0033 6 12 34 56 78', '06 12 34 56 78'],
    ['', null],
  ])('normalises %j to %j', (typed, stored) => {
    expect(run(checkFrenchPhone, typed)).toEqual({ value: stored, errors: [] });
  });

  it.each(['12345', '00 87 12 34 56', '+44 20 7946 0958', '<script>alert(1)</script>', '03 87 12 34 567'])('refuses %j', (typed) => {
    expect(run(checkFrenchPhone, typed)).toEqual({ value: undefined, errors: ['INVALID'] });
  });
});

describe('checkWebsite', () => {
  it.each([
    ['exemple.fr', 'https://exemple.fr/'],
    ['HTTP://Exemple.FR/Page', 'http://exemple.fr/Page'],
    ['https://www.exemple.fr:8443/a?b=c', 'https://www.exemple.fr:8443/a?b=c'],
    ['', null],
  ])('stores %j as %j', (typed, stored) => {
    expect(run(checkWebsite, typed)).toEqual({ value: stored, errors: [] });
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'ftp://exemple.fr', 'https://localhost', 'https://user:pw@exemple.fr', 'vbscript:x'])(
    'refuses %j',
    (typed) => {
      expect(run(checkWebsite, typed)).toEqual({ value: undefined, errors: ['INVALID'] });
    },
  );
});

describe('InputCheck.text', () => {
  it('trims, collapses single lines, keeps paragraphs, and refuses controls and bidirectional overrides', () => {
    const check = new InputCheck();
    expect(check.text(['a'], '  Un   nom  ', { label: 'Le nom', max: 10 })).toBe('Un nom');
    expect(check.text(['b'], 'Ligne 1  \r\n\r\n\r\n\r\nLigne 2', { label: 'Le texte', max: 100, multiline: true })).toBe('Ligne 1\n\nLigne 2');
    expect(check.text(['c'], 'a\u202eb', { label: 'Le texte', max: 100, multiline: true })).toBeNull();
    expect(check.text(['d'], 'é'.repeat(11), { label: 'Le nom', max: 10 })).toBeNull();
    expect(check.errors.map((error) => [error.field, error.code])).toEqual([[['c'], 'INVALID'], [['d'], 'TOO_LONG']]);
  });
});
