import { isValidSiren, passesLuhn, siretError, sirenOf } from '../suppliers/siret.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';
import { characterCount, SUPPLIER_TEXT_LIMITS } from '../suppliers/supplier-text-limits.js';
import { mapActivities } from './category-mapping.js';
import type { RejectedRow, RowWarning, SourceRecord } from './source-record.js';

/**
 * Checks of a record that need no database (pure): SIRET, name, kind, lengths, position.
 * Reasons are in French: operators read them in the report.
 */

const KINDS = new Set<string>(Object.values(SupplierKind));

/**
 * Les emplois de l'inclusion numbers the antennas of a structure with the SIREN followed
 * by 999 and two digits: not an INSEE number (usually fails Luhn), but a stable identifier
 * that the structure uses. Accepted, and flagged on the supplier.
 */
export function isAntennaSiret(siret: string): boolean {
  return /^[0-9]{9}999[0-9]{2}$/.test(siret) && isValidSiren(sirenOf(siret));
}

/** French reason why a SIRET is refused, or null when it is accepted (valid, or an antenna). */
export function siretRejection(siret: string): string | null {
  if (siret === '') return 'SIRET manquant';
  if (!/^[0-9]+$/.test(siret)) return 'SIRET invalide : caractères autres que des chiffres';
  if (siret.length !== 14) return `SIRET invalide : ${siret.length} chiffres au lieu de 14`;
  if (isAntennaSiret(siret)) return null;
  if (siretError(siret) === null) return null;
  if (!passesLuhn(siret)) return 'SIRET invalide : clé de contrôle (Luhn) fausse';
  return 'SIRET invalide : SIREN (9 premiers chiffres) invalide';
}

/** What France's territories span, overseas included: a coarse guard against garbage and swapped axes. */
function plausiblePosition(position: SourceRecord['position']): position is { latitude: number; longitude: number } {
  if (!position) return false;
  const { latitude, longitude } = position;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return false;
  if (latitude === 0 && longitude === 0) return false;
  return latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180;
}

/** A record that passed the checks, with what the engine derives from it. */
export interface CheckedRecord {
  record: SourceRecord;
  siret: string;
  siretIsAntenna: boolean;
  legalName: string;
  brandName: string | null;
  position: { latitude: number; longitude: number } | null;
  categorySlugs: string[];
  unmappedActivities: string[];
  /** What the checks changed in the row (a description cut to the limit…): reported if the row is imported. */
  warnings: RowWarning[];
}

function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

const NUL = '\u0000';

function withoutNul<T extends string | null>(value: T): T {
  return (value !== null && value.includes(NUL) ? value.replaceAll(NUL, '') : value) as T;
}

/** PostgreSQL text cannot hold NUL characters (a whole batch would fail): they are dropped. */
function sanitized(record: SourceRecord): SourceRecord {
  const fields = [
    record.sourceId, record.siret, record.legalName, record.brandName, record.description, record.email, record.phone,
    record.website, record.address.street, record.address.postalCode, record.address.communeCode,
    record.address.communeName, ...(record.tags ?? []), ...(record.activities ?? []),
  ];
  if (!fields.some((field) => field?.includes(NUL))) return record;
  return {
    ...record,
    sourceId: withoutNul(record.sourceId),
    siret: withoutNul(record.siret),
    legalName: withoutNul(record.legalName),
    brandName: withoutNul(record.brandName),
    description: withoutNul(record.description),
    email: withoutNul(record.email),
    phone: withoutNul(record.phone),
    website: withoutNul(record.website),
    address: {
      street: withoutNul(record.address.street),
      postalCode: withoutNul(record.address.postalCode),
      communeCode: withoutNul(record.address.communeCode),
      communeName: withoutNul(record.address.communeName),
    },
    tags: (record.tags ?? []).map(withoutNul),
    activities: (record.activities ?? []).map(withoutNul),
  };
}

// ---------------------------------------------------------------------------------------
// Lengths: the limits of what structures type (suppliers/supplier-text-limits.ts)

const number = (value: number) => value.toLocaleString('fr-FR');

/** What identifies and places a structure: too long, the row is rejected (the value is not trustworthy). */
const IDENTITY_LIMITS = [
  { field: 'legalName', tooLong: 'Raison sociale trop longue' },
  { field: 'brandName', tooLong: 'Nom commercial trop long' },
  { field: 'address', tooLong: 'Adresse trop longue' },
] as const;

/** Contact fields: too long, the value is left out (it cannot be a valid one) and the row imported. */
const CONTACT_LIMITS = [
  { field: 'email', tooLong: 'Adresse électronique trop longue', leftOut: 'non reprise' },
  { field: 'phone', tooLong: 'Téléphone trop long', leftOut: 'non repris' },
  { field: 'website', tooLong: 'Site web trop long', leftOut: 'non repris' },
] as const;

