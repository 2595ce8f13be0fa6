/**
 * data·inclusion "structure" open data (https://www.data.gouv.fr/fr/datasets/referentiel-de-loffre-dinsertion-liste-des-structures-et-services-dinsertion/),
 * CSV and JSON, schema v1 and the older v0.
 *
 * - v1: the kind is the first value of `reseaux_porteurs` that is one of our kind codes
 *   (ei, ai, aci, etti, eiti, geiq, ea, eatt, esat; any case). v0: `typologie` ("ACI",
 *   "ESAT"…). A structure with neither is another kind of actor (mission locale, CCAS…):
 *   skipped, not rejected.
 * - List cells come as JSON arrays (JSON files), or in CSV as the Python repr pandas writes
 *   (`['ei']`, `["ei", "geiq"]`, `[]`) or JSON text.
 * - `date_maj` is ISO text or epoch milliseconds (what pandas' to_json writes), number or text.
 * - `code_insee` is kept as given, municipal arrondissements included (75101–75120,
 *   69381–69389, 13201–13216): the directory knows them.
 * - sourceId: v1 ids are already unique across producers ("emplois-de-linclusion--17",
 *   i.e. `{source}--{original id}`); v0 ids are unique per producer only, so they are
 *   prefixed the same way (`{source}--{id}`), which keeps a structure's sourceId when its
 *   producer moves from a v0 to a v1 file.
 */
import { SupplierSource } from '../../suppliers/supplier-source.js';
import type { FormatReader, ReadResult, ReaderOptions } from '../source-record.js';
import { detectDelimiter, readCsvRows } from './csv-rows.js';
import { FormatError } from './format-error.js';
import { readJsonObjects } from './json-reader.js';
import {
  cleanSiret,
  cleanText,
  joinParts,
  kindOfCode,
  padNumericCode,
  parseDate,
  parseList,
  parsePosition,
  recordResult,
  rejectedResult,
  skippedResult,
  unique,
} from './normalize.js';
import { headText, openSourceText, readHead } from './text-input.js';

const COLUMNS = [
  'id',
  'source',
  'siret',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'longitude',
  'latitude',
  'telephone',
  'courriel',
  'site_web',
  'description',
  'date_maj',
  'reseaux_porteurs',
  // v0
  'typologie',
  'presentation_resume',
  'presentation_detail',
  'labels_nationaux',
  'labels_autres',
  'thematiques',
] as const;
type Column = (typeof COLUMNS)[number];
type Get = (column: Column) => unknown;

export const OUT_OF_SCOPE_NETWORK = 'réseau hors périmètre';
export const OUT_OF_SCOPE_TYPOLOGY = 'typologie hors périmètre';

/** Networks and labels worth showing to buyers, by data·inclusion slug; other slugs are kept as they are. */
const TAG_LABELS = new Map<string, string>([
  ['coorace', 'COORACE'],
  ['chantier-ecole', 'Chantier école'],
  ['emmaus', 'Emmaüs'],
  ['envie', 'Envie'],
  ['unea', 'UNEA'],
  ['federation-des-entreprises-dinsertion', "Fédération des entreprises d'insertion"],
  ['inae', 'INAÉ Nouvelle-Aquitaine'],
  ['ressourceries', 'Ressourceries'],
  ['la-ressourcerie', 'Ressourceries'],
  ['tzcld', 'Territoires zéro chômeur de longue durée'],
  ['etcld', 'Territoires zéro chômeur de longue durée'],
  ['france-active', 'France Active'],
  ['agefiph', 'Agefiph'],
  ['federation-des-acteurs-de-la-solidarite', 'Fédération des acteurs de la solidarité'],
]);

/** Network values that say nothing a tag would add: our kind codes, and "siae" (all insertion structures). */
function isKindNetwork(value: string): boolean {
  return kindOfCode(value) !== null || value.toLowerCase() === 'siae';
}

function tagOf(value: string): string {
  return TAG_LABELS.get(value.toLowerCase()) ?? value;
}

