import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { callerOf, type RequestContext } from '../../app/context.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { acceptSupplierInvitation, type InvitationOutcome, inviteSupplierMember, removeSupplierMember, revokeSupplierInvitation } from './invitation.service.js';
import {
  AcceptSupplierInvitationInput, InviteSupplierMemberInput, RemoveSupplierMemberInput, RevokeSupplierInvitationInput,
} from './membership.inputs.js';
import { invitationOf } from './membership.records.js';
import { AcceptSupplierInvitationPayload, RemoveSupplierMemberPayload, SupplierInvitation, SupplierInvitationPayload } from './membership.types.js';
import { referencedSupplier } from './referenced-suppliers.js';

function payloadOf(outcome: InvitationOutcome): SupplierInvitationPayload {
  return Object.assign(new SupplierInvitationPayload(), {
    invitation: outcome.invitation && invitationOf(outcome.invitation),
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => SupplierInvitation)
export class SupplierInvitationResolver {
  @FieldResolver(() => Supplier, { description: 'The supplier.' })
  supplier(@Root() invitation: SupplierInvitation, @Ctx() ctx: RequestContext): Promise<Supplier> {
    return referencedSupplier(ctx.loaders, invitation.supplierKey);
  }

  @Mutation(() => SupplierInvitationPayload, {
    description:
      "Invites a colleague by email (a link valid 14 days). The supplier's OWNERs and admins only (UNAUTHENTICATED, FORBIDDEN). An open invitation to the same address is sent again with a new link.",
  })
  async inviteSupplierMember(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => InviteSupplierMemberInput, { description: 'The supplier, the address and the role.' }) input: InviteSupplierMemberInput,
  ): Promise<SupplierInvitationPayload> {
    return payloadOf(await inviteSupplierMember(ctx, callerOf(ctx), input));
  }

  @Mutation(() => AcceptSupplierInvitationPayload, {
    description: 'Accepts an invitation with the account of the invited address: the account then acts for the supplier. Supplier staff accounts only.',
  })
  async acceptSupplierInvitation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AcceptSupplierInvitationInput, { description: 'The token of the link, or the invitation ID.' }) input: AcceptSupplierInvitationInput,
  ): Promise<AcceptSupplierInvitationPayload> {
    return Object.assign(new AcceptSupplierInvitationPayload(), await acceptSupplierInvitation(ctx, callerOf(ctx), input));
  }

  @Mutation(() => SupplierInvitationPayload, { description: "Revokes an open invitation: its link stops working. The supplier's OWNERs and admins only." })
  async revokeSupplierInvitation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RevokeSupplierInvitationInput, { description: 'The invitation.' }) input: RevokeSupplierInvitationInput,
  ): Promise<SupplierInvitationPayload> {
    return payloadOf(await revokeSupplierInvitation(ctx, callerOf(ctx), input));
  }

  @Mutation(() => RemoveSupplierMemberPayload, {
    description: "Removes a member from a supplier (the supplier's OWNERs and admins), or leaves it (anyone, for themselves). The last OWNER stays.",
  })
  async removeSupplierMember(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RemoveSupplierMemberInput, { description: 'The supplier and the account.' }) input: RemoveSupplierMemberInput,
  ): Promise<RemoveSupplierMemberPayload> {
    const outcome = await removeSupplierMember(ctx, callerOf(ctx), input);
    if (outcome.viewer) ctx.viewer = outcome.viewer;
    return Object.assign(new RemoveSupplierMemberPayload(), {
      removedAccountId: outcome.removedAccountId === null ? null : toGlobalId('Account', outcome.removedAccountId),
      userErrors: outcome.userErrors,
    });
  }
}
