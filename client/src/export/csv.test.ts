import { afterEach, describe, expect, it, vi } from 'vitest';
import { datedFilename, downloadCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('writes a BOM, semicolons and CRLF line ends', () => {
    expect(toCsv(['Nom', 'Commune'], [['Jardins de Metz', 'Metz']])).toBe('\uFEFFNom;Commune\r\nJardins de Metz;Metz\r\n');
  });

  it('quotes fields holding a separator, a quote or a line break, doubling quotes', () => {
    const csv = toCsv(['a'], [['Tonte; élagage'], ['Le "Bon" jardin'], ['ligne 1\nligne 2'], ['retour\r']]);
    expect(csv.split('\r\n').slice(1, 4)).toEqual(['"Tonte; élagage"', '"Le ""Bon"" jardin"', '"ligne 1\nligne 2"']);
    // A lone carriage return is both a formula start guard and a reason to quote.
    expect(csv).toContain('"retour\r"');
  });

  it('writes numbers with a decimal comma and no thousands separator', () => {
    expect(toCsv(['n'], [[12.5], [1234567.25], [-3], [0], [1e-7]]).split('\r\n').slice(1, 6)).toEqual([
      '12,5',
      '1234567,25',
      '-3',
      '0',
      '0,0000001',
    ]);
  });

  it('leaves null, undefined and non-finite numbers empty', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, Number.NaN, 'x']])).toBe('\uFEFFa;b;c;d\r\n;;;x\r\n');
  });

  it('neutralises text cells that a spreadsheet would run as a formula', () => {
    const rows = ['=HYPERLINK("http://evil")', '+33 3 87 00 00 00', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', 'a=b'].map((value) => [value]);
    expect(toCsv(['x'], rows).split('\r\n').slice(1, -1)).toEqual([
      '"\'=HYPERLINK(""http://evil"")"',
      "'+33 3 87 00 00 00",
      "'-2+3",
      "'@SUM(A1)",
      "'\tcmd",
      '"\'\rcmd"',
      'a=b',
    ]);
  });

  it('keeps digits as text for spreadsheets, leading zeros and all', () => {
    const rows = [[{ digits: '01000' }], [{ digits: '732 829 320 00074' }], [{ digits: '=1+1' }]];
    expect(toCsv(['x'], rows).split('\r\n').slice(1, -1)).toEqual(['"=""01000"""', '"=""732 829 320 00074"""', "'=1+1"]);
  });

  it('does not prefix negative numbers, which are data', () => {
    expect(toCsv(['n'], [[-12.5]])).toBe('\uFEFFn\r\n-12,5\r\n');
  });
});

describe('datedFilename', () => {
  it('uses the local date, padded', () => {
    expect(datedFilename('achat-inclusif-selection', new Date(2025, 2, 4, 23, 59))).toBe('achat-inclusif-selection-2025-03-04.csv');
  });
});

describe('downloadCsv', () => {
  afterEach(() => vi.restoreAllMocks());

  it('clicks a temporary download link to a UTF-8 CSV blob', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
      blob = object as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download, attached: this.isConnected });
    });

    downloadCsv('export.csv', '\uFEFFa;b\r\n');

    expect(clicked).toEqual([{ href: 'blob:test', download: 'export.csv', attached: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
