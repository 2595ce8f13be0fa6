import { readFile } from 'node:fs/promises';

/**
 * Commune centres and bounding boxes, keyed by INSEE code. Two file formats are read:
 *
 * - the compact CSV the product ships (`server/data/commune-centres.csv`, README beside it),
 *   derived by `encodeCompactCentres` from
 * - the BAN `commune-centres.json` it comes from (`{ "57463": { "center": [lon, lat],
 *   "bbox": [minLon, minLat, maxLon, maxLat], … } }`), which COMMUNE_CENTRES_PATH may name.
 */

/** [minLon, minLat, maxLon, maxLat], WGS84 degrees. */
export type BBox = [number, number, number, number];

export interface CentreEntry {
  /** [longitude, latitude], WGS84 degrees. */
  center: [number, number];
  bbox: BBox | null;
}

export type CentresFile = { ok: true; entries: Map<string, CentreEntry> } | { ok: false; message: string };

/** Header of the compact file; its columns are explained in server/data/README.md. */
export const COMPACT_HEADER = 'code,lon,lat,west,south,east_minus_west,north_minus_south';

/** Compact values are integers in thousandths of a degree (the source's precision). */
const SCALE = 1000;
const INSEE_CODE = /^(\d[\dAB]\d{3})$/;

function isNumberArray(value: unknown, length: number): value is number[] {
  return Array.isArray(value) && value.length === length && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function isOnEarth([longitude, latitude]: [number, number]): boolean {
  return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
}

/** Reads either format; never throws: a missing or malformed file is a message. */
export async function readCentresFile(file: string): Promise<CentresFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `file not found: ${file}` : `file unreadable: ${file} (${code ?? String(error)})` };
  }
  const parsed = text.trimStart().startsWith('{') ? parseSourceJson(text) : parseCompactCentres(text);
  if (!parsed.ok) return { ok: false, message: `${parsed.message}: ${file}` };
  if (parsed.entries.size === 0) return { ok: false, message: `no usable centre in ${file}` };
  return parsed;
}

/** The BAN JSON: entries without a usable centre are skipped, as the source has a few. */
export function parseSourceJson(text: string): CentresFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `file is not valid JSON (${(error as Error).message})` };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, message: 'file is not an object keyed by INSEE code' };
  }
  const entries = new Map<string, CentreEntry>();
  for (const [code, value] of Object.entries(parsed as Record<string, unknown>)) {
    const entry = value as { center?: unknown; bbox?: unknown } | null;
    if (!entry || !isNumberArray(entry.center, 2)) continue;
    const center: [number, number] = [entry.center[0]!, entry.center[1]!];
    if (!isOnEarth(center)) continue;
    entries.set(code, { center, bbox: isNumberArray(entry.bbox, 4) ? (entry.bbox as BBox) : null });
  }
  return { ok: true, entries };
}

/**
 * The compact CSV: one line per commune, `code,lon,lat,west,south[,dEast,dNorth]` in
 * thousandths of a degree. The centre is the middle of the box up to rounding, so the box
 * is stored as the distances from the centre to its west and south edges; the east and
 * north edges are as far, plus the optional corrections. Our own file: any bad line fails
 * the whole file rather than silently dropping communes.
 */
export function parseCompactCentres(text: string): CentresFile {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== COMPACT_HEADER) return { ok: false, message: `first line is not "${COMPACT_HEADER}"` };
  const entries = new Map<string, CentreEntry>();
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    const [code, ...fields] = line.split(',');
    const values = fields.map(Number);
    const valid =
      INSEE_CODE.test(code!) && (values.length === 4 || values.length === 6) && values.every(Number.isInteger) && values[2]! >= 0 && values[3]! >= 0;
    if (!valid) return { ok: false, message: `line ${index + 1} is not "${COMPACT_HEADER}"` };
    const [lon, lat, west, south, eastMinusWest = 0, northMinusSouth = 0] = values as number[];
    const center: [number, number] = [lon! / SCALE, lat! / SCALE];
    if (!isOnEarth(center)) return { ok: false, message: `line ${index + 1} has a centre off the globe` };
    entries.set(code!, {
      center,
      bbox: [
        (lon! - west!) / SCALE,
        (lat! - south!) / SCALE,
        (lon! + west! + eastMinusWest) / SCALE,
        (lat! + south! + northMinusSouth) / SCALE,
      ],
    });
  }
  return { ok: true, entries };
}

/** Writes entries in the compact format, sorted by code; values rounded to a thousandth of a degree. */
export function encodeCompactCentres(entries: Map<string, CentreEntry>): string {
  const lines = [COMPACT_HEADER];
  for (const code of [...entries.keys()].sort()) {
    if (!INSEE_CODE.test(code)) continue;
    const { center, bbox } = entries.get(code)!;
    const [lon, lat] = center.map((value) => Math.round(value * SCALE)) as [number, number];
    const [minLon, minLat, maxLon, maxLat] = (bbox ?? [...center, ...center]).map((value) => Math.round(value * SCALE)) as BBox;
    // A box rounded apart from its centre may leave the centre just outside: clamp to zero.
    const west = Math.max(0, lon - minLon);
    const south = Math.max(0, lat - minLat);
    const east = Math.max(0, maxLon - lon);
    const north = Math.max(0, maxLat - lat);
    const fields = [code, lon, lat, west, south];
    if (east !== west || north !== south) fields.push(east - west, north - south);
    lines.push(fields.join(','));
  }
  return `${lines.join('\n')}\n`;
}
