import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../../core/graphql/pagination.js';
import { UserError } from '../../core/graphql/user-error.js';
import { MembershipRole } from '../accounts/supplier-membership.entity.js';
import { Supplier } from '../suppliers/supplier.types.js';

registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  description: 'What an account may do for a supplier it acts for.',
  valuesConfig: {
    OWNER: { description: "Manages the supplier's page and its members (invites, removes)." },
    MEMBER: { description: "Edits the supplier's page and offerings." },
  },
});

export enum ClaimMethod {
  EMAIL_CODE = 'EMAIL_CODE',
  ADMIN_REVIEW = 'ADMIN_REVIEW',
}

registerEnumType(ClaimMethod, {
  name: 'ClaimMethod',
  description: 'How a claim ("revendication") proves that the account speaks for the supplier.',
  valuesConfig: {
    EMAIL_CODE: { description: "A 6-digit code mailed to the supplier's address on record (official data), typed back by the claimant." },
    ADMIN_REVIEW: { description: 'An admin reads the claimant\'s message and decides.' },
  },
});

export enum ClaimStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'Where a claim stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the code or for an admin.' },
    APPROVED: { description: 'Proven (right code) or approved by an admin: the account is an OWNER of the supplier.' },
    REJECTED: { description: 'Refused by an admin (see the reason).' },
    CANCELLED: { description: 'Withdrawn by the claimant.' },
  },
});

export enum ProposalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Where the proposal of a structure missing from the directory stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for an admin; the structure is not public yet.' },
    APPROVED: { description: 'Approved: the structure is public.' },
    REJECTED: { description: 'Refused by an admin: the structure stays unpublished.' },
  },
});

export enum ModerationDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}

registerEnumType(ModerationDecision, {
  name: 'ModerationDecision',
  description: "An admin's decision on a claim or a proposal.",
  valuesConfig: {
    APPROVE: { description: 'Accept it.' },
    REJECT: { description: 'Refuse it (give a reason: the person sees it).' },
  },
});

@ObjectType('AccountSummary', { description: 'An account as others see it in moderation and member lists.' })
export class AccountSummary {
  @Field(() => ID, { description: 'Global ID of the account.' })
  id!: string;

  @Field(() => String, { description: 'Email address of the account.' })
  email!: string;

  @Field(() => String, { description: 'Name the person chose to show.' })
  displayName!: string;
}

@ObjectType('SupplierMembership', { description: 'A supplier the signed-in account acts for, and with which role.' })
export class SupplierMembership {
  @Field(() => Supplier, { description: 'The supplier (published or not: a proposal awaiting approval included).' })
  supplier!: Supplier;

  @Field(() => MembershipRole, { description: 'What the account may do for it.' })
  role!: MembershipRole;

  @Field(() => DateTimeResolver, { description: 'Since when the account acts for it.' })
  since!: Date;

  supplierKey!: number;
}

@ObjectType('SupplierMember', { description: 'An account acting for a supplier, as its other members and admins see it.' })
export class SupplierMember {
  @Field(() => AccountSummary, { description: 'The account.' })
  account!: AccountSummary;

  @Field(() => MembershipRole, { description: 'Its role for the supplier.' })
  role!: MembershipRole;

  @Field(() => DateTimeResolver, { description: 'Since when it acts for the supplier.' })
  since!: Date;
}

@ObjectType('SupplierClaim', { description: 'A request of an account to manage a supplier ("revendication").' })
export class SupplierClaim {
  @Field(() => ID, { description: 'Global ID of the claim.' })
  id!: string;

  @Field(() => Supplier, { description: 'The supplier claimed.' })
  supplier!: Supplier;

  @Field(() => AccountSummary, { description: 'Who asks.' })
  claimant!: AccountSummary;

  @Field(() => ClaimMethod, { description: 'How the claim is proven.' })
  method!: ClaimMethod;

  @Field(() => ClaimStatus, { description: 'Where it stands.' })
  status!: ClaimStatus;

  @Field(() => String, { description: 'What the claimant tells the admins (plain text, as typed; show it as text).' })
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: 'EMAIL_CODE: the address the code was sent to, masked ("c•••@exemple.fr"); null otherwise.',
  })
  codeSentTo!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'EMAIL_CODE: until when the last code is valid; null otherwise.' })
  codeExpiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The admin's reason, once decided (plain text); null otherwise." })
  decisionReason!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When an admin decided, or the right code was typed; null while pending.' })
  decidedAt!: Date | null;

  @Field(() => DateTimeResolver, { description: 'When the claim was made.' })
  createdAt!: Date;

  supplierKey!: number;
}

@ObjectType('SupplierInvitation', { description: 'An invitation of a colleague to act for a supplier, accepted through a mailed link.' })
export class SupplierInvitation {
  @Field(() => ID, { description: 'Global ID of the invitation.' })
  id!: string;

  @Field(() => Supplier, { description: 'The supplier.' })
  supplier!: Supplier;

  @Field(() => String, { description: 'The invited address.' })
  email!: string;

