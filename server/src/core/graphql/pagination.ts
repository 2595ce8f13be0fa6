// The decorators below need the metadata polyfill, whichever module imports this one first.
import 'reflect-metadata';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { badUserInput } from './errors.js';
import { isStorableText } from './input-text.js';

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

/**
 * The type of one sort key of an ordering, as its cursors carry it. Decoding checks each
 * value against it, so that a tampered cursor is BAD_USER_INPUT instead of reaching SQL (a
 * string where PostgreSQL expects an integer) or being misread in memory.
 * - `int4`: a JSON integer within PostgreSQL's `integer` (ids, tiers);
 * - `int8`: a `bigint` as PostgreSQL gives it, a string of digits;
 * - `float8`: a finite JSON number (distances, ranks);
 * - `numeric`: a decimal as text (amounts, kept exact);
 * - `text`: a string without NUL or lone surrogate;
 * - `timestamptz`: a valid date and time as text, PostgreSQL's form or ISO 8601;
 * - `boolean`.
 */
export type CursorKey = 'int4' | 'int8' | 'float8' | 'numeric' | 'text' | 'timestamptz' | 'boolean';

type CursorKeyValue<TKey extends CursorKey> = TKey extends 'int4' | 'float8' ? number : TKey extends 'boolean' ? boolean : string;
export type CursorValues<TKeys extends readonly CursorKey[]> = { -readonly [I in keyof TKeys]: CursorKeyValue<TKeys[I]> };

const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;
const INT8_MAX = 9_223_372_036_854_775_807n;

/** `2025-12-03 10:11:12.123456+01` (PostgreSQL's text) or `2025-12-03T10:11:12.123Z` (ISO 8601). */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::\d{2}){0,2})$/;

function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return year >= 1 && monthDays !== undefined && day >= 1 && day <= monthDays && hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 15;
}

const CURSOR_KEY_CHECKS: Record<CursorKey, (value: unknown) => boolean> = {
  int4: (value) => Number.isInteger(value) && (value as number) >= INT4_MIN && (value as number) <= INT4_MAX,
  int8: (value) => typeof value === 'string' && /^-?\d{1,19}$/.test(value) && BigInt(value) <= INT8_MAX && BigInt(value) >= -INT8_MAX - 1n,
  float8: (value) => typeof value === 'number' && Number.isFinite(value),
  numeric: (value) => typeof value === 'string' && /^-?\d{1,20}(?:\.\d{1,10})?$/.test(value),
  text: (value) => typeof value === 'string' && isStorableText(value),
  timestamptz: (value) => typeof value === 'string' && isTimestamp(value),
  boolean: (value) => typeof value === 'boolean',
};

export function encodeCursor(ordering: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([ordering, ...values]), 'utf8').toString('base64url');
}

/** The error of a cursor that is not one of the list and ordering asked. */
export function invalidCursor() {
  return badUserInput(
    'Curseur invalide pour "after" : ce n\'est pas un curseur de cette liste dans cet ordre. Reprenez `pageInfo.endCursor` ou `cursor` d\'une réponse, sans le modifier.',
    'after',
  );
}

/** The sort key values of a cursor of the ordering, each checked against its key's type; BAD_USER_INPUT otherwise. */
export function decodeCursor<const TKeys extends readonly CursorKey[]>(cursor: string, ordering: string, keys: TKeys): CursorValues<TKeys> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== ordering ||
    parsed.length !== keys.length + 1 ||
    !keys.every((key, index) => CURSOR_KEY_CHECKS[key](parsed[index + 1]))
  ) {
    throw invalidCursor();
  }
  return parsed.slice(1) as CursorValues<TKeys>;
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
