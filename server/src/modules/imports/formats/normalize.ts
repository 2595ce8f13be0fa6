/**
 * Value normalisation shared by the format readers: trimmed text or null, SIRET without
 * separators, kind codes and French kind names, dates, coordinates, list cells.
 * Pure module: no I/O. Regular expressions are compiled once, here, not per row.
 */
import { ServiceType } from '../../suppliers/service-area.js';
import { normalizeSiret } from '../../suppliers/siret.js';
import { SupplierKind } from '../../suppliers/supplier-kind.js';
import type { ReadResult, RejectedRow, SourceRecord } from '../source-record.js';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;
const SPACES = /\s+/g;
const DIGITS = /^[0-9]+$/;
const INTEGER = /^-?[0-9]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const WKT_POINT = /POINT\s*\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)/i;

export function recordResult(record: SourceRecord): ReadResult {
  return { record };
}

export function rejectedResult(line: number, reason: string, value?: string | null): ReadResult {
  const rejected: RejectedRow = { line, reason };
  if (value !== undefined && value !== null && value !== '') rejected.value = value.length > 200 ? `${value.slice(0, 200)}…` : value;
  return { rejected };
}

export function skippedResult(line: number, reason: string): ReadResult {
  return { skipped: { line, reason } };
}

/** Trimmed text, or null when absent or blank. Numbers become their decimal text. */
export function cleanText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

/** Lower case, accents removed, every run of other characters than a–z 0–9 removed: "N° SIRET" → "nsiret". */
export function foldKey(value: string): string {
  return value.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_ALPHANUMERIC, '');
}

/** Lower case, accents removed, punctuation turned into single spaces: "Entreprise d’insertion" → "entreprise d insertion". */
export function foldWords(value: string): string {
  return value.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_ALPHANUMERIC, ' ').trim();
}

/**
 * SIRET as the engine expects it: separators removed, '' when absent. A value that is not
 * 14 digits is passed as it is (the engine rejects it with its own reason). Numbers from
 * spreadsheets or JSON are written without exponent.
 */
export function cleanSiret(value: unknown): string {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value).padStart(14, '0') : String(value);
  const text = cleanText(value);
  return text === null ? '' : normalizeSiret(text);
}

/** A code made of digits that lost its leading zeros in a spreadsheet ("1000" → "01000"); other text as it is. */
export function padNumericCode(value: unknown, length: number): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  const compact = text.replace(SPACES, '');
  return DIGITS.test(compact) && compact.length < length ? compact.padStart(length, '0') : compact;
}

/** Several whitespace characters collapsed into one space. */
export function collapseSpaces(value: string): string {
  return value.replace(SPACES, ' ').trim();
}

/** The non-empty parts joined with `separator`, or null when none. */
export function joinParts(parts: ReadonlyArray<string | null | undefined>, separator: string): string | null {
  let out = '';
  for (const part of parts) {
    if (part === null || part === undefined) continue;
    const trimmed = part.trim();
    if (trimmed === '') continue;
    out = out === '' ? trimmed : out + separator + trimmed;
  }
  return out === '' ? null : out;
}

// ---------------------------------------------------------------------------------------
// Kinds
// ---------------------------------------------------------------------------------------

const KIND_CODES = new Map<string, SupplierKind>(Object.values(SupplierKind).map((kind) => [kind.toLowerCase(), kind]));

/** Codes of other sources that mean one of our kinds. */
const KIND_CODE_ALIASES = new Map<string, SupplierKind>([
  // Les emplois de l'inclusion: an ACI running "premières heures en chantier" is an ACI.
  ['aciphc', SupplierKind.ACI],
  // Former name of ESAT (centre d'aide par le travail, before 2005).
  ['cat', SupplierKind.ESAT],
]);

