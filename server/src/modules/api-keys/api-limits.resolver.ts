import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { MAX_BODY_BYTES } from '../../core/graphql/limits/http-guards.js';
import { ADMIN_QUERY_LIMITS, DEFAULT_QUERY_LIMITS, type QueryLimits } from '../../core/graphql/limits/query-limits.js';
import { MAX_PAGE_SIZE } from '../../core/graphql/pagination.js';
import { AccountRole } from '../accounts/account.entity.js';
import type { SessionViewer } from '../accounts/viewer.js';

/** The query limits of a request: administrators' pages (import reports) need a larger cost budget. */
export function queryLimitsFor(viewer: SessionViewer | null): QueryLimits {
  return viewer?.role === AccountRole.ADMIN ? ADMIN_QUERY_LIMITS : DEFAULT_QUERY_LIMITS;
}

/** Read from the running server so that clients (and the SPA's API page) never quote stale figures. */
@ObjectType('ApiLimits', { description: 'The limits this deployment applies to /graphql requests (README of modules/api-keys).' })
export class ApiLimits {
  @Field(() => Int, { description: 'Requests per minute and client IP without an API key, a request counting once per started 1 000 cost points; HTTP 429 RATE_LIMITED with Retry-After beyond.' })
  anonymousRequestsPerMinute!: number;

  @Field(() => Int, { description: 'Requests per minute and API key (sent as `Authorization: Bearer <key>`), whatever the IP, counted by cost as without a key.' })
  apiKeyRequestsPerMinute!: number;

  @Field(() => Int, { description: 'Largest `first` of a connection.' })
  maxPageSize!: number;

  @Field(() => Int, { description: 'Deepest field nesting of a document (QUERY_TOO_DEEP beyond).' })
  maxDepth!: number;

  @Field(() => Int, {
    description: 'Cost budget of a document: each field costs 1, a connection multiplies the cost of its children by `first`, and a search adds its work (totalCount, facets, distances, text) (QUERY_TOO_COMPLEX beyond). Administrators have a larger one.',
  })
  maxComplexity!: number;

  @Field(() => Int, { description: 'Aliases in a document.' })
  maxAliases!: number;

  @Field(() => Int, { description: 'Lexical tokens in a document.' })
  maxTokens!: number;

  @Field(() => Int, { description: 'Largest request body in bytes (HTTP 413 beyond).' })
  maxBodyBytes!: number;

  @Field(() => Int, { description: 'Time limit of a request in milliseconds (HTTP 503 TIMEOUT beyond).' })
  timeoutMs!: number;
}

@Resolver()
export class ApiLimitsResolver {
  @Query(() => ApiLimits, { description: 'The rate, size and cost limits of this API, for the caller (administrators get a larger cost budget).' })
  apiLimits(@Ctx() ctx: RequestContext): ApiLimits {
    const queryLimits = queryLimitsFor(ctx.viewer);
    return Object.assign(new ApiLimits(), {
      anonymousRequestsPerMinute: ctx.config.apiRateLimits.anonymousPerMinute,
      apiKeyRequestsPerMinute: ctx.config.apiRateLimits.apiKeyPerMinute,
      maxPageSize: MAX_PAGE_SIZE,
      maxDepth: queryLimits.maxDepth,
      maxComplexity: queryLimits.maxComplexity,
      maxAliases: queryLimits.maxAliases,
      maxTokens: queryLimits.maxTokens,
      maxBodyBytes: MAX_BODY_BYTES,
      timeoutMs: ctx.config.graphqlTimeoutMs,
    });
  }
}
