import type {
  AccountRole, ClaimMethod, ClaimStatus, MembershipRole, ProposalStatus, KindFamily, PriceUnit, ReservedMarket, ServiceType, SupplierKind, SupplierOrder, SupplierSource,
} from './graphql/generated/graphql';

/** French words for the API's enums: what buyers read. */

export const ACCOUNT_ROLE_LABELS: Record<AccountRole, string> = {
  BUYER: 'Acheteur public',
  SUPPLIER_MEMBER: 'Salarié d’une structure inclusive',
  ADMIN: 'Administrateur',
};

export const MEMBERSHIP_ROLE_LABELS: Record<MembershipRole, string> = {
  OWNER: 'Responsable',
  MEMBER: 'Membre',
};

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  PENDING: 'En attente',
  APPROVED: 'Acceptée',
  REJECTED: 'Refusée',
  CANCELLED: 'Retirée',
};

export const CLAIM_METHOD_LABELS: Record<ClaimMethod, string> = {
  EMAIL_CODE: 'Code envoyé à la structure',
  ADMIN_REVIEW: 'Vérification par l’équipe',
};

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  PENDING: 'En attente de validation',
  APPROVED: 'Validée',
  REJECTED: 'Refusée',
};

export const KIND_FAMILY_LABELS: Record<KindFamily, string> = {
  INSERTION: 'Insertion par l’activité économique (SIAE, GEIQ)',
  DISABILITY: 'Secteur du handicap (EA, EATT, ESAT)',
};

export const KIND_LABELS: Record<SupplierKind, string> = {
  EI: 'Entreprise d’insertion',
  AI: 'Association intermédiaire',
  ACI: 'Atelier et chantier d’insertion',
  ETTI: 'Entreprise de travail temporaire d’insertion',
  EITI: 'Entreprise d’insertion par le travail indépendant',
  GEIQ: 'Groupement d’employeurs pour l’insertion et la qualification',
  EA: 'Entreprise adaptée',
  EATT: 'Entreprise adaptée de travail temporaire',
  ESAT: 'Établissement et service d’accompagnement par le travail',
};

/** What each kind is, for a buyer who does not know the acronyms. */
export const KIND_EXPLANATIONS: Record<SupplierKind, string> = {
  EI: 'Entreprise du secteur marchand qui emploie des personnes éloignées de l’emploi en parcours d’insertion, avec un accompagnement social et professionnel.',
  AI: 'Association qui met des personnes en parcours d’insertion à disposition de particuliers, d’entreprises ou de collectivités.',
  ACI: 'Structure, souvent associative ou communale, qui fait travailler des personnes très éloignées de l’emploi sur des chantiers ou des ateliers, avec un accompagnement renforcé.',
  ETTI: 'Entreprise de travail temporaire dont les intérimaires sont en parcours d’insertion.',
  EITI: 'Structure qui accompagne des travailleurs indépendants en insertion ; elle ne peut pas répondre aux marchés réservés aux SIAE.',
  GEIQ: 'Groupement d’employeurs qui recrute des personnes éloignées de l’emploi et les forme en alternance pour ses entreprises adhérentes.',
  EA: 'Entreprise du milieu ordinaire dont au moins 55 % des salariés sont des travailleurs handicapés.',
  EATT: 'Entreprise adaptée qui propose des missions d’intérim à des travailleurs handicapés.',
  ESAT: 'Établissement médico-social qui offre une activité professionnelle et un soutien à des personnes handicapées.',
};

export const RESERVED_MARKET_LABELS: Record<ReservedMarket, string> = {
  DISABILITY_SECTOR: 'Marché réservé handicap (L2113-12)',
  SIAE: 'Marché réservé SIAE (L2113-13)',
};

export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  SERVICES: 'Prestation de services',
  STAFF_PROVISION: 'Mise à disposition de personnel',
  GOODS: 'Production et vente de biens',
};

/**
 * Orderings offered to buyers (UPDATED_ASC is for API mirrors, not listed). RELEVANCE is the
 * one default order, named for what it does; `orderLabel` words it for a search without a place.
 */
