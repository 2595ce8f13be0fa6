import type { SqlRunner } from '../../core/database/sql-runner.js';
import type { Mailer, MailMessage } from './mail-message.js';

/**
 * Keeps every message in the mail_outbox table instead of sending it: every flow works
 * without a mail server, tests read the table, and developers read /dev/outbox.
 */
export class OutboxMailer implements Mailer {
  readonly description = 'no SMTP_URL: mail is kept in the mail_outbox table (GET /dev/outbox with MAIL_OUTBOX_VIEW=1)';

  constructor(private readonly db: SqlRunner) {}

  async send(message: MailMessage): Promise<void> {
    await this.db.query(`INSERT INTO mail_outbox (recipient, template, subject, text, html) VALUES ($1, $2, $3, $4, $5)`, [
      message.to,
      message.template,
      message.subject,
      message.text,
      message.html,
    ]);
  }

  async close(): Promise<void> {}
}
