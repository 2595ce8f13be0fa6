import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { Category, CategoryGroup } from './category.types.js';
import { findCategoryBySlug, listCategories, listCategoryGroups } from './category.service.js';

@Resolver(() => CategoryGroup)
export class CategoryGroupResolver {
  @Query(() => [CategoryGroup], { description: 'The category taxonomy: every group, in display order, with its categories.' })
  async categoryGroups(@Ctx() ctx: RequestContext): Promise<CategoryGroup[]> {
    return (await listCategoryGroups(ctx.db)).map(CategoryGroup.from);
  }

  @FieldResolver(() => [Category], { description: 'Categories of this group, in display order.' })
  async categories(@Root() group: CategoryGroup, @Ctx() ctx: RequestContext): Promise<Category[]> {
    return (await ctx.loaders.categories.categoriesByGroupId.load(group.key)).map(Category.from);
  }
}

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: 'Every category in display order, or those of one group.' })
  async categories(
    @Ctx() ctx: RequestContext,
    @Arg('groupSlug', () => String, { nullable: true, description: 'Slug of a category group.' }) groupSlug: string | null,
  ): Promise<Category[]> {
    return (await listCategories(ctx.db, groupSlug ?? null)).map(Category.from);
  }

  @Query(() => Category, { nullable: true, description: 'A category by its slug; null when there is none.' })
  async category(
    @Ctx() ctx: RequestContext,
    @Arg('slug', () => String, { description: 'Slug of the category, e.g. "tonte-debroussaillage".' }) slug: string,
  ): Promise<Category | null> {
    const entity = await findCategoryBySlug(ctx.db, slug);
    return entity && Category.from(entity);
  }

  @FieldResolver(() => CategoryGroup, { description: 'The group this category belongs to.' })
  async group(@Root() category: Category, @Ctx() ctx: RequestContext): Promise<CategoryGroup> {
    const group = await ctx.loaders.categories.groupById.load(category.groupKey);
    if (!group) throw new Error(`Category group ${category.groupKey} is missing`);
    return CategoryGroup.from(group);
  }
}
