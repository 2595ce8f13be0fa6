import type { DataSource } from 'typeorm';
import type { Config } from '../core/config/config.js';
import { createCategoryLoaders, type CategoryLoaders } from '../modules/categories/category.loaders.js';
import { createOfferingLoaders, type OfferingLoaders } from '../modules/offerings/offering.loaders.js';
import { createSupplierLoaders, type SupplierLoaders } from '../modules/suppliers/supplier.loaders.js';
import { createSupplierLogoLoaders, type SupplierLogoLoaders } from '../modules/suppliers/supplier-logo.loaders.js';
import { createTerritoryLoaders, type TerritoryLoaders } from '../modules/territories/territory.loaders.js';
import { createShortlistLoaders, type ShortlistLoaders } from '../modules/shortlists/shortlist.loaders.js';
import { createMembershipLoaders, type MembershipLoaders } from '../modules/memberships/membership.loaders.js';
import { readDirectoryVersion, statementRunner, type RunStatement, type SearchResultCache } from '../modules/search/search-result-cache.js';
import type { DirectoryIndexService } from '../modules/search/directory-index/directory-index.service.js';
import type { AuthThrottle } from '../modules/accounts/throttle.js';
import type { ApiAccess } from '../modules/api-keys/api-access.js';
import type { SessionStore } from '../modules/accounts/session-store.js';
import { NO_HTTP, type Caller, type HttpScope, type SessionViewer } from '../modules/accounts/viewer.js';
import type { Mailer } from '../modules/mail/mailer.js';
import type { Capabilities } from './capabilities.js';
import type { ReferenceData } from './reference-data.js';

/** Long-lived services, built once at start. */
export interface AppServices {
  db: DataSource;
  config: Config;
  capabilities: Capabilities;
  /** Shared by the requests of this server; none: every search statement runs. */
  searchCache?: SearchResultCache;
  /** Answers every supplier search, from memory (modules/search/directory-index). */
  directoryIndex: DirectoryIndexService;
  /** Outgoing mail; default: from the configuration (SMTP or the outbox table). */
  mailer?: Mailer;
  /** Throttling of account flows; default: in-memory counters with the default limits. */
  throttle?: AuthThrottle;
  /** API keys, rate limits and usage counters of /graphql; default: from the configuration. */
  apiAccess?: ApiAccess;
  /**
   * Categories and territories kept in memory for the life of the process (app/reference-data.ts);
   * none: loaded per request (tests, which may write them while the server runs).
   */
  referenceData?: ReferenceData;
}

/** The services once the HTTP server has filled in the defaults. */
export interface ServerServices extends AppServices {
  mailer: Mailer;
  throttle: AuthThrottle;
  sessions: SessionStore;
  apiAccess: ApiAccess;
}

/** What every resolver receives; loaders are per request so that their cache never outlives it. */
export interface RequestContext extends ServerServices {
  /** The signed-in person, from the session cookie; null when anonymous. Sign-in and sign-out change it. */
  viewer: SessionViewer | null;
  /** The HTTP side of the request: client IP, CSRF header, session cookie. */
  http: HttpScope;
  loaders: {
    territories: TerritoryLoaders;
    categories: CategoryLoaders;
    suppliers: SupplierLoaders;
    offerings: OfferingLoaders;
    logos: SupplierLogoLoaders;
    shortlists: ShortlistLoaders;
    memberships: MembershipLoaders;
  };
  /** Runs the search statements of this request (through the result cache when there is one). */
  runSearchStatement: RunStatement;
  /** The directory version this request reads (once, on first use). */
  directoryVersion: () => Promise<string>;
}

/** The request's caller, as services take it. */
export const callerOf = (ctx: Pick<RequestContext, 'viewer' | 'http'>): Caller => ({ viewer: ctx.viewer, ip: ctx.http.ip });

export function createRequestContext(
  services: ServerServices,
  scope: { viewer: SessionViewer | null; http: HttpScope } = { viewer: null, http: NO_HTTP },
): RequestContext {
  let version: Promise<string> | null = null;
  const directoryVersion = () => (version ??= readDirectoryVersion(services.db));
  return {
    ...services,
    viewer: scope.viewer,
    http: scope.http,
    loaders: {
      territories: services.referenceData?.territories ?? createTerritoryLoaders(services.db),
      categories: services.referenceData?.categories ?? createCategoryLoaders(services.db),
      suppliers: createSupplierLoaders(services.db),
      offerings: createOfferingLoaders(services.db),
      logos: createSupplierLogoLoaders(services.db),
      shortlists: createShortlistLoaders(services.db),
      memberships: createMembershipLoaders(services.db),
    },
    runSearchStatement: statementRunner(services.db, services.searchCache && { cache: services.searchCache, directoryVersion }),
    directoryVersion,
  };
}
