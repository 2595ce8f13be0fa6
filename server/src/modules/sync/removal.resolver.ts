import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { PageArgs } from '../../core/graphql/pagination.js';
import { offeringRemovals, supplierRemovals } from './removal.service.js';
import { OfferingRemovalConnection, SupplierRemovalConnection } from './removal.types.js';

const REMOVED_SINCE = {
  nullable: true,
  description: 'Only removals at or after this instant (to start a new mirror\'s removal list: the time its full copy began, minus a margin). Then keep the last cursor.',
};

/** What third-party mirrors must delete (modules/sync/README.md); public, like the directory. */
@Resolver()
export class RemovalResolver {
  @Query(() => SupplierRemovalConnection, {
    description:
      'Suppliers removed from the public directory (unpublished or deleted), in the order of the changes: resuming after the last cursor returns every later removal exactly once. Pair with `suppliers(orderBy: UPDATED_ASC)`.',
  })
  async supplierRemovals(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('removedSince', () => DateTimeResolver, REMOVED_SINCE) removedSince: Date | null,
  ): Promise<SupplierRemovalConnection> {
    return supplierRemovals(ctx, { ...page, removedSince });
  }

  @Query(() => OfferingRemovalConnection, {
    description:
      'Offerings removed from the public directory (unpublished, archived, deleted, or their supplier removed), in the order of the changes: resuming after the last cursor returns every later removal exactly once. Pair with `offerings(orderBy: UPDATED_ASC)`.',
  })
  async offeringRemovals(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('removedSince', () => DateTimeResolver, REMOVED_SINCE) removedSince: Date | null,
  ): Promise<OfferingRemovalConnection> {
    return offeringRemovals(ctx, { ...page, removedSince });
  }
}
