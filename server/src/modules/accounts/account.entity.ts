import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a person is in the application. Anonymous visitors have no account. */
export enum AccountRole {
  /** A public buyer. */
  BUYER = 'BUYER',
  /** Staff of inclusive suppliers: rights on a supplier come from supplier_membership only. */
  SUPPLIER_MEMBER = 'SUPPLIER_MEMBER',
  /** Runs the directory; created or promoted from the command line only. */
  ADMIN = 'ADMIN',
}

@Entity('account')
@Check('account_email_check', `email::text = lower(btrim(email::text)) AND length(email::text) <= 254`)
@Check('account_password_hash_check', `password_hash LIKE '$argon2id$%'`)
@Check('account_display_name_check', `btrim(display_name) <> '' AND length(display_name) <= 100`)
export class AccountEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS' })
  id!: number;

  /** Trimmed and lower-cased (citext: unique whatever the case). */
  @Column({ type: 'citext', unique: true })
  email!: string;

  /** argon2id PHC string. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'enum', enum: AccountRole, enumName: 'account_role' })
  role!: AccountRole;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
