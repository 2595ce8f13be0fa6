import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity.js';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
@Entity('account_session')
@Check('account_session_id_check', 'length(id) = 32')
@Index('account_session_account', ['accountId'])
@Index('account_session_expires', ['expiresAt'])
export class AccountSessionEntity {
  @PrimaryColumn({ type: 'bytea' })
  id!: Buffer;

  @Column({ name: 'account_id', type: 'integer' })
  @ForeignKey(() => AccountEntity, { name: 'account_session_account_id_fkey', onDelete: 'CASCADE' })
  accountId!: number;

  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken!: string;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
