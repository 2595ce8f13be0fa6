import { describe, expect, it } from 'vitest';
import { detectDelimiter, splitLine } from './csv-rows.js';
import { CsvScanner, MAX_ROW_CHARS, type ScannedRow, UNCLOSED_QUOTE } from './csv-scanner.js';

function scan(text: string, delimiter = ',', chunkSize = text.length || 1): ScannedRow[] {
  const scanner = new CsvScanner(delimiter);
  const out: ScannedRow[] = [];
  for (let i = 0; i < text.length; i += chunkSize) scanner.push(text.slice(i, i + chunkSize), out);
  scanner.end(out);
  return out;
}

describe('CsvScanner', () => {
  it('reads plain rows with the line each starts on', () => {
    expect(scan('a,b,c\n1,2,3\n4,5,6\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '5', '6'] },
    ]);
  });

  it('keeps line numbers right across quoted fields that span lines, CRLF and blank lines', () => {
    const text = 'id,texte\r\n1,"deux\r\nlignes"\r\n\r\n2,"trois\nlignes\nici"\r\n3,fin';
    expect(scan(text)).toEqual([
      { line: 1, fields: ['id', 'texte'] },
      { line: 2, fields: ['1', 'deux\r\nlignes'] },
      { line: 5, fields: ['2', 'trois\nlignes\nici'] },
      { line: 8, fields: ['3', 'fin'] },
    ]);
  });

  it('reads doubled quotes, empty fields, separators inside quotes and a last row without line break', () => {
    expect(scan('"a ""b"" c",,"x;y",""\n;;\nz', ',')).toEqual([
      { line: 1, fields: ['a "b" c', '', 'x;y', ''] },
      { line: 2, fields: [';;'] },
      { line: 3, fields: ['z'] },
    ]);
    expect(scan('a;b\n;;\n;"";\n', ';')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['', '', ''] },
    ]);
  });

  it('keeps stray quotes as text instead of failing the row', () => {
    expect(scan('1,"bad"x,2\n3,ab"c,4\n')).toEqual([
      { line: 1, fields: ['1', '"bad"x', '2'] },
      { line: 2, fields: ['3', 'ab"c', '4'] },
    ]);
  });

  it('reports a quote never closed at the line it opens on and reads the following lines', () => {
    expect(scan('a,b\n1,"open\n2,ok\n3,ok\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: UNCLOSED_QUOTE, raw: '1,"open' },
      { line: 3, fields: ['2', 'ok'] },
      { line: 4, fields: ['3', 'ok'] },
    ]);
  });

  it('gives up on a quote still open after MAX_ROW_CHARS, without waiting for the end of the input', () => {
    const scanner = new CsvScanner(',');
    const out: ScannedRow[] = [];
    scanner.push('1,"x\n', out);
    scanner.push('y'.repeat(MAX_ROW_CHARS), out);
    expect(out).toEqual([{ line: 1, error: UNCLOSED_QUOTE, raw: '1,"x' }]);
  });

  it('gives the same rows whatever the chunk boundaries (quotes, CRLF, doubled quotes cut in two)', () => {
    const text = 'h1;h2;h3\r\n"a ""q"" b";"multi\r\nline";c\r\n"x""";"";\r\n1;2;3\r\n"open\r\n4;5;6';
    const whole = scan(text, ';');
    expect(whole).toEqual([
      { line: 1, fields: ['h1', 'h2', 'h3'] },
      { line: 2, fields: ['a "q" b', 'multi\r\nline', 'c'] },
      { line: 4, fields: ['x"', '', ''] },
      { line: 5, fields: ['1', '2', '3'] },
      { line: 6, error: UNCLOSED_QUOTE, raw: '"open' },
      { line: 7, fields: ['4', '5', '6'] },
    ]);
    for (const size of [1, 2, 3, 5, 7, 16]) expect(scan(text, ';', size)).toEqual(whole);
  });

  it('refuses a delimiter that cannot work', () => {
    expect(() => new CsvScanner('"')).toThrow(RangeError);
    expect(() => new CsvScanner(';;')).toThrow(RangeError);
  });
});

describe('detectDelimiter and splitLine', () => {
  it('picks the most frequent separator outside quotes, over the first lines', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('id,nom,"a;b;c;d"')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('Titre du fichier\nNom;Type;CP\nX;EI;57000')).toBe(';');
    expect(detectDelimiter('nom')).toBe(',');
  });

  it('splits one line, quotes understood, cells trimmed', () => {
    expect(splitLine(' id ,"nom, complet",date_maj', ',')).toEqual(['id', 'nom, complet', 'date_maj']);
  });
});
