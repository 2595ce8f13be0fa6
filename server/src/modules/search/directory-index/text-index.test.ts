import { describe, expect, it } from 'vitest';
import { timestampMicros } from './directory-index.js';
import { LEXEME_SEPARATOR, TextIndexBuilder, type TextIndex } from './text-index.js';

const document = (...lexemes: string[]) => lexemes.join(LEXEME_SEPARATOR);

function textIndexOf(documents: string[]): TextIndex {
  const builder = new TextIndexBuilder();
  for (const text of documents) builder.add(text);
  return builder.build();
}

describe('text index', () => {
  const index = textIndexOf([
    document('nettoyag', 'bureau', 'vitr'),
    document('espac', 'vert', 'tont'),
    document('espac', 'vertical', 'bureau'),
    '',
    document('impress', 'brochur'),
  ]);

  it('matches every term, each by any of its lexemes', () => {
    expect(index.match([{ lexemes: ['bureau'], prefix: null }]).array()).toEqual([0, 2]);
    expect(index.match([{ lexemes: ['espac'], prefix: null }, { lexemes: ['bureau'], prefix: null }]).array()).toEqual([2]);
    expect(index.match([{ lexemes: ['nettoyag', 'impress'], prefix: null }]).array()).toEqual([0, 4]);
    expect(index.match([{ lexemes: ['inconnu'], prefix: null }]).array()).toEqual([]);
  });

  it('matches a prefix on every lexeme it starts', () => {
    expect(index.match([{ lexemes: ['ver'], prefix: 'ver' }]).array()).toEqual([1, 2]);
    expect(index.match([{ lexemes: ['espac'], prefix: null }, { lexemes: ['vert'], prefix: null }]).array()).toEqual([1]);
  });

  it('matches slots added after the build, new lexemes included', () => {
    const growing = textIndexOf([document('bureau')]);
    growing.add(1, document('bureau', 'reconditionn'));
    expect(growing.match([{ lexemes: ['bureau'], prefix: null }]).array()).toEqual([0, 1]);
    expect(growing.match([{ lexemes: ['recond'], prefix: 'recond' }]).array()).toEqual([1]);
  });
});

describe('timestampMicros', () => {
  it('reads PostgreSQL timestamps to the microsecond, in any offset', () => {
    const base = Date.UTC(2026, 2, 1, 10, 0, 0) * 1000;
    expect(timestampMicros('2026-03-01 10:00:00+00')).toBe(base);
    expect(timestampMicros('2026-03-01 10:00:00.000001+00')).toBe(base + 1);
    expect(timestampMicros('2026-03-01 11:00:00.5+01')).toBe(base + 500_000);
    expect(timestampMicros('2026-03-01 04:30:00-05:30')).toBe(base);
    expect(timestampMicros('yesterday')).toBeNaN();
  });
});
