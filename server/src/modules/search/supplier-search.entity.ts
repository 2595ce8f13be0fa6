import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { moneyColumn } from '../../core/database/money-column.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';

/**
 * The narrow row searches read for a supplier (table supplier_search), derived from the
 * supplier, its declared categories and its published offerings by the SQL function
 * refresh_supplier_search(). Only the derived columns the API shows are mapped here;
 * the others are read by the search SQL alone.
 */
@Entity('supplier_search')
export class SupplierSearchEntity {
  @PrimaryColumn({ name: 'supplier_id', type: 'integer' })
  supplierId!: number;

  @OneToOne(() => SupplierEntity, (supplier) => supplier.search, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: Relation<SupplierEntity>;

  /** Declared categories and those of the published offerings. */
  @Column({ name: 'category_ids', type: 'integer', array: true })
  categoryIds!: number[];

  /** Least entry amount of the published offerings. */
  @Column({ name: 'min_entry_amount', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: moneyColumn })
  minEntryAmount!: number | null;
}
