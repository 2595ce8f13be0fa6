import { In, type DataSource } from 'typeorm';
import { badUserInput } from '../../core/graphql/errors.js';
import { CategoryEntity, CategoryGroupEntity } from './category.entities.js';

export function listCategoryGroups(db: DataSource): Promise<CategoryGroupEntity[]> {
  return db.getRepository(CategoryGroupEntity).find({ order: { position: 'ASC' } });
}

export async function listCategories(db: DataSource, groupSlug: string | null): Promise<CategoryEntity[]> {
  if (groupSlug === null) return db.getRepository(CategoryEntity).find({ order: { position: 'ASC' } });
  const [group] = await findCategoryGroupsBySlugs(db, [groupSlug], 'groupSlug');
  return db.getRepository(CategoryEntity).find({ where: { groupId: group.id }, order: { position: 'ASC' } });
}

export function findCategoryBySlug(db: DataSource, slug: string): Promise<CategoryEntity | null> {
  return db.getRepository(CategoryEntity).findOneBy({ slug });
}

export function findCategoryGroupBySlug(db: DataSource, slug: string): Promise<CategoryGroupEntity | null> {
  return db.getRepository(CategoryGroupEntity).findOneBy({ slug });
}

/** Resolves slugs given by a client, refusing unknown ones by name. */
async function findBySlugs<T extends { slug: string }>(rows: T[], slugs: string[], argument: string, what: string): Promise<T[]> {
  const known = new Set(rows.map((row) => row.slug));
  const unknown = slugs.filter((slug) => !known.has(slug));
  if (unknown.length > 0) {
    throw badUserInput(`Unknown ${what}: ${unknown.map((slug) => `"${slug}"`).join(', ')}`, argument);
  }
  return rows;
}

export async function findCategoriesBySlugs(db: DataSource, slugs: string[], argument: string): Promise<CategoryEntity[]> {
  const rows = await db.getRepository(CategoryEntity).findBy({ slug: In(slugs) });
  return findBySlugs(rows, slugs, argument, 'category');
}

export async function findCategoryGroupsBySlugs(db: DataSource, slugs: string[], argument: string): Promise<CategoryGroupEntity[]> {
  const rows = await db.getRepository(CategoryGroupEntity).findBy({ slug: In(slugs) });
  return findBySlugs(rows, slugs, argument, 'category group');
}
