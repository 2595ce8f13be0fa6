import { isValidSiren, passesLuhn, siretError, sirenOf } from '../suppliers/siret.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';
import { mapActivities, normalizeActivity } from './category-mapping.js';
import type { RejectedRow, SourceRecord } from './source-record.js';

/**
 * Checks of a record that need no database (pure): SIRET, name, kind, position. Reasons
 * are in French: operators read them in the report.
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
  /** The legal name normalised (as match_name() does in SQL, near enough): rows of a batch with the same one wait for each other. */
  nameKey: string;
  brandName: string | null;
  position: { latitude: number; longitude: number } | null;
  categorySlugs: string[];
  unmappedActivities: string[];
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
  const { slugs, unmapped } = mapActivities(record.activities ?? []);
  return {
    checked: {
      record,
      siret,
      siretIsAntenna: isAntennaSiret(siret),
      legalName,
      nameKey: normalizeActivity(legalName),
      // A brand equal to the legal name says nothing more.
      brandName: brandName && brandName.toLowerCase() !== legalName.toLowerCase() ? brandName : null,
      position: plausiblePosition(record.position) ? record.position : null,
      categorySlugs: slugs,
      unmappedActivities: unmapped,
    },
  };
}
