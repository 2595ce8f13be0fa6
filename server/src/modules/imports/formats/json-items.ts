/**
 * Streaming the objects of a JSON file, whatever the usual shape of an export or an API
 * dump:
 * - a JSON array of objects (data·inclusion open data, a saved API list);
 * - one API page `{ count, next, previous, results: [...] }` (Django REST pagination);
 * - an array of such pages, or JSON Lines (one object or one page per line), which is what
 *   saving every page of an API in one file gives.
 * Arrays are read with stream-json, one element at a time: memory does not grow with the
 * file. Positions are 1-based and count the objects across pages.
 */
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import streamJson from 'stream-json';
import pickModule from 'stream-json/filters/Pick.js';
import streamArrayModule from 'stream-json/streamers/StreamArray.js';
import { FormatError } from './format-error.js';
import { openSourceText, openText, readHead, type SourceTextOptions } from './text-input.js';

export type JsonItem = { position: number; value: unknown } | { position: number; error: string };

const JSON_LINES_PROBE = 1 << 20;

/** An API page: an object whose `results` is an array. */
export function isPage(value: unknown): value is { results: unknown[] } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as { results?: unknown }).results);
}

type JsonShape = 'array' | 'page' | 'lines';

/** How the file is laid out, from its first bytes. */
export async function jsonShapeOf(path: string): Promise<JsonShape> {
  const head = await readHead(path, JSON_LINES_PROBE);
  const text = head.toString('utf8');
  let start = 0;
  while (start < text.length && (text.charCodeAt(start) === 0xfeff || /\s/.test(text[start]!))) start++;
  const first = text[start];
  if (first === '[') return 'array';
  if (first !== '{') {
    throw new FormatError(first === undefined ? 'Le fichier JSON est vide.' : 'Le fichier n’est pas du JSON lisible : il devrait commencer par « [ » ou « { ».');
  }
  const lineEnd = text.indexOf('\n', start);
  if (lineEnd !== -1) {
    try {
      const firstLine: unknown = JSON.parse(text.slice(start, lineEnd));
      if (typeof firstLine === 'object' && firstLine !== null) return 'lines';
    } catch {
      // A pretty-printed object: its first line alone is not JSON.
    }
  }
  return 'page';
}

/**
 * The objects of a JSON file in order (see the module comment for the accepted shapes),
 * decoded as openSourceText does (UTF-8, or Windows-1252 however rare in JSON). Format
 * detection, which reads the first object only, sets `firstItemsOnly`: read as UTF-8,
 * without the whole-file check.
 */
export async function* readJsonItems(path: string, options: SourceTextOptions & { firstItemsOnly?: boolean } = {}): AsyncGenerator<JsonItem> {
  const shape = await jsonShapeOf(path);
  const text = options.firstItemsOnly ? openText(path, 'utf-8') : await openSourceText(path, options);
  let position = 0;
  if (shape === 'lines') {
    const lines = createInterface({ input: text, crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        yield { position: position + 1, error: `Ligne ${lineNumber} illisible (JSON mal formé) : ${(error as Error).message}` };
        position++;
        continue;
      }
      if (isPage(value)) {
        for (const item of value.results) yield { position: ++position, value: item };
      } else {
        yield { position: ++position, value };
      }
    }
    return;
  }

  const streams: Readable[] = [text, streamJson.parser()];
  if (shape === 'page') streams.push(pickModule.pick({ filter: 'results' }));
  streams.push(streamArrayModule.streamArray());
  const output = pipeline(streams as [Readable, ...Readable[]], () => undefined) as unknown as AsyncIterable<{ value: unknown }>;
  try {
    for await (const { value } of output) {
      if (shape === 'array' && isPage(value)) {
        for (const item of value.results) yield { position: ++position, value: item };
      } else {
        yield { position: ++position, value };
      }
    }
  } catch (error) {
    yield { position: position + 1, error: `JSON illisible après l’élément ${position} : ${(error as Error).message}` };
    return;
  }
  if (shape === 'page' && position === 0 && !(await readHead(path, JSON_LINES_PROBE)).includes('"results"')) {
    throw new FormatError('Le fichier JSON est un objet sans liste « results » : attendu un tableau de structures ou une page d’API.');
  }
}
