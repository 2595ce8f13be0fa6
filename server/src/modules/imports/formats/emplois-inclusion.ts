/**
 * Les emplois de l'inclusion, API `/api/v1/siaes/` (SiaeSerializer of
 * gip-inclusion/les-emplois): a page `{ count, next, previous, results }`, an array, or
 * several pages (see json-items.ts).
 *
 * - Field names as the API writes them — `type` (documented elsewhere as `type_siae`, or
 *   `kind`), `raison_sociale`, `enseigne`, `addresse_ligne_1`/`addresse_ligne_2` (the
 *   API's spelling; `adresse`/`complement_adresse` are read too), `code_postal`, `ville`,
 *   `cree_le`, `mis_a_jour_le`.
 * - kind: EI, AI, ACI, ETTI, EITI, GEIQ, EA, EATT; ACIPHC (an ACI's "premières heures en
 *   chantier" structure) is an ACI. OPCS (organisation carrying social clauses) and SEP are
 *   not suppliers of ours: skipped.
 * - The API gives no id: sourceId is `id` when present, else "<siret>:<kind>" — one SIRET
 *   can hold several conventions (an EI and an ACI), each its own structure there.
 * - SIRETs whose NIC starts with 999 are the platform's antennas: passed as they are (the
 *   engine flags them).
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
  parsePosition,
  recordResult,
  rejectedResult,
  skippedResult,
} from './normalize.js';

const OUT_OF_SCOPE_KINDS = new Set(['opcs', 'sep']);

export function mapEmploisSiae(siae: JsonObject, position: number): ReadResult {
  const kindText = cleanText(firstOf(siae, ['type_siae', 'type', 'kind']));
  if (kindText !== null && OUT_OF_SCOPE_KINDS.has(foldKey(kindText))) {
    return skippedResult(position, `type de structure hors périmètre (${kindText})`);
  }
  const legalName = cleanText(firstOf(siae, ['raison_sociale', 'name']));
  if (legalName === null) return rejectedResult(position, 'Raison sociale manquante (raison_sociale)');
  if (kindText === null) return rejectedResult(position, 'Type de structure manquant (type)');
  const kind = parseKind(kindText);
  if (!kind) return rejectedResult(position, 'Type de structure inconnu (type)', kindText);

  const siret = cleanSiret(siae.siret);
  const id = cleanText(siae.id);
  if (id === null && siret === '') return rejectedResult(position, 'Identifiant manquant (ni id ni SIRET)');
  const brand = cleanText(firstOf(siae, ['enseigne', 'display_name']));

  return recordResult({
    line: position,
    source: SupplierSource.EMPLOIS_INCLUSION,
    sourceId: id ?? `${siret}:${kindText.toUpperCase()}`,
    siret,
    legalName,
    brandName: brand !== null && brand !== legalName ? brand : null,
    kind,
    description: cleanText(siae.description),
    address: {
      street: joinParts(
        [
          cleanText(firstOf(siae, ['adresse', 'addresse_ligne_1', 'address_line_1'])),
          cleanText(firstOf(siae, ['complement_adresse', 'addresse_ligne_2', 'address_line_2'])),
        ],
        ', ',
      ),
      postalCode: padNumericCode(siae.code_postal, 5),
      communeCode: padNumericCode(firstOf(siae, ['code_insee', 'code_commune']), 5),
      communeName: cleanText(firstOf(siae, ['ville', 'commune'])),
    },
    position: parsePosition(siae.latitude, siae.longitude),
    email: cleanText(firstOf(siae, ['courriel', 'email'])),
    phone: cleanText(firstOf(siae, ['telephone', 'phone'])),
    website: cleanText(siae.site_web),
    serviceTypes: [],
    tags: [],
    activities: [],
    sourceUpdatedAt: parseDate(firstOf(siae, ['mis_a_jour_le', 'cree_le'])),
  });
}

export const emploisInclusionReader: FormatReader = {
  format: 'emplois-inclusion',
  source: SupplierSource.EMPLOIS_INCLUSION,
  read: (path, options) => readJsonObjects(path, mapEmploisSiae, options),
};
