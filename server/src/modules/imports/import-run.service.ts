import type { DataSource } from 'typeorm';
import { badUserInput } from '../../core/graphql/errors.js';
import { decodeCursor, encodeCursor, pageInfoOf, pageSizeOf, type PageInfo } from '../../core/graphql/pagination.js';
import { requireAdmin } from '../accounts/authorization.js';
import type { Caller } from '../accounts/viewer.js';
import { ImportRunEntity } from './import-run.entity.js';
import { createImportRunLoaders, type ImportRejectionRow, type ImportRunLoaders } from './import-run.loaders.js';

/** The admin's reading of the stored import reports (import_run, import_rejection). */

const ORDERING = 'importRuns:newest';

/** Most rejections a run lists at once. */
export const MAX_REJECTIONS = 1000;

/** What reading the import runs uses. */
export interface ImportRunDeps {
  db: DataSource;
}

export interface ImportRunPage {
  edges: { cursor: string; node: ImportRunEntity }[];
  pageInfo: PageInfo;
  countAll: () => Promise<number>;
}

/** The import runs, newest first: for admins only (UNAUTHENTICATED, FORBIDDEN). */
export async function importRuns(deps: ImportRunDeps, caller: Caller, page: { first?: number | null; after?: string | null }): Promise<ImportRunPage> {
  requireAdmin(caller);
  const limit = pageSizeOf(page.first);
  const [afterId] = page.after ? decodeCursor(page.after, ORDERING, ['int4']) : [null];
  const runs = deps.db.getRepository(ImportRunEntity);
  // The identity id grows with start time: a unique, newest-first key.
  const query = runs.createQueryBuilder('run').orderBy('run.id', 'DESC').take(limit + 1);
  if (afterId !== null) query.where('run.id < :afterId', { afterId });
  const rows = limit === 0 ? [] : await query.getMany();
  const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeCursor(ORDERING, [row.id]), node: row }));
  return {
    edges,
    pageInfo: pageInfoOf(edges.map((edge) => edge.cursor), rows.length > limit, page.after),
    countAll: () => runs.count(),
  };
}

/**
 * Loaders of a request, keyed by its deps object (the request context in resolvers), so that
 * the rejections of a page of runs are read in one query and never outlive the request.
 */
const loadersOfRequest = new WeakMap<ImportRunDeps, ImportRunLoaders>();

function loadersOf(deps: ImportRunDeps): ImportRunLoaders {
  let loaders = loadersOfRequest.get(deps);
  if (!loaders) {
    loaders = createImportRunLoaders(deps.db);
    loadersOfRequest.set(deps, loaders);
  }
  return loaders;
}

/**
 * The first `first` rows refused by a run, by line (0 to MAX_REJECTIONS, BAD_USER_INPUT
 * otherwise): for admins only. Batched with the other runs of the request.
 */
export async function importRunRejections(deps: ImportRunDeps, caller: Caller, runId: number, first: number): Promise<ImportRejectionRow[]> {
  requireAdmin(caller);
  if (first < 0 || first > MAX_REJECTIONS) throw badUserInput(`"first" must be between 0 and ${MAX_REJECTIONS}, got ${first}`, 'first');
  return loadersOf(deps).rejectionsByRun.load({ runId, first });
}