export const ORDER_LABELS: Record<Exclude<SupplierOrder, 'UPDATED_ASC'>, string> & Partial<Record<SupplierOrder, string>> = {
  RELEVANCE: 'Recommandé : local d’abord, puis pertinence',
  DISTANCE: 'Distance',
  NAME: 'Nom',
  RECENTLY_UPDATED: 'Mises à jour récentes',
};

/** The name of an order in the sort menu: without a place, "local first" means nothing. */
export function orderLabel(order: Exclude<SupplierOrder, 'UPDATED_ASC'>, hasPlace: boolean): string {
  return order === 'RELEVANCE' && !hasPlace ? 'Recommandé : les plus pertinentes d’abord' : ORDER_LABELS[order];
}

export const PRICE_UNIT_LABELS: Record<PriceUnit, string> = {
  HOUR: 'de l’heure',
  HALF_DAY: 'la demi-journée',
  DAY: 'la journée',
  MONTH: 'par mois',
  PIECE: 'la pièce',
  SQUARE_METRE: 'le m²',
  LINEAR_METRE: 'le mètre linéaire',
  KILOGRAM: 'le kg',
  TONNE: 'la tonne',
  MEAL: 'le repas',
  PERSON: 'par personne',
  FLAT: 'le forfait',
};

/** A price unit as a spreadsheet column says it: "heure", "m²", "forfait". */
export const PRICE_UNIT_NAMES: Record<PriceUnit, string> = {
  HOUR: 'heure',
  HALF_DAY: 'demi-journée',
  DAY: 'journée',
  MONTH: 'mois',
  PIECE: 'pièce',
  SQUARE_METRE: 'm²',
  LINEAR_METRE: 'mètre linéaire',
  KILOGRAM: 'kg',
  TONNE: 'tonne',
  MEAL: 'repas',
  PERSON: 'personne',
  FLAT: 'forfait',
};

export const SOURCE_LABELS: Record<SupplierSource, string> = {
  DATA_INCLUSION: 'data·inclusion',
  EMPLOIS_INCLUSION: 'Les emplois de l’inclusion',
  MARCHE_INCLUSION: 'Le marché de l’inclusion',
  FINESS: 'FINESS',
  SUPPLIER: 'Déclaré par la structure',
  DEMO: 'Données de démonstration (structure fictive)',
};

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2, minimumFractionDigits: 0 });

export function formatEuros(amount: number): string {
  return euros.format(amount);
}

/** "35 € HT de l'heure", "12 € à 18 € HT le repas". */
export function formatPrice(price: { amountFrom: number; amountTo?: number | null; unit: PriceUnit }): string {
  const amount = price.amountTo != null && price.amountTo !== price.amountFrom
    ? `${formatEuros(price.amountFrom)} à ${formatEuros(price.amountTo)}`
    : formatEuros(price.amountFrom);
  return `${amount} HT ${PRICE_UNIT_LABELS[price.unit]}`;
}

/**
 * What a buyer pays for an offering, in one line: "22 € HT le m²",
 * "52 € HT par personne · commande minimum 100 € HT", "Prix sur demande".
 */
export function formatOfferingPrice(offering: {
  price?: { amountFrom: number; amountTo?: number | null; unit: PriceUnit } | null;
  minimumOrderAmount?: number | null;
}): string {
  const minimum = offering.minimumOrderAmount != null && offering.minimumOrderAmount > 0 ? `commande minimum ${formatEuros(offering.minimumOrderAmount)} HT` : '';
  if (!offering.price) return minimum ? `Prix sur demande · ${minimum}` : 'Prix sur demande';
  return minimum ? `${formatPrice(offering.price)} · ${minimum}` : formatPrice(offering.price);
}

/** "1er avril 2026": a legal date as French texts write it (the ISO date read as a calendar day, in no time zone). */
export function formatLegalDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('fr-FR', { month: 'long', timeZone: 'UTC' });
  return `${day === 1 ? '1er' : day} ${monthName} ${year}`;
}

/** "12 345": French digit grouping. */
export function formatNumber(value: number): string {
  return value.toLocaleString('fr-FR');
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatDistance(km: number): string {
  return `${km.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km`;
}
