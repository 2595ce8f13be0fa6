import type { PriceUnit, ReservedMarket, ShortlistSupplierFragment, SupplierExportRowFragment } from '../graphql/generated/graphql';
import { PRICE_UNIT_NAMES, RESERVED_MARKET_LABELS } from '../labels';
import { supplierPageUrl } from '../suppliers/supplier-text';
import { toCsv, type CsvCell } from './csv';

/** What the export reads of a supplier: the fields both a search result and a shortlist entry carry. */
export interface ExportedSupplier {
  id: string;
  name: string;
  legalName: string;
  siret: string;
  kindName: string;
  reservedMarkets: readonly ReservedMarket[];
  address: {
    street: string | null;
    postalCode: string | null;
    commune: { name: string; departement: { code: string; name: string } };
  };
  contact: { email: string | null; phone: string | null; website: string | null };
  categories: readonly { name: string }[];
}

export interface ExportedOffering {
  title: string;
  entryAmount: number | null;
  /** Minimum order in € HT, if the supplier sets one. */
  minimumOrderAmount: number | null;
  price: { amountFrom: number; amountTo: number | null; unit: PriceUnit } | null;
}

/** One line of a supplier export, before it is written as text. */
export interface SupplierExportRow {
  supplier: ExportedSupplier;
  /** From the search's point; null outside a search around a commune. */
  distanceKm: number | null;
  /** The cheapest priced offering (in a search: among those matching it, never an unrelated one). */
  cheapestOffering: ExportedOffering | null;
}

export function rowFromSearchResult(edge: SupplierExportRowFragment): SupplierExportRow {
  return { supplier: edge.node, distanceKm: edge.distanceKm, cheapestOffering: edge.cheapestMatchingOffering };
}

/** A kept supplier, with its cheapest offering. */
export function rowFromShortlist(supplier: ShortlistSupplierFragment): SupplierExportRow {
  return { supplier, distanceKm: null, cheapestOffering: cheapest(supplier.offerings) };
}

/** The offering a buyer can start with for the least money; offerings on quote only never are. */
export function cheapest<T extends ExportedOffering>(offerings: readonly T[]): T | null {
  let best: T | null = null;
  for (const offering of offerings) {
    if (offering.entryAmount !== null && (best === null || offering.entryAmount < best.entryAmount!)) best = offering;
  }
  return best;
}

export const SUPPLIER_CSV_HEADER = [
  'Nom',
  'Raison sociale',
  'SIRET',
  'Type de structure',
  'Marchés réservés',
  'Adresse',
  'Code postal',
  'Commune',
  'Département',
  'Distance (km)',
  'Catégories',
  'Offre la moins chère',
  'Prix unitaire (€ HT)',
  'Prix unitaire maximal (€ HT)',
  'Unité',
  'Commande minimum (€ HT)',
  'Téléphone',
  'E-mail',
  'Site web',
  'Lien vers la fiche',
];

/**
 * "+33 1 99 00 21 10" becomes "01 99 00 21 10": how French buyers dial it, and no leading
 * "+" that a spreadsheet would take as a formula.
 */
function nationalPhone(phone: string): string {
  return phone.replace(/^\+33\s*/, '0');
}

/**
 * The header of a search's export: its offering column is the cheapest of those matching
 * the search (`cheapestMatchingOffering`), not of all the supplier's offerings.
 */
export const SEARCH_CSV_HEADER = SUPPLIER_CSV_HEADER.map((name) => (name === 'Offre la moins chère' ? 'Offre correspondante la moins chère' : name));

/**
 * A row's cells. The price is split in columns a spreadsheet can sort and compare: the
 * unit price ("22" for 22 € HT le m²; from, and up to for a range), its unit ("m²"), and
 * the minimum order ("250"): a unit price and a minimum order are never mixed in a column.
 */
export function supplierCsvCells({ supplier, distanceKm, cheapestOffering }: SupplierExportRow, origin: string): CsvCell[] {
  const { address, contact } = supplier;
  const offer = cheapestOffering;
  const price = offer?.price ?? null;
  return [
    supplier.name,
    supplier.legalName,
    { digits: supplier.siret },
    supplier.kindName,
    supplier.reservedMarkets.map((market) => RESERVED_MARKET_LABELS[market]).join(', '),
    address.street,
    address.postalCode && { digits: address.postalCode },
    address.commune.name,
    `${address.commune.departement.name} (${address.commune.departement.code})`,
    distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
    supplier.categories.map((category) => category.name).join(', '),
    offer?.title,
    price?.amountFrom,
    price?.amountTo != null && price.amountTo !== price.amountFrom ? price.amountTo : null,
    price && PRICE_UNIT_NAMES[price.unit],
    offer?.minimumOrderAmount != null && offer.minimumOrderAmount > 0 ? offer.minimumOrderAmount : null,
    contact.phone && nationalPhone(contact.phone),
    contact.email,
    contact.website,
    supplierPageUrl(supplier.id, origin),
  ];
}

/** The CSV a buyer opens in a spreadsheet to compare and contact suppliers. */
export function suppliersCsv(rows: readonly SupplierExportRow[], origin = globalThis.location?.origin ?? ''): string {
  return toCsv(SUPPLIER_CSV_HEADER, rows.map((row) => supplierCsvCells(row, origin)));
}

/** A search's results as CSV: the same columns, the offering being the cheapest matching the search. */
export function searchResultsCsv(rows: readonly SupplierExportRow[], origin = globalThis.location?.origin ?? ''): string {
  return toCsv(SEARCH_CSV_HEADER, rows.map((row) => supplierCsvCells(row, origin)));
}

/** A saved list's export: the same columns, and the buyer's note about each supplier last. */
export function notedSuppliersCsv(rows: readonly (SupplierExportRow & { note: string })[], origin = globalThis.location?.origin ?? ''): string {
  return toCsv([...SUPPLIER_CSV_HEADER, 'Note'], rows.map((row) => [...supplierCsvCells(row, origin), row.note]));
}
