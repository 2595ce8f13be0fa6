/**
 * Kinds of inclusive structures and the rules derived from the kind alone.
 * Pure module: no database, no GraphQL.
 */
export enum SupplierKind {
  EI = 'EI',
  AI = 'AI',
  ACI = 'ACI',
  ETTI = 'ETTI',
  EITI = 'EITI',
  GEIQ = 'GEIQ',
  EA = 'EA',
  EATT = 'EATT',
  ESAT = 'ESAT',
}

export enum KindFamily {
  INSERTION = 'INSERTION',
  DISABILITY = 'DISABILITY',
}

/** Reserved markets a buyer may open to a structure, by legal basis. */
export enum ReservedMarket {
  /** Art. L2113-12 code de la commande publique: disability sector (EA, EATT, ESAT). */
  DISABILITY_SECTOR = 'DISABILITY_SECTOR',
  /** Art. L2113-13 code de la commande publique: SIAE of art. L5132-4 code du travail. */
  SIAE = 'SIAE',
}

export const KIND_FRENCH_NAMES: Record<SupplierKind, string> = {
  [SupplierKind.EI]: "Entreprise d'insertion",
  [SupplierKind.AI]: 'Association intermédiaire',
  [SupplierKind.ACI]: "Atelier et chantier d'insertion",
  [SupplierKind.ETTI]: "Entreprise de travail temporaire d'insertion",
  [SupplierKind.EITI]: "Entreprise d'insertion par le travail indépendant",
  [SupplierKind.GEIQ]: "Groupement d'employeurs pour l'insertion et la qualification",
  [SupplierKind.EA]: 'Entreprise adaptée',
  [SupplierKind.EATT]: 'Entreprise adaptée de travail temporaire',
  [SupplierKind.ESAT]: "Établissement et service d'accompagnement par le travail",
};

export const KIND_FAMILIES: Record<SupplierKind, KindFamily> = {
  [SupplierKind.EI]: KindFamily.INSERTION,
  [SupplierKind.AI]: KindFamily.INSERTION,
  [SupplierKind.ACI]: KindFamily.INSERTION,
  [SupplierKind.ETTI]: KindFamily.INSERTION,
  [SupplierKind.EITI]: KindFamily.INSERTION,
  [SupplierKind.GEIQ]: KindFamily.INSERTION,
  [SupplierKind.EA]: KindFamily.DISABILITY,
  [SupplierKind.EATT]: KindFamily.DISABILITY,
  [SupplierKind.ESAT]: KindFamily.DISABILITY,
};

export function kindsOfFamily(family: KindFamily): SupplierKind[] {
  return Object.values(SupplierKind).filter((kind) => KIND_FAMILIES[kind] === family);
}

/**
 * Reserved-market eligibility follows the kind:
 * - Art. L2113-12 CCP reserves markets to "entreprises adaptées" (art. L5213-13 code du
 *   travail, which covers EATT, art. L5213-13-1) and ESAT (art. L344-2 CASF).
 * - Art. L2113-13 CCP reserves markets to the SIAE "mentionnées à l'article L. 5132-4 du
 *   code du travail". That article lists a closed set: EI, ETTI, AI, ACI.
 * - EITI are not in that list: they exist only as an experiment created by art. 83 of
 *   loi n° 2018-771 du 5 septembre 2018 (extended by loi n° 2020-1577), never codified
 *   into L5132-4, so a market reserved under L2113-13 cannot rely on them. The
 *   "structures équivalentes" of L2113-13 are equivalents from other EU member states
 *   (directive 2014/24/UE art. 20), not a door for EITI.
 * - GEIQ are employer groups (art. L1253-1 code du travail), not SIAE: not eligible.
 */
const RESERVED_MARKETS_BY_KIND: Record<SupplierKind, ReservedMarket[]> = {
  [SupplierKind.EI]: [ReservedMarket.SIAE],
  [SupplierKind.AI]: [ReservedMarket.SIAE],
  [SupplierKind.ACI]: [ReservedMarket.SIAE],
  [SupplierKind.ETTI]: [ReservedMarket.SIAE],
  [SupplierKind.EITI]: [],
  [SupplierKind.GEIQ]: [],
  [SupplierKind.EA]: [ReservedMarket.DISABILITY_SECTOR],
  [SupplierKind.EATT]: [ReservedMarket.DISABILITY_SECTOR],
  [SupplierKind.ESAT]: [ReservedMarket.DISABILITY_SECTOR],
};

export function reservedMarketsOf(kind: SupplierKind): ReservedMarket[] {
  return RESERVED_MARKETS_BY_KIND[kind];
}

export function kindsEligibleFor(market: ReservedMarket): SupplierKind[] {
  return Object.values(SupplierKind).filter((kind) => RESERVED_MARKETS_BY_KIND[kind].includes(market));
}
