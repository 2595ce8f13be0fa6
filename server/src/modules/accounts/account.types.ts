import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { UserError } from '../../core/graphql/user-error.js';
import { AccountRole } from './account.entity.js';
import type { SessionViewer } from './viewer.js';

registerEnumType(AccountRole, {
  name: 'AccountRole',
  description: 'What a person is in Achat inclusif. Anonymous visitors have no account.',
  valuesConfig: {
    BUYER: { description: 'A public buyer (acheteur public).' },
    SUPPLIER_MEMBER: {
      description: 'Staff of inclusive suppliers; the suppliers the account acts for are its memberships, granted by claims and invitations.',
    },
    ADMIN: { description: 'Runs the directory. Created from the command line only.' },
  },
});

/** The roles a person may choose when signing up (never ADMIN). */
export enum SignUpRole {
  BUYER = 'BUYER',
  SUPPLIER_MEMBER = 'SUPPLIER_MEMBER',
}

registerEnumType(SignUpRole, {
  name: 'SignUpRole',
  description: 'The role chosen when signing up.',
  valuesConfig: {
    BUYER: { description: 'A public buyer.' },
    SUPPLIER_MEMBER: { description: 'Staff of an inclusive supplier, who will then claim or be invited to its page.' },
  },
});

@ObjectType({ description: "A person's account: a public buyer, staff of inclusive suppliers, or an admin." })
export class Account {
  @Field(() => ID, { description: 'Opaque global ID. Stable over time; do not parse it.' })
  id!: string;

  @Field(() => String, { description: 'Email address, lower-cased; it is also the sign-in name.' })
  email!: string;

  @Field(() => String, { description: 'Name shown to others (a person, or a service: "Achats, Ville de Metz").' })
  displayName!: string;

  @Field(() => AccountRole, { description: 'What the person is in the application.' })
  role!: AccountRole;

  @Field(() => Boolean, { description: 'Whether the person opened the confirmation link sent to the address.' })
  emailVerified!: boolean;

  @Field(() => DateTimeResolver, { description: 'When the account was created.' })
  createdAt!: Date;

  /** From the signed-in person, or from any account's row (an API key's owner). */
  static from(account: Pick<SessionViewer, 'accountId' | 'email' | 'displayName' | 'role' | 'emailVerifiedAt' | 'createdAt'>): Account {
    return Object.assign(new Account(), {
      id: toGlobalId('Account', account.accountId),
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      emailVerified: account.emailVerifiedAt !== null,
      createdAt: account.createdAt,
    });
  }
}

@ObjectType({ description: 'The signed-in person and their session.' })
export class Viewer {
  @Field(() => Account, { description: 'The account signed in.' })
  account!: Account;

  @Field(() => String, {
    description:
      'Token to send in the `X-CSRF-Token` header of every mutation made with the session cookie; without it, they are refused (CSRF_TOKEN_INVALID).',
  })
  csrfToken!: string;

  static of(viewer: SessionViewer | null): Viewer | null {
    return viewer && Object.assign(new Viewer(), { account: Account.from(viewer), csrfToken: viewer.csrfToken });
  }
}

@ObjectType({ description: 'Result of `signUp`.' })
export class SignUpPayload {
  @Field(() => Viewer, { nullable: true, description: 'The new account, signed in (the session cookie is set); null on failure.' })
  viewer!: Viewer | null;

  @Field(() => [UserError], { description: 'Why the account was not created; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of `signIn`.' })
export class SignInPayload {
  @Field(() => Viewer, { nullable: true, description: 'The account signed in (the session cookie is set); null on failure.' })
  viewer!: Viewer | null;

  @Field(() => [UserError], { description: 'Why signing in failed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of `signOut`.' })
export class SignOutPayload {
  @Field(() => Boolean, { description: 'True when a session was ended; false when the request had none. The cookie is removed either way.' })
  signedOut!: boolean;
}

@ObjectType({ description: 'Result of `requestPasswordReset`.' })
export class RequestPasswordResetPayload {
  @Field(() => [UserError], {
    description:
      'Only a malformed address is reported. Whether an account exists is never said: the answer is the same, and a mail goes out only when it does.',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of `resetPassword`.' })
export class ResetPasswordPayload {
  @Field(() => Viewer, {
    nullable: true,
    description: 'The account, signed in with a new session (every other session was ended); null on failure.',
  })
  viewer!: Viewer | null;

  @Field(() => [UserError], { description: 'Why the password was not changed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of `changePassword`.' })
export class ChangePasswordPayload {
  @Field(() => Viewer, { nullable: true, description: 'The account, still signed in here (other sessions were ended); null on failure.' })
  viewer!: Viewer | null;

  @Field(() => [UserError], { description: 'Why the password was not changed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of `resendEmailVerification`.' })
export class ResendEmailVerificationPayload {
  @Field(() => Boolean, { description: 'True when a new confirmation mail was sent.' })
  sent!: boolean;

  @Field(() => [UserError], { description: 'Why no mail was sent (the address is already confirmed); empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of `verifyEmail`.' })
export class VerifyEmailPayload {
  @Field(() => Boolean, { description: 'True when the address is now confirmed.' })
  verified!: boolean;

  @Field(() => Viewer, { nullable: true, description: 'The signed-in person after the change (null when anonymous).' })
  viewer!: Viewer | null;

  @Field(() => [UserError], { description: 'Why the address was not confirmed; empty on success.' })
  userErrors!: UserError[];
}
