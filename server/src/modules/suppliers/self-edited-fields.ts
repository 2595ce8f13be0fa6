/**
 * Fields a structure can edit itself (column supplier.self_edited_fields, checked by a
 * constraint that lists the same names). Once a field is listed, imports never overwrite
 * it: what the structure says about itself wins over the open data.
 */
export enum SelfEditableField {
  LEGAL_NAME = 'legalName',
  BRAND_NAME = 'brandName',
  KIND = 'kind',
  DESCRIPTION = 'description',
  /** Street, postal code, commune and position together. */
  ADDRESS = 'address',
  EMAIL = 'email',
  PHONE = 'phone',
  WEBSITE = 'website',
  SERVICE_TYPES = 'serviceTypes',
  TAGS = 'tags',
  /** Declared categories (table supplier_category). */
  CATEGORIES = 'categories',
  SERVICE_AREA = 'serviceArea',
}
