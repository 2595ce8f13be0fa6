import type { DataSource } from 'typeorm';
import type { Config } from '../../core/config/config.js';
import { OutboxMailer } from './outbox-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

/** A message ready to go: composed from a template (mail-templates.ts). */
export interface MailMessage {
  to: string;
  /** Template name, kept with the message for reading and tests. */
  template: string;
  subject: string;
  text: string;
  html: string | null;
}

/**
 * The one way out for mail. `send` resolves once the message is accepted: stored in the
 * outbox, or handed to the SMTP delivery queue (delivery happens after, so that a slow mail
 * server neither slows a request nor tells by its timing whether an address has an account).
 */
export interface Mailer {
  /** How mail leaves this server, for the start log. */
  readonly description: string;
  send(message: MailMessage): Promise<void>;
  /** Waits for messages still being delivered. */
  close(): Promise<void>;
}

/** SMTP when SMTP_URL is set, otherwise the local outbox (table mail_outbox). */
export function createMailer(config: Config, db: DataSource): Mailer {
  return config.smtpUrl ? SmtpMailer.fromUrl(config.smtpUrl, config.mailFrom) : new OutboxMailer(db);
}
