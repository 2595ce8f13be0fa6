/**
 * Format readers of the import: each turns a file into ReadResults (see source-record.ts).
 * `detectFormat(path)` guesses the format; `readerFor(format)` gives its reader.
 */
import type { FormatReader, ImportFormat } from '../source-record.js';
import { dataInclusionCsvReader, dataInclusionJsonReader } from './data-inclusion.js';
import { emploisInclusionReader } from './emplois-inclusion.js';
import { finessReader } from './finess.js';
import { genericReader } from './generic.js';
import { marcheInclusionReader } from './marche-inclusion.js';

export { detectFormat, IMPORT_FORMATS, isImportFormat } from './detect-format.js';
export { FormatError } from './format-error.js';
export { GENERIC_PRESET } from './generic.js';
export { generateDataInclusionCsv, type GenerateDataInclusionOptions, type GeneratorCommune } from './generate-data-inclusion.js';

const READERS: Readonly<Record<ImportFormat, FormatReader>> = {
  'data-inclusion-csv': dataInclusionCsvReader,
  'data-inclusion-json': dataInclusionJsonReader,
  finess: finessReader,
  'marche-inclusion': marcheInclusionReader,
  'emplois-inclusion': emploisInclusionReader,
  generic: genericReader,
};

export function readerFor(format: ImportFormat): FormatReader {
  return READERS[format];
}
export { collectResults, type CollectedResults } from './collect-results.js';
