/**
 * FINESS "Extraction du Fichier des établissements" (data.gouv.fr, files
 * etalab-cs1100507-stock-*.csv): ESAT are category 246.
 *
 * Layout: `;`-separated, no header row (an optional first line "finess;etalab;<n>;<date>"),
 * fields quoted with `"` when needed (`"LIEU DE VIE ""X"""`). All `structureet` lines
 * come first, then all `geolocalisation` lines:
 *   structureet;nofinesset;nofinessej;rs;rslongue;complrs;compldistrib;numvoie;typvoie;voie;
 *     compvoie;lieuditbp;commune;departement;libdepartement;ligneacheminement;telephone;
 *     telecopie;categetab;libcategetab;categagretab;libcategagretab;siret;codeape;codemft;
 *     libmft;codesph;libsph;dateouv;dateautor;datemaj;numuai
 *   geolocalisation;nofinesset;coordxet;coordyet;sourcecoordet;datemaj
 * Because positions come last, ESAT structures are held until the end of the file (about
 * 1 500 of them nationally), then every result is given in file order.
 *
 * Encoding: ISO-8859-1/Windows-1252 in the published files, UTF-8 in some re-exports:
 * detected (see text-input.ts).
 *
 * INSEE code = département + 3-digit `commune` code, where FINESS writes overseas
 * départements with a letter: 9A Guadeloupe, 9B Martinique, 9C Guyane, 9D La Réunion,
 * 9E Saint-Pierre-et-Miquelon, 9F Mayotte (INSEE 971–976), 9J Wallis-et-Futuna (986).
 * There the 3-digit commune code already starts with the département's last digit
 * (Les Abymes: 9A + 101 → 97101; Chirongui: 9F + 606 → 97606; Uvea: 9J + 613 → 98613),
 * so the INSEE code is the 2-digit prefix (97 or 98) + the commune code. FINESS still files
 * Saint-Barthélemy and Saint-Martin under Guadeloupe with their pre-2007 codes (9A + 123,
 * 9A + 127): they become today's 97701 and 97801. Other letters are not guessed (the
 * engine then places the structure by postal code and name).
 *
 * Positions: `sourcecoordet` names the system (see coordinates.ts); when it is empty,
 * the département's usual system is assumed (Lambert-93 in metropolitan France and
 * Corsica, the territory's UTM zone overseas).
 */
import { SupplierSource } from '../../suppliers/supplier-source.js';
import { SupplierKind } from '../../suppliers/supplier-kind.js';
import type { FormatReader, ReadResult, ReaderOptions, SourceRecord } from '../source-record.js';
import { definitionOfSourceCoord, LAMBERT_93, projectedToWgs84, utm } from './coordinates.js';
import { readCsvRows } from './csv-rows.js';
import {
  cleanSiret,
  cleanText,
  collapseSpaces,
  joinParts,
  parseDate,
  parseNumber,
  recordResult,
  rejectedResult,
  skippedResult,
} from './normalize.js';
import { openSourceText } from './text-input.js';

/** FINESS category of ESAT (Établissement et service d'aide par le travail). */
export const FINESS_ESAT_CATEGORY = '246';

/** Field positions in a `structureet` line. */
const F = {
  nofinesset: 1,
  rs: 3,
  rslongue: 4,
  compldistrib: 6,
  numvoie: 7,
  typvoie: 8,
  voie: 9,
  compvoie: 10,
  lieuditbp: 11,
  commune: 12,
  departement: 13,
  ligneacheminement: 15,
  telephone: 16,
  categetab: 18,
  siret: 22,
  datemaj: 30,
} as const;
/** Fields up to `datemaj`; `numuai` and the trailing separator are optional. */
const STRUCTURE_MIN_FIELDS = F.datemaj + 1;
const STRUCTURE_FIELDS = 32;

/** Overseas départements as FINESS writes them, to the 2-digit prefix of their INSEE codes. */
const OVERSEAS_INSEE_PREFIX = new Map<string, string>([
  ['9A', '97'],
  ['9B', '97'],
  ['9C', '97'],
  ['9D', '97'],
  ['9E', '97'],
  ['9F', '97'],
  ['9J', '98'],
]);

/** Communes that left Guadeloupe in 2007 and that FINESS still files under their old code. */
const RENUMBERED_COMMUNES = new Map<string, string>([
  ['97123', '97701'], // Saint-Barthélemy
  ['97127', '97801'], // Saint-Martin
]);

