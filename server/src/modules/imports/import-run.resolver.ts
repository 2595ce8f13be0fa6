import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { callerOf, type RequestContext } from '../../app/context.js';
import { PageArgs } from '../../core/graphql/pagination.js';
import { importRunRejections, importRuns, MAX_REJECTIONS } from './import-run.service.js';
import { ImportRejection, ImportRun, ImportRunConnection, ImportRunEdge } from './import-run.types.js';

@Resolver(() => ImportRun)
export class ImportRunResolver {
  @Query(() => ImportRunConnection, {
    description: 'The import runs and their reports, newest first. Admins only (UNAUTHENTICATED, FORBIDDEN).',
  })
  async importRuns(@Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs): Promise<ImportRunConnection> {
    const { edges, pageInfo, countAll } = await importRuns(ctx, callerOf(ctx), page);
    return Object.assign(new ImportRunConnection(), {
      edges: edges.map(({ cursor, node }) => Object.assign(new ImportRunEdge(), { cursor, node: ImportRun.of(node) })),
      pageInfo,
      countAll,
    });
  }

  @FieldResolver(() => [ImportRejection], { description: 'Rows refused by the run, by line number.' })
  async rejections(
    @Ctx() ctx: RequestContext,
    @Root() run: ImportRun,
    @Arg('first', () => Int, { defaultValue: 100, description: `Number of rejections to return, from 0 to ${MAX_REJECTIONS}.` })
    first: number,
  ): Promise<ImportRejection[]> {
    const rows = await importRunRejections(ctx, callerOf(ctx), Number(run.id), first);
    return rows.map((row) => Object.assign(new ImportRejection(), row));
  }
}
