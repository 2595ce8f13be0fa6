import { describe, expect, it } from 'vitest';
import { searchResult, shortlistSupplier } from '../suppliers/test-fixtures';
import { rowFromSearchResult, rowFromShortlist, SUPPLIER_CSV_HEADER, suppliersCsv } from './supplier-csv';

const ORIGIN = 'https://achat-inclusif.example';

function lines(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv.slice(1).split('\r\n').slice(0, -1).map((line) => line.split(';'));
}

function column(row: string[], name: string): string {
  const index = SUPPLIER_CSV_HEADER.indexOf(name);
  expect(index, name).toBeGreaterThanOrEqual(0);
  return row[index]!;
}

describe('suppliersCsv', () => {
  it('writes a search result with its distance and cheapest matching offering', () => {
    const [header, row] = lines(suppliersCsv([rowFromSearchResult(searchResult())], ORIGIN));
    expect(header).toEqual(SUPPLIER_CSV_HEADER);
    expect(row).toEqual([
      'Les Jardins de Metz',
      'Association Jardins Solidaires Mosellans',
      '"=""12345678900012"""',
      'Atelier et chantier d’insertion',
      'Marché réservé SIAE (L2113-13)',
      '12 rue des Jardins',
      '"=""57000"""',
      'Metz',
      'Moselle (57)',
      '12,3',
      'Tonte et débroussaillage, Élagage',
      'Tonte de pelouse (35\u00a0€ HT de l’heure)',
      '150',
      '03 87 12 34 56',
      'contact@jardins-metz.example',
      'https://jardins-metz.example',
      `${ORIGIN}/structures/U3VwcGxpZXI6MQ`,
    ]);
  });

  it('writes a shortlist entry without distance, finding its cheapest offering', () => {
    const [, row] = lines(suppliersCsv([rowFromShortlist(shortlistSupplier())], ORIGIN));
    expect(column(row!, 'Distance (km)')).toBe('');
    expect(column(row!, 'Offre la moins chère')).toBe('Tonte de pelouse (35\u00a0€ HT de l’heure)');
    expect(column(row!, 'Prix (€ HT) minimum')).toBe('150');
  });

  it('leaves the price empty when every offering is on quote', () => {
    const supplier = shortlistSupplier({ offerings: [{ id: 'o', title: 'Sur devis', entryAmount: null, price: null }] });
    const [, row] = lines(suppliersCsv([rowFromShortlist(supplier)], ORIGIN));
    expect(column(row!, 'Offre la moins chère')).toBe('');
    expect(column(row!, 'Prix (€ HT) minimum')).toBe('');
  });

  it('writes a supplier not eligible to reserved markets, with missing contact details, as empty cells', () => {
    const supplier = shortlistSupplier({
      reservedMarkets: [],
      contact: { email: null, phone: null, website: null },
      address: { street: null, postalCode: null, commune: { code: '57463', name: 'Metz', departement: { code: '57', name: 'Moselle' } } },
    });
    const [, row] = lines(suppliersCsv([rowFromShortlist(supplier)], ORIGIN));
    for (const name of ['Marchés réservés', 'Adresse', 'Code postal', 'Téléphone', 'E-mail', 'Site web']) expect(column(row!, name), name).toBe('');
  });

  it('writes one line per supplier', () => {
    expect(lines(suppliersCsv([rowFromShortlist(shortlistSupplier()), rowFromSearchResult(searchResult())], ORIGIN))).toHaveLength(3);
  });
});
