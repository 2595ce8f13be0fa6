import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { decodeCursor, encodeCursor, PageArgs, pageInfoOf, pageSizeOf } from '../../core/graphql/pagination.js';
import { requireSupplierAccess } from '../accounts/authorization.js';
import { Supplier } from '../suppliers/supplier.types.js';
import type { ChangeAction } from './change-log.js';
import { ChangeLogConnection, ChangeLogEdge, ChangeLogEntry, FieldChange } from './change-log.types.js';

const ORDERING = 'changeLog:newest';
/** Who the log names for changes without an account: imports, the system. */
export const SYSTEM_AUTHOR = 'Achat inclusif';

interface ChangeLogRow {
  id: string;
  action: ChangeAction;
  author_name: string | null;
  created_at: Date;
  offering_title: string | null;
  changes: Record<string, unknown>;
}

/** Field changes are stored as {"field": {"from", "to"}}; other details (decisions) are not field changes. */
function fieldChangesOf(changes: Record<string, unknown>): FieldChange[] {
  return Object.entries(changes)
    .filter((entry): entry is [string, { from: unknown; to: unknown }] => {
      const value = entry[1];
      return !!value && typeof value === 'object' && 'from' in value && 'to' in value;
    })
    .map(([field, { from, to }]) => Object.assign(new FieldChange(), { field, before: from, after: to }));
}

@Resolver(() => Supplier)
export class SupplierChangeLogResolver {
  @FieldResolver(() => ChangeLogConnection, {
    nullable: true,
    description: 'Changes of the structure and its offerings, newest first. Its members and admins only (null with FORBIDDEN otherwise).',
  })
  async changeLog(@Root() supplier: Supplier, @Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs): Promise<ChangeLogConnection> {
    requireSupplierAccess(ctx, supplier.key);
    const limit = pageSizeOf(page.first);
    const [afterId] = page.after ? decodeCursor(page.after, ORDERING, ['int8']) : [null];
    // The identity id grows with time: a unique, newest-first key.
    const rows: ChangeLogRow[] =
      limit === 0
        ? []
        : await ctx.db.query(
            `SELECT l.id, l.action, a.display_name AS author_name, l.created_at, o.title AS offering_title, l.changes
             FROM change_log l
             LEFT JOIN account a ON a.id = l.account_id
             LEFT JOIN offering o ON o.id = l.offering_id
             WHERE l.supplier_id = $1 AND ($2::bigint IS NULL OR l.id < $2::bigint)
             ORDER BY l.id DESC LIMIT $3`,
            [supplier.key, afterId, limit + 1],
          );
    const edges = rows.slice(0, limit).map((row) =>
      Object.assign(new ChangeLogEdge(), {
        cursor: encodeCursor(ORDERING, [row.id]),
        node: Object.assign(new ChangeLogEntry(), {
          id: toGlobalId('ChangeLogEntry', row.id),
          action: row.action,
          authorName: row.author_name ?? SYSTEM_AUTHOR,
          createdAt: row.created_at,
          offeringTitle: row.offering_title,
          changes: fieldChangesOf(row.changes),
        }),
      }),
    );
    return Object.assign(new ChangeLogConnection(), {
      edges,
      pageInfo: pageInfoOf(edges.map((edge) => edge.cursor), rows.length > limit, page.after),
      countAll: async () => {
        const [{ count }] = await ctx.db.query('SELECT count(*)::int AS count FROM change_log WHERE supplier_id = $1', [supplier.key]);
        return count;
      },
    });
  }
}
