import type { ApolloServerPlugin } from '@apollo/server';
import type { CorsOptions } from 'cors';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ErrorCode } from '../errors.js';

/** Largest JSON body accepted at /graphql (express.json's `limit`). */
export const MAX_BODY_BYTES = 100 * 1024;

/** How long an anonymous, successful query sent by GET may be kept by browsers and CDNs. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

/** Answers a GraphQL-shaped JSON error from an Express handler (the body of a response Apollo never saw). */
function sendError(response: Response, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  response
    .status(status)
    .setHeader('Cache-Control', 'private, no-store')
    .json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/**
 * Browser clients of any origin may read the API, without credentials: `*` never goes with
 * cookies, so cookie sessions stay same-origin. Preflights are cached by the browser.
 */
export const graphqlCors: CorsOptions = {
  origin: '*',
  methods: ['GET', 'POST', 'OPTIONS'],
  allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'X-Apollo-Operation-Name', 'Apollo-Require-Preflight'],
  // So that browser clients can pace themselves (modules/api-keys/README.md).
  exposedHeaders: ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'],
  credentials: false,
  maxAge: 86_400,
};

/**
 * A POST must be JSON: a form or `text/plain` POST is what another site can send without a
 * preflight, so refusing it is the CSRF barrier for POSTs (Apollo's own check is off to let
 * plain GET queries through; see the README).
 */
export const requireJsonPost: RequestHandler = (request, response, next) => {
  if (request.method !== 'POST' || request.is('application/json')) return next();
  sendError(response, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Envoyez la requête en JSON (Content-Type: application/json).');
};

/** Body parser failures as GraphQL errors, not Express's HTML page. */
export const bodyErrors: ErrorRequestHandler = (error, _request, response, next) => {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') {
    return sendError(response, 413, ErrorCode.REQUEST_TOO_LARGE, `Requête trop grande : la limite est de ${MAX_BODY_BYTES / 1024} Ko.`, {
      maxBytes: MAX_BODY_BYTES,
    });
  }
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return sendError(response, 400, ErrorCode.BAD_REQUEST, 'Le corps de la requête n\'est pas un JSON valide.');
  }
  next(error);
};

/**
 * Answers 503 TIMEOUT once a request has run for `timeoutMs`. The work already started is
 * not interrupted, only no longer awaited: its late answer is discarded, and `drained()`
 * tells when all such work has ended (so that shutdown does not cut its SQL short).
 */
export class RequestTimeout {
  private readonly abandoned = new Set<Promise<void>>();

  constructor(readonly timeoutMs: number) {}

  middleware(): RequestHandler {
    return (_request, response, next) => {
      const timer = setTimeout(() => {
        if (response.headersSent) return;
        sendError(response, 503, ErrorCode.TIMEOUT, `La requête a dépassé la durée maximale de ${this.timeoutMs / 1000} s : demandez moins d'éléments, ou réessayez plus tard.`, {
          timeoutMs: this.timeoutMs,
        });
        // Apollo's answer, when it comes, must not be written over this one.
        const ended = new Promise<void>((resolve) => {
          response.setHeader = () => response;
          response.send = () => {
            resolve();
            return response;
          };
        });
        this.abandoned.add(ended);
        void ended.then(() => this.abandoned.delete(ended));
      }, this.timeoutMs);
      response.on('close', () => clearTimeout(timer));
      next();
    };
  }

  async drained(): Promise<void> {
    await Promise.all(this.abandoned);
  }
}

/**
 * GET queries are cacheable: an anonymous one (no cookie, no Authorization) that succeeded
 * is `public` for a minute; anything else is `private, no-store`. Caches key on the
 * credentials they ignore otherwise (`Vary`).
 */
export const cacheHeadersPlugin: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    return {
      async willSendResponse({ response, errors, operation }) {
        const headers = response.http.headers;
        const anonymous = !request.http?.headers.get('cookie') && !request.http?.headers.get('authorization');
        const cacheable =
          request.http?.method === 'GET' && anonymous && !errors?.length && operation?.operation === 'query';
        headers.set('cache-control', cacheable ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}` : 'private, no-store');
        headers.set('vary', 'Accept, Authorization, Cookie');
      },
    };
  },
};
