import { Field, ID, InputType, Int } from 'type-graphql';
import { ServiceAreaKind, ServiceType } from './service-area.js';
import './supplier.enums.js';

@InputType({ description: 'A service area ("périmètre d\'intervention") as chosen by the structure.' })
export class ServiceAreaInput {
  @Field(() => ServiceAreaKind, { description: 'Shape of the area.' })
  kind!: ServiceAreaKind;

  @Field(() => [String], { nullable: true, description: 'INSEE région codes (e.g. "44"), for kind REGIONS; at least one.' })
  regionCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'INSEE département codes (e.g. "57", "2A"), for kind DEPARTEMENTS; at least one.' })
  departementCodes?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Radius in km around the structure\'s site (1 to 2 000), for kind RADIUS.' })
  radiusKm?: number | null;
}

@InputType({
  description:
    'Changes to a structure\'s profile. Omitted fields stay as they are; null clears an optional field. Official fields (SIRET, legal name, kind, address) come from official data and cannot be changed here. Edited fields are kept by later imports.',
})
export class UpdateSupplierProfileInput {
  @Field(() => ID, { description: 'Global ID of the supplier.' })
  supplierId!: string;

  @Field(() => Int, { description: 'The `version` of the supplier the edit starts from; a newer one on the server answers STALE_VERSION and saves nothing.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Presentation, plain text (no markup), up to 5 000 characters; line breaks kept.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Brand or trade name ("enseigne"), up to 120 characters.' })
  brandName?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact email address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'French phone number; stored as "01 23 45 67 89".' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Website, http or https only ("exemple.fr" becomes "https://exemple.fr/").' })
  website?: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of people working there, 0 to 100 000.' })
  headcount?: number | null;

  @Field(() => [ServiceType], { nullable: true, description: 'How the structure works for buyers.' })
  serviceTypes?: ServiceType[] | null;

  @Field(() => ServiceAreaInput, { nullable: true, description: 'Where the structure works.' })
  serviceArea?: ServiceAreaInput | null;

  @Field(() => [String], { nullable: true, description: 'Networks and labels ("UNEA", "Label RSEi"…): up to 20, each up to 60 characters.' })
  tags?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Global IDs of the sectors ("secteurs d\'activité") the structure declares, up to 20.' })
  categoryIds?: string[] | null;
}
