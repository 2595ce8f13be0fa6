/** Shared loop of the JSON readers: objects in, results out, odd elements rejected. */
import type { ReadResult, ReaderOptions } from '../source-record.js';
import { readJsonItems } from './json-items.js';
import { rejectedResult } from './normalize.js';

export type JsonObject = Record<string, unknown>;

export async function* readJsonObjects(
  path: string,
  map: (object: JsonObject, position: number) => ReadResult,
  options: ReaderOptions = {},
): AsyncGenerator<ReadResult> {
  for await (const item of readJsonItems(path, options)) {
    if ('error' in item) {
      yield rejectedResult(item.position, item.error);
      continue;
    }
    const value = item.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield rejectedResult(item.position, 'Élément JSON inattendu : un objet « structure » était attendu', JSON.stringify(value) ?? String(value));
      continue;
    }
    yield map(value as JsonObject, item.position);
  }
}

/** The first present, non-blank value among `keys` (sources rename fields between versions). */
export function firstOf(object: JsonObject, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = object[key];
    if (value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')) return value;
  }
  return undefined;
}
