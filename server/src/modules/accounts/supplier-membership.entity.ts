import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What an account may do for a supplier. */
export enum MembershipRole {
  /** Manages the supplier's page and its members. */
  OWNER = 'OWNER',
  /** Edits the supplier's page. */
  MEMBER = 'MEMBER',
}

/** An account acting for a supplier (ownership is this link table and a guard: authorization.ts). */
@Entity('supplier_membership')
export class SupplierMembershipEntity {
  @PrimaryColumn({ name: 'account_id', type: 'integer' })
  accountId!: number;

  @PrimaryColumn({ name: 'supplier_id', type: 'integer' })
  supplierId!: number;

  @Column({ type: 'enum', enum: MembershipRole, enumName: 'supplier_membership_role' })
  role!: MembershipRole;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
