/** Unit a price applies to. FLAT means the price is for the whole service. */
export enum PriceUnit {
  FLAT = 'FLAT',
  HOUR = 'HOUR',
  HALF_DAY = 'HALF_DAY',
  DAY = 'DAY',
  MONTH = 'MONTH',
  PIECE = 'PIECE',
  SQUARE_METRE = 'SQUARE_METRE',
  LINEAR_METRE = 'LINEAR_METRE',
  KILOGRAM = 'KILOGRAM',
  TONNE = 'TONNE',
  MEAL = 'MEAL',
  PERSON = 'PERSON',
}
