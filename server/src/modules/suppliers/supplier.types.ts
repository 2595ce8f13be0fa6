import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Node } from '../../core/graphql/node.js';
import { ServiceAreaKind, ServiceType } from './service-area.js';
import { KIND_FAMILIES, KIND_FRENCH_NAMES, KindFamily, ReservedMarket, reservedMarketsOf, SupplierKind } from './supplier-kind.js';
import { PositionSource, type SupplierEntity } from './supplier.entity.js';
import type { CategoryEntity } from '../categories/category.entities.js';
import type { OfferingEntity } from '../offerings/offering.entity.js';
import type { CommuneEntity } from '../territories/territory.entities.js';
import { SupplierSource } from './supplier-source.js';
import './supplier.enums.js';

@ObjectType('ServiceArea', { description: 'Where a supplier (or one of its offerings) works: its "périmètre d\'intervention".' })
export class ServiceAreaType {
  @Field(() => ServiceAreaKind, { description: 'Shape of the area.' })
  kind!: ServiceAreaKind;

  @Field(() => Int, { nullable: true, description: 'Radius in km around the supplier\'s site, for kind RADIUS.' })
  radiusKm!: number | null;

  /** Codes, resolved to régions and départements by field resolvers. */
  regionCodes!: string[];
  departementCodes!: string[];

  static of(kind: ServiceAreaKind, regionCodes: string[], departementCodes: string[], radiusKm: number | null): ServiceAreaType {
    return Object.assign(new ServiceAreaType(), { kind, regionCodes, departementCodes, radiusKm });
  }
}

