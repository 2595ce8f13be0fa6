import { fileURLToPath } from 'node:url';
import type { SupplierSource } from '../suppliers/supplier-source.js';
import type { SourceRecord } from './source-record.js';

/** Tests only: the path of a file in fixtures/. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** Tests only: the record a reader should give, with every field the row leaves empty. */
export function expectedRecord(
  source: SupplierSource,
  line: number,
  fields: Partial<SourceRecord> & Pick<SourceRecord, 'sourceId' | 'siret' | 'legalName' | 'kind' | 'address'>,
): SourceRecord {
  return {
    line,
    source,
    brandName: null,
    description: null,
    position: null,
    email: null,
    phone: null,
    website: null,
    serviceTypes: [],
    tags: [],
    activities: [],
    sourceUpdatedAt: null,
    ...fields,
  };
}
