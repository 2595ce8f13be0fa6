import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { moneyColumn } from '../../core/database/money-column.js';
import { ServiceAreaKind, ServiceType } from '../suppliers/service-area.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';

/**
 * The narrow row searches read for a supplier (table supplier_search), derived from the
 * supplier, its declared categories and its published offerings by the SQL function
 * refresh_supplier_search(), never written through this entity. Every column is mapped so
 * that the mapping can be checked against the migrations; only those the API shows are
 * selected by default, the others are read by the search SQL alone.
 */
@Entity('supplier_search')
@Check('supplier_search_check', `service_area_kind = 'REGIONS' OR service_area_region_codes = '{}'`)
@Check('supplier_search_check1', `service_area_kind = 'DEPARTEMENTS' OR service_area_departement_codes = '{}'`)
@Index('supplier_search_commune_idx', ['communeCode'])
@Index('supplier_search_municipality_idx', ['municipalityCode'])
@Index('supplier_search_departement_idx', ['departementCode'])
@Index('supplier_search_region_idx', ['regionCode'])
@Index('supplier_search_kind_idx', ['kind'])
@Index('supplier_search_category_ids_idx', ['categoryIds'], { type: 'gin' })
@Index('supplier_search_tags_idx', ['tags'], { type: 'gin' })
@Index('supplier_search_min_entry_amount_idx', ['minEntryAmount'])
@Index('supplier_search_radius_km_idx', ['serviceAreaRadiusKm'], { where: 'service_area_radius_km IS NOT NULL' })
@Index('supplier_search_area_regions_idx', ['serviceAreaRegionCodes'], { type: 'gin' })
@Index('supplier_search_area_departements_idx', ['serviceAreaDepartementCodes'], { type: 'gin' })
@Index('supplier_search_national_idx', ['supplierId'], { where: `service_area_kind = 'NATIONAL'` })
@Index('supplier_search_sync_idx', ['changeXid', 'supplierId'], { where: 'published' })
@Index('supplier_search_removed_sync_idx', ['changeXid', 'supplierId'], { where: 'NOT published' })
@Index('supplier_search_changed_at_idx', ['changedAt'])
// gist on the expression point(longitude, latitude), a COLLATE "C" key and a descending key:
// TypeORM cannot declare these.
@Index('supplier_search_position_idx', { synchronize: false })
@Index('supplier_search_radius_area_idx', { synchronize: false })
@Index('supplier_search_sort_name_idx', { synchronize: false })
@Index('supplier_search_updated_at_idx', { synchronize: false })
export class SupplierSearchEntity {
  @PrimaryColumn({ name: 'supplier_id', type: 'integer' })
  supplierId!: number;

  /**
   * The owning side of `SupplierEntity.search`, there for its foreign key; never loaded (only
   * the supplier navigates to its search row). Its target is named by table, not imported:
   * the supplier entity imports this one, and the two modules stay out of an import cycle.
   */
  @OneToOne('supplier', 'search', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supplier_id', foreignKeyConstraintName: 'supplier_search_supplier_id_fkey' })
  supplier?: never;

  /** Declared categories and those of the published offerings. */
  @Column({ name: 'category_ids', type: 'integer', array: true })
  categoryIds!: number[];

  /** Least entry amount of the published offerings. */
  @Column({ name: 'min_entry_amount', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: moneyColumn })
  minEntryAmount!: number | null;

  // Copied from the supplier by refresh_supplier_search().

  @Column({ type: 'boolean', select: false })
  published!: boolean;

  @Column({ type: 'enum', enum: SupplierKind, enumName: 'supplier_kind', select: false })
  kind!: SupplierKind;

  @Column({ name: 'commune_code', type: 'text', select: false })
  communeCode!: string;

  @Column({ name: 'municipality_code', type: 'text', select: false })
  municipalityCode!: string;

  @Column({ name: 'departement_code', type: 'text', select: false })
  departementCode!: string;

  @Column({ name: 'region_code', type: 'text', select: false })
  regionCode!: string;

  @Column({ type: 'double precision', nullable: true, select: false })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true, select: false })
  longitude!: number | null;

  @Column({ name: 'service_area_kind', type: 'enum', enum: ServiceAreaKind, enumName: 'service_area_kind', select: false })
  serviceAreaKind!: ServiceAreaKind;

  @Column({ name: 'service_area_region_codes', type: 'text', array: true, select: false })
  serviceAreaRegionCodes!: string[];

  @Column({ name: 'service_area_departement_codes', type: 'text', array: true, select: false })
  serviceAreaDepartementCodes!: string[];

  @Column({ name: 'service_area_radius_km', type: 'integer', nullable: true, select: false })
  serviceAreaRadiusKm!: number | null;

  @Column({ name: 'service_types', type: 'enum', enum: ServiceType, enumName: 'service_type', array: true, select: false })
  serviceTypes!: ServiceType[];

  @Column({ type: 'text', array: true, select: false })
  tags!: string[];

  /** Bit n set for category group id n: facets count with bit tests. */
  @Column({ name: 'category_group_mask', type: 'bigint', select: false })
  categoryGroupMask!: string;

  /** Bit n set for the n-th value of the service_type enum. */
  @Column({ name: 'service_type_mask', type: 'integer', select: false })
  serviceTypeMask!: number;

  /** normalize_search_text() of the brand name, or of the legal name. */
  @Column({ name: 'sort_name', type: 'text', select: false })
  sortName!: string;

  /** Names only, for relevance. */
  @Column({ name: 'name_document', type: 'tsvector', select: false })
  nameDocument!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', select: false })
  updatedAt!: Date;

  /**
   * Id of the last writing transaction, stamped by a trigger: the key third-party mirrors page
   * on (modules/sync). The default is pg_current_xact_id()::text::bigint, written here as
   * TypeORM reads defaults back (casts stripped) so that it compares equal.
   */
  @Column({ name: 'change_xid', type: 'bigint', default: () => '((pg_current_xact_id()))', select: false })
  changeXid!: string;

  /** Start of the last writing transaction, stamped by the same trigger. */
  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()', select: false })
  changedAt!: Date;
}
