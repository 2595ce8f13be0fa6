import { registerEnumType } from 'type-graphql';
import { PositionSource } from './supplier.entity.js';
import { ServiceAreaKind, ServiceType } from './service-area.js';
import { KIND_FRENCH_NAMES, KindFamily, ReservedMarket, SupplierKind } from './supplier-kind.js';
import { SupplierSource } from './supplier-source.js';

/** GraphQL names and descriptions of the supplier enums: part of the public contract. */
registerEnumType(SupplierKind, {
  name: 'SupplierKind',
  description: 'Kind of inclusive structure. The first six are the insertion family, the last three the disability family.',
  valuesConfig: Object.fromEntries(
    Object.values(SupplierKind).map((kind) => [kind, { description: KIND_FRENCH_NAMES[kind] }]),
  ) as Record<SupplierKind, { description: string }>,
});

registerEnumType(KindFamily, {
  name: 'KindFamily',
  description: 'Family of structure kinds.',
  valuesConfig: {
    INSERTION: { description: 'Integration through economic activity (SIAE: EI, AI, ACI, ETTI, EITI) and GEIQ.' },
    DISABILITY: { description: 'Sheltered and adapted work for disabled workers (EA, EATT, ESAT).' },
  },
});

registerEnumType(ReservedMarket, {
  name: 'ReservedMarket',
  description: 'Legal basis on which a public market (or a lot) can be reserved to a structure.',
  valuesConfig: {
    DISABILITY_SECTOR: { description: 'Art. L2113-12 code de la commande publique: EA, EATT and ESAT.' },
    SIAE: { description: 'Art. L2113-13 code de la commande publique: SIAE of art. L5132-4 code du travail (EI, AI, ACI, ETTI).' },
  },
});

registerEnumType(ServiceType, {
  name: 'ServiceType',
  description: 'How a supplier works for a buyer.',
  valuesConfig: {
    STAFF_PROVISION: { description: 'Staff provision or temporary work ("mise à disposition de personnel").' },
    SERVICES: { description: 'Services ("prestation de services").' },
    GOODS: { description: 'Production and sale of goods ("fabrication et commercialisation de biens").' },
  },
});

registerEnumType(ServiceAreaKind, {
  name: 'ServiceAreaKind',
  description: 'Shape of a service area ("périmètre d\'intervention").',
  valuesConfig: {
    NATIONAL: { description: 'All of France.' },
    REGIONS: { description: 'A list of régions.' },
    DEPARTEMENTS: { description: 'A list of départements.' },
    RADIUS: { description: 'A radius in km around the supplier\'s own site.' },
  },
});

registerEnumType(PositionSource, {
  name: 'PositionSource',
  description: 'Where a supplier\'s position comes from, i.e. how precise it is.',
  valuesConfig: {
    ADDRESS: { description: 'From the supplier\'s address.' },
    COMMUNE_CENTRE: { description: 'The centre of the supplier\'s commune (approximate, for want of an address position).' },
  },
});

registerEnumType(SupplierSource, {
  name: 'SupplierSource',
  description: 'Where a supplier\'s record comes from.',
  valuesConfig: {
    DEMO: { description: 'Fictional demo data, for trying the product. Not a real structure.' },
    DATA_INCLUSION: { description: 'data·inclusion open data ("structure" referential).' },
    FINESS: { description: 'FINESS, the national register of health and social establishments (ESAT).' },
    MARCHE_INCLUSION: { description: 'Le marché de l\'inclusion.' },
    EMPLOIS_INCLUSION: { description: 'Les emplois de l\'inclusion.' },
    SUPPLIER: { description: 'Declared by the structure itself.' },
  },
});