  @Field(() => MembershipRole, { description: 'The role given on acceptance.' })
  role!: MembershipRole;

  @Field(() => String, { nullable: true, description: 'Display name of who invited; null when that account is gone.' })
  invitedByName!: string | null;

  @Field(() => DateTimeResolver, { description: 'When it was sent (last sent, for a resent invitation).' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { description: 'Until when it can be accepted.' })
  expiresAt!: Date;

  supplierKey!: number;
}

@ObjectType('SupplierProposal', { description: 'A structure missing from the directory, proposed by an account and waiting for (or given) an admin decision.' })
export class SupplierProposal {
  @Field(() => ID, { description: 'Global ID of the proposal.' })
  id!: string;

  @Field(() => Supplier, { description: 'The proposed structure (unpublished until approved).' })
  supplier!: Supplier;

  @Field(() => AccountSummary, { nullable: true, description: 'Who proposed it; null when that account is gone.' })
  proposedBy!: AccountSummary | null;

  @Field(() => ProposalStatus, { description: 'Where it stands.' })
  status!: ProposalStatus;

  @Field(() => String, { description: 'What the proposer tells the admins (plain text, as typed; show it as text).' })
  message!: string;

  @Field(() => String, { nullable: true, description: "The admin's reason, once decided; null otherwise." })
  decisionReason!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When an admin decided; null while pending.' })
  decidedAt!: Date | null;

  @Field(() => DateTimeResolver, { description: 'When it was proposed.' })
  createdAt!: Date;

  supplierKey!: number;
}

@ObjectType('SupplierClaimEdge', { description: 'A claim in a list.' })
export class SupplierClaimEdge extends EdgeType(SupplierClaim, 'claim') {}

@ObjectType('SupplierClaimConnection', { description: 'A page of claims, oldest first (a queue).' })
export class SupplierClaimConnection extends ConnectionType(SupplierClaimEdge, 'claims') {}

@ObjectType('SupplierProposalEdge', { description: 'A proposal in a list.' })
export class SupplierProposalEdge extends EdgeType(SupplierProposal, 'proposal') {}

@ObjectType('SupplierProposalConnection', { description: 'A page of proposals, oldest first (a queue).' })
export class SupplierProposalConnection extends ConnectionType(SupplierProposalEdge, 'proposals') {}

@ObjectType('SupplierClaimPayload', { description: 'Result of a claim mutation.' })
export class SupplierClaimPayload {
  @Field(() => SupplierClaim, { nullable: true, description: 'The claim as it stands after the call; null on failure.' })
  claim!: SupplierClaim | null;

  @Field(() => SupplierMembership, {
    nullable: true,
    description: 'The membership the call granted (right code, admin approval); null otherwise.',
  })
  membership!: SupplierMembership | null;

  @Field(() => [UserError], { description: 'Why nothing was done; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('SupplierInvitationPayload', { description: 'Result of `inviteSupplierMember` and `revokeSupplierInvitation`.' })
export class SupplierInvitationPayload {
  @Field(() => SupplierInvitation, { nullable: true, description: 'The invitation; null on failure.' })
  invitation!: SupplierInvitation | null;

  @Field(() => [UserError], { description: 'Why nothing was done; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('AcceptSupplierInvitationPayload', { description: 'Result of `acceptSupplierInvitation`.' })
export class AcceptSupplierInvitationPayload {
  @Field(() => SupplierMembership, { nullable: true, description: 'The membership of the signed-in account; null on failure.' })
  membership!: SupplierMembership | null;

  @Field(() => [UserError], { description: 'Why nothing was done; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('RemoveSupplierMemberPayload', { description: 'Result of `removeSupplierMember`.' })
export class RemoveSupplierMemberPayload {
  @Field(() => ID, { nullable: true, description: 'Global ID of the account removed; null on failure.' })
  removedAccountId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was done; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('ProposeSupplierPayload', { description: 'Result of `proposeSupplier`.' })
export class ProposeSupplierPayload {
  @Field(() => SupplierProposal, { nullable: true, description: 'The proposal (its structure unpublished, the proposer its OWNER); null on failure.' })
  proposal!: SupplierProposal | null;

  @Field(() => Supplier, {
    nullable: true,
    description: 'With a DUPLICATE error on `siret`: the published structure that already has this SIRET (claim it instead).',
  })
  existingSupplier!: Supplier | null;

  @Field(() => [Supplier], {
    description: 'With a DUPLICATE error without field: published structures that look like the same one (same SIREN, or same name in the same commune).',
  })
  likelyDuplicates!: Supplier[];

  @Field(() => [UserError], { description: 'Why nothing was done; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('SupplierProposalPayload', { description: 'Result of `decideSupplierProposal`.' })
export class SupplierProposalPayload {
  @Field(() => SupplierProposal, { nullable: true, description: 'The proposal as it stands after the call; null on failure.' })
  proposal!: SupplierProposal | null;

  @Field(() => [UserError], { description: 'Why nothing was done; empty on success.' })
  userErrors!: UserError[];
}
