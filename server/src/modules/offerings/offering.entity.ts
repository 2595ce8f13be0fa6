import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ServiceAreaKind, ServiceType } from '../suppliers/service-area.js';
import { moneyColumn } from '../../core/database/money-column.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { PriceUnit } from './price-unit.js';

@Entity('offering')
export class OfferingEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'supplier_id', type: 'integer' })
  supplierId!: number;

  @ManyToOne(() => SupplierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: Relation<SupplierEntity>;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'category_id', type: 'integer' })
  categoryId!: number;

  @Column({ name: 'service_type', type: 'enum', enum: ServiceType, enumName: 'service_type' })
  serviceType!: ServiceType;

  @Column({ name: 'price_from', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: moneyColumn })
  priceFrom!: number | null;

  @Column({ name: 'price_to', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: moneyColumn })
  priceTo!: number | null;

  @Column({ name: 'price_unit', type: 'enum', enum: PriceUnit, enumName: 'price_unit', nullable: true })
  priceUnit!: PriceUnit | null;

  @Column({ name: 'minimum_order_amount', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: moneyColumn })
  minimumOrderAmount!: number | null;

  @Column({ name: 'lead_time_days', type: 'integer', nullable: true })
  leadTimeDays!: number | null;

  @Column({ name: 'service_area_kind', type: 'enum', enum: ServiceAreaKind, enumName: 'service_area_kind', nullable: true })
  serviceAreaKind!: ServiceAreaKind | null;

  @Column({ name: 'service_area_region_codes', type: 'text', array: true, default: () => "'{}'" })
  serviceAreaRegionCodes!: string[];

  @Column({ name: 'service_area_departement_codes', type: 'text', array: true, default: () => "'{}'" })
  serviceAreaDepartementCodes!: string[];

  @Column({ name: 'service_area_radius_km', type: 'integer', nullable: true })
  serviceAreaRadiusKm!: number | null;

  /** The least a buyer can spend on it: GREATEST(price_from, minimum_order_amount). */
  @Column({ name: 'entry_amount', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: moneyColumn, insert: false, update: false })
  entryAmount!: number | null;

  @Column({ type: 'boolean', default: true })
  published!: boolean;

  /** First publication; null for a draft never shown to buyers. */
  @Column({ name: 'first_published_at', type: 'timestamptz', nullable: true })
  firstPublishedAt!: Date | null;

  /** Archived offerings are out of the supplier's lists (and never published). */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  /** Bumped by every edit; an edit made from an older version is a conflict. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
