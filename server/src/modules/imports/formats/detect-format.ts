/**
 * Which reader a file needs, from its name and first bytes:
 * - `.xlsx` → generic;
 * - text whose first field is `structureet`, or a first line "finess;etalab;…" → FINESS;
 * - CSV whose header has `date_maj` and `reseaux_porteurs` or `typologie` → data·inclusion;
 *   any other CSV → generic;
 * - JSON (by extension or a first character `[` / `{`): the keys of the first object say
 *   — `reseaux_porteurs`/`typologie` → data·inclusion, `raison_sociale`/`type_siae`/
 *   `cree_le` → les emplois, `presta_type`, or `kind` with `sectors`/`slug` → le marché.
 * Anything else is an error that lists the `--format` values.
 */
import type { ImportFormat } from '../source-record.js';
import { detectDelimiter, splitLine } from './csv-rows.js';
import { FormatError } from './format-error.js';
import { isPage, readJsonItems } from './json-items.js';
import { firstLineOf, readHead } from './text-input.js';

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  'data-inclusion-csv',
  'data-inclusion-json',
  'finess',
  'marche-inclusion',
  'emplois-inclusion',
  'generic',
];

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

function undetectable(path: string, why: string): FormatError {
  return new FormatError(`Format du fichier « ${path} » non reconnu (${why}). Précisez-le avec --format parmi : ${IMPORT_FORMATS.join(', ')}.`);
}

const JSON_EXTENSIONS = ['.json', '.jsonl', '.ndjson'];
const TEXT_EXTENSIONS = ['.csv', '.txt', '.tsv'];

function extensionOf(path: string): string {
  const name = path.toLowerCase();
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const dot = name.lastIndexOf('.');
  return dot > slash ? name.slice(dot) : '';
}

export async function detectFormat(path: string): Promise<ImportFormat> {
  const extension = extensionOf(path);
  if (extension === '.xlsx') return 'generic';
  if (extension === '.xls' || extension === '.ods') throw undetectable(path, `le tableur ${extension} n’est pas lu : enregistrez-le en .xlsx ou en CSV`);

  const head = await readHead(path);
  if (head.length === 0) throw undetectable(path, 'fichier vide');
  if (head[0] === 0x50 && head[1] === 0x4b) {
    // "PK": a zip container, i.e. an .xlsx under another name (or a zip archive).
    throw undetectable(path, 'archive ou tableur : donnez un fichier .xlsx ou décompressez-le');
  }
  const firstLine = firstLineOf(head);
  const firstChar = firstLine.trimStart()[0];
  if (JSON_EXTENSIONS.includes(extension) || (!TEXT_EXTENSIONS.includes(extension) && (firstChar === '[' || firstChar === '{'))) {
    return detectJsonFormat(path);
  }
  if (head.includes(0)) throw undetectable(path, 'fichier binaire');

  const lower = firstLine.toLowerCase();
  if (lower.startsWith('finess;etalab') || lower.startsWith('structureet;') || lower.startsWith('"structureet";')) return 'finess';
  const header = splitLine(firstLine, detectDelimiter(firstLine)).map((cell) => cell.toLowerCase());
  if (header.includes('date_maj') && (header.includes('reseaux_porteurs') || header.includes('typologie'))) return 'data-inclusion-csv';
  return 'generic';
}

/** The format of a JSON file, from the keys of its first object. */
async function detectJsonFormat(path: string): Promise<ImportFormat> {
  let keys: Set<string> | null = null;
  try {
    for await (const item of readJsonItems(path, { firstItemsOnly: true })) {
      if ('error' in item) throw undetectable(path, item.error);
      const value = item.value;
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && !isPage(value)) keys = new Set(Object.keys(value));
      break;
    }
  } catch (error) {
    if (error instanceof FormatError && error.message.startsWith('Format du fichier')) throw error;
    throw undetectable(path, error instanceof Error ? error.message : String(error));
  }
  if (keys === null) throw undetectable(path, 'aucun objet dans le JSON');
  if (keys.has('reseaux_porteurs') || keys.has('typologie')) return 'data-inclusion-json';
  if (keys.has('raison_sociale') || keys.has('type_siae') || keys.has('cree_le') || keys.has('mis_a_jour_le')) return 'emplois-inclusion';
  if (keys.has('presta_type') || (keys.has('kind') && (keys.has('sectors') || keys.has('slug') || keys.has('networks')))) return 'marche-inclusion';
  throw undetectable(path, `clés du premier objet : ${[...keys].slice(0, 12).join(', ')}`);
}
