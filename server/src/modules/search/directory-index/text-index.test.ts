import { describe, expect, it } from 'vitest';
import { timestampMicros } from './directory-index.js';
import {
  descriptionCountOf, inNameOf, parseTsvectorCounts, postingCode, slotDocument, titleCountOf, trigramSimilarity, trigramsOf, TextIndexBuilder,
  type SlotDocument, type TextIndex,
} from './text-index.js';

const document = (names: string[], titles: [string, number][] = [], descriptions: [string, number][] = []): SlotDocument =>
  slotDocument(names, titles, descriptions);

function textIndexOf(documents: SlotDocument[]): TextIndex {
  const builder = new TextIndexBuilder();
  for (const slotDocument of documents) builder.add(slotDocument);
  return builder.build();
}

function postings(index: TextIndex, lexeme: string): [number, number][] {
  const found: [number, number][] = [];
  index.forEachPosting(lexeme, (slot, code) => found.push([slot, code]));
  return found;
}

describe('text index', () => {
  const index = textIndexOf([
    document(['nettoyag'], [['bureau', 2]], [['vitr', 3]]),
    document([], [['espac', 1], ['vert', 1]], [['tont', 1]]),
    document(['espac'], [], [['vertical', 1], ['bureau', 1]]),
    document([]),
    document([], [['impress', 1]], [['brochur', 70]]),
  ]);

  it('lists the slots of a lexeme with where they hold it: name, titles, descriptions', () => {
    const [[slot, code]] = postings(index, 'nettoyag');
    expect(slot).toBe(0);
    expect(inNameOf(code)).toBe(true);
    expect(postings(index, 'bureau').map(([slot, code]) => [slot, titleCountOf(code), descriptionCountOf(code)])).toEqual([
      [0, 2, 0],
      [2, 0, 1],
    ]);
    // Counts saturate at what their bits hold.
    expect(descriptionCountOf(postings(index, 'brochur')[0][1])).toBe(63);
    expect(postings(index, 'inconnu')).toEqual([]);
  });

  it('completes a prefix, the most frequent lexemes first when they are too many', () => {
    expect(index.lexemesStartingWith('ver', 10)).toEqual(['vert', 'vertical']);
    expect(index.lexemesStartingWith('ver', 1)).toHaveLength(1);
  });

  it('knows the slots added after the build, new lexemes included', () => {
    const growing = textIndexOf([document(['bureau'])]);
    growing.add(1, document([], [['reconditionn', 1]], [['bureau', 1]]));
    expect(postings(growing, 'bureau').map(([slot]) => slot)).toEqual([0, 1]);
    expect(growing.has('reconditionn')).toBe(true);
    expect(growing.lexemesStartingWith('recond', 5)).toEqual(['reconditionn']);
  });

  it('finds the nearest known lexemes of a typo, as pg_trgm measures similarity', () => {
    const lexicon = textIndexOf([document(['nettoyag', 'nettoi', 'bureau', 'burel'])]);
    expect(lexicon.nearestLexemes('netoyag', 0.4, 3)).toEqual(['nettoyag']);
    expect(lexicon.nearestLexemes('burreau', 0.4, 3)[0]).toBe('bureau');
    expect(lexicon.nearestLexemes('astrophys', 0.4, 3)).toEqual([]);
    // pg_trgm: "  a", " ab", "abc", "bc " against "  a", " ab", "abd", "bd ".
    expect(trigramSimilarity(trigramsOf('abc'), trigramsOf('abd'))).toBeCloseTo(2 / 6);
  });

  it('packs and reads posting codes', () => {
    const code = postingCode(true, 20, 5);
    expect([inNameOf(code), titleCountOf(code), descriptionCountOf(code)]).toEqual([true, 15, 5]);
  });
});

describe('parseTsvectorCounts', () => {
  it('reads lexemes and their number of positions from PostgreSQL text, quotes included', () => {
    expect(parseTsvectorCounts(`'bureau':3C,15C 'l''eau':4 'vitr' 'a\\\\b':1`)).toEqual([
      ['bureau', 2],
      ["l'eau", 1],
      ['vitr', 1],
      ['a\\b', 1],
    ]);
    expect(parseTsvectorCounts(null)).toEqual([]);
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
