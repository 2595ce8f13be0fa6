import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { selectsField } from '../../core/graphql/selection.js';
import { callerOf, type RequestContext } from '../../app/context.js';
import { PageArgs } from '../../core/graphql/pagination.js';
import { Category } from '../categories/category.types.js';
import { Offering } from '../offerings/offering.types.js';
import { searchSuppliers } from '../search/supplier-search.service.js';
import { SupplierConnection } from '../search/supplier-search.types.js';
import { Commune, Departement, Region } from '../territories/territory.types.js';
import { SupplierFilter, SupplierOrder } from './supplier.inputs.js';
import { findSupplier } from './supplier.service.js';
import { PostalAddress, ServiceAreaType, Supplier } from './supplier.types.js';

function present<T>(values: (T | null | Error)[]): T[] {
  return values.filter((value): value is T => value !== null && !(value instanceof Error));
}

@Resolver(() => Supplier)
export class SupplierResolver {
  @Query(() => Supplier, { nullable: true, description: 'A supplier by global ID or by SIRET (give exactly one); null when there is none.' })
  async supplier(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { nullable: true, description: 'Global ID of the supplier.' }) id: string | null,
    @Arg('siret', () => String, { nullable: true, description: 'SIRET (14 digits; spaces allowed).' }) siret: string | null,
  ): Promise<Supplier | null> {
    const entity = await findSupplier(ctx, { id, siret });
    if (entity) ctx.loaders.suppliers.supplierById.prime(entity.id, entity);
    return entity && Supplier.from(entity);
  }

  @Query(() => SupplierConnection, { description: 'Search the directory of inclusive suppliers.' })
  async suppliers(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => SupplierFilter, { nullable: true, description: 'Search criteria; none lists every supplier.' }) filter: SupplierFilter | null,
    @Arg('orderBy', () => SupplierOrder, {
      nullable: true,
      description: 'Ordering. Default: RELEVANCE (local first, then relevance), for every search.',
    })
    orderBy: SupplierOrder | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SupplierConnection> {
    return searchSuppliers(ctx, callerOf(ctx), filter ?? Object.assign(new SupplierFilter(), { excludeNationalOnly: false }), orderBy, page, {
      facets: selectsField(info, 'facets'),
      totalCount: selectsField(info, 'totalCount'),
    });
  }

  @FieldResolver(() => [Category], { description: 'Categories the supplier is active in: declared sectors and those of its offerings.' })
  categories(@Root() supplier: Supplier, @Ctx() ctx: RequestContext): Category[] | Promise<Category[]> {
    if (supplier.preloaded) return supplier.preloaded.categories.map(Category.from);
    return ctx.loaders.categories.categoryById.loadMany(supplier.categoryKeys).then((categories) => present(categories).map(Category.from));
  }

  @FieldResolver(() => [Offering], { description: 'Published offerings, cheapest first (offerings on quote last).' })
  offerings(@Root() supplier: Supplier, @Ctx() ctx: RequestContext): Offering[] | Promise<Offering[]> {
    if (supplier.preloaded) return supplier.preloaded.offerings.map(Offering.from);
    return ctx.loaders.offerings.offeringsBySupplierId.load(supplier.key).then((offerings) => offerings.map(Offering.from));
  }
}

@Resolver(() => PostalAddress)
export class PostalAddressResolver {
  @FieldResolver(() => Commune, { description: 'Commune of the site (a municipal arrondissement in Paris, Lyon and Marseille).' })
  commune(@Root() address: PostalAddress, @Ctx() ctx: RequestContext): Commune | Promise<Commune> {
    if (address.preloadedCommune) return Commune.from(address.preloadedCommune);
    return ctx.loaders.territories.communeByCode.load(address.communeCode).then((commune) => {
      if (!commune) throw new Error(`Commune ${address.communeCode} is missing`);
      return Commune.from(commune);
    });
  }
}

@Resolver(() => ServiceAreaType)
export class ServiceAreaResolver {
  @FieldResolver(() => [Region], { description: 'Régions covered, for kind REGIONS.' })
  async regions(@Root() area: ServiceAreaType, @Ctx() ctx: RequestContext): Promise<Region[]> {
    return present(await ctx.loaders.territories.regionByCode.loadMany(area.regionCodes)).map(Region.from);
  }

  @FieldResolver(() => [Departement], { description: 'Départements covered, for kind DEPARTEMENTS.' })
  async departements(@Root() area: ServiceAreaType, @Ctx() ctx: RequestContext): Promise<Departement[]> {
    return present(await ctx.loaders.territories.departementByCode.loadMany(area.departementCodes)).map(Departement.from);
  }
}