/** French names (folded with foldWords) and their usual variants. */
const KIND_NAMES = new Map<string, SupplierKind>([
  ['entreprise d insertion', SupplierKind.EI],
  ['entreprises d insertion', SupplierKind.EI],
  ['association intermediaire', SupplierKind.AI],
  ['associations intermediaires', SupplierKind.AI],
  ['atelier chantier d insertion', SupplierKind.ACI],
  ['atelier et chantier d insertion', SupplierKind.ACI],
  ['ateliers et chantiers d insertion', SupplierKind.ACI],
  ['atelier ou chantier d insertion', SupplierKind.ACI],
  ['chantier d insertion', SupplierKind.ACI],
  ['atelier chantier d insertion premieres heures en chantier', SupplierKind.ACI],
  ['entreprise de travail temporaire d insertion', SupplierKind.ETTI],
  ['entreprise d insertion par le travail independant', SupplierKind.EITI],
  ['groupement d employeurs pour l insertion et la qualification', SupplierKind.GEIQ],
  ['entreprise adaptee', SupplierKind.EA],
  ['entreprises adaptees', SupplierKind.EA],
  ['entreprise adaptee de travail temporaire', SupplierKind.EATT],
  ['etablissement et service d aide par le travail', SupplierKind.ESAT],
  ['etablissement ou service d aide par le travail', SupplierKind.ESAT],
  ['etablissements et services d aide par le travail', SupplierKind.ESAT],
  ['etablissement et service d accompagnement par le travail', SupplierKind.ESAT],
  ['etablissement ou service d accompagnement par le travail', SupplierKind.ESAT],
  ['centre d aide par le travail', SupplierKind.ESAT],
]);

const PARENTHESISED = /\(([^()]*)\)/g;

/**
 * The kind a text names: a code ("EI", "esat", "ACIPHC"), a French name ("Entreprise
 * adaptée", "Établissement et service d'aide par le travail"), or either with the other in
 * parentheses ("Entreprise adaptée (EA)", "ESAT (établissement…)"). Null when none.
 */
export function parseKind(value: unknown): SupplierKind | null {
  const text = cleanText(value);
  if (text === null) return null;
  const words = foldWords(text);
  const direct = kindOfWords(words);
  if (direct) return direct;
  // "Entreprise adaptée (EA)", "ESAT (Établissement…)": try the parts apart.
  const outside = foldWords(text.replace(PARENTHESISED, ' '));
  const fromOutside = kindOfWords(outside);
  if (fromOutside) return fromOutside;
  for (const match of text.matchAll(PARENTHESISED)) {
    const inside = kindOfWords(foldWords(match[1] ?? ''));
    if (inside) return inside;
  }
  return null;
}

function kindOfWords(words: string): SupplierKind | null {
  if (words === '') return null;
  const code = words.replace(SPACES, '');
  return KIND_CODES.get(code) ?? KIND_CODE_ALIASES.get(code) ?? KIND_NAMES.get(words) ?? null;
}

/** Only a kind code (case-insensitive), as data·inclusion writes them in `reseaux_porteurs` and `typologie`. */
export function kindOfCode(value: string): SupplierKind | null {
  return KIND_CODES.get(value.trim().toLowerCase()) ?? null;
}

// ---------------------------------------------------------------------------------------
// Service types (Le marché de l'inclusion `presta_type`)
// ---------------------------------------------------------------------------------------

const SERVICE_TYPE_CODES = new Map<string, ServiceType>([
  ['disp', ServiceType.STAFF_PROVISION],
  ['prest', ServiceType.SERVICES],
  ['build', ServiceType.GOODS],
  ['staffprovision', ServiceType.STAFF_PROVISION],
  ['services', ServiceType.SERVICES],
  ['goods', ServiceType.GOODS],
  ['miseadispositiondupersonnel', ServiceType.STAFF_PROVISION],
  ['miseadispositiondepersonnel', ServiceType.STAFF_PROVISION],
  ['miseadisposition', ServiceType.STAFF_PROVISION],
  ['prestationdeservices', ServiceType.SERVICES],
  ['prestationdeservice', ServiceType.SERVICES],
  ['fabricationetcommercialisationdebiens', ServiceType.GOODS],
]);

/** Service types named in a list, in our order, without repeats; unknown values are left out. */
export function parseServiceTypes(values: readonly string[]): ServiceType[] {
  const found = new Set<ServiceType>();
  for (const value of values) {
    const type = SERVICE_TYPE_CODES.get(foldKey(value));
    if (type) found.add(type);
  }
  return Object.values(ServiceType).filter((type) => found.has(type));
}

// ---------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------

/**
 * The items of a list cell, trimmed, blanks left out. Accepts JSON arrays, the Python
 * repr that pandas writes in CSV (`['ei']`, `["ei", 'geiq']`, `[]`), PostgreSQL arrays
 * (`{ei,geiq}`) and plain text separated by commas, semicolons or pipes.
 */
