/** Test data shaped like the API's answers (with __typename, which Apollo's cache needs). */
import type { ShortlistSupplierFragment, SupplierPageQuery, SupplierResultFragment } from '../graphql/generated/graphql';

/** A generated type that also admits the __typename Apollo adds to every object. */
export type WithTypenames<T> = T extends readonly (infer U)[]
  ? WithTypenames<U>[]
  : T extends object
    ? { [K in keyof T]: WithTypenames<T[K]> } & { __typename?: string }
    : T;

export const METZ_ID = 'U3VwcGxpZXI6MQ';
export const NANCY_ID = 'U3VwcGxpZXI6Mg';

const address = (street: string, postalCode: string, commune: string, departement: [string, string]) => ({
  __typename: 'PostalAddress',
  street,
  postalCode,
  commune: {
    __typename: 'Commune',
    code: postalCode,
    name: commune,
    departement: { __typename: 'Departement', code: departement[0], name: departement[1] },
  },
});

const category = (slug: string, name: string) => ({ __typename: 'Category', slug, name });

const departementsArea = (...departements: [string, string][]) => ({
  __typename: 'ServiceArea',
  kind: 'DEPARTEMENTS' as const,
  radiusKm: null,
  regions: [],
  departements: departements.map(([code, name]) => ({ __typename: 'Departement', code, name })),
});

export function supplierPageData(): WithTypenames<NonNullable<SupplierPageQuery['supplier']>> {
  return {
    __typename: 'Supplier',
    id: METZ_ID,
    name: 'Les Jardins de Metz',
    brandName: 'Les Jardins de Metz',
    legalName: 'Association Jardins Solidaires Mosellans',
    siret: '12345678900012',
    siren: '123456789',
    kind: 'ACI',
    kindName: 'Atelier et chantier d’insertion',
    reservedMarkets: ['SIAE'],
    description: 'Entretien des espaces verts.\nChantiers en équipe de six.',
    headcount: 24,
    tags: ['Chantier école', 'Label RSEi'],
    serviceTypes: ['SERVICES'],
    dataSource: 'DEMO',
    sourceUpdatedAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-02-03T10:00:00.000Z',
    isDemo: true,
    logoUrl: null,
    address: address('12 rue des Jardins', '57000', 'Metz', ['57', 'Moselle']),
    contact: { __typename: 'SupplierContact', email: 'contact@jardins-metz.example', phone: '03 87 12 34 56', website: 'jardins-metz.example' },
    categories: [category('tonte-debroussaillage', 'Tonte et débroussaillage')],
    serviceArea: departementsArea(['57', 'Moselle'], ['54', 'Meurthe-et-Moselle']),
    offerings: [
      {
        __typename: 'Offering',
        id: 'T2ZmZXJpbmc6MQ',
        title: 'Tonte de pelouse',
        description: 'Tonte et ramassage.',
        serviceType: 'SERVICES',
        minimumOrderAmount: 150,
        leadTimeDays: 10,
        entryAmount: 150,
        directPurchasePossible: true,
        hasOwnServiceArea: true,
        category: category('tonte-debroussaillage', 'Tonte et débroussaillage'),
        price: { __typename: 'OfferingPrice', amountFrom: 35, amountTo: null, unit: 'HOUR' },
        serviceArea: { __typename: 'ServiceArea', kind: 'RADIUS', radiusKm: 30, regions: [], departements: [] },
      },
      {
        __typename: 'Offering',
        id: 'T2ZmZXJpbmc6Mg',
        title: 'Débroussaillage de talus',
        description: '',
        serviceType: 'SERVICES',
        minimumOrderAmount: null,
        leadTimeDays: null,
        entryAmount: null,
        directPurchasePossible: false,
        hasOwnServiceArea: false,
        category: category('tonte-debroussaillage', 'Tonte et débroussaillage'),
        price: null,
        serviceArea: departementsArea(['57', 'Moselle'], ['54', 'Meurthe-et-Moselle']),
      },
    ],
  };
}

export function shortlistSupplier(overrides: Partial<WithTypenames<ShortlistSupplierFragment>> = {}): WithTypenames<ShortlistSupplierFragment> & { __typename: 'Supplier' } {
  return {
    id: METZ_ID,
    name: 'Les Jardins de Metz',
    legalName: 'Association Jardins Solidaires Mosellans',
    siret: '12345678900012',
    kind: 'ACI',
    kindName: 'Atelier et chantier d’insertion',
    reservedMarkets: ['SIAE'],
    tags: [],
    isDemo: false,
    lowestEntryAmount: 150,
    address: address('12 rue des Jardins', '57000', 'Metz', ['57', 'Moselle']),
    contact: { __typename: 'SupplierContact', email: 'contact@jardins-metz.example', phone: '+33 3 87 12 34 56', website: 'https://jardins-metz.example' },
    categories: [category('tonte-debroussaillage', 'Tonte et débroussaillage'), category('elagage', 'Élagage')],
    serviceArea: departementsArea(['57', 'Moselle']),
    offerings: [
      // Not in price order on purpose: the export finds the cheapest itself.
      { __typename: 'Offering', id: 'T2ZmZXJpbmc6Mw', title: 'Élagage', entryAmount: 400, minimumOrderAmount: null, price: { __typename: 'OfferingPrice', amountFrom: 400, amountTo: 900, unit: 'DAY' } },
      { __typename: 'Offering', id: 'T2ZmZXJpbmc6NA', title: 'Sur devis', entryAmount: null, minimumOrderAmount: null, price: null },
      { __typename: 'Offering', id: 'T2ZmZXJpbmc6MQ', title: 'Tonte de pelouse', entryAmount: 150, minimumOrderAmount: 150, price: { __typename: 'OfferingPrice', amountFrom: 35, amountTo: null, unit: 'HOUR' } },
    ],
    ...overrides,
    __typename: 'Supplier',
  };
}

export function searchResult(overrides: Partial<WithTypenames<SupplierResultFragment>> = {}): WithTypenames<SupplierResultFragment> {
  const supplier = shortlistSupplier();
  return {
    __typename: 'SupplierEdge',
    cursor: 'c1',
    distanceKm: 12.345,
    territoryMatch: 'LOCATED_IN',
    directPurchasePossible: true,
    cheapestMatchingOffering: { ...supplier.offerings[2]!, minimumOrderAmount: 150 },
    matchReasons: {
      __typename: 'SupplierMatchReasons',
      categories: [category('tonte-debroussaillage', 'Tonte et débroussaillage')],
      offerings: [{ __typename: 'Offering', id: 'T2ZmZXJpbmc6MQ', title: 'Tonte de pelouse' }],
      textFields: [],
      missingWords: [],
    },
    node: {
      __typename: 'Supplier',
      id: supplier.id,
      name: supplier.name,
      legalName: supplier.legalName,
      siret: supplier.siret,
      kind: supplier.kind,
      kindName: supplier.kindName,
      reservedMarkets: supplier.reservedMarkets,
      tags: supplier.tags,
      position: { __typename: 'SupplierPosition', latitude: 49.12, longitude: 6.18 },
      address: supplier.address,
      contact: supplier.contact,
      categories: supplier.categories,
    },
    ...overrides,
  };
}
