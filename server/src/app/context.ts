import type { DataSource } from 'typeorm';
import type { Config } from '../core/config/config.js';
import { createCategoryLoaders, type CategoryLoaders } from '../modules/categories/category.loaders.js';
import { createOfferingLoaders, type OfferingLoaders } from '../modules/offerings/offering.loaders.js';
import { createSupplierLoaders, type SupplierLoaders } from '../modules/suppliers/supplier.loaders.js';
import { createTerritoryLoaders, type TerritoryLoaders } from '../modules/territories/territory.loaders.js';
import { statementRunner, type RunStatement, type SearchResultCache } from '../modules/search/search-result-cache.js';
import type { Capabilities } from './capabilities.js';

/** Long-lived services, built once at start. */
export interface AppServices {
  db: DataSource;
  config: Config;
  capabilities: Capabilities;
  /** Shared by the requests of this server; none: every search statement runs. */
  searchCache?: SearchResultCache;
}

/** What every resolver receives; loaders are per request so that their cache never outlives it. */
export interface RequestContext extends AppServices {
  loaders: {
    territories: TerritoryLoaders;
    categories: CategoryLoaders;
    suppliers: SupplierLoaders;
    offerings: OfferingLoaders;
  };
  /** Runs the search statements of this request (through the result cache when there is one). */
  runSearchStatement: RunStatement;
}

export function createRequestContext(services: AppServices): RequestContext {
  return {
    ...services,
    loaders: {
      territories: createTerritoryLoaders(services.db),
      categories: createCategoryLoaders(services.db),
      suppliers: createSupplierLoaders(services.db),
      offerings: createOfferingLoaders(services.db),
    },
    runSearchStatement: statementRunner(services.db, services.searchCache),
  };
}
