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
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE = 'DUPLICATE',
  STALE_VERSION = 'STALE_VERSION',
  WRONG_CODE = 'WRONG_CODE',
  NOT_ALLOWED_NOW = 'NOT_ALLOWED_NOW',
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
    OUT_OF_RANGE: { description: 'The number or date is outside the allowed range (a negative price, a radius over 2 000 km…).' },
    NOT_FOUND: { description: 'The referenced record (a category, a commune, a supplier…) does not exist or is not visible to you.' },
    DUPLICATE: {
      description: 'The record already exists (a structure proposed with the SIRET of one in the directory, a second open claim…); the message says which.',
    },
    STALE_VERSION: {
      description:
        'Someone changed the record since you read it (its `version` is higher than the one sent). Nothing was saved: reload it, reapply your change, send again.',
    },
    WRONG_CODE: { description: 'The code sent by email is wrong or expired.' },
    NOT_ALLOWED_NOW: {
      description: 'The action does not apply to the record in its current state (approving a claim already decided, publishing an archived offering…).',
    },
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
