import type { ServiceType } from '../suppliers/service-area.js';
import type { SupplierKind } from '../suppliers/supplier-kind.js';
import type { SupplierSource } from '../suppliers/supplier-source.js';

/**
 * One structure as a source file describes it, read and normalised by a format reader
 * (formats/) and not yet matched to the directory: what the import engine (import-run.ts)
 * upserts. Readers only parse and normalise; checks against the database (commune exists,
 * duplicates) are the engine's.
 */
export interface SourceRecord {
  /** Line (CSV, FINESS) or 1-based position in the file (JSON) where the record starts: for reports. */
  line: number;
  source: SupplierSource;
  /** The record's own identifier in its source (data·inclusion `id`, FINESS n° FINESS ET, Marché `id`…); the SIRET when the source has none. */
  sourceId: string;
  /** 14 digits, spaces removed; not checked yet (the engine checks Luhn and the antenna rule). */
  siret: string;
  legalName: string;
  brandName: string | null;
  kind: SupplierKind;
  description: string | null;
  address: {
    /** Street line(s), e.g. "12 rue des Jardins, Bâtiment B". */
    street: string | null;
    postalCode: string | null;
    /** INSEE code of the commune or municipal arrondissement when the source gives it. */
    communeCode: string | null;
    /** Commune name, used with the postal code when the INSEE code is missing. */
    communeName: string | null;
  };
  /** WGS 84 position from the source (converted from Lambert-93 / UTM where needed). */
  position: { latitude: number; longitude: number } | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** Service types the source states (Marché `presta_type`), empty when it says nothing. */
  serviceTypes: ServiceType[];
  /** Networks and labels the source states. */
  tags: string[];
  /** Activity values as the source writes them (Marché sectors, FINESS activity words…), mapped to the taxonomy by the engine. */
  activities: string[];
  /** Last update of the record in its source. */
  sourceUpdatedAt: Date | null;
}

/** A row a reader could not turn into a record, with why (in French: operators read it). */
export interface RejectedRow {
  line: number;
  reason: string;
  /** The offending value, when there is one. */
  value?: string;
}

/** Something the engine changed in a row it imports anyway, e.g. a description cut to the directory's limit (French). */
export type RowWarning = RejectedRow;

/** A record, a rejected row, or a row skipped on purpose (e.g. a data·inclusion structure of another network). */
export type ReadResult = { record: SourceRecord } | { rejected: RejectedRow } | { skipped: { line: number; reason: string } };

export type ImportFormat =
  | 'data-inclusion-csv'
  | 'data-inclusion-json'
  | 'finess'
  | 'marche-inclusion'
  | 'emplois-inclusion'
  | 'generic';

/** A format reader: streams the results of a file, in file order, without holding it all in memory when the format allows. */
export interface FormatReader {
  format: ImportFormat;
  source: SupplierSource;
  read(path: string, options: ReaderOptions): AsyncIterable<ReadResult>;
}

export interface ReaderOptions {
  /** Generic CSV/XLSX: our field name → the file's header; a preset fills the usual French headers. */
  columnMapping?: Partial<Record<GenericField, string>>;
  /** Generic files: which source to record them as (default SUPPLIER is wrong for official data: the operator says). */
  source?: SupplierSource;
  /**
   * Read a text file even though its decoded text holds U+FFFD replacement characters
   * (text lost before or while decoding): refused otherwise (`--accept-replacement-characters`).
   */
  acceptReplacementCharacters?: boolean;
  /** Told what the operator should know about the file as a whole (French), e.g. replacement characters accepted. */
  onWarning?: (message: string) => void;
}

export type GenericField =
  | 'siret'
  | 'legalName'
  | 'brandName'
  | 'kind'
  | 'street'
  | 'postalCode'
  | 'communeCode'
  | 'communeName'
  | 'email'
  | 'phone'
  | 'website'
  | 'description'
  | 'latitude'
  | 'longitude'
  | 'sourceId';
