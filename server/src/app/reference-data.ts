import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import { createCategoryLoaders, type CategoryLoaders } from '../modules/categories/category.loaders.js';
import { createTerritoryLoaders, type TerritoryLoaders } from '../modules/territories/territory.loaders.js';

/**
 * A loader kept for the life of the process, over the per-request loaders' own batch loads
 * (`fresh()` makes them). Bounded: clients name codes and ids, unknown ones too (cached as
 * null). A failed batch (database unreachable) is not cached: the next request asks again.
 */
function kept<K, V>(fresh: () => DataLoader<K, V>, maxEntries: number): DataLoader<K, V> {
  return new DataLoader<K, V>(
    async (keys) => {
      const values = await fresh().loadMany(keys);
      const failure = values.find((value) => value instanceof Error);
      if (failure) throw failure;
      return values;
    },
    { cacheMap: new LRUCache<K & {}, Promise<V>>({ max: maxEntries }) as unknown as DataLoader.CacheMap<K, Promise<V>> },
  );
}

/**
 * Reference data, loaded once per serving process and then answered from memory: the
 * category taxonomy and the territories (régions, départements, communes). They only
 * change when a server starts (prepareDatabase syncs the taxonomy and loads territories
 * before any process serves), and every search page and its facets read them: per request,
 * they were 3 or 4 of a search's 7 to 9 SQL statements. Up to a few MiB per process.
 */
export class ReferenceData {
  readonly categories: CategoryLoaders;
  readonly territories: TerritoryLoaders;

  constructor(db: DataSource) {
    const categories = () => createCategoryLoaders(db);
    const territories = () => createTerritoryLoaders(db);
    this.categories = {
      categoryById: kept(() => categories().categoryById, 2_000),
      groupById: kept(() => categories().groupById, 500),
      categoriesByGroupId: kept(() => categories().categoriesByGroupId, 500),
    };
    this.territories = {
      regionByCode: kept(() => territories().regionByCode, 500),
      departementByCode: kept(() => territories().departementByCode, 1_000),
      // About 35 000 communes: the most used ones (results' addresses, searched places).
      communeByCode: kept(() => territories().communeByCode, 10_000),
      departementsByRegionCode: kept(() => territories().departementsByRegionCode, 500),
      arrondissementsByCommuneCode: kept(() => territories().arrondissementsByCommuneCode, 2_000),
    };
  }
}
