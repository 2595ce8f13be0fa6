import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';

/** A buyer's named list of suppliers ("sélection"), private unless shared by its read-only link. */
@Entity('shortlist')
@Check('shortlist_name_check', `btrim(name) <> '' AND length(name) <= 100`)
@Check('shortlist_share_token_check', `share_token ~ '^[A-Za-z0-9_-]{22,}$'`)
@Index('shortlist_account_idx', ['accountId', 'createdAt'])
export class ShortlistEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'account_id', type: 'integer' })
  @ForeignKey(() => AccountEntity, { name: 'shortlist_account_id_fkey', onDelete: 'CASCADE' })
  accountId!: number;

  @Column({ type: 'text' })
  name!: string;

  /** Key of the read-only share link; null when not shared. */
  @Column({ name: 'share_token', type: 'text', nullable: true, unique: true })
  shareToken!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** A supplier on a shortlist, with the buyer's note about it. */
@Entity('shortlist_entry')
@Check('shortlist_entry_note_check', 'length(note) <= 2000')
@Index('shortlist_entry_supplier_idx', ['supplierId'])
export class ShortlistEntryEntity {
  @PrimaryColumn({ name: 'shortlist_id', type: 'integer' })
  @ForeignKey(() => ShortlistEntity, { name: 'shortlist_entry_shortlist_id_fkey', onDelete: 'CASCADE' })
  shortlistId!: number;

  @PrimaryColumn({ name: 'supplier_id', type: 'integer' })
  @ForeignKey(() => SupplierEntity, { name: 'shortlist_entry_supplier_id_fkey', onDelete: 'CASCADE' })
  supplierId!: number;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' })
  addedAt!: Date;
}
