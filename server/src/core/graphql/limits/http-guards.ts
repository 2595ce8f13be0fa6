import type { ApolloServerPlugin } from '@apollo/server';
import type { CorsOptions } from 'cors';
import type { RequestHandler } from 'express';
import { sendError } from '../../http/error-response.js';
import { ErrorCode } from '../errors.js';

/** Largest JSON body accepted at /graphql (express.json's `limit`). */
export const MAX_BODY_BYTES = 100 * 1024;

/** How long an anonymous, successful query sent by GET may be kept by browsers and CDNs. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

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
