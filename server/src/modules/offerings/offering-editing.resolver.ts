import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { decodeCursor, encodeCursor, PageArgs, pageInfoOf, pageSizeOf } from '../../core/graphql/pagination.js';
import { requireSupplierAccess } from '../accounts/authorization.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { CreateOfferingInput, OfferingStatusInput, UpdateOfferingInput } from './offering-editing.inputs.js';
import { changeOfferingStatus, createOffering, updateOffering, type OfferingOutcome } from './offering-editing.service.js';
import { ManagedOfferingConnection, ManagedOfferingEdge, OfferingPayload } from './offering-editing.types.js';
import { OfferingEntity } from './offering.entity.js';
import { Offering, OfferingStatus } from './offering.types.js';

const ORDERING = 'managedOfferings:newest';

function payloadOf(outcome: OfferingOutcome): OfferingPayload {
  return Object.assign(new OfferingPayload(), { offering: outcome.offering && Offering.from(outcome.offering), userErrors: outcome.userErrors });
}

/** SQL condition of each status (see offeringStatusOf). */
const STATUS_SQL: Record<OfferingStatus, string> = {
  [OfferingStatus.ARCHIVED]: 'o.archived_at IS NOT NULL',
  [OfferingStatus.PUBLISHED]: 'o.published',
  [OfferingStatus.UNPUBLISHED]: 'NOT o.published AND o.archived_at IS NULL AND o.first_published_at IS NOT NULL',
  [OfferingStatus.DRAFT]: 'NOT o.published AND o.archived_at IS NULL AND o.first_published_at IS NULL',
};

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
    requireSupplierAccess(ctx, supplier.key);
    const limit = pageSizeOf(page.first);
    const [afterCreatedAt, afterId] = page.after ? decodeCursor(page.after, ORDERING, ['timestamptz', 'int4']) : [null, null];
    const wanted = statuses?.length ? statuses : [OfferingStatus.DRAFT, OfferingStatus.PUBLISHED, OfferingStatus.UNPUBLISHED];
    const query = () =>
      ctx.db
        .getRepository(OfferingEntity)
        .createQueryBuilder('o')
        .where('o.supplier_id = :supplierId', { supplierId: supplier.key })
        .andWhere(`(${[...new Set(wanted)].map((status) => STATUS_SQL[status]).join(' OR ')})`);
    const pageQuery = query().orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC').take(limit + 1);
    if (page.after) pageQuery.andWhere('(o.created_at, o.id) < (:afterCreatedAt::timestamptz, :afterId)', { afterCreatedAt, afterId });
    const rows = limit === 0 ? [] : await pageQuery.getMany();
    const edges = rows.slice(0, limit).map((row) =>
      Object.assign(new ManagedOfferingEdge(), { cursor: encodeCursor(ORDERING, [row.createdAt.toISOString(), row.id]), node: Offering.from(row) }),
    );
    return Object.assign(new ManagedOfferingConnection(), {
      edges,
      pageInfo: pageInfoOf(edges.map((edge) => edge.cursor), rows.length > limit, page.after),
      countAll: () => query().getCount(),
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
    return payloadOf(await createOffering(ctx, input));
  }

  @Mutation(() => OfferingPayload, {
    description: 'Edits an offering (omitted fields unchanged); an archived one cannot be (NOT_ALLOWED_NOW). Members of its structure and admins only.',
  })
  async updateOffering(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateOfferingInput, { description: 'The changes, with the version they start from.' }) input: UpdateOfferingInput,
  ): Promise<OfferingPayload> {
    return payloadOf(await updateOffering(ctx, input));
  }

  @Mutation(() => OfferingPayload, { description: 'Shows an offering to buyers; an archived one cannot be (NOT_ALLOWED_NOW). Members of its structure and admins only.' })
  async publishOffering(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OfferingStatusInput, { description: 'The offering and the version read.' }) input: OfferingStatusInput,
  ): Promise<OfferingPayload> {
    return payloadOf(await changeOfferingStatus(ctx, input, 'publish'));
  }

  @Mutation(() => OfferingPayload, { description: 'Withdraws an offering from buyers ("dépublier"); it can be published again. Members of its structure and admins only.' })
  async unpublishOffering(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OfferingStatusInput, { description: 'The offering and the version read.' }) input: OfferingStatusInput,
  ): Promise<OfferingPayload> {
    return payloadOf(await changeOfferingStatus(ctx, input, 'unpublish'));
  }

  @Mutation(() => OfferingPayload, {
    description: 'Archives an offering: withdrawn from buyers and from the structure\'s list, for good. Members of its structure and admins only.',
  })
  async archiveOffering(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OfferingStatusInput, { description: 'The offering and the version read.' }) input: OfferingStatusInput,
  ): Promise<OfferingPayload> {
    return payloadOf(await changeOfferingStatus(ctx, input, 'archive'));
  }
}
