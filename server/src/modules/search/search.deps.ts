import type { DataSource } from 'typeorm';
import type { Capabilities } from '../../app/capabilities.js';
import type { CategoryLoaders } from '../categories/category.loaders.js';
import type { OfferingLoaders } from '../offerings/offering.loaders.js';
import type { SupplierLoaders } from '../suppliers/supplier.loaders.js';
import type { TerritoryLoaders } from '../territories/territory.loaders.js';
import type { DirectoryIndexService } from './directory-index/directory-index.service.js';
import type { RunStatement } from './search-result-cache.js';

/** What searches take from the server and the request (the resolvers pass the request context). */
export interface SearchDeps {
  db: DataSource;
  capabilities: Capabilities;
  /** Runs the search statements of the request (through the result cache when there is one). */
  runSearchStatement: RunStatement;
  /** The request's loaders, primed with what results show (one request's cache). */
  loaders: { territories: TerritoryLoaders; categories: CategoryLoaders; suppliers: SupplierLoaders; offerings: OfferingLoaders };
}

/** Supplier searches run in the directory index. */
export interface SupplierSearchDeps extends SearchDeps {
  directoryIndex: DirectoryIndexService;
}
