import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { badUserInput } from '../../core/graphql/errors.js';
import { PageArgs, decodeCursor, encodeCursor, pageInfoOf, pageSizeOf } from '../../core/graphql/pagination.js';
import { requireAdmin } from '../accounts/authorization.js';
import { ImportRunEntity } from './import-run.entity.js';
import { ImportRejection, ImportRun, ImportRunConnection, ImportRunEdge } from './import-run.types.js';

const ORDERING = 'importRuns:newest';
const MAX_REJECTIONS = 1000;

/** Rejections of the runs of a page in one query per `first` value (no query per run). */
type RejectionKey = { runId: number; first: number };
const rejectionLoaders = new WeakMap<RequestContext, DataLoader<RejectionKey, ImportRejection[], string>>();

function rejectionLoader(ctx: RequestContext): DataLoader<RejectionKey, ImportRejection[], string> {
  let loader = rejectionLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<RejectionKey, ImportRejection[], string>(
      async (keys) => {
        const first = Math.max(...keys.map((key) => key.first));
        const rows: { run_id: number; line: number; reason: string; value: string | null }[] = await ctx.db.query(
          `SELECT run_id, line, reason, value FROM (
             SELECT r.*, row_number() OVER (PARTITION BY run_id ORDER BY line, reason) AS rank
             FROM import_rejection r WHERE run_id = ANY($1::int[])
           ) ranked WHERE rank <= $2 ORDER BY run_id, line, rank`,
          [[...new Set(keys.map((key) => key.runId))], first],
        );
        return keys.map((key) =>
          rows
            .filter((row) => row.run_id === key.runId)
            .slice(0, key.first)
            .map((row) => Object.assign(new ImportRejection(), { line: row.line, reason: row.reason, value: row.value })),
        );
      },
      { cacheKeyFn: (key) => `${key.runId}:${key.first}` },
    );
    rejectionLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => ImportRun)
export class ImportRunResolver {
  @Query(() => ImportRunConnection, {
    description: 'The import runs and their reports, newest first. Admins only (UNAUTHENTICATED, FORBIDDEN).',
  })
  async importRuns(@Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs): Promise<ImportRunConnection> {
    requireAdmin(ctx);
    const limit = pageSizeOf(page.first);
    const [afterId] = page.after ? decodeCursor(page.after, ORDERING, ['int4']) : [null];
    // The identity id grows with start time: a unique, newest-first key.
    const query = ctx.db.getRepository(ImportRunEntity).createQueryBuilder('run').orderBy('run.id', 'DESC').take(limit + 1);
    if (afterId !== null) query.where('run.id < :afterId', { afterId });
    const rows = limit === 0 ? [] : await query.getMany();
    const edges = rows.slice(0, limit).map((row) =>
      Object.assign(new ImportRunEdge(), { cursor: encodeCursor(ORDERING, [row.id]), node: ImportRun.of(row) }),
    );
    return Object.assign(new ImportRunConnection(), {
      edges,
      pageInfo: pageInfoOf(edges.map((edge) => edge.cursor), rows.length > limit, page.after),
      countAll: () => ctx.db.getRepository(ImportRunEntity).count(),
    });
  }

  @FieldResolver(() => [ImportRejection], { description: 'Rows refused by the run, by line number.' })
  rejections(
    @Ctx() ctx: RequestContext,
    @Root() run: ImportRun,
    @Arg('first', () => Int, { defaultValue: 100, description: `Number of rejections to return, from 0 to ${MAX_REJECTIONS}.` })
    first: number,
  ): Promise<ImportRejection[]> {
    if (first < 0 || first > MAX_REJECTIONS) throw badUserInput(`"first" must be between 0 and ${MAX_REJECTIONS}, got ${first}`, 'first');
    return rejectionLoader(ctx).load({ runId: Number(run.id), first });
  }
}
