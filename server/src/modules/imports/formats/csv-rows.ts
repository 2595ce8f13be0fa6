/**
 * CSV rows of a text stream, each with the line it starts on (the header is line 1), read
 * with CsvScanner (see there for the rules and why it is not csv-parse).
 */
import type { Readable } from 'node:stream';
import { CsvScanner, type ScannedRow } from './csv-scanner.js';

export type CsvItem = ScannedRow;

/** Rows of `input` (a stream of strings, BOM already removed: see openText) in file order. */
export async function* readCsvRows(input: Readable, delimiter: string): AsyncGenerator<CsvItem> {
  const scanner = new CsvScanner(delimiter);
  const rows: ScannedRow[] = [];
  for await (const chunk of input) {
    scanner.push(chunk as string, rows);
    for (let i = 0; i < rows.length; i++) yield rows[i]!;
    rows.length = 0;
  }
  scanner.end(rows);
  yield* rows;
}

/**
 * The separator of a CSV file from its first lines: the most frequent of `;`, `,` and tab
 * outside quotes over the first ten lines (a title line above the header then does not
 * decide); `,` on a tie or when none appears, as in a one-column file.
 */
export function detectDelimiter(sample: string): string {
  let semicolons = 0;
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  let lines = 0;
  for (const char of sample) {
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n' && ++lines >= 10) break;
    else if (char === ';') semicolons++;
    else if (char === ',') commas++;
    else if (char === '\t') tabs++;
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

/** Cells of one line (quote-aware), trimmed: for detection, before the real reading. */
export function splitLine(line: string, delimiter: string): string[] {
  const scanner = new CsvScanner(delimiter);
  const rows: ScannedRow[] = [];
  scanner.push(line, rows);
  scanner.end(rows);
  const first = rows[0];
  return first && 'fields' in first ? first.fields.map((cell) => cell.trim()) : [];
}
