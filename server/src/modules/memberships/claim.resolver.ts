import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { callerOf, type RequestContext } from '../../app/context.js';
import { PageArgs } from '../../core/graphql/pagination.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { CLAIM_CODE_LIMITS } from './claim-code-limits.js';
import {
  cancelSupplierClaim, type ClaimOutcome, confirmSupplierClaim, decideSupplierClaim, requestSupplierClaim, supplierClaimQueue,
} from './claim.service.js';
import { CancelSupplierClaimInput, ConfirmSupplierClaimInput, DecideSupplierClaimInput, RequestSupplierClaimInput } from './membership.inputs.js';
import { claimOf } from './membership.records.js';
import { ClaimMethod, ClaimStatus, SupplierClaim, SupplierClaimConnection, SupplierClaimPayload } from './membership.types.js';
import { referencedSupplier } from './referenced-suppliers.js';

function payloadOf(outcome: ClaimOutcome): SupplierClaimPayload {
  return Object.assign(new SupplierClaimPayload(), {
    claim: outcome.claim && claimOf(outcome.claim),
    membership: outcome.membership,
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => SupplierClaim)
export class SupplierClaimResolver {
  @FieldResolver(() => Supplier, { description: 'The supplier claimed.' })
  supplier(@Root() claim: SupplierClaim, @Ctx() ctx: RequestContext): Promise<Supplier> {
    return referencedSupplier(ctx.loaders, claim.supplierKey);
  }

  @Query(() => SupplierClaimConnection, { description: 'Claims, oldest first: the moderation queue. Admins only (UNAUTHENTICATED, FORBIDDEN).' })
  async supplierClaims(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => ClaimStatus, { nullable: true, description: 'Only claims in this state (default: all).' }) status?: ClaimStatus | null,
    @Arg('method', () => ClaimMethod, { nullable: true, description: 'Only claims proven this way (default: both).' }) method?: ClaimMethod | null,
  ): Promise<SupplierClaimConnection> {
    const result = await supplierClaimQueue(ctx, callerOf(ctx), { status: status ?? null, method: method ?? null }, page);
    return Object.assign(new SupplierClaimConnection(), result);
  }

  @Mutation(() => SupplierClaimPayload, {
    description:
      `Asks to manage a published supplier ("revendiquer"). Supplier staff accounts only (UNAUTHENTICATED, FORBIDDEN). EMAIL_CODE mails a code to the supplier's official address (${CLAIM_CODE_LIMITS.mailsPerSupplier[0].max} codes an hour at most); ADMIN_REVIEW waits for an admin. A second request for the same supplier reuses the open claim.`,
  })
  async requestSupplierClaim(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RequestSupplierClaimInput, { description: 'The supplier and the method.' }) input: RequestSupplierClaimInput,
  ): Promise<SupplierClaimPayload> {
    return payloadOf(await requestSupplierClaim(ctx, callerOf(ctx), input));
  }

  @Mutation(() => SupplierClaimPayload, {
    description: `Types back the mailed code of one of your claims: right, you become an OWNER of the supplier. Valid ${CLAIM_CODE_LIMITS.codeValidMinutes} minutes, ${CLAIM_CODE_LIMITS.wrongCodesPerCode} tries; then ask a new code.`,
  })
  async confirmSupplierClaim(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ConfirmSupplierClaimInput, { description: 'The claim and the code.' }) input: ConfirmSupplierClaimInput,
  ): Promise<SupplierClaimPayload> {
    return payloadOf(await confirmSupplierClaim(ctx, callerOf(ctx), input));
  }

  @Mutation(() => SupplierClaimPayload, { description: 'Withdraws one of your pending claims.' })
  async cancelSupplierClaim(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CancelSupplierClaimInput, { description: 'The claim.' }) input: CancelSupplierClaimInput,
  ): Promise<SupplierClaimPayload> {
    return payloadOf(await cancelSupplierClaim(ctx, callerOf(ctx), input));
  }

  @Mutation(() => SupplierClaimPayload, {
    description: 'Approves (the claimant becomes an OWNER) or rejects a pending claim; the claimant is mailed. Admins only.',
  })
  async decideSupplierClaim(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DecideSupplierClaimInput, { description: 'The claim and the decision.' }) input: DecideSupplierClaimInput,
  ): Promise<SupplierClaimPayload> {
    return payloadOf(await decideSupplierClaim(ctx, callerOf(ctx), input));
  }
}
