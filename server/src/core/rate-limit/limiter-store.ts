import { RateLimiterCluster, RateLimiterClusterMaster, RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { ApiRateLimits } from '../config/config.js';

/** Makes the limiter of one rule (points per window); the store decides who shares the counters. */
export type LimiterFactory = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

/** Counters in this process: right for one instance; they reset on restart. */
export const inMemoryLimiters: LimiterFactory = (options) => new RateLimiterMemory(options);

/**
 * Counters in the memory of the cluster's primary process (SERVER_WORKERS > 1, app/cluster.ts):
 * a worker asks the primary over IPC for each count, so a limit per IP holds for the whole
 * server, whichever worker a connection lands on. rate-limiter-flexible's RateLimiterCluster:
 * consume, penalty, get and delete, as the limiters here use them (keyPrefix unique per rule).
 */
export const clusterLimiters: LimiterFactory = (options) => new RateLimiterCluster(options);

/** What the `memory` store means in this process: its own counters, or the cluster primary's. */
let memoryStore: LimiterFactory = inMemoryLimiters;

/** In a worker of the cluster: the `memory` store keeps its counters in the primary. Call before any limiter is made. */
export function keepMemoryCountersInPrimary(): void {
  memoryStore = clusterLimiters;
}

/**
 * In the cluster's primary, before it forks: holds the counters of the workers' limiters
 * (a RateLimiterMemory per rule, made when the first worker announces it).
 */
export function serveMemoryCountersToWorkers(): void {
  new RateLimiterClusterMaster();
}

/**
 * Counters in the `rate_limit` table (created by the migrations): every instance on the
 * same database shares them, at the cost of one upsert per count.
 */
export function postgresLimiters(db: DataSource): LimiterFactory {
  return (options) =>
    // rate-limiter-flexible's documented TypeORM store: it takes the DataSource and borrows
    // connections from its pool, so this code reads no private field of TypeORM's driver.
    // Each limiter deletes rows expired for an hour every 5 minutes (clearExpiredByTimeout, default on).
    new RateLimiterPostgres({ ...options, storeClient: db, storeType: 'typeorm', tableName: 'rate_limit', tableCreated: true });
}

/**
 * The store RATE_LIMIT_STORE names, for every limiter of the server: the API rate limits
 * (modules/api-keys) and the throttling of account flows (modules/accounts/throttle.ts).
 * `memory` is this process's, or in a cluster the primary's (shared by the workers).
 */
export function limiterStore(store: ApiRateLimits['store'], db: DataSource): LimiterFactory {
  return store === 'postgres' ? postgresLimiters(db) : memoryStore;
}
