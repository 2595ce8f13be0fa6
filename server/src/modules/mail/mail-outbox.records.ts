import type { SqlRunner } from '../../core/database/sql-runner.js';

/** A message of the outbox, as the development page shows it. */
export interface OutboxMessage {
  id: number;
  recipient: string;
  template: string;
  subject: string;
  text: string;
  createdAt: Date;
}

/** The latest `limit` messages of the outbox, newest first. */
export async function latestOutboxMessages(db: SqlRunner, limit: number): Promise<OutboxMessage[]> {
  const rows: { id: number; recipient: string; template: string; subject: string; text: string; created_at: Date }[] = await db.query(
    'SELECT id, recipient, template, subject, text, created_at FROM mail_outbox ORDER BY id DESC LIMIT $1',
    [limit],
  );
  return rows.map(({ created_at, ...row }) => ({ ...row, createdAt: created_at }));
}
