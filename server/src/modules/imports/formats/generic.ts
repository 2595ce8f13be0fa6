/**
 * Any CSV or XLSX list of structures (a regional directory, a network's member list, a
 * buyer's own file), read through a column mapping.
 *
 * - Columns are found by their header, compared without case, accents, spaces or
 *   punctuation ("N° SIRET" = "nsiret"). A preset knows the usual French headers; an
 *   explicit mapping (`options.columnMapping`, our field → the file's header) wins over it.
 * - The header is the first row (among the first ten) where both the name and the kind
 *   columns are found; rows above it (a title, a blank banner) are skipped.
 * - CSV: separator `;`, `,` or tab, detected from the header line; encoding UTF-8 (with or
 *   without BOM) or Windows-1252, detected. XLSX: first worksheet, streamed (exceljs);
 *   line numbers are the sheet's row numbers.
 * - Kinds: codes (EI, ESAT…) or French names ("Entreprise adaptée", "Établissement et
 *   service d'aide par le travail"…), see parseKind.
 * - The source is the operator's to state (`options.source`): a generic file is anything,
 *   and calling it SUPPLIER by default would be wrong for official data. The reader
 *   refuses to start without it.
 */
import ExcelJS from 'exceljs';
import { SupplierSource } from '../../suppliers/supplier-source.js';
import type { FormatReader, GenericField, ReadResult, ReaderOptions } from '../source-record.js';
import { detectDelimiter, readCsvRows, type CsvItem } from './csv-rows.js';
import { FormatError } from './format-error.js';
import {
  cleanSiret,
  cleanText,
  foldKey,
  joinParts,
  padNumericCode,
  parseKind,
  parsePosition,
  recordResult,
  rejectedResult,
  skippedResult,
} from './normalize.js';
import { headText, openSourceText, readHead } from './text-input.js';

