import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../../core/config/config.js';
import { ErrorCode } from '../../core/graphql/errors.js';
import { sendError } from '../../core/http/error-response.js';
import { limiterStore, type LimiterFactory } from '../../core/rate-limit/limiter-store.js';
import { clientIp, type RequestScope } from '../accounts/session.middleware.js';
import { parseApiKey } from './api-key-secret.js';
import { ApiRateLimiter, requestsCounted, type RateLimitState } from './api-rate-limits.js';
import { ApiUsageRecorder } from './api-usage.js';

/** The API key a request was made with. */
export interface ApiClient {
  apiKeyId: number;
  prefix: string;
}

export interface ApiAccessOptions {
  /** Where the one line per request made with a key goes (default: stdout). */
  log?: (line: string) => void;
  /** Overrides the store chosen by RATE_LIMIT_STORE. */
  limiterFactory?: LimiterFactory;
  /** Has the other processes of the server (cluster workers) write their pending usage counts. */
  flushOtherProcessesUsage?: () => Promise<void>;
}

const INVALID_KEY =
  'Clé d’API inconnue ou révoquée : créez-en une dans « Mon espace ». / Unknown or revoked API key: create one in "Mon espace".';
const MALFORMED_AUTHORIZATION =
  'En-tête Authorization invalide : attendu « Bearer <clé d’API> ». / Invalid Authorization header: expected "Bearer <API key>".';
const READ_ONLY_KEY =
  'Une clé d’API ne permet que la lecture : les mutations se font depuis l’application, connecté. / API keys are read-only: mutations need a signed-in session.';

function setRateLimitHeaders(response: Response, state: RateLimitState): void {
  // IETF draft "RateLimit header fields for HTTP" (the form most clients read).
  response.setHeader('RateLimit-Limit', String(state.limit));
  response.setHeader('RateLimit-Remaining', String(state.remaining));
  response.setHeader('RateLimit-Reset', String(state.resetSeconds));
  response.setHeader('RateLimit-Policy', `${state.limit};w=60`);
}

/**
 * Third-party access to /graphql: API keys (`Authorization: Bearer ai_…`), rate limits per
 * IP or per key, usage counters and one log line per request made with a key. See README.md.
 */
export class ApiAccess {
  readonly usage: ApiUsageRecorder;
  private readonly limiter: ApiRateLimiter;
  private readonly log: (line: string) => void;
  /** Whose budget each admitted request is counted against, by its HTTP scope (see chargeCost). */
  private readonly budgets = new WeakMap<object, { response: Response; ip: string; client: ApiClient | null }>();

  constructor(
    private readonly db: DataSource,
    config: Pick<Config, 'apiRateLimits' | 'apiUsageFlushSeconds'>,
    options: ApiAccessOptions = {},
  ) {
    const factory = options.limiterFactory ?? limiterStore(config.apiRateLimits.store, db);
    this.limiter = new ApiRateLimiter(config.apiRateLimits, factory);
    this.usage = new ApiUsageRecorder(db, config.apiUsageFlushSeconds, options.flushOtherProcessesUsage);
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** The key of an Authorization header, if it is a live one (one indexed read: a revoked key is refused at once). */
  async authenticate(authorization: string): Promise<ApiClient | null> {
    const parsed = parseApiKey(/^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? '');
    if (!parsed) return null;
    const [row]: { id: number; prefix: string }[] = await this.db.query(
      'SELECT id, prefix FROM api_key WHERE secret_digest = $1 AND revoked_at IS NULL',
      [parsed.digest],
    );
    return row && row.prefix === parsed.prefix ? { apiKeyId: row.id, prefix: row.prefix } : null;
  }

  /**
   * Mounted after the session middleware. A request with an Authorization header must carry
   * a live key (else 401: never silently anonymous) and then acts as anonymous, whatever
   * cookie it has. Every request is counted against its key or, without a live one, its IP
   * (so wrong keys cannot be tried faster than anonymous requests).
   */
  middleware() {
    return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
      const scope = response.locals.requestScope as RequestScope;
      const authorization = request.get('authorization');
      const client = authorization === undefined ? null : await this.authenticate(authorization);
      if (client) scope.viewer = null;

      if (!(await this.admit(response, scope.http.ip, client))) return;
      if (authorization !== undefined && !client) {
        this.refuseKey(authorization, scope.http.ip, response);
        return;
      }
      if (client) this.countServed(client, request, response, scope.http.ip);
      this.budgets.set(scope.http, { response, ip: scope.http.ip, client });
      next();
    };
  }

  /**
   * The anonymous budget alone, for routes that take no API key (the logo routes): their
   * requests count against the client IP's budget of /graphql, the same counter.
   */
  ipLimit(): RequestHandler {
    return async (request, response, next) => {
      if (await this.admit(response, clientIp(request), null)) next();
    };
  }

