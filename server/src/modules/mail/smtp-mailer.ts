import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from './mail-message.js';

/**
 * Sends through an SMTP server (nodemailer). Delivery runs after `send` resolves: a failure
 * is logged (the person can ask again), never shown to the requester.
 */
export class SmtpMailer implements Mailer {
  readonly description: string;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly transport: Transporter,
    private readonly from: string,
    description = 'SMTP',
    private readonly log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
  ) {
    this.description = description;
  }

  static fromUrl(url: string, from: string): SmtpMailer {
    const host = new URL(url).host;
    return new SmtpMailer(nodemailer.createTransport(url), from, `SMTP through ${host}`);
  }

  async send(message: MailMessage): Promise<void> {
    const delivery = this.transport
      .sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text, html: message.html ?? undefined })
      .then(
        () => {},
        (error: unknown) => this.log(`[mail] Could not send "${message.template}" to ${message.to}:`, error),
      )
      .finally(() => this.pending.delete(delivery));
    this.pending.add(delivery);
  }

  async close(): Promise<void> {
    await Promise.all([...this.pending]);
    this.transport.close();
  }
}
