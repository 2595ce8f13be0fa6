import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { callerOf, type RequestContext } from '../../app/context.js';
import { PageArgs } from '../../core/graphql/pagination.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { CreateOfferingInput, OfferingStatusInput, UpdateOfferingInput } from './offering-editing.inputs.js';
import { changeOfferingStatus, createOffering, managedOfferings, updateOffering, type OfferingOutcome } from './offering-editing.service.js';
import { ManagedOfferingConnection, ManagedOfferingEdge, OfferingPayload } from './offering-editing.types.js';
import { Offering, OfferingStatus } from './offering.types.js';

function payloadOf(outcome: OfferingOutcome): OfferingPayload {
  return Object.assign(new OfferingPayload(), { offering: outcome.offering && Offering.from(outcome.offering), userErrors: outcome.userErrors });
}

@Resolver(() => Supplier)
export class ManagedOfferingsResolver {
  @FieldResolver(() => ManagedOfferingConnection, {
    nullable: true,
    description: 'All the structure\'s offerings, newest first, whatever their status. Its members and admins only (null with FORBIDDEN otherwise).',
  })
  async managedOfferings(
    @Root() supplier: Supplier,
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('statuses', () => [OfferingStatus], { nullable: true, description: 'Only these statuses. Default: all but ARCHIVED.' })
    statuses: OfferingStatus[] | null,
  ): Promise<ManagedOfferingConnection> {
    const { edges, pageInfo, countAll } = await managedOfferings(ctx, callerOf(ctx), supplier.key, { ...page, statuses });
    return Object.assign(new ManagedOfferingConnection(), {
      edges: edges.map(({ cursor, node }) => Object.assign(new ManagedOfferingEdge(), { cursor, node: Offering.from(node) })),
      pageInfo,
      countAll,
    });
  }
}

@Resolver(() => Offering)
export class OfferingEditingResolver {
  @Mutation(() => OfferingPayload, {
    description: 'Creates an offering of a structure as a draft (buyers see it once published). Its members and admins only (UNAUTHENTICATED, FORBIDDEN).',
  })
  async createOffering(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateOfferingInput, { description: 'The new offering.' }) input: CreateOfferingInput,
  ): Promise<OfferingPayload> {
    return payloadOf(await createOffering(ctx, callerOf(ctx), input));
  }

  @Mutation(() => OfferingPayload, {
    description: 'Edits an offering (omitted fields unchanged); an archived one cannot be (NOT_ALLOWED_NOW). Members of its structure and admins only.',
  })
  async updateOffering(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateOfferingInput, { description: 'The changes, with the version they start from.' }) input: UpdateOfferingInput,
  ): Promise<OfferingPayload> {
    return payloadOf(await updateOffering(ctx, callerOf(ctx), input));
  }

  @Mutation(() => OfferingPayload, { description: 'Shows an offering to buyers; an archived one cannot be (NOT_ALLOWED_NOW). Members of its structure and admins only.' })
  async publishOffering(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OfferingStatusInput, { description: 'The offering and the version read.' }) input: OfferingStatusInput,
  ): Promise<OfferingPayload> {
    return payloadOf(await changeOfferingStatus(ctx, callerOf(ctx), input, 'publish'));
  }

  @Mutation(() => OfferingPayload, { description: 'Withdraws an offering from buyers ("dépublier"); it can be published again. Members of its structure and admins only.' })
  async unpublishOffering(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OfferingStatusInput, { description: 'The offering and the version read.' }) input: OfferingStatusInput,
  ): Promise<OfferingPayload> {
    return payloadOf(await changeOfferingStatus(ctx, callerOf(ctx), input, 'unpublish'));
  }

  @Mutation(() => OfferingPayload, {
    description: 'Archives an offering: withdrawn from buyers and from the structure\'s list, for good. Members of its structure and admins only.',
  })
  async archiveOffering(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OfferingStatusInput, { description: 'The offering and the version read.' }) input: OfferingStatusInput,
  ): Promise<OfferingPayload> {
    return payloadOf(await changeOfferingStatus(ctx, callerOf(ctx), input, 'archive'));
  }
}
