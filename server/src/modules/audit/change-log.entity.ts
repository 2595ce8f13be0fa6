import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity.js';
import { OfferingEntity } from '../offerings/offering.entity.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import type { ChangeAction, FieldChanges } from './change-log.js';

/** One recorded change (table change_log): who, when, what. */
@Entity('change_log')
@Check('change_log_action_check', `action ~ '^[A-Z_]+$'`)
// (supplier_id, created_at DESC, id DESC): TypeORM cannot declare a descending index.
@Index('change_log_supplier_idx', { synchronize: false })
@Index('change_log_account_idx', ['accountId'])
@Index('change_log_offering_idx', ['offeringId'], { where: 'offering_id IS NOT NULL' })
export class ChangeLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'account_id', type: 'integer', nullable: true })
  @ForeignKey(() => AccountEntity, { name: 'change_log_account_id_fkey', onDelete: 'SET NULL' })
  accountId!: number | null;

  @Column({ name: 'supplier_id', type: 'integer', nullable: true })
  @ForeignKey(() => SupplierEntity, { name: 'change_log_supplier_id_fkey', onDelete: 'CASCADE' })
  supplierId!: number | null;

  @Column({ name: 'offering_id', type: 'integer', nullable: true })
  @ForeignKey(() => OfferingEntity, { name: 'change_log_offering_id_fkey', onDelete: 'SET NULL' })
  offeringId!: number | null;

  @Column({ type: 'text' })
  action!: ChangeAction;

  @Column({ type: 'jsonb', default: {} })
  changes!: FieldChanges | Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
