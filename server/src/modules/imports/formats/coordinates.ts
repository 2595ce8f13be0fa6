/**
 * Projected coordinates of French sources (FINESS) to WGS 84 longitude/latitude, with proj4.
 *
 * Metropolitan France and Corsica use Lambert-93 (EPSG:2154, RGF93). Overseas, FINESS uses
 * UTM in each territory's RGF93-era frame: Antilles UTM 20N (EPSG:5490 RGAF09, formerly
 * 4559 RRAF91), Saint-Pierre-et-Miquelon UTM 21N (EPSG:4467 RGSPM06), Guyane UTM 22N
 * (EPSG:2972 RGFG95), Mayotte UTM 38S (EPSG:4471 RGM04), La Réunion UTM 40S (EPSG:2975
 * RGR92). All these frames are ITRF-aligned on
 * the GRS 80 ellipsoid: they coincide with WGS 84 to well under a metre, so the transform is
 * the projection alone (+towgs84=0). Plain WGS 84 UTM codes (EPSG:326zz/327zz) are read too.
 */
import proj4, { type Converter } from 'proj4';

export interface Wgs84Position {
  latitude: number;
  longitude: number;
}

const GRS80_NO_SHIFT = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

/** Lambert-93 (EPSG:2154). */
export const LAMBERT_93 = `+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 ${GRS80_NO_SHIFT}`;

/** A UTM zone on GRS 80 (zone 1–60, north or south). */
export function utm(zone: number, hemisphere: 'N' | 'S'): string {
  return `+proj=utm +zone=${zone}${hemisphere === 'S' ? ' +south' : ''} ${GRS80_NO_SHIFT}`;
}

/** EPSG codes FINESS and other French sources use, to their proj4 definition. */
const EPSG_DEFINITIONS = new Map<number, string>([
  [2154, LAMBERT_93],
  [5490, utm(20, 'N')],
  [4559, utm(20, 'N')],
  [4467, utm(21, 'N')],
  [2972, utm(22, 'N')],
  [4471, utm(38, 'S')],
  [2975, utm(40, 'S')],
]);

const EPSG_IN_TEXT = /EPSG:\s*(\d{4,5})/i;
const UTM_TOKEN = /UTM_([NS])(\d{1,2})\b/i;
const UTM_WORDS = /UTM\s+zone\s+(\d{1,2})\s*([NS])\b/i;
const LAMBERT_93_TOKEN = /LAMBERT[_ -]?93/i;

/** The proj4 definition for an EPSG code, or null when we do not know it. */
export function definitionOfEpsg(code: number): string | null {
  const known = EPSG_DEFINITIONS.get(code);
  if (known) return known;
  if (code >= 32601 && code <= 32660) return utm(code - 32600, 'N');
  if (code >= 32701 && code <= 32760) return utm(code - 32700, 'S');
  return null;
}

/**
 * The coordinate system a FINESS `sourcecoordet` names, as a proj4 definition. Newer
 * extracts write "1,ATLASANTE,96,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole)", older ones
 * end with a token: "…,LAMBERT_93", "…,UTM_N20", "…,UTM_S40". Null when it names none.
 */
export function definitionOfSourceCoord(sourceCoord: string | null): string | null {
  if (!sourceCoord) return null;
  const epsg = EPSG_IN_TEXT.exec(sourceCoord);
  if (epsg) return definitionOfEpsg(Number(epsg[1]));
  if (LAMBERT_93_TOKEN.test(sourceCoord)) return LAMBERT_93;
  const token = UTM_TOKEN.exec(sourceCoord);
  if (token) return utm(Number(token[2]), token[1]!.toUpperCase() as 'N' | 'S');
  const words = UTM_WORDS.exec(sourceCoord);
  if (words) return utm(Number(words[1]), words[2]!.toUpperCase() as 'N' | 'S');
  return null;
}

const converters = new Map<string, Converter>();

function converterFor(definition: string): Converter {
  let converter = converters.get(definition);
  if (!converter) {
    converter = proj4(definition, 'WGS84');
    converters.set(definition, converter);
  }
  return converter;
}

/**
 * WGS 84 position of projected coordinates (metres), rounded to 6 decimals (~0.1 m); null
 * when the result is not a position on Earth (coordinates of another system, garbage).
 */
export function projectedToWgs84(x: number, y: number, definition: string): Wgs84Position | null {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const [longitude, latitude] = converterFor(definition).forward([x, y]) as [number, number];
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) return null;
  return { latitude: round6(latitude), longitude: round6(longitude) };
}

/** Projected coordinates of a WGS 84 position (for fixtures and generators). */
export function wgs84ToProjected(position: Wgs84Position, definition: string): { x: number; y: number } {
  const [x, y] = converterFor(definition).inverse([position.longitude, position.latitude]) as [number, number];
  return { x, y };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