export function parseList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const item of value) {
      const text = typeof item === 'object' && item !== null ? cleanText((item as { name?: unknown }).name) : cleanText(item);
      if (text !== null) out.push(text);
    }
    return out;
  }
  const text = cleanText(value);
  if (text === null) return [];
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if ((first === 91 /* [ */ && last === 93) /* ] */ || (first === 123 /* { */ && last === 125) /* } */) {
    return splitQuotedItems(text.slice(1, -1));
  }
  return splitQuotedItems(text, true);
}

/** Splits `'a', "b, c", d` on commas outside quotes; `plain` also splits on ; and |. */
function splitQuotedItems(body: string, plain = false): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quote !== null) {
      if (char === '\\' && i + 1 < body.length) {
        current += body[++i];
      } else if (char === quote) {
        quote = null;
      } else {
        current += char;
      }
    } else if ((char === "'" || char === '"') && current.trim() === '') {
      quote = char;
      quoted = true;
      current = '';
    } else if (char === ',' || (plain && (char === ';' || char === '|'))) {
      pushItem(items, current, quoted);
      current = '';
      quoted = false;
    } else {
      current += char;
    }
  }
  pushItem(items, current, quoted);
  return items;
}

/** Python's None and pandas' nan, unquoted, are no value. */
function pushItem(items: string[], raw: string, quoted: boolean): void {
  const item = raw.trim();
  if (item !== '' && (quoted || (item !== 'None' && item !== 'nan' && item !== 'null'))) items.push(item);
}

/** Items without repeats, first occurrence kept. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

/** Below this, a number is a count of seconds, not milliseconds (1e11 ms is March 1973; 1e11 s is year 5138). */
const SECONDS_LIMIT = 1e11;

/**
 * A date from: ISO text ("2024-03-12" is midnight UTC; "2024-03-12T10:00:00+01:00"),
 * French text ("12/03/2024", midnight UTC), a Date, or epoch time as a number or numeric
 * text — milliseconds, or seconds when below 1e11 (pandas writes milliseconds; some
 * exports seconds). Null when absent or unreadable.
 */
export function parseDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') return fromEpoch(value);
  const text = cleanText(value);
  if (text === null) return null;
  if (INTEGER.test(text)) return fromEpoch(Number(text));
  const iso = ISO_DATE.exec(text);
  if (iso) return utcDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const french = FRENCH_DATE.exec(text);
  if (french) {
    const date = utcDate(Number(french[3]), Number(french[2]), Number(french[1]));
    if (date && french[4] !== undefined) {
      date.setUTCHours(Number(french[4]), Number(french[5]), Number(french[6] ?? 0));
    }
    return date;
  }
  if (ISO_DATE_TIME.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

function fromEpoch(n: number): Date | null {
  if (!Number.isFinite(n)) return null;
  const date = new Date(Math.abs(n) < SECONDS_LIMIT ? n * 1000 : n);
  return Number.isNaN(date.getTime()) ? null : date;
}

function utcDate(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Reject 2024-02-31 and the like rather than rolling over.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

// ---------------------------------------------------------------------------------------
// Coordinates
// ---------------------------------------------------------------------------------------

/** A number from a number or text, accepting a decimal comma ("48,85"); null otherwise. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = cleanText(value);
  if (text === null) return null;
  const n = Number(text.indexOf(',') === -1 ? text : text.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/**
 * A WGS 84 position, or null when a coordinate is missing, out of range, or both are 0
 * (a common placeholder for "unknown").
 */
export function parsePosition(latitude: unknown, longitude: unknown): { latitude: number; longitude: number } | null {
  const lat = parseNumber(latitude);
  const lon = parseNumber(longitude);
  if (lat === null || lon === null) return null;
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
  if (lat === 0 && lon === 0) return null;
  return { latitude: lat, longitude: lon };
}

/** A position from PostGIS text as Django REST writes it: "SRID=4326;POINT (2.35 48.85)" (longitude first). */
export function parseWktPoint(value: unknown): { latitude: number; longitude: number } | null {
  const text = cleanText(value);
  if (text === null) return null;
  const match = WKT_POINT.exec(text);
  return match ? parsePosition(match[2], match[1]) : null;
}
