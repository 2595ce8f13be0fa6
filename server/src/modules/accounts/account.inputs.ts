import { Field, InputType } from 'type-graphql';
import { SignUpRole } from './account.types.js';

@InputType({ description: 'A new account.' })
export class SignUpInput {
  @Field(() => String, { description: 'Email address; it is the sign-in name (case and surrounding spaces ignored).' })
  email!: string;

  @Field(() => String, { description: 'At least 12 characters, and not the email address. A passphrase of a few words is best.' })
  password!: string;

  @Field(() => String, { description: 'Name shown to others, up to 100 characters.' })
  displayName!: string;

  @Field(() => SignUpRole, { nullable: true, description: 'Buyer or supplier staff. Default: BUYER.' })
  role?: SignUpRole | null;
}

@InputType({ description: 'Credentials to sign in.' })
export class SignInInput {
  @Field(() => String, { description: 'Email address of the account.' })
  email!: string;

  @Field(() => String, { description: 'Password of the account.' })
  password!: string;
}

@InputType({ description: 'A request for a password reset link.' })
export class RequestPasswordResetInput {
  @Field(() => String, { description: 'Email address of the account; the link is sent there if an account has it.' })
  email!: string;
}

@InputType({ description: 'A new password, with the token of a reset link.' })
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token of the link received by mail (single use, valid one hour).' })
  token!: string;

  @Field(() => String, { description: 'The new password (same rules as at sign-up).' })
  newPassword!: string;
}

@InputType({ description: 'A new password for the signed-in account.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The current password.' })
  currentPassword!: string;

  @Field(() => String, { description: 'The new password (same rules as at sign-up).' })
  newPassword!: string;
}

@InputType({ description: 'Confirmation of an email address.' })
export class VerifyEmailInput {
  @Field(() => String, { description: 'The token of the confirmation link received by mail.' })
  token!: string;
}