/** The first `max` characters of `text`, cut after a word when one ends near the limit, ending with "…". */
export function truncateText(text: string, max: number): string {
  let end = 0;
  // The UTF-16 index after max - 1 code points (the ellipsis takes the last one).
  for (let count = 0; count < max - 1 && end < text.length; count++) {
    const code = text.charCodeAt(end);
    end += code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? 2 : 1;
  }
  let cut = text.slice(0, end);
  const space = cut.search(/\s\S*$/);
  if (space > cut.length - 100 && space > 0) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/**
 * The row held to SUPPLIER_TEXT_LIMITS (README.md, "Lengths of text"): rejected when a name
 * or the address is too long; else the row without what it must lose, and warnings saying so.
 */
function lengths(record: SourceRecord, names: { legalName: string; brandName: string | null }):
  { rejected: RejectedRow } | { record: SourceRecord; warnings: RowWarning[] } {
  const { line } = record;
  const values = { legalName: names.legalName, brandName: names.brandName, address: clean(record.address.street) };
  for (const { field, tooLong } of IDENTITY_LIMITS) {
    const value = values[field];
    const length = value === null ? 0 : characterCount(value);
    if (length > SUPPLIER_TEXT_LIMITS[field]) {
      return { rejected: { line, reason: `${tooLong} : ${number(length)} caractères (${number(SUPPLIER_TEXT_LIMITS[field])} au plus)`, value: value! } };
    }
  }
  const warnings: RowWarning[] = [];
  const changes: Partial<SourceRecord> = {};
  const description = clean(record.description);
  const descriptionLength = description === null ? 0 : characterCount(description);
  if (descriptionLength > SUPPLIER_TEXT_LIMITS.description) {
    changes.description = truncateText(description!, SUPPLIER_TEXT_LIMITS.description);
    warnings.push({
      line,
      reason: `Présentation tronquée à ${number(SUPPLIER_TEXT_LIMITS.description)} caractères (${number(descriptionLength)} dans le fichier)`,
    });
  }
  for (const { field, tooLong, leftOut } of CONTACT_LIMITS) {
    const value = clean(record[field]);
    const length = value === null ? 0 : characterCount(value);
    if (length > SUPPLIER_TEXT_LIMITS[field]) {
      changes[field] = null;
      warnings.push({ line, reason: `${tooLong} (${number(length)} caractères, ${number(SUPPLIER_TEXT_LIMITS[field])} au plus) : ${leftOut}`, value: value! });
    }
  }
  const tags = record.tags ?? [];
  const keptTags = tags.filter((tag) => {
    const length = characterCount(tag.trim());
    if (length <= SUPPLIER_TEXT_LIMITS.tag) return true;
    warnings.push({ line, reason: `Réseau ou label trop long (${number(length)} caractères, ${number(SUPPLIER_TEXT_LIMITS.tag)} au plus) : non repris`, value: tag });
    return false;
  });
  if (keptTags.length < tags.length) changes.tags = keptTags;
  return { record: warnings.length === 0 ? record : { ...record, ...changes }, warnings };
}

export function checkRecord(source: SourceRecord): { checked: CheckedRecord } | { rejected: RejectedRow } {
  const record = sanitized(source);
  const siret = (record.siret ?? '').replace(/[\s\u00a0\u202f.-]/g, '');
  const siretProblem = siretRejection(siret);
  if (siretProblem) return { rejected: { line: record.line, reason: siretProblem, value: record.siret || undefined } };
  const legalName = clean(record.legalName);
  if (!legalName) return { rejected: { line: record.line, reason: 'Raison sociale manquante', value: siret } };
  if (!KINDS.has(record.kind)) {
    return { rejected: { line: record.line, reason: 'Type de structure inconnu', value: String(record.kind ?? '') } };
  }
  const brandName = clean(record.brandName);
  const limited = lengths(record, { legalName, brandName });
  if ('rejected' in limited) return limited;
  const { slugs, unmapped } = mapActivities(record.activities ?? []);
  return {
    checked: {
      record: limited.record,
      siret,
      siretIsAntenna: isAntennaSiret(siret),
      legalName,
      // A brand equal to the legal name says nothing more.
      brandName: brandName && brandName.toLowerCase() !== legalName.toLowerCase() ? brandName : null,
      position: plausiblePosition(record.position) ? record.position : null,
      categorySlugs: slugs,
      unmappedActivities: unmapped,
      warnings: limited.warnings,
    },
  };
}
