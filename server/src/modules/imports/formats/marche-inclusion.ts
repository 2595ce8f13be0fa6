/**
 * Le marché de l'inclusion, API `/api/siae/` (list and detail serializers of
 * gip-inclusion/le-marche): a JSON array of SIAE objects, one page
 * `{ count, next, previous, results }`, or several pages (see json-items.ts).
 *
 * - kind: EI, AI, ACI, ETTI, EITI, GEIQ, EA, EATT, ESAT (also French names). The Marché's
 *   other kinds — SEP (products and services made in prison) and OPCS (organisations
 *   carrying social clauses) — are not suppliers of ours: skipped, like structures the
 *   Marché marks inactive (`is_active: false`).
 * - presta_type DISP / PREST / BUILD → STAFF_PROVISION / SERVICES / GOODS.
 * - sectors (objects {name, slug} or strings) → activities, by name; networks and
 *   labels_old → tags, by name; offers ({name, description}) are listed at the end of the
 *   description, since they are the structure's own words about what it sells.
 * - contact fields: `contact_email`, `contact_phone`, `contact_website` (detail
 *   serializer), or `email`, `phone`, `website`.
 * - position: latitude/longitude, or `coords` as Django writes a PostGIS point
 *   ("SRID=4326;POINT (2.35 48.85)", longitude first).
 * - sourceId: `id` (the SIRET when there is none).
 */
import { SupplierSource } from '../../suppliers/supplier-source.js';
import type { FormatReader, ReadResult } from '../source-record.js';
import { firstOf, readJsonObjects, type JsonObject } from './json-reader.js';
import {
  cleanSiret,
  cleanText,
  foldKey,
  joinParts,
  padNumericCode,
  parseDate,
  parseKind,
  parseList,
  parsePosition,
  parseServiceTypes,
  parseWktPoint,
  recordResult,
  rejectedResult,
  skippedResult,
  unique,
} from './normalize.js';

/** Kinds of the Marché that are not inclusive suppliers of this directory. */
const OUT_OF_SCOPE_KINDS = new Set(['sep', 'opcs']);

function offersText(offers: unknown): string | null {
  if (!Array.isArray(offers)) return null;
  const lines: string[] = [];
  for (const offer of offers) {
    if (typeof offer !== 'object' || offer === null) continue;
    const name = cleanText((offer as { name?: unknown }).name);
    const description = cleanText((offer as { description?: unknown }).description);
    const text = name !== null && description !== null ? `${name} : ${description}` : (name ?? description);
    if (text !== null) lines.push(`- ${text}`);
  }
  return lines.length === 0 ? null : `Prestations proposées :\n${lines.join('\n')}`;
}

export function mapMarcheSiae(siae: JsonObject, position: number): ReadResult {
  const kindText = cleanText(siae.kind);
  if (kindText !== null && OUT_OF_SCOPE_KINDS.has(foldKey(kindText))) {
    return skippedResult(position, `type de structure hors périmètre (${kindText})`);
  }
  if (siae.is_active === false) return skippedResult(position, 'structure désactivée dans la source');
  const legalName = cleanText(siae.name);
  if (legalName === null) return rejectedResult(position, 'Nom de la structure manquant (name)');
  if (kindText === null) return rejectedResult(position, 'Type de structure manquant (kind)');
  const kind = parseKind(kindText);
  if (!kind) return rejectedResult(position, 'Type de structure inconnu (kind)', kindText);

  const siret = cleanSiret(siae.siret);
  const sourceId = cleanText(siae.id) ?? (siret === '' ? null : siret);
  if (sourceId === null) return rejectedResult(position, 'Identifiant manquant (ni id ni SIRET)');
  const brand = cleanText(siae.brand);

  return recordResult({
    line: position,
    source: SupplierSource.MARCHE_INCLUSION,
    sourceId,
    siret,
    legalName,
    brandName: brand !== null && brand !== legalName ? brand : null,
    kind,
    description: joinParts([cleanText(siae.description), offersText(siae.offers)], '\n\n'),
    address: {
      street: cleanText(siae.address),
      postalCode: padNumericCode(siae.post_code, 5),
      communeCode: padNumericCode(firstOf(siae, ['insee_code', 'code_insee']), 5),
      communeName: cleanText(siae.city),
    },
    position: parsePosition(siae.latitude, siae.longitude) ?? parseWktPoint(siae.coords),
    email: cleanText(firstOf(siae, ['contact_email', 'email'])),
    phone: cleanText(firstOf(siae, ['contact_phone', 'phone'])),
    website: cleanText(firstOf(siae, ['contact_website', 'website'])),
    serviceTypes: parseServiceTypes(parseList(siae.presta_type)),
    tags: unique([...parseList(siae.networks), ...parseList(siae.labels_old)]),
    activities: unique(parseList(siae.sectors)),
    sourceUpdatedAt: parseDate(firstOf(siae, ['updated_at', 'created_at'])),
  });
}

export const marcheInclusionReader: FormatReader = {
  format: 'marche-inclusion',
  source: SupplierSource.MARCHE_INCLUSION,
  read: (path, options) => readJsonObjects(path, mapMarcheSiae, options),
};