/** Usual headers of each field, folded (see foldKey), in order of preference. */
export const GENERIC_PRESET: Readonly<Record<GenericField, readonly string[]>> = {
  sourceId: ['identifiant', 'id', 'sourceid', 'reference'],
  siret: ['siret', 'nsiret', 'numerosiret', 'nosiret', 'numsiret', 'siretdelastructure', 'siretetablissement', 'codesiret'],
  legalName: ['raisonsociale', 'nom', 'nomdelastructure', 'nomstructure', 'denomination', 'denominationsociale', 'structure', 'name'],
  brandName: ['enseigne', 'nomcommercial', 'nomdusage'],
  kind: ['typedestructure', 'type', 'typestructure', 'typedestructures', 'typesiae', 'typologie', 'kind'],
  street: ['adresse', 'adressepostale', 'adresse1', 'adresseligne1', 'voie'],
  postalCode: ['codepostal', 'cp', 'codepostale', 'postcode'],
  communeName: ['ville', 'commune', 'localite', 'nomcommune', 'nomdelacommune'],
  communeCode: ['codeinsee', 'codecommune', 'insee', 'codeinseecommune', 'codecommuneinsee', 'cog'],
  email: ['email', 'courriel', 'mail', 'adressemail', 'adresseemail', 'adressecourriel', 'emailcontact', 'contactemail'],
  phone: ['telephone', 'tel', 'numerodetelephone', 'telephonecontact', 'contacttelephone', 'telfixe'],
  website: ['siteweb', 'siteinternet', 'site', 'url', 'web', 'sitewebinternet'],
  description: ['description', 'presentation', 'descriptif'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lon', 'lng', 'long'],
};

/** Second address line, joined to the street: not a field of its own. */
const STREET_COMPLEMENT_HEADERS = ['complementdadresse', 'complementadresse', 'adresse2', 'adresseligne2', 'adressecomplement', 'complement'];

const FIELD_LABELS: Readonly<Record<GenericField, string>> = {
  sourceId: 'identifiant',
  siret: 'SIRET',
  legalName: 'nom de la structure',
  brandName: 'enseigne',
  kind: 'type de structure',
  street: 'adresse',
  postalCode: 'code postal',
  communeName: 'commune',
  communeCode: 'code INSEE',
  email: 'courriel',
  phone: 'téléphone',
  website: 'site web',
  description: 'description',
  latitude: 'latitude',
  longitude: 'longitude',
};

const HEADER_SEARCH_ROWS = 10;

export type ColumnIndex = Partial<Record<GenericField, number>> & { streetComplement?: number };

/**
 * Which column holds each field, from the header cells: explicit mapping first, then the
 * preset. Throws a FormatError when a mapped header is missing.
 */
export function resolveColumns(header: readonly string[], mapping: ReaderOptions['columnMapping'] = {}): ColumnIndex {
  const { index, missing } = matchColumns(header, mapping);
  if (missing.length > 0) throw missingMappedError(header, missing);
  return index;
}

type MissingMapping = Array<[field: GenericField, header: string]>;

function matchColumns(header: readonly string[], mapping: ReaderOptions['columnMapping'] = {}): { index: ColumnIndex; missing: MissingMapping } {
  const folded = header.map((cell) => foldKey(cell));
  const taken = new Set<number>();
  const index: ColumnIndex = {};
  const missing: MissingMapping = [];
  for (const [field, wanted] of Object.entries(mapping) as Array<[GenericField, string | undefined]>) {
    if (!wanted) continue;
    const column = folded.indexOf(foldKey(wanted));
    if (column === -1) {
      missing.push([field, wanted]);
      continue;
    }
    index[field] = column;
    taken.add(column);
  }
  for (const field of Object.keys(GENERIC_PRESET) as GenericField[]) {
    if (index[field] !== undefined || missing.some(([mapped]) => mapped === field)) continue;
    for (const alias of GENERIC_PRESET[field]) {
      const column = folded.findIndex((name, i) => name === alias && !taken.has(i));
      if (column !== -1) {
        index[field] = column;
        taken.add(column);
        break;
      }
    }
  }
  const complement = folded.findIndex((name, i) => STREET_COMPLEMENT_HEADERS.includes(name) && !taken.has(i));
  if (complement !== -1) index.streetComplement = complement;
  return { index, missing };
}

function listHeaders(header: readonly string[]): string {
  return header.filter((cell) => cell.trim() !== '').join(', ') || '(aucune)';
}

function missingMappedError(header: readonly string[], missing: MissingMapping): FormatError {
  const columns = missing.map(([field, wanted]) => `« ${wanted} » (${FIELD_LABELS[field] ?? field})`).join(', ');
  return new FormatError(`Colonne${missing.length > 1 ? 's' : ''} ${columns} introuvable${missing.length > 1 ? 's' : ''} dans l’en-tête. Colonnes du fichier : ${listHeaders(header)}.`);
}

function hasRequiredColumns(index: ColumnIndex): boolean {
  return index.legalName !== undefined && index.kind !== undefined;
}

/** Maps the rows of a generic file (header found on the way) to results. */
async function* mapGenericRows(rows: AsyncIterable<CsvItem>, options: ReaderOptions & { source: SupplierSource }): AsyncGenerator<ReadResult> {
  let index: ColumnIndex | null = null;
  const beforeHeader: Array<{ line: number; fields: string[] }> = [];
  for await (const row of rows) {
    if ('error' in row) {
      yield rejectedResult(row.line, row.error, row.raw);
      continue;
    }
    if (index === null) {
      const candidate = matchColumns(row.fields, options.columnMapping);
      if (candidate.missing.length === 0 && hasRequiredColumns(candidate.index)) {
        index = candidate.index;
        for (const skipped of beforeHeader) yield skippedResult(skipped.line, 'ligne avant l’en-tête');
        continue;
      }
      beforeHeader.push(row);
      if (beforeHeader.length >= HEADER_SEARCH_ROWS) throw headerNotFoundError(beforeHeader, options.columnMapping);
      continue;
    }
    yield mapGenericRow(row.fields, row.line, index, options.source);
  }
  if (index === null) {
    if (beforeHeader.length === 0) throw new FormatError('Le fichier est vide : aucune ligne d’en-tête.');
    throw headerNotFoundError(beforeHeader, options.columnMapping);
  }
}

/** Why no header was found, told about the first row that looks most like one. */
function headerNotFoundError(rows: ReadonlyArray<{ fields: string[] }>, mapping: ReaderOptions['columnMapping']): FormatError {
  let best = rows[0]!.fields;
  let bestScore = -1;
  for (const { fields } of rows) {
    const score = Object.keys(matchColumns(fields, mapping).index).length;
    if (score > bestScore) {
      best = fields;
      bestScore = score;
    }
  }
  const { index, missing } = matchColumns(best, mapping);
  if (missing.length > 0) return missingMappedError(best, missing);
  const required = (['legalName', 'kind'] as const).filter((field) => index[field] === undefined);
  return new FormatError(
    `En-tête introuvable : aucune colonne reconnue pour ${required.map((field) => `${FIELD_LABELS[field]} (${field})`).join(' ni ')} dans les ${HEADER_SEARCH_ROWS} premières lignes. ` +
      `Indiquez-la dans la correspondance des colonnes. Colonnes de la ligne la plus proche d’un en-tête : ${listHeaders(best)}.`,
  );
}

export function mapGenericRow(fields: readonly string[], line: number, index: ColumnIndex, source: SupplierSource): ReadResult {
  const cell = (field: GenericField | 'streetComplement'): string | null => {
    const column = index[field];
    return column === undefined ? null : cleanText(fields[column]);
  };
  const legalName = cell('legalName');
  if (legalName === null) return rejectedResult(line, 'Nom de la structure manquant');
  const kindText = cell('kind');
  if (kindText === null) return rejectedResult(line, 'Type de structure manquant');
  const kind = parseKind(kindText);
  if (!kind) return rejectedResult(line, 'Type de structure inconnu', kindText);
  const siret = cleanSiret(cell('siret'));
  const brand = cell('brandName');

  return recordResult({
    line,
    source,
    sourceId: cell('sourceId') ?? siret,
    siret,
    legalName,
    brandName: brand !== null && brand !== legalName ? brand : null,
    kind,
    description: cell('description'),
    address: {
      street: joinParts([cell('street'), cell('streetComplement')], ', '),
      postalCode: padNumericCode(cell('postalCode'), 5),
      communeCode: padNumericCode(cell('communeCode'), 5),
      communeName: cell('communeName'),
    },
    position: parsePosition(cell('latitude'), cell('longitude')),
    email: stripMailto(cell('email')),
    phone: cell('phone'),
    website: cell('website'),
    serviceTypes: [],
    tags: [],
    activities: [],
    sourceUpdatedAt: null,
  });
}

function stripMailto(value: string | null): string | null {
  return value !== null && value.toLowerCase().startsWith('mailto:') ? value.slice(7).trim() || null : value;
}

// ---------------------------------------------------------------------------------------
// Rows of each container
// ---------------------------------------------------------------------------------------

async function* csvRows(path: string, options: ReaderOptions): AsyncGenerator<CsvItem> {
  const delimiter = detectDelimiter(headText(await readHead(path)));
  yield* readCsvRows(await openSourceText(path, options), delimiter);
}

/** A cell as text: rich text joined, hyperlinks by their text, formulas by their result, dates as YYYY-MM-DD. */
export function excelCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as { richText?: Array<{ text?: string }>; text?: unknown; hyperlink?: string; result?: unknown; error?: string };
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text ?? '').join('');
    if (object.text !== undefined) return excelCellText(object.text);
    if (object.hyperlink !== undefined) return object.hyperlink;
    if ('result' in object) return excelCellText(object.result);
    if (object.error !== undefined) return '';
  }
  return String(value);
}

