import type { SqlRunner } from '../../core/database/sql-runner.js';
import { decodeCursor, encodeCursor, type PageArgs, pageInfoOf, pageSizeOf } from '../../core/graphql/pagination.js';

/**
 * One page of a moderation list (claims, proposals), oldest first: the identity id grows
 * with time, so it is the unique key of the order and of the cursor.
 */
export async function moderationPage<TRow extends { id: number }, TNode>(
  db: SqlRunner,
  query: { ordering: string; select: string; from: string; where: string; params: unknown[] },
  page: PageArgs,
  nodeOf: (row: TRow) => TNode,
) {
  const limit = pageSizeOf(page.first);
  const [afterId] = page.after ? decodeCursor(page.after, query.ordering, ['int4']) : [null];
  const next = query.params.length + 1;
  const rows: TRow[] =
    limit === 0
      ? []
      : await db.query(
          `SELECT ${query.select} FROM ${query.from} WHERE ${query.where} AND ($${next}::int IS NULL OR id > $${next}) ORDER BY id LIMIT $${next + 1}`,
          [...query.params, afterId, limit + 1],
        );
  const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeCursor(query.ordering, [row.id]), node: nodeOf(row) }));
  return {
    edges,
    pageInfo: pageInfoOf(edges.map((edge) => edge.cursor), rows.length > limit, page.after),
    countAll: async () => {
      const [{ count }]: { count: number }[] = await db.query(`SELECT count(*)::int AS count FROM ${query.from} WHERE ${query.where}`, query.params);
      return count;
    },
  };
}
