import type { Request, Response } from 'express';
import type { SqlRunner } from '../../core/database/sql-runner.js';
import { latestOutboxMessages } from './mail-outbox.records.js';
import { escapeHtml } from './mail-templates.js';

const SHOWN = 100;

/**
 * GET /dev/outbox: the latest messages of the outbox, newest first, links clickable.
 * Served only with MAIL_OUTBOX_VIEW=1 (`pnpm dev` sets it): it shows password reset
 * links, so it must never be reachable on a public deployment.
 */
export function outboxView(db: SqlRunner) {
  return async (_request: Request, response: Response): Promise<void> => {
    const messages = await latestOutboxMessages(db, SHOWN);
    const linkify = (text: string) =>
      escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
    const items = messages.map(
      (message) => `<article>
  <h2>${escapeHtml(message.subject)}</h2>
  <p class="meta">n° ${message.id} · à <strong>${escapeHtml(message.recipient)}</strong> · ${escapeHtml(message.template)} · ${message.createdAt.toISOString()}</p>
  <pre>${linkify(message.text)}</pre>
</article>`,
    );
    response
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      .type('html')
      .send(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Boîte d'envoi (développement)</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}article{border-top:1px solid #ccc}pre{white-space:pre-wrap}.meta{color:#555}</style>
</head><body>
<h1>Boîte d'envoi (développement)</h1>
<p>Les ${SHOWN} derniers messages gardés par le serveur faute de SMTP_URL, du plus récent au plus ancien.</p>
${items.join('\n') || '<p>Aucun message.</p>'}
</body></html>`);
  };
}
