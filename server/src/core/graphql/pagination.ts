// The decorators below need the metadata polyfill, whichever module imports this one first.
import 'reflect-metadata';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { badUserInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Number of items to return, from 0 to ${MAX_PAGE_SIZE}. Default ${DEFAULT_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (from `pageInfo.endCursor`).' })
  after?: string | null;
}

@ObjectType({ description: 'Where a page stands in a connection.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items come before this page (true when `after` was given).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export function pageSizeOf(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return first;
}

/**
 * Cursors are opaque to clients: the sort key values of the last row, tagged with the
 * ordering they belong to so that a cursor from another ordering is refused, not misread.
 */
export type CursorValue = string | number | boolean | null;

export function encodeCursor(ordering: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([ordering, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, ordering: string, length: number): CursorValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== ordering ||
    parsed.length !== length + 1 ||
    !parsed.slice(1).every((value) => value === null || ['string', 'number', 'boolean'].includes(typeof value))
  ) {
    throw badUserInput('"after" is not a cursor of this list and ordering', 'after');
  }
  return parsed.slice(1) as CursorValue[];
}

export interface Page<TRow> {
  rows: TRow[];
  hasNextPage: boolean;
}

/** Builds an edge class for a node type (type-graphql generic object type). */
export function EdgeType<TNode extends object>(nodeType: ClassType<TNode>, nodeName: string) {
  @ObjectType()
  abstract class Edge {
    @Field({ description: 'Opaque cursor of this edge, for `after`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${nodeName}.` })
    node!: TNode;
  }
  return Edge;
}

/** Builds a connection class; `totalCount` is computed only when selected. */
export function ConnectionType<TEdge extends object>(edgeType: ClassType<TEdge>, nodeName: string) {
  @ObjectType()
  abstract class Connection {
    @Field(() => [edgeType], { description: `The ${nodeName} of this page.` })
    edges!: TEdge[];

    @Field(() => PageInfo, { description: 'Pagination information.' })
    pageInfo!: PageInfo;

    countAll!: () => Promise<number>;

    @Field(() => Int, { description: `Number of ${nodeName} matching the query, over all pages.` })
    totalCount(): Promise<number> {
      return this.countAll();
    }
  }
  return Connection;
}

export function pageInfoOf(cursors: string[], hasNextPage: boolean, after: string | null | undefined): PageInfo {
  return Object.assign(new PageInfo(), {
    hasNextPage,
    hasPreviousPage: Boolean(after),
    startCursor: cursors[0] ?? null,
    endCursor: cursors[cursors.length - 1] ?? null,
  });
}
