import { Column, Entity, JoinTable, ManyToMany, OneToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { SupplierSearchEntity } from '../search/supplier-search.entity.js';
import { CategoryEntity } from '../categories/category.entities.js';
import { ServiceAreaKind, ServiceType } from './service-area.js';
import { SupplierKind } from './supplier-kind.js';
import { SupplierSource } from './supplier-source.js';

export enum PositionSource {
  /** Geocoded from the supplier's address. */
  ADDRESS = 'ADDRESS',
  /** The centre of the supplier's commune, for want of a better position. */
  COMMUNE_CENTRE = 'COMMUNE_CENTRE',
}

@Entity('supplier')
export class SupplierEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'char', length: 14, unique: true })
  siret!: string;

  /** A "SIREN + 999xx" antenna number of les emplois de l'inclusion, not a real establishment. */
  @Column({ name: 'siret_is_antenna', type: 'boolean', default: false })
  siretIsAntenna!: boolean;

  @Column({ type: 'char', length: 9, generatedType: 'STORED', asExpression: 'left(siret, 9)', insert: false, update: false })
  siren!: string;

  @Column({ name: 'legal_name', type: 'text' })
  legalName!: string;

  @Column({ name: 'brand_name', type: 'text', nullable: true })
  brandName!: string | null;

  @Column({ type: 'enum', enum: SupplierKind, enumName: 'supplier_kind' })
  kind!: SupplierKind;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ name: 'postal_code', type: 'text', nullable: true })
  postalCode!: string | null;

  @Column({ name: 'commune_code', type: 'text' })
  communeCode!: string;

  @Column({ name: 'municipality_code', type: 'text' })
  municipalityCode!: string;

  @Column({ name: 'departement_code', type: 'text' })
  departementCode!: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ name: 'position_source', type: 'enum', enum: PositionSource, enumName: 'position_source', nullable: true })
  positionSource!: PositionSource | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'integer', nullable: true })
  headcount!: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'service_types', type: 'enum', enum: ServiceType, enumName: 'service_type', array: true, default: () => "'{}'" })
  serviceTypes!: ServiceType[];

  @Column({ name: 'service_area_kind', type: 'enum', enum: ServiceAreaKind, enumName: 'service_area_kind' })
  serviceAreaKind!: ServiceAreaKind;

  @Column({ name: 'service_area_region_codes', type: 'text', array: true, default: () => "'{}'" })
  serviceAreaRegionCodes!: string[];

  @Column({ name: 'service_area_departement_codes', type: 'text', array: true, default: () => "'{}'" })
  serviceAreaDepartementCodes!: string[];

  @Column({ name: 'service_area_radius_km', type: 'integer', nullable: true })
  serviceAreaRadiusKm!: number | null;

  @Column({ name: 'data_source', type: 'enum', enum: SupplierSource, enumName: 'data_source' })
  dataSource!: SupplierSource;

  @Column({ name: 'source_updated_at', type: 'timestamptz', nullable: true })
  sourceUpdatedAt!: Date | null;

  @Column({ type: 'boolean', default: true })
  published!: boolean;

  /** Fields the structure edited itself (SelfEditableField values): imports leave them alone. */
  @Column({ name: 'self_edited_fields', type: 'text', array: true, default: () => "'{}'" })
  selfEditedFields!: string[];

  /** Declared sectors (besides the categories of the offerings). */
  @ManyToMany(() => CategoryEntity)
  @JoinTable({
    name: 'supplier_category',
    joinColumn: { name: 'supplier_id' },
    inverseJoinColumn: { name: 'category_id' },
  })
  declaredCategories?: Relation<CategoryEntity>[];

  /** The search projection, derived by refresh_supplier_search(). */
  @OneToOne(() => SupplierSearchEntity, (search) => search.supplier)
  search?: Relation<SupplierSearchEntity>;

  /** Bumped by every self-service edit; an edit made from an older version is a conflict. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
