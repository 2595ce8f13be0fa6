import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { CategoryEntity, CategoryGroupEntity } from './category.entities.js';

/** Per-request loaders: one query per batch of keys. */
export function createCategoryLoaders(db: DataSource) {
  return {
    categoryById: new DataLoader<number, CategoryEntity | null>(async (ids) => {
      const rows = await db.getRepository(CategoryEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    groupById: new DataLoader<number, CategoryGroupEntity | null>(async (ids) => {
      const rows = await db.getRepository(CategoryGroupEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    categoriesByGroupId: new DataLoader<number, CategoryEntity[]>(async (groupIds) => {
      const rows = await db
        .getRepository(CategoryEntity)
        .find({ where: { groupId: In([...groupIds]) }, order: { position: 'ASC' } });
      return groupIds.map((groupId) => rows.filter((row) => row.groupId === groupId));
    }),
  };
}

export type CategoryLoaders = ReturnType<typeof createCategoryLoaders>;
