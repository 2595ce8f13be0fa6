import { In, type DataSource } from 'typeorm';
import { isEmailAddress } from '../accounts/email-address.js';
import { textKeyOf } from '../../core/graphql/global-id.js';
import type { InputCheck } from '../../core/graphql/input-check.js';
import { UserErrorCode } from '../../core/graphql/user-error.js';
import { CategoryEntity } from '../categories/category.entities.js';
import { DepartementEntity, RegionEntity } from '../territories/territory.entities.js';
import { ServiceAreaKind, type ServiceArea } from './service-area.js';
import { SUPPLIER_TEXT_LIMITS } from './supplier-text-limits.js';

/**
 * Checks of what suppliers type, shared by the profile and offering forms. Free text is
 * plain text: stored as typed (trimmed, NFC) and always shown as text, never as markup;
 * control characters are refused (they hide text or break exports).
 */

export const RADIUS_KM = { min: 1, max: 2000 } as const;
/** Descriptions of suppliers and offerings (supplier-text-limits.ts holds the supplier's limits). */
export const DESCRIPTION_MAX_LENGTH = SUPPLIER_TEXT_LIMITS.description;

/** A contact address of a structure: trimmed, lower-cased; '' clears it. */
export function checkContactEmail(check: InputCheck, field: string[], raw: string): string | null | undefined {
  const email = check.text(field, raw, { label: 'L’adresse électronique', max: SUPPLIER_TEXT_LIMITS.email });
  if (email === null) return undefined;
  if (email === '') return null;
  if (!isEmailAddress(email)) {
    check.fail(field, UserErrorCode.INVALID, 'Cette adresse électronique n’est pas valide (exemple : contact@structure.fr).');
    return undefined;
  }
  return email.toLowerCase();
}

/**
 * A French phone number, stored as "01 23 45 67 89": national form, or +33 / 0033 with or
 * without the leading 0; spaces, dots, dashes and brackets are ignored. '' clears it.
 */
export function checkFrenchPhone(check: InputCheck, field: string[], raw: string): string | null | undefined {
  const typed = check.text(field, raw, { label: 'Le numéro de téléphone', max: SUPPLIER_TEXT_LIMITS.phone });
  if (typed === null) return undefined;
  if (typed === '') return null;
  const compact = typed.replace(/[\s.\-()]/g, '');
  const national = /^(?:\+33|0033)0?([1-9]\d{8})$/.exec(compact)?.[1] ?? /^0([1-9]\d{8})$/.exec(compact)?.[1];
  if (!national) {
    check.fail(field, UserErrorCode.INVALID, 'Ce numéro de téléphone n’est pas un numéro français valide (exemple : 03 87 12 34 56).');
    return undefined;
  }
  return `0${national}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/**
 * A website: http or https only (a "javascript:" link would run script for whoever clicks
 * it); "exemple.fr" gets https://. Stored normalised by the URL parser. '' clears it.
 */
export function checkWebsite(check: InputCheck, field: string[], raw: string): string | null | undefined {
  const typed = check.text(field, raw, { label: 'L’adresse du site', max: SUPPLIER_TEXT_LIMITS.website });
  if (typed === null) return undefined;
  if (typed === '') return null;
  const refused = () => {
    check.fail(field, UserErrorCode.INVALID, 'Indiquez l’adresse d’un site web commençant par http:// ou https:// (exemple : https://www.structure.fr).');
    return undefined;
  };
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(typed)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return refused();
  let url: URL;
  try {
    url = new URL(scheme ? typed : `https://${typed}`);
  } catch {
    return refused();
  }
  if (!['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.') || url.username || url.password) return refused();
  return url.href;
}

/** A service area as typed: codes are checked against the territories. */
export interface ServiceAreaValues {
  kind: ServiceAreaKind;
  regionCodes?: string[] | null;
  departementCodes?: string[] | null;
  radiusKm?: number | null;
}

/** The codes that name no région (or département), in the order given. */
async function unknownCodes(db: DataSource, entity: typeof RegionEntity | typeof DepartementEntity, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = new Set((await db.getRepository<{ code: string }>(entity).find({ select: { code: true }, where: { code: In(codes) } })).map((row) => row.code));
  return codes.filter((code) => !found.has(code));
}

/** The service area to store, or null after a failure (errors under `field`). */
export async function checkServiceArea(
  db: DataSource,
  check: InputCheck,
  field: string[],
  input: ServiceAreaValues,
): Promise<ServiceArea | null> {
  const before = check.errors.length;
  const area: ServiceArea = { kind: input.kind, regionCodes: [], departementCodes: [], radiusKm: null };
  if (input.kind === ServiceAreaKind.RADIUS) {
    if (input.radiusKm == null) check.fail([...field, 'radiusKm'], UserErrorCode.BLANK, 'Indiquez le rayon d’intervention, en kilomètres.');
    else {
      area.radiusKm = check.integer([...field, 'radiusKm'], input.radiusKm, RADIUS_KM,
        `Le rayon d’intervention doit être compris entre ${RADIUS_KM.min} et ${RADIUS_KM.max.toLocaleString('fr-FR')} km.`);
    }
  }
  if (input.kind === ServiceAreaKind.REGIONS) {
    const codes = [...new Set(input.regionCodes ?? [])];
    if (codes.length === 0) check.fail([...field, 'regionCodes'], UserErrorCode.BLANK, 'Choisissez au moins une région.');
    const unknown = await unknownCodes(db, RegionEntity, codes);
    if (unknown.length) check.fail([...field, 'regionCodes'], UserErrorCode.NOT_FOUND, `Région inconnue : ${unknown.join(', ')}.`);
    area.regionCodes = codes.sort();
  }
  if (input.kind === ServiceAreaKind.DEPARTEMENTS) {
    const codes = [...new Set(input.departementCodes ?? [])];
    if (codes.length === 0) check.fail([...field, 'departementCodes'], UserErrorCode.BLANK, 'Choisissez au moins un département.');
    const unknown = await unknownCodes(db, DepartementEntity, codes);
    if (unknown.length) check.fail([...field, 'departementCodes'], UserErrorCode.NOT_FOUND, `Département inconnu : ${unknown.join(', ')}.`);
    area.departementCodes = codes.sort();
  }
  return check.errors.length === before ? area : null;
}

/** Categories by global ID (a category's is made from its slug); unknown ones are reported at their index. */
export async function checkCategories(
  db: DataSource,
  check: InputCheck,
  field: string[],
  ids: string[],
): Promise<CategoryEntity[] | null> {
  const before = check.errors.length;
  const slugs = ids.map((id, index) => {
    try {
      return textKeyOf(id, 'Category');
    } catch {
      // Reported below as an unknown category.
    }
    check.fail([...field, String(index)], UserErrorCode.NOT_FOUND, 'Ce secteur d’activité n’existe pas.');
    return null;
  });
  const wanted = slugs.filter((slug): slug is string => slug !== null);
  const rows = wanted.length ? await db.getRepository(CategoryEntity).findBy(wanted.map((slug) => ({ slug }))) : [];
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  slugs.forEach((slug, index) => {
    if (slug !== null && !bySlug.has(slug)) check.fail([...field, String(index)], UserErrorCode.NOT_FOUND, 'Ce secteur d’activité n’existe pas.');
  });
  if (check.errors.length > before) return null;
  return [...new Map(wanted.map((slug) => [slug, bySlug.get(slug)!])).values()];
}
