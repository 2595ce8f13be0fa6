import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../app/context.js';
import { PageArgs } from '../../core/graphql/pagination.js';
import { selectsField } from '../../core/graphql/selection.js';
import { canActForSupplier } from '../accounts/authorization.js';
import { Category } from '../categories/category.types.js';
import { resolveOfferingSearch, searchOfferings } from '../search/offering-search.service.js';
import { OfferingConnection } from '../search/offering-search.types.js';
import { ServiceAreaType, Supplier } from '../suppliers/supplier.types.js';
import { OfferingFilter, OfferingOrder } from './offering.inputs.js';
import { Offering } from './offering.types.js';

@Resolver(() => Offering)
export class OfferingResolver {
  @Query(() => OfferingConnection, { description: 'Search the offerings of the directory, across suppliers.' })
  async offerings(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => OfferingFilter, { nullable: true, description: 'Search criteria; none lists every offering.' }) filter: OfferingFilter | null,
    @Arg('orderBy', () => OfferingOrder, {
      nullable: true,
      description: 'Ordering. Default: RELEVANCE with text or a territory, else ENTRY_AMOUNT.',
    })
    orderBy: OfferingOrder | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OfferingConnection> {
    const search = await resolveOfferingSearch(ctx, filter ?? Object.assign(new OfferingFilter(), { excludeNationalOnly: false }), orderBy);
    return searchOfferings(ctx, search, page, { totalCount: selectsField(info, 'totalCount') });
  }

  @FieldResolver(() => Supplier, { description: 'The supplier selling it.' })
  async supplier(@Root() offering: Offering, @Ctx() ctx: RequestContext): Promise<Supplier> {
    // Editors also see the offerings of a supplier not published (yet).
    const loader = canActForSupplier(ctx.viewer, offering.supplierKey) ? ctx.loaders.suppliers.managedSupplierById : ctx.loaders.suppliers.supplierById;
    const supplier = await loader.load(offering.supplierKey);
    if (!supplier) throw new Error(`Supplier ${offering.supplierKey} of offering ${offering.key} is missing`);
    return Supplier.from(supplier);
  }

  @FieldResolver(() => Category, { description: 'Category of the offering.' })
  async category(@Root() offering: Offering, @Ctx() ctx: RequestContext): Promise<Category> {
    const category = await ctx.loaders.categories.categoryById.load(offering.categoryKey);
    if (!category) throw new Error(`Category ${offering.categoryKey} is missing`);
    return Category.from(category);
  }

  @FieldResolver(() => ServiceAreaType, { description: 'Where the offering is available: its own service area, or else its supplier\'s.' })
  async serviceArea(@Root() offering: Offering, @Ctx() ctx: RequestContext): Promise<ServiceAreaType> {
    if (offering.ownServiceArea) return offering.ownServiceArea;
    return (await this.supplier(offering, ctx)).serviceArea;
  }
}
