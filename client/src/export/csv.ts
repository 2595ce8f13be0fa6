/**
 * CSV as French spreadsheets read it: Excel in a French locale expects `;` between fields,
 * a decimal comma, and a byte order mark to take the file as UTF-8 (accents intact).
 */

/**
 * Digits a spreadsheet must keep as written (SIRET, postal code): as a plain cell, Excel
 * drops leading zeros and turns 14 digits into 7,32829E+13.
 */
export interface DigitsCell {
  digits: string;
}

export type CsvCell = string | number | DigitsCell | null | undefined;

const BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

/**
 * A text cell starting with one of these is run as a formula by spreadsheets
 * (CSV injection, OWASP): prefixing a single quote makes it plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** A number the French way: "12,5", no thousands separator (it would make it text). */
function frenchNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const plain = /e/i.test(String(value))
    ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
    : String(value);
  return plain.replace('.', ',');
}

function field(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers are the spreadsheet's own data: a leading minus is a sign, not a formula.
  if (typeof value === 'number') return frenchNumber(value);
  // ="01000" is the spreadsheet's way of saying 'this is text': safe, as only digits go in.
  if (typeof value === 'object') return /^[\d ]+$/.test(value.digits) ? `"=""${value.digits}"""` : field(value.digits);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document: UTF-8 BOM, `;` separators, CRLF line ends, a header row then the rows. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(field).join(SEPARATOR) + LINE_END).join('');
}

/** Makes the browser save `content` as a file named `filename`. */
export function downloadCsv(filename: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "achat-inclusif-resultats-2025-03-14.csv", dated in the buyer's own time zone. */
export function datedFilename(prefix: string, date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${prefix}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.csv`;
}
