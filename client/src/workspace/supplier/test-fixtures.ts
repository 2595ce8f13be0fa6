/** Component tests only: a structure and an offering as the API returns them (with __typename). */
export const SUPPLIER_ID = 'U3VwcGxpZXI6MQ';
export const OFFERING_ID = 'T2ZmZXJpbmc6MQ';
export const CATEGORY_ID = 'Q2F0ZWdvcnk6cmV0b3VjaGVz';

export const CATEGORY_GROUPS = [
  { __typename: 'CategoryGroup', slug: 'textile', name: 'Textile', categories: [{ __typename: 'Category', id: CATEGORY_ID, slug: 'retouches', name: 'Retouches' }] },
];

export function profileData(changes: Record<string, unknown> = {}) {
  return {
    __typename: 'Supplier' as const,
    id: SUPPLIER_ID,
    version: 1,
    name: 'Atelier Couture',
    legalName: 'ASSOCIATION ATELIER COUTURE',
    brandName: 'Atelier Couture',
    siret: '12345678900012',
    kind: 'ACI' as const,
    kindName: 'Atelier et chantier d’insertion',
    description: 'Retouches et créations.',
    headcount: 12,
    tags: ['UNEA'],
    serviceTypes: ['SERVICES' as const],
    published: true,
    updatedAt: '2026-11-20T10:00:00.000Z',
    logoUrl: null,
    address: { __typename: 'PostalAddress', street: '1 rue de la Gare', postalCode: '57000', commune: { __typename: 'Commune', name: 'Metz' } },
    contact: { __typename: 'SupplierContact', email: 'contact@atelier.fr', phone: '03 87 12 34 56', website: 'https://atelier.fr/' },
    serviceArea: {
      __typename: 'ServiceArea',
      kind: 'DEPARTEMENTS' as const,
      radiusKm: null,
      regions: [],
      departements: [{ __typename: 'Departement', code: '57', name: 'Moselle' }],
    },
    categories: [],
    profileCompleteness: { __typename: 'ProfileCompleteness', percent: 50, missing: ['LOGO' as const] },
    ...changes,
  };
}

export function offeringData(changes: Record<string, unknown> = {}) {
  return {
    __typename: 'Offering' as const,
    id: OFFERING_ID,
    version: 1,
    status: 'DRAFT' as const,
    title: 'Ourlets de pantalons',
    description: 'Sous 48 heures.',
    serviceType: 'SERVICES' as const,
    minimumOrderAmount: null,
    leadTimeDays: 2,
    entryAmount: 12.5,
    hasOwnServiceArea: false,
    updatedAt: '2026-11-20T10:00:00.000Z',
    category: { __typename: 'Category', id: CATEGORY_ID, slug: 'retouches', name: 'Retouches' },
    price: { __typename: 'OfferingPrice', amountFrom: 12.5, amountTo: null, unit: 'PIECE' as const },
    serviceArea: { __typename: 'ServiceArea', kind: 'NATIONAL' as const, radiusKm: null, regions: [], departements: [] },
    ...changes,
  };
}

export const userError = (field: string[] | null, code: string, message: string) => ({ __typename: 'UserError', field, code, message });
