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

  'email-verification': (params: { verifyUrl: string; validForDays: number }): MailContent => ({
    subject: 'Confirmez votre adresse électronique sur Achat inclusif',
    blocks: [
      'Bonjour,',
      `Vous avez demandé un nouveau lien pour confirmer votre adresse électronique. Ouvrez-le (valable ${params.validForDays} jours) :`,
      { link: params.verifyUrl, label: 'Confirmer mon adresse électronique' },
      "Si vous n'avez pas fait cette demande, ignorez ce message.",
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

  // Sent to a structure's address on record: names the structure (official data), never the claimant.
  'claim-code': (params: { supplierName: string; code: string; validForMinutes: number }): MailContent => ({
    subject: `Code de vérification pour gérer ${params.supplierName} sur Achat inclusif`,
    blocks: [
      'Bonjour,',
      `Une personne a demandé à gérer la fiche de la structure « ${params.supplierName} » sur Achat inclusif, l'annuaire des structures inclusives pour les acheteurs publics. Ce message est envoyé à l'adresse connue de la structure.`,
      `Si cette demande vient de vous ou d'un collègue, voici le code à saisir (valable ${params.validForMinutes} minutes) :`,
      params.code,
      "Sinon, ignorez ce message : sans ce code, personne ne peut gérer la fiche en votre nom.",
    ],
  }),

  'claim-decided': (params: { supplierName: string; approved: boolean; workspaceUrl: string }): MailContent => ({
    subject: params.approved
      ? `Votre demande pour gérer ${params.supplierName} est acceptée`
      : `Votre demande pour gérer ${params.supplierName} n'a pas été acceptée`,
    blocks: [
      'Bonjour,',
      params.approved
        ? `L'équipe Achat inclusif a accepté votre demande : vous gérez désormais la fiche de « ${params.supplierName} ».`
        : `L'équipe Achat inclusif n'a pas accepté votre demande de gérer la fiche de « ${params.supplierName} ». Le motif est indiqué dans votre espace.`,
      { link: params.workspaceUrl, label: 'Ouvrir mon espace' },
    ],
  }),

  // The structure's name only when it comes from official data (a proposal's name was typed by a visitor).
  'supplier-invitation': (params: { supplierLabel: string; acceptUrl: string; validForDays: number }): MailContent => ({
    subject: 'Invitation à gérer une structure sur Achat inclusif',
    blocks: [
      'Bonjour,',
      `Vous êtes invité(e) à gérer avec vos collègues la fiche de ${params.supplierLabel} sur Achat inclusif, l'annuaire des structures inclusives pour les acheteurs publics.`,
      `Pour accepter, ouvrez ce lien (valable ${params.validForDays} jours) et connectez-vous, ou créez un compte avec cette adresse :`,
      { link: params.acceptUrl, label: "Accepter l'invitation" },
      "Si vous ne connaissez pas cette structure, ignorez ce message.",
    ],
  }),

  'proposal-decided': (params: { siret: string; approved: boolean; workspaceUrl: string }): MailContent => ({
    subject: params.approved ? 'Votre structure est publiée sur Achat inclusif' : "Votre proposition de structure n'a pas été acceptée",
    blocks: [
      'Bonjour,',
      params.approved
        ? `L'équipe Achat inclusif a validé la structure que vous avez proposée (SIRET ${params.siret}) : elle est maintenant visible des acheteurs.`
        : `L'équipe Achat inclusif n'a pas validé la structure que vous avez proposée (SIRET ${params.siret}). Le motif est indiqué dans votre espace.`,
      { link: params.workspaceUrl, label: 'Ouvrir mon espace' },
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
