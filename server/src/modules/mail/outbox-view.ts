import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { escapeHtml } from './mail-templates.js';

const SHOWN = 100;

/**
 * GET /dev/outbox: the latest messages of the outbox, newest first, links clickable.
 * Served only with MAIL_OUTBOX_VIEW=1 (`pnpm dev` sets it): it shows password reset
 * links, so it must never be reachable on a public deployment.
 */
export function outboxView(db: DataSource) {
  return async (_request: Request, response: Response): Promise<void> => {
    const rows: { id: number; recipient: string; template: string; subject: string; text: string; created_at: Date }[] = await db.query(
      `SELECT id, recipient, template, subject, text, created_at FROM mail_outbox ORDER BY id DESC LIMIT ${SHOWN}`,
    );
    const linkify = (text: string) =>
      escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
    const items = rows.map(
      (row) => `<article>
  <h2>${escapeHtml(row.subject)}</h2>
  <p class="meta">n° ${row.id} · à <strong>${escapeHtml(row.recipient)}</strong> · ${escapeHtml(row.template)} · ${row.created_at.toISOString()}</p>
  <pre>${linkify(row.text)}</pre>
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