/** One data·inclusion structure (CSV row or JSON object) to a result. `hasNetworks` says whether the file has `reseaux_porteurs`. */
function mapStructure(get: Get, line: number, hasNetworks: boolean): ReadResult {
  const networks = parseList(get('reseaux_porteurs'));
  let kind = null;
  for (const network of networks) {
    kind = kindOfCode(network);
    if (kind) break;
  }
  if (!kind) {
    const typology = cleanText(get('typologie'));
    if (typology !== null) kind = kindOfCode(typology);
    if (!kind) return skippedResult(line, hasNetworks ? OUT_OF_SCOPE_NETWORK : OUT_OF_SCOPE_TYPOLOGY);
  }

  const id = cleanText(get('id'));
  if (id === null) return rejectedResult(line, 'Identifiant data·inclusion manquant (colonne id)');
  const legalName = cleanText(get('nom'));
  if (legalName === null) return rejectedResult(line, 'Nom de la structure manquant (colonne nom)');

  const producer = cleanText(get('source'));
  const sourceId = producer !== null && !id.startsWith(`${producer}--`) ? `${producer}--${id}` : id;

  const tags: string[] = [];
  for (const label of parseList(get('labels_nationaux'))) tags.push(tagOf(label));
  for (const label of parseList(get('labels_autres'))) tags.push(label);
  for (const network of networks) if (!isKindNetwork(network)) tags.push(tagOf(network));

  return recordResult({
    line,
    source: SupplierSource.DATA_INCLUSION,
    sourceId,
    siret: cleanSiret(get('siret')),
    legalName,
    brandName: null,
    kind,
    description: cleanText(get('description')) ?? cleanText(get('presentation_detail')) ?? cleanText(get('presentation_resume')),
    address: {
      street: joinParts([cleanText(get('adresse')), cleanText(get('complement_adresse'))], ', '),
      postalCode: padNumericCode(get('code_postal'), 5),
      communeCode: padNumericCode(get('code_insee'), 5),
      communeName: cleanText(get('commune')),
    },
    position: parsePosition(get('latitude'), get('longitude')),
    email: cleanText(get('courriel')),
    phone: cleanText(get('telephone')),
    website: cleanText(get('site_web')),
    serviceTypes: [],
    tags: unique(tags),
    activities: unique(parseList(get('thematiques'))),
    sourceUpdatedAt: parseDate(get('date_maj')),
  });
}

/**
 * data·inclusion CSV: comma-separated as published (a `;` or tab file is read too); UTF-8
 * as published, or Windows-1252 when re-saved from a spreadsheet (detected, text-input.ts).
 */
export async function* readDataInclusionCsv(path: string, options: ReaderOptions = {}): AsyncGenerator<ReadResult> {
  const delimiter = detectDelimiter(headText(await readHead(path)));
  const text = await openSourceText(path, options);
  let index: Partial<Record<Column, number>> | null = null;
  let width = 0;
  let hasNetworks = false;
  let fields: string[] = [];
  const get: Get = (column) => {
    const i = index![column];
    return i === undefined ? undefined : fields[i];
  };

  for await (const item of readCsvRows(text, delimiter)) {
    if ('error' in item) {
      yield rejectedResult(item.line, item.error, item.raw);
      continue;
    }
    if (index === null) {
      index = headerIndex(item.fields);
      width = item.fields.length;
      hasNetworks = index.reseaux_porteurs !== undefined;
      continue;
    }
    if (item.fields.length !== width) {
      yield rejectedResult(item.line, `Ligne illisible : ${item.fields.length} colonnes au lieu de ${width}`, item.fields.join(delimiter));
      continue;
    }
    fields = item.fields;
    yield mapStructure(get, item.line, hasNetworks);
  }
  if (index === null) throw new FormatError('Le fichier data·inclusion est vide : aucune ligne d’en-tête.');
}

function headerIndex(header: readonly string[]): Partial<Record<Column, number>> {
  const known = new Set<string>(COLUMNS);
  const index: Partial<Record<Column, number>> = {};
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (known.has(key) && index[key as Column] === undefined) index[key as Column] = i;
  });
  const missing = (['id', 'nom'] as const).filter((column) => index[column] === undefined);
  if (index.reseaux_porteurs === undefined && index.typologie === undefined) missing.push('reseaux_porteurs' as never);
  if (missing.length > 0) {
    throw new FormatError(`Colonnes data·inclusion manquantes dans l’en-tête : ${missing.join(', ')}.`);
  }
  return index;
}

/** data·inclusion JSON: an array of structures (or API pages, or JSON Lines; see json-items.ts). */
export function readDataInclusionJson(path: string, options: ReaderOptions = {}): AsyncGenerator<ReadResult> {
  return readJsonObjects(path, (object, position) => mapStructure((column) => object[column], position, 'reseaux_porteurs' in object), options);
}

export const dataInclusionCsvReader: FormatReader = {
  format: 'data-inclusion-csv',
  source: SupplierSource.DATA_INCLUSION,
  read: (path, options) => readDataInclusionCsv(path, options),
};

export const dataInclusionJsonReader: FormatReader = {
  format: 'data-inclusion-json',
  source: SupplierSource.DATA_INCLUSION,
  read: (path, options) => readDataInclusionJson(path, options),
};