/** The usual projection of each overseas département, when `sourcecoordet` says nothing. */
const OVERSEAS_DEFAULT_PROJECTION = new Map<string, string>([
  ['9A', utm(20, 'N')],
  ['9B', utm(20, 'N')],
  ['9C', utm(22, 'N')],
  ['9D', utm(40, 'S')],
  ['9E', utm(21, 'N')],
  ['9F', utm(38, 'S')],
]);

const METROPOLITAN_DEPARTEMENT = /^(\d{1,2}|2[AB])$/;
const COMMUNE_DIGITS = /^\d{1,3}$/;
const POSTAL_LINE = /^(\d{5})\s*(.*)$/;
const CEDEX = /\s+CEDEX(\s+\d+)?$/i;

/**
 * INSEE code of a FINESS establishment's commune (see the module comment for the rule),
 * or null when the codes are missing or of an unknown form.
 */
export function finessCommuneCode(departement: string | null, commune: string | null): string | null {
  if (departement === null || commune === null || !COMMUNE_DIGITS.test(commune)) return null;
  const communeCode = commune.padStart(3, '0');
  const dep = departement.toUpperCase();
  const overseas = OVERSEAS_INSEE_PREFIX.get(dep);
  if (overseas) {
    const code = overseas + communeCode;
    return RENUMBERED_COMMUNES.get(code) ?? code;
  }
  if (!METROPOLITAN_DEPARTEMENT.test(dep)) return null;
  return dep.padStart(2, '0') + communeCode;
}

/** Proj4 definition for a geolocalisation line: `sourcecoordet`, else the département's usual system. */
export function finessProjection(sourceCoord: string | null, departement: string | null): string | null {
  const named = definitionOfSourceCoord(sourceCoord);
  if (named) return named;
  if (departement === null) return null;
  const dep = departement.toUpperCase();
  return OVERSEAS_DEFAULT_PROJECTION.get(dep) ?? (METROPOLITAN_DEPARTEMENT.test(dep) ? LAMBERT_93 : null);
}

/** Usual FINESS street-type abbreviations (typvoie), expanded; others are kept as written. */
const STREET_TYPES = new Map<string, string>([
  ['R', 'RUE'],
  ['RUE', 'RUE'],
  ['AV', 'AVENUE'],
  ['BD', 'BOULEVARD'],
  ['BLVD', 'BOULEVARD'],
  ['RTE', 'ROUTE'],
  ['CHE', 'CHEMIN'],
  ['CHEM', 'CHEMIN'],
  ['ALL', 'ALLÉE'],
  ['PL', 'PLACE'],
  ['IMP', 'IMPASSE'],
  ['QU', 'QUAI'],
  ['QUAI', 'QUAI'],
  ['CRS', 'COURS'],
  ['FG', 'FAUBOURG'],
  ['PAS', 'PASSAGE'],
  ['PASS', 'PASSAGE'],
  ['SQ', 'SQUARE'],
  ['LOT', 'LOTISSEMENT'],
  ['RES', 'RÉSIDENCE'],
  ['HAM', 'HAMEAU'],
  ['QUA', 'QUARTIER'],
  ['PRO', 'PROMENADE'],
  ['ESP', 'ESPLANADE'],
  ['RPT', 'ROND-POINT'],
  ['SEN', 'SENTIER'],
  ['TRA', 'TRAVERSE'],
  ['MTE', 'MONTÉE'],
  ['DOM', 'DOMAINE'],
  ['VLA', 'VILLA'],
  ['CAR', 'CARREFOUR'],
  ['CTRE', 'CENTRE'],
  ['LD', 'LIEU-DIT'],
]);

/** Repetition index (compvoie) after the street number: B → BIS, T → TER, Q → QUATER. */
const REPETITION = new Map<string, string>([
  ['B', 'BIS'],
  ['T', 'TER'],
  ['Q', 'QUATER'],
]);

/**
 * Street line: "<numvoie> <compvoie> <typvoie> <voie>", then `compldistrib` (building,
 * residence) and `lieuditbp` (lieu-dit or postal box), comma-separated. `compvoie` is the
 * repetition index of the number ("12 B" = 12 bis), so it follows the number. The street
 * type is expanded unless the street name already starts with it.
 */
export function finessStreet(fields: readonly string[]): string | null {
  const number = cleanText(fields[F.numvoie]);
  const repetition = cleanText(fields[F.compvoie]);
  const typeCode = cleanText(fields[F.typvoie]);
  const name = cleanText(fields[F.voie]);
  let type = typeCode === null ? null : (STREET_TYPES.get(typeCode.toUpperCase()) ?? typeCode);
  if (type !== null && name !== null && name.toUpperCase().startsWith(`${type} `)) type = null;
  const street = joinParts(
    [number, repetition === null ? null : (REPETITION.get(repetition.toUpperCase()) ?? repetition), type, name],
    ' ',
  );
  return joinParts([street, cleanText(fields[F.compldistrib]), cleanText(fields[F.lieuditbp])], ', ');
}

