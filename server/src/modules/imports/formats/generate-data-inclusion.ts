/**
 * Deterministic generator of a large data·inclusion "structure" v1 CSV, as published
 * (comma-separated, pandas-style list cells), for the import benchmark. Same options, same
 * bytes: a seeded PRNG, no clock. Rows are written to the file as they are made (memory
 * does not grow with `rows`), with back-pressure.
 *
 * Realism where it costs the reader something: quoted fields with commas, doubled quotes
 * and line breaks, pandas list cells, a mix of kinds, producers and date formats (ISO and
 * epoch milliseconds), blank optional cells. SIRETs are valid (Luhn) and distinct, drawn
 * from a fixed sequence; e-mails and websites use example.org, phones the +33 1 99 00 range
 * set aside for fiction. INSEE codes come from the caller's commune list.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PLACES_METRO, STREET_NAMES } from '../../demo/demo-vocabulary.js';
import { makeSiret } from '../../suppliers/siret.js';

export interface GeneratorCommune {
  /** INSEE code (commune or municipal arrondissement). */
  code: string;
  name?: string | null;
  postalCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface GenerateDataInclusionOptions {
  /** Where to write the CSV (overwritten). */
  path: string;
  rows: number;
  communes: readonly GeneratorCommune[];
  seed?: number;
  /** Share of structures of other networks (mission locale, CCAS…), which the reader skips. Default 0. */
  outOfScopeShare?: number;
  /**
   * Draw SIRETs from this many only (row i gets the SIRET of row i mod `siretPool`): a file
   * where many structures share a SIRET, as the duplicate bench needs. Default: all distinct.
   */
  siretPool?: number;
}

export const DATA_INCLUSION_HEADER = [
  'id',
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
  'source',
  'date_maj',
  'lien_source',
  'horaires_accueil',
  'accessibilite_lieu',
  'reseaux_porteurs',
] as const;

/** Kind codes with weights close to the national counts (≈ 4 000 SIAE, 2 500 EA/ESAT, GEIQ). */
const KIND_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['aci', 24],
  ['ei', 17],
  ['ai', 10],
  ['etti', 7],
  ['eiti', 2],
  ['geiq', 5],
  ['ea', 16],
  ['eatt', 2],
  ['esat', 17],
];
const KIND_TOTAL = KIND_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

const OUT_OF_SCOPE_NETWORKS = ['mission-locale', 'ccas-cias', 'france-travail', 'cap-emploi-reseau-cheops', 'plie'];
const EXTRA_NETWORKS: Record<string, readonly string[]> = {
  aci: ['chantier-ecole', 'coorace', 'emmaus'],
  ai: ['coorace'],
  ei: ['coorace'],
  ea: ['unea'],
  eatt: ['unea'],
};
const NAME_PREFIXES: Record<string, readonly string[]> = {
  aci: ['Atelier chantier', 'Chantier d’insertion', 'Les Jardins'],
  ai: ['Association intermédiaire', 'AI'],
  ei: ['Entreprise d’insertion', 'Les Ateliers'],
  etti: ['Intérim', 'ETTI'],
  eiti: ['Coopérative', 'EITI'],
  geiq: ['GEIQ BTP', 'GEIQ Propreté', 'GEIQ Industrie'],
  ea: ['Entreprise adaptée', 'EA'],
  eatt: ['EATT', 'Intérim adapté'],
  esat: ['ESAT', 'ESAT Les Ateliers'],
};
const TRADES = ['espaces verts', 'propreté', 'blanchisserie', 'menuiserie', 'recyclage', 'restauration', 'logistique', 'second œuvre'];
const PRODUCERS = ['emplois-de-linclusion', 'emplois-de-linclusion', 'emplois-de-linclusion', 'dora', 'soliguide'];
const COMPLEMENTS = ['Bâtiment B', 'ZA des Forges', 'BP 12', '2e étage', 'Entrée par la cour'];
const STREET_TYPES = ['rue', 'avenue', 'chemin', 'allée', 'boulevard', 'impasse'];

/** mulberry32: small, fast, good enough to spread test data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** pandas writes Python lists with repr(): ['a', 'b']. */
function pythonList(values: readonly string[]): string {
  return `[${values.map((value) => `'${value}'`).join(', ')}]`;
}

