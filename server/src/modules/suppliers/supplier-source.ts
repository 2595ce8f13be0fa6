/** Where a supplier's record comes from. */
export enum SupplierSource {
  /** Fictional data generated for trying the product. */
  DEMO = 'DEMO',
  /** data·inclusion "structure" open data. */
  DATA_INCLUSION = 'DATA_INCLUSION',
  /** FINESS (ESAT, category 246). */
  FINESS = 'FINESS',
  /** Le marché de l'inclusion. */
  MARCHE_INCLUSION = 'MARCHE_INCLUSION',
  /** Les emplois de l'inclusion. */
  EMPLOIS_INCLUSION = 'EMPLOIS_INCLUSION',
  /** Declared by the structure itself. */
  SUPPLIER = 'SUPPLIER',
}