  /** Counts the request against its key or its IP; over the limit, answers 429 and says false. */
  private async admit(response: Response, ip: string, client: ApiClient | null): Promise<boolean> {
    const state = client ? await this.limiter.consumeKey(client.apiKeyId) : await this.limiter.consumeAnonymous(ip);
    setRateLimitHeaders(response, state);
    if (state.allowed) return true;
    if (client) {
      this.usage.record(client.apiKeyId, 'rateLimited');
      this.log(`[api] key=${client.prefix} ip=${ip} status=429`);
    }
    response.setHeader('Retry-After', String(state.resetSeconds));
    const limit = client ? `${state.limit} requêtes par minute pour cette clé` : `${state.limit} requêtes par minute sans clé d’API`;
    sendError(response, 429, ErrorCode.RATE_LIMITED, `Trop de requêtes (${limit}). Réessayez dans ${state.resetSeconds} s. / Too many requests: retry in ${state.resetSeconds} s.`, {
      retryAfterSeconds: state.resetSeconds,
    });
    return false;
  }

  /**
   * Once the cost of an operation is known (before it runs): takes the rest of what it counts
   * for from the budget its request was admitted on (api-rate-limits.ts,
   * COST_POINTS_PER_REQUEST). Over the budget, throws RATE_LIMITED (HTTP 429, Retry-After).
   * `http`: the request's HTTP scope (`RequestContext.http`); a request that did not come
   * through `middleware()` is not counted.
   */
  async chargeCost(http: object, cost: number): Promise<void> {
    const budget = this.budgets.get(http);
    if (!budget) return;
    const state = await this.limiter.chargeCost(budget.client ? { apiKeyId: budget.client.apiKeyId } : { ip: budget.ip }, cost);
    if (!state) return;
    setRateLimitHeaders(budget.response, state);
    if (state.allowed) return;
    if (budget.client) {
      this.usage.record(budget.client.apiKeyId, 'rateLimited');
      this.log(`[api] key=${budget.client.prefix} ip=${budget.ip} status=429`);
    }
    budget.response.setHeader('Retry-After', String(state.resetSeconds));
    const counted = requestsCounted(cost);
    throw new GraphQLError(
      `Trop de requêtes : celle-ci compte pour ${counted} (coût ${cost}, une requête par tranche de 1 000 points), la limite est de ${state.limit} par minute. Réessayez dans ${state.resetSeconds} s. / Too many requests: this one counts as ${counted} (cost ${cost}); retry in ${state.resetSeconds} s.`,
      { extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: state.resetSeconds, http: { status: 429 } } },
    );
  }

  /** Writes the counters still in memory (shutdown). */
  close(): Promise<void> {
    return this.usage.close();
  }

  /** 401 for an Authorization header without a live key; the log names the key by its prefix when it has one. */
  private refuseKey(authorization: string, ip: string, response: Response): void {
    const prefix = parseApiKey(/^Bearer\s+(\S+)/i.exec(authorization)?.[1] ?? '')?.prefix ?? 'malformed';
    this.log(`[api] refused key=${prefix} ip=${ip} status=401`);
    response.setHeader('WWW-Authenticate', 'Bearer realm="achat-inclusif", error="invalid_token"');
    const message = /^Bearer\s+\S+\s*$/i.test(authorization) ? INVALID_KEY : MALFORMED_AUTHORIZATION;
    sendError(response, 401, ErrorCode.UNAUTHENTICATED, message);
  }

  /** Counts the request when its response is sent: an error when its status or body says so. */
  private countServed(client: ApiClient, request: Request, response: Response, ip: string): void {
    const started = process.hrtime.bigint();
    let graphqlErrors = false;
    const send = response.send.bind(response);
    response.send = (body?: unknown) => {
      // Apollo Server writes `errors` first in the result, so the start of the body tells.
      if (typeof body === 'string' && body.startsWith('{"errors":')) graphqlErrors = true;
      return send(body);
    };
    response.on('finish', () => {
      const failed = graphqlErrors || response.statusCode >= 400;
      this.usage.record(client.apiKeyId, failed ? 'error' : 'served');
      const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
      this.log(
        `[api] key=${client.prefix} ip=${ip} ${request.method} status=${response.statusCode}${graphqlErrors ? ' errors' : ''} ${milliseconds.toFixed(0)}ms`,
      );
    });
  }
}

/**
 * API keys are read-only: a mutation sent with one is refused before it runs (FORBIDDEN,
 * HTTP 403). Keys are for machines; changes are made by people, signed in, in the SPA.
 * Any Authorization header that reaches GraphQL was checked by ApiAccess.middleware.
 */
export const apiKeyReadOnlyPlugin: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    if (!request.http?.headers.get('authorization')) return;
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'mutation') {
          throw new GraphQLError(READ_ONLY_KEY, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
        }
      },
    };
  },
};
