import type { DataSource } from 'typeorm';
import type { Config } from '../../core/config/config.js';
import type { Mailer } from './mail-message.js';
import { OutboxMailer } from './outbox-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

export type { Mailer, MailMessage } from './mail-message.js';

/** SMTP when SMTP_URL is set, otherwise the local outbox (table mail_outbox). */
export function createMailer(config: Config, db: DataSource): Mailer {
  return config.smtpUrl ? SmtpMailer.fromUrl(config.smtpUrl, config.mailFrom) : new OutboxMailer(db);
}
