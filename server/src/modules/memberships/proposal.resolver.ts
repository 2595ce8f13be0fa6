import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { PageArgs } from '../../core/graphql/pagination.js';
import { requireAdmin } from '../accounts/authorization.js';
import type { SupplierEntity } from '../suppliers/supplier.entity.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { DecideSupplierProposalInput, ProposeSupplierInput } from './membership.inputs.js';
import { PROPOSAL_COLUMNS, proposalOf, type ProposalRow } from './membership.records.js';
import { referencedSupplier } from './membership.resolver.js';
import {
  ProposalStatus, ProposeSupplierPayload, SupplierProposal, SupplierProposalConnection, SupplierProposalPayload,
} from './membership.types.js';
import { moderationPage } from './moderation-queue.js';
import { decideSupplierProposal, proposeSupplier } from './proposal.service.js';

/** Published suppliers only: a duplicate is shown to whoever proposes. */
async function publishedSuppliers(ctx: RequestContext, ids: number[]): Promise<Supplier[]> {
  const entities = await ctx.loaders.suppliers.supplierById.loadMany(ids);
  return entities.filter((entity): entity is SupplierEntity => entity !== null && !(entity instanceof Error)).map((entity) => Supplier.from(entity));
}

@Resolver(() => SupplierProposal)
export class SupplierProposalResolver {
  @FieldResolver(() => Supplier, { description: 'The proposed structure (unpublished until approved).' })
  supplier(@Root() proposal: SupplierProposal, @Ctx() ctx: RequestContext): Promise<Supplier> {
    return referencedSupplier(ctx, proposal.supplierKey);
  }

  @Query(() => SupplierProposalConnection, { description: 'Proposals of missing structures, oldest first: the moderation queue. Admins only.' })
  async supplierProposals(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => ProposalStatus, { nullable: true, description: 'Only proposals in this state (default: all).' }) status?: ProposalStatus | null,
  ): Promise<SupplierProposalConnection> {
    requireAdmin(ctx);
    const result = await moderationPage<ProposalRow, SupplierProposal>(
      ctx,
      {
        ordering: 'supplierProposals:oldest',
        select: '*',
        from: `(SELECT ${PROPOSAL_COLUMNS} FROM supplier_proposal p LEFT JOIN account a ON a.id = p.proposed_by) AS q`,
        where: '($1::supplier_proposal_status IS NULL OR status = $1)',
        params: [status ?? null],
      },
      page,
      proposalOf,
    );
    return Object.assign(new SupplierProposalConnection(), result);
  }

  @Mutation(() => ProposeSupplierPayload, {
    description:
      'Proposes a structure missing from the directory. Supplier staff accounts only (UNAUTHENTICATED, FORBIDDEN). It is created unpublished, with you as its OWNER, and waits for an admin.',
  })
  async proposeSupplier(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ProposeSupplierInput, { description: 'The structure.' }) input: ProposeSupplierInput,
  ): Promise<ProposeSupplierPayload> {
    const outcome = await proposeSupplier(ctx, input);
    return Object.assign(new ProposeSupplierPayload(), {
      proposal: outcome.proposal && proposalOf(outcome.proposal),
      existingSupplier: outcome.existingSupplierId === null ? null : ((await publishedSuppliers(ctx, [outcome.existingSupplierId]))[0] ?? null),
      likelyDuplicates: await publishedSuppliers(ctx, outcome.likelyDuplicateIds),
      userErrors: outcome.userErrors,
    });
  }

  @Mutation(() => SupplierProposalPayload, {
    description: 'Approves (the structure becomes public) or rejects (it stays unpublished) a pending proposal; the proposer is mailed. Admins only.',
  })
  async decideSupplierProposal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DecideSupplierProposalInput, { description: 'The proposal and the decision.' }) input: DecideSupplierProposalInput,
  ): Promise<SupplierProposalPayload> {
    const outcome = await decideSupplierProposal(ctx, input);
    return Object.assign(new SupplierProposalPayload(), { proposal: outcome.proposal && proposalOf(outcome.proposal), userErrors: outcome.userErrors });
  }
}
