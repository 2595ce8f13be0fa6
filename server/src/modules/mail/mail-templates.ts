import type { MailMessage } from './mailer.js';

/** A paragraph, or a link shown on its own line. */
type Block = string | { link: string; label: string };

interface MailContent {
  subject: string;
  blocks: Block[];
}

const SIGNATURE = "L'équipe Achat inclusif";

/**
 * Every message the application sends, in French. To add one: a function from its
 * parameters to a subject and blocks; `composeMail` makes the text and HTML versions.
 * Messages never quote what a visitor typed (a display name, say): anyone can sign up
 * with someone else's address, and the mail must not carry their words.
 */
const TEMPLATES = {
  welcome: (params: { verifyUrl: string; validForDays: number }): MailContent => ({
    subject: 'Bienvenue sur Achat inclusif : confirmez votre adresse électronique',
    blocks: [
      'Bonjour,',
      'Votre compte Achat inclusif est créé.',
      `Pour confirmer votre adresse électronique, ouvrez ce lien (valable ${params.validForDays} jours) :`,
      { link: params.verifyUrl, label: 'Confirmer mon adresse électronique' },
      "Si vous n'avez pas créé de compte sur Achat inclusif, ignorez ce message.",
    ],
  }),

  'password-reset': (params: { resetUrl: string; validForMinutes: number }): MailContent => ({
    subject: 'Réinitialisation de votre mot de passe Achat inclusif',
    blocks: [
      'Bonjour,',
      'Une demande de réinitialisation du mot de passe de votre compte Achat inclusif a été faite.',
      `Pour choisir un nouveau mot de passe, ouvrez ce lien. Il est valable ${params.validForMinutes} minutes et ne sert qu'une fois :`,
      { link: params.resetUrl, label: 'Choisir un nouveau mot de passe' },
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
    ],
  }),

  'password-changed': (params: { forgotPasswordUrl: string }): MailContent => ({
    subject: 'Votre mot de passe Achat inclusif a été modifié',
    blocks: [
      'Bonjour,',
      "Le mot de passe de votre compte Achat inclusif vient d'être modifié, et vos autres appareils ont été déconnectés.",
      "Si vous n'êtes pas à l'origine de ce changement, choisissez tout de suite un nouveau mot de passe :",
      { link: params.forgotPasswordUrl, label: 'Mot de passe oublié' },
    ],
  }),
} satisfies Record<string, (params: never) => MailContent>;

export type MailTemplate = keyof typeof TEMPLATES;
export type MailParams<T extends MailTemplate> = Parameters<(typeof TEMPLATES)[T]>[0];

export function composeMail<T extends MailTemplate>(template: T, to: string, params: MailParams<T>): MailMessage {
  const content = (TEMPLATES[template] as (params: MailParams<T>) => MailContent)(params);
  const blocks = [...content.blocks, SIGNATURE];
  const text = blocks.map((block) => (typeof block === 'string' ? block : block.link)).join('\n\n');
  const html = [
    '<!doctype html>',
    '<html lang="fr"><head><meta charset="utf-8"><title>' + escapeHtml(content.subject) + '</title></head>',
    '<body style="font-family: Marianne, Arial, sans-serif; line-height: 1.5; color: #161616;">',
    ...blocks.map((block) =>
      typeof block === 'string'
        ? `<p>${escapeHtml(block)}</p>`
        : `<p><a href="${escapeHtml(block.link)}">${escapeHtml(block.label)}</a><br><small>${escapeHtml(block.link)}</small></p>`,
    ),
    '</body></html>',
  ].join('\n');
  return { to, template, subject: content.subject, text: `${text}\n`, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
