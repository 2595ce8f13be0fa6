import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { AccountEntity } from './account.entity.js';

/** What an account may do for a supplier. */
export enum MembershipRole {
  /** Manages the supplier's page and its members. */
  OWNER = 'OWNER',
  /** Edits the supplier's page. */
  MEMBER = 'MEMBER',
}

/** An account acting for a supplier (ownership is this link table and a guard: authorization.ts). */
@Entity('supplier_membership')
@Index('supplier_membership_supplier', ['supplierId'])
export class SupplierMembershipEntity {
  @PrimaryColumn({ name: 'account_id', type: 'integer' })
  @ForeignKey(() => AccountEntity, { name: 'supplier_membership_account_id_fkey', onDelete: 'CASCADE' })
  accountId!: number;

  @PrimaryColumn({ name: 'supplier_id', type: 'integer' })
  @ForeignKey(() => SupplierEntity, { name: 'supplier_membership_supplier_id_fkey', onDelete: 'CASCADE' })
  supplierId!: number;

  @Column({ type: 'enum', enum: MembershipRole, enumName: 'supplier_membership_role' })
  role!: MembershipRole;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
