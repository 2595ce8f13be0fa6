import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../core/graphql/user-error.js';
import { Supplier } from './supplier.types.js';

/** Parts of a profile that make it useful to buyers (profileCompleteness). */
export enum ProfileField {
  DESCRIPTION = 'DESCRIPTION',
  CONTACT = 'CONTACT',
  WEBSITE = 'WEBSITE',
  SERVICE_TYPES = 'SERVICE_TYPES',
  SERVICE_AREA = 'SERVICE_AREA',
  CATEGORIES = 'CATEGORIES',
  LOGO = 'LOGO',
  PUBLISHED_OFFERING = 'PUBLISHED_OFFERING',
}

/** A description shorter than this says too little to choose a supplier. */
export const DESCRIPTION_COMPLETE_LENGTH = 200;

registerEnumType(ProfileField, {
  name: 'ProfileField',
  description: 'A part of a structure\'s profile counted by its completeness.',
  valuesConfig: {
    DESCRIPTION: { description: `A presentation of at least ${DESCRIPTION_COMPLETE_LENGTH} characters.` },
    CONTACT: { description: 'An email address or a phone number.' },
    WEBSITE: { description: 'A website.' },
    SERVICE_TYPES: { description: 'At least one way of working (service type).' },
    SERVICE_AREA: { description: 'A service area chosen by the structure (not the default from official data).' },
    CATEGORIES: { description: 'At least one sector, declared or from an offering.' },
    LOGO: { description: 'A logo.' },
    PUBLISHED_OFFERING: { description: 'At least one published offering.' },
  },
});

@ObjectType('ProfileCompleteness', { description: 'How complete a structure\'s profile is, and what is missing.' })
export class ProfileCompleteness {
  @Field(() => Int, { description: 'Share of the profile fields filled in, 0 to 100.' })
  percent!: number;

  @Field(() => [ProfileField], { description: 'What is missing, in the order of the form.' })
  missing!: ProfileField[];
}

@ObjectType('UpdateSupplierProfilePayload', { description: 'Result of updateSupplierProfile.' })
export class UpdateSupplierProfilePayload {
  @Field(() => Supplier, {
    nullable: true,
    description: 'The structure after the call: updated on success; as it stands on the server otherwise (with STALE_VERSION, to show what changed). Null when it does not exist.',
  })
  supplier!: Supplier | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}