@ObjectType('SupplierPosition', { description: 'Position of a supplier\'s site (WGS84).' })
export class SupplierPosition {
  @Field(() => Float, { description: 'Latitude in degrees.' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in degrees.' })
  longitude!: number;

  @Field(() => PositionSource, { description: 'How precise the position is.' })
  source!: PositionSource;
}

@ObjectType('SupplierContact', { description: 'How a buyer reaches the supplier.' })
export class SupplierContact {
  @Field(() => String, { nullable: true, description: 'Email address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number, as given by the source.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Website URL.' })
  website!: string | null;
}

@ObjectType('PostalAddress', { description: 'Postal address of a supplier\'s site.' })
export class PostalAddress {
  @Field(() => String, { nullable: true, description: 'Street line, e.g. "12 rue des Jardins".' })
  street!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code ("code postal").' })
  postalCode!: string | null;

  /** The commune, resolved by a field resolver. */
  communeCode!: string;
  /** The commune entity when the caller already holds it (search results: the directory index's reference data). */
  preloadedCommune?: CommuneEntity;
}

@ObjectType('Supplier', {
  implements: Node,
  description: 'An inclusive structure ("structure" or "prestataire"): an SIAE, a GEIQ, or a disability-sector structure.',
})
export class Supplier implements Node {
  @Field(() => ID, { description: 'Global ID.' })
  id!: string;

  @Field({ description: 'SIRET: 14-digit identifier of the establishment (INSEE).' })
  siret!: string;

  @Field({ description: 'SIREN: 9-digit identifier of the legal entity (the first 9 digits of the SIRET).' })
  siren!: string;

  @Field({ description: 'Registered legal name ("raison sociale").' })
  legalName!: string;

  @Field(() => String, { nullable: true, description: 'Brand or trade name ("enseigne"), when it differs.' })
  brandName!: string | null;

  @Field({ description: 'Name to show: the brand name if any, else the legal name.' })
  name!: string;

  @Field(() => SupplierKind, { description: 'Kind of structure.' })
  kind!: SupplierKind;

  @Field({ description: 'Full French name of the kind, e.g. "Entreprise adaptée".' })
  kindName!: string;

  @Field(() => KindFamily, { description: 'Family of the kind.' })
  kindFamily!: KindFamily;

  @Field(() => [ReservedMarket], { description: 'Reserved markets the supplier is eligible to, derived from its kind.' })
  reservedMarkets!: ReservedMarket[];

  @Field({ description: 'Presentation, in French (plain text).' })
  description!: string;

  @Field(() => PostalAddress, { description: 'Postal address of the site.' })
  address!: PostalAddress;

  @Field(() => SupplierPosition, { nullable: true, description: 'Position of the site; null when unknown.' })
  position!: SupplierPosition | null;

  @Field(() => SupplierContact, { description: 'Contact details.' })
  contact!: SupplierContact;

  @Field(() => Int, { nullable: true, description: 'Number of people working there, when known.' })
  headcount!: number | null;

  @Field(() => [String], { description: 'Networks and labels the supplier belongs to or holds (e.g. "UNEA", "Label RSEi").' })
  tags!: string[];

  @Field(() => [ServiceType], { description: 'How the supplier works for buyers.' })
  serviceTypes!: ServiceType[];

  @Field(() => ServiceAreaType, { description: 'Where the supplier works.' })
  serviceArea!: ServiceAreaType;

  @Field(() => Float, {
    nullable: true,
    description: 'Least amount in € HT a buyer can spend with this supplier (over its published offerings); null when no offering has a price.',
  })
  lowestEntryAmount!: number | null;

  @Field(() => SupplierSource, { description: 'Where the record comes from.' })
  dataSource!: SupplierSource;

  @Field({ description: 'True for fictional demo data: not a real structure.' })
  isDemo!: boolean;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last update of the record at its source.' })
  sourceUpdatedAt!: Date | null;

  @Field(() => DateTimeResolver, { description: 'Last change of the record in this directory.' })
  updatedAt!: Date;

  @Field(() => Int, { description: 'Edit version, bumped by every change of the profile: send it back with an edit (conflict detection).' })
  version!: number;

  @Field({ description: 'Whether buyers see the supplier (false: a proposal awaiting approval, or a structure taken off the directory).' })
  published!: boolean;

  key!: number;
  categoryKeys!: number[];
  /**
   * What the field resolvers would load, when the caller already holds it (search results:
   * the page's statement and the directory index's reference data): resolved without a
   * loader round, so that a page of cards costs no promise per field.
   */
  preloaded?: { categories: CategoryEntity[]; offerings: OfferingEntity[] };
  /** Fields the structure edited itself (SelfEditableField values). */
  selfEditedFields!: string[];

  static from(entity: SupplierEntity): Supplier {
    const position =
      entity.latitude !== null && entity.longitude !== null && entity.positionSource !== null
        ? Object.assign(new SupplierPosition(), { latitude: entity.latitude, longitude: entity.longitude, source: entity.positionSource })
        : null;
    return Object.assign(new Supplier(), {
      id: toGlobalId('Supplier', entity.id),
      siret: entity.siret,
      siren: entity.siren,
      legalName: entity.legalName,
      brandName: entity.brandName,
      name: entity.brandName ?? entity.legalName,
      kind: entity.kind,
      kindName: KIND_FRENCH_NAMES[entity.kind],
      kindFamily: KIND_FAMILIES[entity.kind],
      reservedMarkets: reservedMarketsOf(entity.kind),
      description: entity.description,
      address: Object.assign(new PostalAddress(), { street: entity.address, postalCode: entity.postalCode, communeCode: entity.communeCode }),
      position,
      contact: Object.assign(new SupplierContact(), { email: entity.email, phone: entity.phone, website: entity.website }),
      headcount: entity.headcount,
      tags: entity.tags,
      serviceTypes: entity.serviceTypes,
      serviceArea: ServiceAreaType.of(
        entity.serviceAreaKind,
        entity.serviceAreaRegionCodes,
        entity.serviceAreaDepartementCodes,
        entity.serviceAreaRadiusKm,
      ),
      lowestEntryAmount: entity.search?.minEntryAmount ?? null,
      dataSource: entity.dataSource,
      isDemo: entity.dataSource === SupplierSource.DEMO,
      sourceUpdatedAt: entity.sourceUpdatedAt,
      updatedAt: entity.updatedAt,
      version: entity.version,
      published: entity.published,
      key: entity.id,
      categoryKeys: entity.search?.categoryIds ?? [],
      selfEditedFields: entity.selfEditedFields,
    });
  }
}