/** Writes `rows` structures (plus the header) to `options.path`; resolves when the file is closed. */
export async function generateDataInclusionCsv(options: GenerateDataInclusionOptions): Promise<{ rows: number; path: string }> {
  if (options.communes.length === 0) throw new RangeError('generateDataInclusionCsv needs at least one commune');
  const random = prng(options.seed ?? 20260512);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const outOfScope = options.outOfScopeShare ?? 0;
  const out = createWriteStream(options.path, { encoding: 'utf8' });
  const done = once(out, 'close');

  let buffer = `${DATA_INCLUSION_HEADER.join(',')}\n`;
  for (let i = 0; i < options.rows; i++) {
    const siretIndex = options.siretPool ? i % options.siretPool : i;
    buffer += `${generateRow(i, siretIndex, random, pick, outOfScope, options.communes).map(csvField).join(',')}\n`;
    if (buffer.length >= 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await done;
  return { rows: options.rows, path: options.path };
}

function generateRow(
  i: number,
  siretIndex: number,
  random: () => number,
  pick: <T>(values: readonly T[]) => T,
  outOfScopeShare: number,
  communes: readonly GeneratorCommune[],
): string[] {
  const commune = pick(communes);
  let roll = random() * KIND_TOTAL;
  let kind = KIND_WEIGHTS[0]![0];
  for (const [code, weight] of KIND_WEIGHTS) {
    roll -= weight;
    if (roll < 0) {
      kind = code;
      break;
    }
  }
  const inScope = random() >= outOfScopeShare;
  const networks = inScope
    ? [...(kind === 'esat' || kind === 'ea' || kind === 'eatt' || kind === 'geiq' ? [] : ['siae']), kind, ...(random() < 0.3 && EXTRA_NETWORKS[kind] ? [pick(EXTRA_NETWORKS[kind]!)] : [])]
    : [pick(OUT_OF_SCOPE_NETWORKS)];
  const producer = pick(PRODUCERS);
  const place = pick(PLACES_METRO);
  const trade = pick(TRADES);
  let name = `${pick(NAME_PREFIXES[kind]!)} ${place}`;
  if (random() < 0.03) name = `${name} "${trade}"`;
  if (random() < 0.05) name = `${name}, ${trade}`;

  // 8-digit SIREN bodies from a fixed stride (distinct for i < 10^7), NIC from the index.
  let sirenBody = String(10_000_000 + ((siretIndex * 7_919) % 89_999_999));
  // La Poste's SIREN follows another checksum rule; step aside from it.
  if (sirenBody === '35600000') sirenBody = '99999999';
  const siret = makeSiret(sirenBody, String(1 + (siretIndex % 9_000)).padStart(4, '0'));
  const slug = `${kind}-${i.toString(36)}`;
  const hasPosition = commune.latitude !== null && commune.latitude !== undefined && commune.longitude !== null && commune.longitude !== undefined;
  const latitude = hasPosition ? (commune.latitude! + (random() - 0.5) * 0.02).toFixed(6) : '';
  const longitude = hasPosition ? (commune.longitude! + (random() - 0.5) * 0.02).toFixed(6) : '';
  let description = `${name} propose des prestations de ${trade} aux entreprises et aux collectivités ${place}, avec des salariés en parcours d’insertion ou en situation de handicap.`;
  if (random() < 0.02) description += '\nDevis sous 48 heures, interventions dans tout le département.';
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  const isoDate = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const dateMaj = random() < 0.2 ? String(Date.UTC(2025, month - 1, day)) : isoDate;

  return [
    `${producer}--${i.toString(16).padStart(8, '0')}`,
    // (Always drawn, so that a SIRET pool changes nothing else in the file.)
    random() < 0.04 && siretIndex === i ? '' : siret,
    name,
    commune.name ?? '',
    commune.postalCode ?? '',
    commune.code,
    `${1 + Math.floor(random() * 120)} ${pick(STREET_TYPES)} ${pick(STREET_NAMES)}`,
    random() < 0.2 ? pick(COMPLEMENTS) : '',
    longitude,
    latitude,
    random() < 0.15 ? '' : `+3319900${String(i % 10_000).padStart(4, '0')}`,
    random() < 0.1 ? '' : `contact@${slug}.example.org`,
    random() < 0.3 ? '' : `https://${slug}.example.org`,
    description,
    producer,
    dateMaj,
    `https://${producer}.example.org/structures/${slug}`,
    random() < 0.5 ? 'Mo-Fr 08:30-12:00,13:30-17:00' : '',
    '',
    pythonList(networks),
  ];
}
