/** What a supplier sells, in the field's three modes. */
export enum ServiceType {
  /** "Mise à disposition de personnel" / temporary work. */
  STAFF_PROVISION = 'STAFF_PROVISION',
  /** "Prestation de services". */
  SERVICES = 'SERVICES',
  /** "Fabrication et commercialisation de biens". */
  GOODS = 'GOODS',
}

/** Shape of a service area ("périmètre d'intervention"). */
export enum ServiceAreaKind {
  NATIONAL = 'NATIONAL',
  REGIONS = 'REGIONS',
  DEPARTEMENTS = 'DEPARTEMENTS',
  /** A radius in km around the supplier's own site. */
  RADIUS = 'RADIUS',
}

export interface ServiceArea {
  kind: ServiceAreaKind;
  /** INSEE région codes, for kind REGIONS. */
  regionCodes: string[];
  /** INSEE département codes, for kind DEPARTEMENTS. */
  departementCodes: string[];
  /** For kind RADIUS. */
  radiusKm: number | null;
}
