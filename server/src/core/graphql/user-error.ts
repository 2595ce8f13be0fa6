import { Field, ObjectType, registerEnumType } from 'type-graphql';

/**
 * The closed set of codes of business failures returned in mutation payloads
 * (`userErrors { field code message }`). Top-level errors (ErrorCode) are for
 * authentication, bad requests and bugs; these are what a form shows next to a field.
 * Generic codes first; add a specific one only when a client must react differently.
 */
export enum UserErrorCode {
  BLANK = 'BLANK',
  INVALID = 'INVALID',
  TAKEN = 'TAKEN',
  TOO_SHORT = 'TOO_SHORT',
  TOO_LONG = 'TOO_LONG',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  INVALID_TOKEN = 'INVALID_TOKEN',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Kind of a business failure reported in a mutation payload.',
  valuesConfig: {
    BLANK: { description: 'A required value is missing or only blank.' },
    INVALID: { description: 'The value is malformed (an email address that is not one, for instance).' },
    TAKEN: { description: 'The value is already used by another record (an email address of another account).' },
    TOO_SHORT: { description: 'The value is shorter than allowed.' },
    TOO_LONG: { description: 'The value is longer than allowed.' },
    WEAK_PASSWORD: { description: 'The password is too easy to guess (the email address itself, for instance).' },
    INVALID_CREDENTIALS: { description: 'The email address or the password is wrong (which one is not said).' },
    INVALID_TOKEN: { description: 'The link from an email is unknown, already used or expired.' },
  },
});

@ObjectType({ description: 'A business failure of a mutation, to show next to the field it concerns. Nothing was changed.' })
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description: 'Path of the input field at fault, from the mutation\'s `input` (e.g. `["email"]`); null when the failure concerns the whole input.',
  })
  field!: string[] | null;

  @Field(() => UserErrorCode, { description: 'Kind of failure, for the client to react to.' })
  code!: UserErrorCode;

  @Field(() => String, { description: 'What went wrong, in French, ready to show to the person.' })
  message!: string;

  static of(field: string[] | string | null, code: UserErrorCode, message: string): UserError {
    return Object.assign(new UserError(), { field: typeof field === 'string' ? [field] : field, code, message });
  }
}