/** Postal code and commune name from `ligneacheminement` ("57000 METZ", "97306 CAYENNE CEDEX"). */
export function finessPostalLine(value: string | null): { postalCode: string | null; communeName: string | null } {
  if (value === null) return { postalCode: null, communeName: null };
  const match = POSTAL_LINE.exec(collapseSpaces(value));
  if (!match) return { postalCode: null, communeName: collapseSpaces(value) };
  const name = match[2]!.replace(CEDEX, '').trim();
  return { postalCode: match[1]!, communeName: name === '' ? null : name };
}

interface PendingEsat {
  record: SourceRecord;
  departement: string | null;
}

/** Every result of a FINESS file, in file order; ESAT records get their position from the geolocalisation section. */
export async function* readFiness(path: string, options: ReaderOptions = {}): AsyncGenerator<ReadResult> {
  const text = await openSourceText(path, options);
  const results: ReadResult[] = [];
  const esats = new Map<string, PendingEsat>();

  for await (const item of readCsvRows(text, ';')) {
    if ('error' in item) {
      results.push(rejectedResult(item.line, item.error, item.raw));
      continue;
    }
    const fields = item.fields;
    const section = fields[0]!.trim().toLowerCase();
    if (section === 'structureet') {
      results.push(readStructure(fields, item.line, esats));
    } else if (section === 'geolocalisation') {
      const pending = esats.get(cleanText(fields[1]) ?? '');
      if (pending) {
        const x = parseNumber(fields[2]);
        const y = parseNumber(fields[3]);
        const projection = finessProjection(cleanText(fields[4]), pending.departement);
        pending.record.position = x !== null && y !== null && projection !== null ? projectedToWgs84(x, y, projection) : null;
      }
    } else if (section === 'finess' && item.line === 1) {
      // "finess;etalab;111;2026-05-12": the extract's own header line.
    } else {
      results.push(rejectedResult(item.line, `Ligne FINESS illisible : type de ligne « ${fields[0]} » inconnu (attendu structureet ou geolocalisation)`, fields.join(';')));
    }
  }
  yield* results;
}

function readStructure(fields: readonly string[], line: number, esats: Map<string, PendingEsat>): ReadResult {
  if (fields.length < STRUCTURE_MIN_FIELDS) {
    return rejectedResult(line, `Ligne FINESS illisible : ${fields.length} champs au lieu de ${STRUCTURE_FIELDS}`, fields.join(';'));
  }
  const category = cleanText(fields[F.categetab]);
  if (category !== FINESS_ESAT_CATEGORY) {
    return skippedResult(line, `catégorie FINESS ${category ?? 'absente'} hors périmètre (ESAT : ${FINESS_ESAT_CATEGORY})`);
  }
  const finessNumber = cleanText(fields[F.nofinesset]);
  if (finessNumber === null) return rejectedResult(line, 'Numéro FINESS de l’établissement manquant (nofinesset)');
  const shortName = cleanText(fields[F.rs]);
  const longName = cleanText(fields[F.rslongue]);
  const legalName = longName ?? shortName;
  if (legalName === null) return rejectedResult(line, 'Raison sociale manquante (rs et rslongue vides)', finessNumber);

  const departement = cleanText(fields[F.departement]);
  const { postalCode, communeName } = finessPostalLine(cleanText(fields[F.ligneacheminement]));
  const record: SourceRecord = {
    line,
    source: SupplierSource.FINESS,
    sourceId: finessNumber,
    siret: cleanSiret(fields[F.siret]),
    legalName,
    brandName: shortName !== null && shortName !== legalName ? shortName : null,
    kind: SupplierKind.ESAT,
    description: null,
    address: {
      street: finessStreet(fields),
      postalCode,
      communeCode: finessCommuneCode(departement, cleanText(fields[F.commune])),
      communeName,
    },
    position: null,
    email: null,
    phone: cleanText(fields[F.telephone]),
    website: null,
    serviceTypes: [],
    tags: [],
    activities: [],
    sourceUpdatedAt: parseDate(fields[F.datemaj]),
  };
  esats.set(finessNumber, { record, departement });
  return recordResult(record);
}

export const finessReader: FormatReader = {
  format: 'finess',
  source: SupplierSource.FINESS,
  read: (path, options) => readFiness(path, options),
};
