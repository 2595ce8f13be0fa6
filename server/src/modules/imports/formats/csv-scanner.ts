/**
 * A streaming CSV scanner (RFC 4180 plus what real exports do), written for the import's
 * hot path: it knows the line each row starts on, and it recovers from a broken quote
 * instead of losing the rest of the file.
 *
 * Why not csv-parse: on the 100 000-row data·inclusion benchmark file (51 MB), csv-parse 7
 * parsed 48–58 000 rows/s bare and ~37 000 rows/s with what the readers need (`info` for
 * line numbers, `skip_records_with_error`, `relax_quotes`); the whole data·inclusion
 * reader on top of it made 17–28 000 rows/s. After a quote left open it lost every
 * following row. On the same file this scanner alone does ~250 000 rows/s and the whole
 * reader ~135 000 rows/s (formats/README.md).
 *
 * Rules:
 * - Fields are separated by `delimiter`, rows by LF or CRLF.
 * - A field starting with `"` is quoted: `""` inside is one quote, and it may span lines.
 *   Text between its closing quote and the next separator is kept, quotes and all
 *   (`"a"b` → `"a"b`), as is a quote inside an unquoted field (`ab"c`): the row stays
 *   readable and the reader decides.
 * - A quote that is never closed (end of input, or a row grown past MAX_ROW_CHARS) makes
 *   its row unreadable: it is reported at the line the row starts on, and scanning resumes
 *   at the next line.
 * - Rows whose fields are all empty (empty lines, lines of separators) are left out.
 */

export type ScannedRow = { line: number; fields: string[] } | { line: number; error: string; raw: string };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A row longer than this is a quote left open, not data: it bounds the memory a broken file can take. */
export const MAX_ROW_CHARS = 4 * 1024 * 1024;

export const UNCLOSED_QUOTE = 'Ligne illisible : guillemet ouvert et jamais fermé';

export class CsvScanner {
  private buffer = '';
  /** Line number of buffer[0]. */
  private bufferLine = 1;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new RangeError(`CSV delimiter must be one character other than a quote or a line break, got "${delimiter}"`);
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Appends the rows complete in `chunk` (with what was kept from before) to `out`; an unfinished row waits for more. */
  push(chunk: string, out: ScannedRow[]): void {
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    this.scan(false, out);
  }

  /** Appends the last rows, once the input has ended. */
  end(out: ScannedRow[]): void {
    this.scan(true, out);
    this.buffer = '';
  }

  private scan(final: boolean, out: ScannedRow[]): void {
    const text = this.buffer;
    const length = text.length;
    const delimiter = this.delimiter;
    let start = 0;
    let line = this.bufferLine;

    rows: while (start < length) {
      const fields: string[] = [];
      let position = start;
      let lineFeeds = 0;
      let blank = true;
      for (;;) {
        // One field.
        const fieldStart = position;
        let value: string;
        if (position < length && text.charCodeAt(position) === QUOTE) {
          let segment = position + 1;
          let closed = -1;
          value = '';
          for (;;) {
            const quote = text.indexOf('"', segment);
            if (quote === -1 || (quote + 1 >= length && !final)) break; // `""` may straddle chunks
            if (quote + 1 < length && text.charCodeAt(quote + 1) === QUOTE) {
              value += text.slice(segment, quote + 1);
              segment = quote + 2;
              continue;
            }
            value += text.slice(segment, quote);
            closed = quote;
            break;
          }
          if (closed === -1) {
            if (!final && length - start <= MAX_ROW_CHARS) break rows; // wait for more input
            // Never closed: the row is unreadable; resume at the next line.
            const lineEnd = text.indexOf('\n', start);
            out.push({ line, error: UNCLOSED_QUOTE, raw: stripCr(text.slice(start, lineEnd === -1 ? length : lineEnd)) });
            if (lineEnd === -1) {
              start = length;
              break rows;
            }
            start = lineEnd + 1;
            line++;
            continue rows;
          }
          blank = false;
          position = closed + 1;
          if (position < length) {
            const next = text.charCodeAt(position);
            if (next !== delimiter && next !== LF && next !== CR) {
              // Text after the closing quote: keep the field raw up to the separator.
              const end = this.unquotedEnd(text, position);
              if (end === -1 && !final) break rows;
              position = end === -1 ? length : end;
              value = text.slice(fieldStart, trimCr(text, fieldStart, position));
            }
          }
          if (value.indexOf('\n') !== -1) lineFeeds += countLineFeeds(value);
        } else {
          const end = this.unquotedEnd(text, position);
          if (end === -1 && !final) break rows;
          position = end === -1 ? length : end;
          const fieldEnd = trimCr(text, fieldStart, position);
          if (fieldEnd > fieldStart) blank = false;
          value = text.slice(fieldStart, fieldEnd);
        }
        fields.push(value);

        // After a field: a separator, the end of the row, or the end of the input.
        if (position >= length) {
          if (!final) break rows;
          if (!blank) out.push({ line, fields });
          line += lineFeeds;
          start = length;
          break rows;
        }
        const next = text.charCodeAt(position);
        if (next === delimiter) {
          position++;
          continue;
        }
        if (next === CR) {
          // After a closing quote, CR LF ends the row (a CR alone does too: nothing else can follow a quoted field).
          if (position + 1 >= length && !final) break rows;
          if (text.charCodeAt(position + 1) === LF) position++;
        }
        position++;
        if (!blank) out.push({ line, fields });
        line += lineFeeds + 1;
        start = position;
        continue rows;
      }
    }
    this.buffer = start >= length ? '' : text.slice(start);
    this.bufferLine = line;
  }

  /** Offset of the next separator or LF from `from`, or -1. */
  private unquotedEnd(text: string, from: number): number {
    const delimiter = this.delimiter;
    const length = text.length;
    for (let i = from; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code === delimiter || code === LF) return i;
    }
    return -1;
  }
}

/** `end`, or `end - 1` when the field ends with the CR of a CRLF. */
function trimCr(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
}

function countLineFeeds(value: string): number {
  let count = 0;
  let index = value.indexOf('\n');
  while (index !== -1) {
    count++;
    index = value.indexOf('\n', index + 1);
  }
  return count;
}

function stripCr(value: string): string {
  return value.endsWith('\r') ? value.slice(0, -1) : value;
}
