import { describe, expect, it } from 'vitest';
import { searchResult, shortlistSupplier } from '../suppliers/test-fixtures';
import { rowFromSearchResult, rowFromShortlist, SEARCH_CSV_HEADER, searchResultsCsv, SUPPLIER_CSV_HEADER, suppliersCsv } from './supplier-csv';

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
    const [header, row] = lines(searchResultsCsv([rowFromSearchResult(searchResult())], ORIGIN));
    expect(header).toEqual(SEARCH_CSV_HEADER);
    expect(header).toContain('Offre correspondante la moins chère');
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
      'Tonte de pelouse',
      '35',
      '',
      'heure',
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
    expect(column(row!, 'Offre la moins chère')).toBe('Tonte de pelouse');
    expect(column(row!, 'Prix unitaire (€ HT)')).toBe('35');
    expect(column(row!, 'Unité')).toBe('heure');
    // Its entry amount (150) is above its price: that is its minimum order.
    expect(column(row!, 'Commande minimum (€ HT)')).toBe('150');
  });

  it('keeps unit prices, units and minimum orders in separate columns, never mixed', () => {
    const unitPriced = searchResult({
      cheapestMatchingOffering: {
        __typename: 'Offering', id: 'o1', title: 'Entretien de locaux', entryAmount: 250, minimumOrderAmount: 250,
        price: { __typename: 'OfferingPrice', amountFrom: 22, amountTo: null, unit: 'SQUARE_METRE' },
      },
    });
    const ranged = searchResult({
      cheapestMatchingOffering: {
        __typename: 'Offering', id: 'o2', title: 'Rénovation', entryAmount: 95_300, minimumOrderAmount: null,
        price: { __typename: 'OfferingPrice', amountFrom: 95_300, amountTo: 143_000, unit: 'FLAT' },
      },
    });
    const [, first, second] = lines(searchResultsCsv([rowFromSearchResult(unitPriced), rowFromSearchResult(ranged)], ORIGIN));
    const cells = (row: string[]) => ['Offre correspondante la moins chère', 'Prix unitaire (€ HT)', 'Prix unitaire maximal (€ HT)', 'Unité', 'Commande minimum (€ HT)'].map((name) => row[SEARCH_CSV_HEADER.indexOf(name)]);
    expect(cells(first!)).toEqual(['Entretien de locaux', '22', '', 'm²', '250']);
    expect(cells(second!)).toEqual(['Rénovation', '95300', '143000', 'forfait', '']);
    expect(SEARCH_CSV_HEADER).not.toContain('Prix (€ HT) minimum');
  });

  it('leaves the price empty when every offering is on quote', () => {
    const supplier = shortlistSupplier({ offerings: [{ id: 'o', title: 'Sur devis', entryAmount: null, minimumOrderAmount: null, price: null }] });
    const [, row] = lines(suppliersCsv([rowFromShortlist(supplier)], ORIGIN));
    for (const name of ['Offre la moins chère', 'Prix unitaire (€ HT)', 'Prix unitaire maximal (€ HT)', 'Unité', 'Commande minimum (€ HT)']) {
      expect(column(row!, name), name).toBe('');
    }
  });

  it('leaves the offering of a search result without a matching priced offering empty, never another one', () => {
    const [, row] = lines(searchResultsCsv([rowFromSearchResult(searchResult({ cheapestMatchingOffering: null }))], ORIGIN));
    expect(row![SEARCH_CSV_HEADER.indexOf('Offre correspondante la moins chère')]).toBe('');
    expect(row![SEARCH_CSV_HEADER.indexOf('Prix unitaire (€ HT)')]).toBe('');
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
