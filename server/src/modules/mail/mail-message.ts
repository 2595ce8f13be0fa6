/** What a mailer is, apart from the mailers themselves (so that they need not import mailer.ts, which picks one). */

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
