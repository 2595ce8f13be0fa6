import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ServiceType } from '../suppliers/service-area.js';
import { ServiceAreaInput } from '../suppliers/supplier-profile.inputs.js';
import { PriceUnit } from './price-unit.js';
import './offering.types.js';

@InputType({ description: 'Price of an offering in € HT: a single price, or a range "from … to …".' })
export class OfferingPriceInput {
  @Field(() => Float, { description: 'Price, or lower bound of the range, in € HT: 0 to 9 999 999.99 (rounded to the cent).' })
  from!: number;

  @Field(() => Float, { nullable: true, description: 'Upper bound of the range in € HT, at least `from`; null for a single price.' })
  to?: number | null;

  @Field(() => PriceUnit, { nullable: true, description: 'What the price is for; required with a price (BLANK otherwise).' })
  unit?: PriceUnit | null;
}

/** What creation and edition share; an omitted field is empty on creation and unchanged on edition. */
@InputType({ description: 'Fields shared by offering creation and edition (not used alone).' })
export abstract class OfferingDetailsInput {
  @Field(() => String, { nullable: true, description: 'Description, plain text (no markup), up to 5 000 characters; line breaks kept.' })
  description?: string | null;

  @Field(() => OfferingPriceInput, { nullable: true, description: 'Price; null for an offering on quote only.' })
  price?: OfferingPriceInput | null;

  @Field(() => Float, { nullable: true, description: 'Minimum order in € HT (0 to 9 999 999.99); null for none.' })
  minimumOrderAmount?: number | null;

  @Field(() => Int, { nullable: true, description: 'Usual lead time in days (0 to 365); null when not said.' })
  leadTimeDays?: number | null;

  @Field(() => ServiceAreaInput, { nullable: true, description: 'The offering\'s own service area; null to use the structure\'s.' })
  serviceArea?: ServiceAreaInput | null;
}

@InputType({ description: 'A new offering of a structure, created as a draft (unpublished).' })
export class CreateOfferingInput extends OfferingDetailsInput {
  @Field(() => ID, { description: 'Global ID of the structure selling it.' })
  supplierId!: string;

  @Field(() => String, { description: 'Title, 3 to 120 characters.' })
  title!: string;

  @Field(() => ID, { description: 'Global ID of its category.' })
  categoryId!: string;

  @Field(() => ServiceType, { description: 'How it is delivered.' })
  serviceType!: ServiceType;
}

@InputType({ description: 'Changes to an offering; omitted fields stay as they are.' })
export class UpdateOfferingInput extends OfferingDetailsInput {
  @Field(() => ID, { description: 'Global ID of the offering.' })
  offeringId!: string;

  @Field(() => Int, { description: 'The `version` the edit starts from; a newer one on the server answers STALE_VERSION and saves nothing.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Title, 3 to 120 characters.' })
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global ID of its category.' })
  categoryId?: string | null;

  @Field(() => ServiceType, { nullable: true, description: 'How it is delivered.' })
  serviceType?: ServiceType | null;
}

@InputType({ description: 'An offering to publish, withdraw or archive, at the version it was read.' })
export class OfferingStatusInput {
  @Field(() => ID, { description: 'Global ID of the offering.' })
  offeringId!: string;

  @Field(() => Int, { description: 'The `version` read; a newer one on the server answers STALE_VERSION.' })
  version!: number;
}
