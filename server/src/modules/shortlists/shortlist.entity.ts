import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A buyer's named list of suppliers ("sélection"), private unless shared by its read-only link. */
@Entity('shortlist')
export class ShortlistEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'account_id', type: 'integer' })
  accountId!: number;

  @Column({ type: 'text' })
  name!: string;

  /** Key of the read-only share link; null when not shared. */
  @Column({ name: 'share_token', type: 'text', nullable: true })
  shareToken!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A supplier on a shortlist, with the buyer's note about it. */
@Entity('shortlist_entry')
export class ShortlistEntryEntity {
  @PrimaryColumn({ name: 'shortlist_id', type: 'integer' })
  shortlistId!: number;

  @PrimaryColumn({ name: 'supplier_id', type: 'integer' })
  supplierId!: number;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;
}
