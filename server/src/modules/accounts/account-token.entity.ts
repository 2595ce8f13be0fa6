import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum AccountTokenPurpose {
  PASSWORD_RESET = 'PASSWORD_RESET',
  EMAIL_VERIFICATION = 'EMAIL_VERIFICATION',
}

/** A single-use token sent by mail; only its SHA-256 is stored. */
@Entity('account_token')
export class AccountTokenEntity {
  @PrimaryColumn({ type: 'bytea' })
  id!: Buffer;

  @Column({ name: 'account_id', type: 'integer' })
  accountId!: number;

  @Column({ type: 'enum', enum: AccountTokenPurpose, enumName: 'account_token_purpose' })
  purpose!: AccountTokenPurpose;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
