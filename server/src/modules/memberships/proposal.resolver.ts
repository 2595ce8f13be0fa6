import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { callerOf, type RequestContext } from '../../app/context.js';
import { PageArgs } from '../../core/graphql/pagination.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { DecideSupplierProposalInput, ProposeSupplierInput } from './membership.inputs.js';
import { proposalOf } from './membership.records.js';
import {
  ProposalStatus, ProposeSupplierPayload, SupplierProposal, SupplierProposalConnection, SupplierProposalPayload,
} from './membership.types.js';
import { decideSupplierProposal, proposeSupplier, supplierProposalQueue } from './proposal.service.js';
import { publishedSuppliers, referencedSupplier } from './referenced-suppliers.js';

@Resolver(() => SupplierProposal)
export class SupplierProposalResolver {
  @FieldResolver(() => Supplier, { description: 'The proposed structure (unpublished until approved).' })
  supplier(@Root() proposal: SupplierProposal, @Ctx() ctx: RequestContext): Promise<Supplier> {
    return referencedSupplier(ctx.loaders, proposal.supplierKey);
  }

  @Query(() => SupplierProposalConnection, { description: 'Proposals of missing structures, oldest first: the moderation queue. Admins only.' })
  async supplierProposals(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => ProposalStatus, { nullable: true, description: 'Only proposals in this state (default: all).' }) status?: ProposalStatus | null,
  ): Promise<SupplierProposalConnection> {
    const result = await supplierProposalQueue(ctx, callerOf(ctx), { status: status ?? null }, page);
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
    const outcome = await proposeSupplier(ctx, callerOf(ctx), input);
    if (outcome.viewer) ctx.viewer = outcome.viewer;
    // Published suppliers only: a duplicate is shown to whoever proposes.
    return Object.assign(new ProposeSupplierPayload(), {
      proposal: outcome.proposal && proposalOf(outcome.proposal),
      existingSupplier: outcome.existingSupplierId === null ? null : ((await publishedSuppliers(ctx.loaders, [outcome.existingSupplierId]))[0] ?? null),
      likelyDuplicates: await publishedSuppliers(ctx.loaders, outcome.likelyDuplicateIds),
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
    const outcome = await decideSupplierProposal(ctx, callerOf(ctx), input);
    return Object.assign(new SupplierProposalPayload(), { proposal: outcome.proposal && proposalOf(outcome.proposal), userErrors: outcome.userErrors });
  }
}
