import type { ChangeAction, OfferingStatus, ProfileField } from '../../graphql/generated/graphql';

/** French words of the supplier workspace. */

export const OFFERING_STATUS_LABELS: Record<OfferingStatus, string> = {
  DRAFT: 'Brouillon',
  PUBLISHED: 'Publiée',
  UNPUBLISHED: 'Dépubliée',
  ARCHIVED: 'Archivée',
};

/** DSFR badge of each status. */
export const OFFERING_STATUS_BADGES: Record<OfferingStatus, string> = {
  DRAFT: 'fr-badge--new',
  PUBLISHED: 'fr-badge--success',
  UNPUBLISHED: 'fr-badge--warning',
  ARCHIVED: '',
};

/** What is missing from the profile, and the field of the form that fills it. */
export const PROFILE_FIELD_LINKS: Record<ProfileField, { label: string; anchor: string }> = {
  DESCRIPTION: { label: 'Une présentation d’au moins 200 caractères', anchor: 'profil-description' },
  CONTACT: { label: 'Une adresse électronique ou un téléphone', anchor: 'profil-email' },
  WEBSITE: { label: 'Un site web', anchor: 'profil-website' },
  SERVICE_TYPES: { label: 'Vos façons de travailler', anchor: 'profil-types-SERVICES' },
  SERVICE_AREA: { label: 'Votre zone d’intervention', anchor: 'profil-zone' },
  CATEGORIES: { label: 'Vos secteurs d’activité', anchor: 'profil-secteurs' },
  LOGO: { label: 'Un logo', anchor: 'logo-fichier' },
  PUBLISHED_OFFERING: { label: 'Une offre publiée', anchor: 'offres' },
};

export const CHANGE_ACTION_LABELS: Record<ChangeAction, string> = {
  SUPPLIER_PROFILE_UPDATED: 'Fiche modifiée',
  SUPPLIER_LOGO_UPDATED: 'Logo changé',
  SUPPLIER_LOGO_REMOVED: 'Logo retiré',
  SUPPLIER_PROPOSED: 'Structure proposée',
  SUPPLIER_PROPOSAL_APPROVED: 'Proposition validée',
  SUPPLIER_PROPOSAL_REJECTED: 'Proposition refusée',
  OFFERING_CREATED: 'Offre créée',
  OFFERING_UPDATED: 'Offre modifiée',
  OFFERING_PUBLISHED: 'Offre publiée',
  OFFERING_UNPUBLISHED: 'Offre dépubliée',
  OFFERING_ARCHIVED: 'Offre archivée',
  CLAIM_REQUESTED: 'Demande de gestion de la fiche',
  CLAIM_APPROVED: 'Demande de gestion acceptée',
  CLAIM_REJECTED: 'Demande de gestion refusée',
  CLAIM_CANCELLED: 'Demande de gestion retirée',
  MEMBER_INVITED: 'Collègue invité',
  INVITATION_REVOKED: 'Invitation annulée',
  MEMBER_JOINED: 'Nouveau membre',
  MEMBER_REMOVED: 'Membre retiré',
};

/** Names of the fields in the change log and in conflict messages. */
export const FIELD_LABELS: Record<string, string> = {
  description: 'Présentation',
  brandName: 'Nom commercial',
  email: 'Adresse électronique',
  phone: 'Téléphone',
  website: 'Site web',
  headcount: 'Effectif',
  serviceTypes: 'Façons de travailler',
  serviceArea: 'Zone d’intervention',
  tags: 'Réseaux et labels',
  categories: 'Secteurs d’activité',
  logo: 'Logo',
  title: 'Titre',
  category: 'Catégorie',
  serviceType: 'Type de prestation',
  price: 'Prix',
  minimumOrderAmount: 'Commande minimum',
  leadTimeDays: 'Délai habituel',
  status: 'Statut',
};

/** A logged or conflicting value, in words (plain text: shown by interpolation only). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : '(vide)';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== null && !(Array.isArray(item) && item.length === 0))
      .map(([key, item]) => `${key} : ${valueText(item)}`)
      .join(' ; ');
  }
  const text = String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
