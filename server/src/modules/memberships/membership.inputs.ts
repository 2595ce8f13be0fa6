import { Field, ID, InputType } from 'type-graphql';
import { MembershipRole } from '../accounts/supplier-membership.entity.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';
import { ClaimMethod, ModerationDecision } from './membership.types.js';

@InputType({ description: 'A request to manage a supplier.' })
export class RequestSupplierClaimInput {
  @Field(() => ID, { description: 'Global ID of the (published) supplier.' })
  supplierId!: string;

  @Field(() => ClaimMethod, { description: 'How to prove it: a code mailed to the supplier, or an admin review.' })
  method!: ClaimMethod;

  @Field(() => String, {
    nullable: true,
    description: 'For the admins: your role in the structure, how to check it (plain text, up to 2 000 characters). Required for ADMIN_REVIEW.',
  })
  message?: string | null;
}

@InputType({ description: 'The code received by the supplier for a claim.' })
export class ConfirmSupplierClaimInput {
  @Field(() => ID, { description: 'Global ID of the claim.' })
  claimId!: string;

  @Field(() => String, { description: 'The 6-digit code (spaces ignored).' })
  code!: string;
}

@InputType({ description: 'A claim to withdraw.' })
export class CancelSupplierClaimInput {
  @Field(() => ID, { description: 'Global ID of the claim (one of yours, pending).' })
  claimId!: string;
}

@InputType({ description: "An admin's decision on a claim." })
export class DecideSupplierClaimInput {
  @Field(() => ID, { description: 'Global ID of the pending claim.' })
  claimId!: string;

  @Field(() => ModerationDecision, { description: 'Approve (the claimant becomes an OWNER) or reject.' })
  decision!: ModerationDecision;

  @Field(() => String, { nullable: true, description: 'Why (plain text, up to 2 000 characters); required to reject. The claimant sees it.' })
  reason?: string | null;
}

@InputType({ description: 'A colleague to invite to act for a supplier.' })
export class InviteSupplierMemberInput {
  @Field(() => ID, { description: 'Global ID of the supplier.' })
  supplierId!: string;

  @Field(() => String, { description: 'Their email address: they accept with an account of this address.' })
  email!: string;

  @Field(() => MembershipRole, { nullable: true, description: 'Role given on acceptance. Default: MEMBER.' })
  role?: MembershipRole | null;
}

@InputType({ description: 'An invitation to accept, by the token of its link or by its ID.' })
export class AcceptSupplierInvitationInput {
  @Field(() => String, { nullable: true, description: 'The token of the mailed link (#jeton=…).' })
  token?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Or the global ID of an invitation to your address (from `viewer.pendingInvitations`); needs a confirmed address.',
  })
  invitationId?: string | null;
}

@InputType({ description: 'An invitation to revoke.' })
export class RevokeSupplierInvitationInput {
  @Field(() => ID, { description: 'Global ID of the open invitation.' })
  invitationId!: string;
}

@InputType({ description: 'A member to remove from a supplier.' })
export class RemoveSupplierMemberInput {
  @Field(() => ID, { description: 'Global ID of the supplier.' })
  supplierId!: string;

  @Field(() => ID, { description: 'Global ID of the account to remove (your own to leave).' })
  accountId!: string;
}

@InputType({ description: 'A structure missing from the directory.' })
export class ProposeSupplierInput {
  @Field(() => String, { description: 'SIRET of the establishment (14 digits; spaces ignored).' })
  siret!: string;

  @Field(() => String, { description: 'Registered legal name ("raison sociale").' })
  legalName!: string;

  @Field(() => String, { nullable: true, description: 'Brand or trade name ("enseigne"), if different.' })
  brandName?: string | null;

  @Field(() => SupplierKind, { description: 'Kind of structure.' })
  kind!: SupplierKind;

  @Field(() => String, { description: 'INSEE code of the commune of the site (5 characters, e.g. "57463" for Metz).' })
  communeCode!: string;

  @Field(() => String, { nullable: true, description: 'Street address.' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code (5 digits).' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact email address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone number (French).' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Website (http or https).' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Presentation (plain text).' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'For the admins: anything that helps them check (plain text).' })
  message?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True after seeing the likely duplicates of a first attempt: it is another structure. Default: false.',
  })
  confirmNotDuplicate?: boolean | null;
}

@InputType({ description: "An admin's decision on a proposal." })
export class DecideSupplierProposalInput {
  @Field(() => ID, { description: 'Global ID of the pending proposal.' })
  proposalId!: string;

  @Field(() => ModerationDecision, { description: 'Approve (the structure becomes public) or reject (it stays unpublished).' })
  decision!: ModerationDecision;

  @Field(() => String, { nullable: true, description: 'Why (plain text, up to 2 000 characters); required to reject. The proposer sees it.' })
  reason?: string | null;
}
