import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { badUserInput } from '../../core/graphql/errors.js';
import { fromGlobalId, type GlobalIdType } from '../../core/graphql/global-id.js';
import { Node } from '../../core/graphql/node.js';
import { findCategoryBySlug, findCategoryGroupBySlug } from '../categories/category.service.js';
import { Category, CategoryGroup } from '../categories/category.types.js';
import { Offering } from '../offerings/offering.types.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { Commune, Departement, Region } from '../territories/territory.types.js';

const MAX_NODES = 100;

type Fetcher = (key: string, ctx: RequestContext) => Promise<Node | null>;

/**
 * How to fetch each type that implements Node, by the key inside its global ID (its shape
 * already checked by fromGlobalId: an integer key is within PostgreSQL's `integer`).
 */
const FETCHERS: Partial<Record<GlobalIdType, Fetcher>> = {
  Supplier: async (key, ctx) => {
    const entity = await ctx.loaders.suppliers.supplierById.load(Number(key));
    return entity && Supplier.from(entity);
  },
  Offering: async (key, ctx) => {
    const entity = await ctx.loaders.offerings.offeringById.load(Number(key));
    // An offering is public only while its supplier is: the supplier loader sees published ones only.
    const supplier = entity && (await ctx.loaders.suppliers.supplierById.load(entity.supplierId));
    return entity && supplier ? Offering.from(entity) : null;
  },
  Category: async (key, ctx) => {
    const entity = await findCategoryBySlug(ctx.db, key);
    return entity && Category.from(entity);
  },
  CategoryGroup: async (key, ctx) => {
    const entity = await findCategoryGroupBySlug(ctx.db, key);
    return entity && CategoryGroup.from(entity);
  },
  Region: async (key, ctx) => {
    const entity = await ctx.loaders.territories.regionByCode.load(key);
    return entity && Region.from(entity);
  },
  Departement: async (key, ctx) => {
    const entity = await ctx.loaders.territories.departementByCode.load(key);
    return entity && Departement.from(entity);
  },
  Commune: async (key, ctx) => {
    const entity = await ctx.loaders.territories.communeByCode.load(key);
    return entity && Commune.from(entity);
  },
};

async function fetchNode(id: string, ctx: RequestContext, argument: string): Promise<Node | null> {
  const { typeName, key } = fromGlobalId(id, argument);
  // Own entries only: "constructor:1" names no type of ours.
  const fetcher = Object.hasOwn(FETCHERS, typeName) ? FETCHERS[typeName as GlobalIdType] : undefined;
  return fetcher ? fetcher(key, ctx) : null;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when it does not exist (or is not public).' })
  node(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Global ID.' }) id: string): Promise<Node | null> {
    return fetchNode(id, ctx, 'id');
  }

  @Query(() => [Node], { nullable: 'items', description: `Objects by global IDs (at most ${MAX_NODES}), in the same order; null for missing ones.` })
  nodes(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID], { description: 'Global IDs.' }) ids: string[]): Promise<(Node | null)[]> {
    if (ids.length > MAX_NODES) throw badUserInput(`At most ${MAX_NODES} IDs at once`, 'ids');
    return Promise.all(ids.map((id, index) => fetchNode(id, ctx, `ids.${index}`)));
  }
}