async function* xlsxRows(path: string): AsyncGenerator<CsvItem> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      const fields: string[] = [];
      // row.values is 1-based (index 0 is empty).
      for (let column = 1; column < values.length; column++) fields.push(excelCellText(values[column]));
      if (fields.some((value) => value.trim() !== '')) yield { line: row.number, fields };
    }
    return; // first worksheet only
  }
}

export function isXlsxPath(path: string): boolean {
  return path.toLowerCase().endsWith('.xlsx');
}

/** Results of a generic CSV or XLSX file; throws a FormatError up front when `options.source` is missing. */
export function readGeneric(path: string, options: ReaderOptions): AsyncGenerator<ReadResult> {
  const source = options.source;
  if (!source) {
    throw new FormatError(
      `Import générique : la source des données n’est pas indiquée. Précisez-la (${Object.values(SupplierSource).join(', ')}).`,
    );
  }
  return mapGenericRows(isXlsxPath(path) ? xlsxRows(path) : csvRows(path, options), { ...options, source });
}

/**
 * Generic files carry the source the operator states (`options.source`, required); this
 * reader's own `source` is only a placeholder for the interface and is never written.
 */
export const genericReader: FormatReader = {
  format: 'generic',
  source: SupplierSource.SUPPLIER,
  read: (path, options) => readGeneric(path, options),
};
