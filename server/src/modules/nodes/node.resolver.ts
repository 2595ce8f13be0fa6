import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { badUserInput } from '../../core/graphql/errors.js';
import { fromGlobalId } from '../../core/graphql/global-id.js';
import { Node } from '../../core/graphql/node.js';
import { findCategoryBySlug, findCategoryGroupBySlug } from '../categories/category.service.js';
import { Category, CategoryGroup } from '../categories/category.types.js';
import { Offering } from '../offerings/offering.types.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { Commune, Departement, Region } from '../territories/territory.types.js';

const MAX_NODES = 100;

type Fetcher = (key: string, ctx: RequestContext) => Promise<Node | null>;

function integerKey(key: string): number | null {
  const value = Number(key);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** How to fetch each type that implements Node, by the key inside its global ID. */
const FETCHERS: Record<string, Fetcher> = {
  Supplier: async (key, ctx) => {
    const id = integerKey(key);
    const entity = id === null ? null : await ctx.loaders.suppliers.supplierById.load(id);
    return entity && Supplier.from(entity);
  },
  Offering: async (key, ctx) => {
    const id = integerKey(key);
    const entity = id === null ? null : await ctx.loaders.offerings.offeringById.load(id);
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

async function fetchNode(id: string, ctx: RequestContext): Promise<Node | null> {
  const { typeName, key } = fromGlobalId(id);
  const fetcher = FETCHERS[typeName];
  return fetcher ? fetcher(key, ctx) : null;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when it does not exist (or is not public).' })
  node(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Global ID.' }) id: string): Promise<Node | null> {
    return fetchNode(id, ctx);
  }

  @Query(() => [Node], { nullable: 'items', description: `Objects by global IDs (at most ${MAX_NODES}), in the same order; null for missing ones.` })
  nodes(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID], { description: 'Global IDs.' }) ids: string[]): Promise<(Node | null)[]> {
    if (ids.length > MAX_NODES) throw badUserInput(`At most ${MAX_NODES} IDs at once`, 'ids');
    return Promise.all(ids.map((id) => fetchNode(id, ctx)));
  }
}
