import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChangeAction, FieldChanges } from './change-log.js';

/** One recorded change (table change_log): who, when, what. */
@Entity('change_log')
export class ChangeLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'account_id', type: 'integer', nullable: true })
  accountId!: number | null;

  @Column({ name: 'supplier_id', type: 'integer', nullable: true })
  supplierId!: number | null;

  @Column({ name: 'offering_id', type: 'integer', nullable: true })
  offeringId!: number | null;

  @Column({ type: 'text' })
  action!: ChangeAction;

  @Column({ type: 'jsonb' })
  changes!: FieldChanges | Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
