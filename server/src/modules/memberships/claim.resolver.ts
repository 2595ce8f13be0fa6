import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { PageArgs } from '../../core/graphql/pagination.js';
import { requireAdmin } from '../accounts/authorization.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { CLAIM_CODE_LIMITS } from './claim-code-limits.js';
import { cancelSupplierClaim, type ClaimOutcome, confirmSupplierClaim, decideSupplierClaim, requestSupplierClaim } from './claim.service.js';
import { CancelSupplierClaimInput, ConfirmSupplierClaimInput, DecideSupplierClaimInput, RequestSupplierClaimInput } from './membership.inputs.js';
import { CLAIM_COLUMNS, claimOf, type ClaimRow } from './membership.records.js';
import { membershipsOf, referencedSupplier } from './membership.resolver.js';
import { ClaimMethod, ClaimStatus, SupplierClaim, SupplierClaimConnection, SupplierClaimPayload } from './membership.types.js';
import { moderationPage } from './moderation-queue.js';

async function payloadOf(ctx: RequestContext, outcome: ClaimOutcome): Promise<SupplierClaimPayload> {
  const membership =
    outcome.grantedSupplierId !== null && outcome.claim ? (await membershipsOf(ctx, outcome.claim.account_id, outcome.grantedSupplierId))[0] : null;
  return Object.assign(new SupplierClaimPayload(), {
    claim: outcome.claim && claimOf(outcome.claim),
    membership: membership ?? null,
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => SupplierClaim)
export class SupplierClaimResolver {
  @FieldResolver(() => Supplier, { description: 'The supplier claimed.' })
  supplier(@Root() claim: SupplierClaim, @Ctx() ctx: RequestContext): Promise<Supplier> {
    return referencedSupplier(ctx, claim.supplierKey);
  }

  @Query(() => SupplierClaimConnection, { description: 'Claims, oldest first: the moderation queue. Admins only (UNAUTHENTICATED, FORBIDDEN).' })
  async supplierClaims(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => ClaimStatus, { nullable: true, description: 'Only claims in this state (default: all).' }) status?: ClaimStatus | null,
    @Arg('method', () => ClaimMethod, { nullable: true, description: 'Only claims proven this way (default: both).' }) method?: ClaimMethod | null,
  ): Promise<SupplierClaimConnection> {
    requireAdmin(ctx);
    const result = await moderationPage<ClaimRow, SupplierClaim>(
      ctx,
      {
        ordering: 'supplierClaims:oldest',
        select: '*',
        from: `(SELECT ${CLAIM_COLUMNS} FROM supplier_claim c JOIN account a ON a.id = c.account_id) AS q`,
        where: '($1::supplier_claim_status IS NULL OR status = $1) AND ($2::supplier_claim_method IS NULL OR method = $2)',
        params: [status ?? null, method ?? null],
      },
      page,
      claimOf,
    );
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
    return payloadOf(ctx, await requestSupplierClaim(ctx, input));
  }

  @Mutation(() => SupplierClaimPayload, {
    description: `Types back the mailed code of one of your claims: right, you become an OWNER of the supplier. Valid ${CLAIM_CODE_LIMITS.codeValidMinutes} minutes, ${CLAIM_CODE_LIMITS.wrongCodesPerCode} tries; then ask a new code.`,
  })
  async confirmSupplierClaim(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ConfirmSupplierClaimInput, { description: 'The claim and the code.' }) input: ConfirmSupplierClaimInput,
  ): Promise<SupplierClaimPayload> {
    return payloadOf(ctx, await confirmSupplierClaim(ctx, input));
  }

  @Mutation(() => SupplierClaimPayload, { description: 'Withdraws one of your pending claims.' })
  async cancelSupplierClaim(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CancelSupplierClaimInput, { description: 'The claim.' }) input: CancelSupplierClaimInput,
  ): Promise<SupplierClaimPayload> {
    return payloadOf(ctx, await cancelSupplierClaim(ctx, input));
  }

  @Mutation(() => SupplierClaimPayload, {
    description: 'Approves (the claimant becomes an OWNER) or rejects a pending claim; the claimant is mailed. Admins only.',
  })
  async decideSupplierClaim(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DecideSupplierClaimInput, { description: 'The claim and the decision.' }) input: DecideSupplierClaimInput,
  ): Promise<SupplierClaimPayload> {
    return payloadOf(ctx, await decideSupplierClaim(ctx, input));
  }
}
