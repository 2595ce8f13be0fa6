import http from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseAvailability } from '../core/database/database-availability.js';
import { ErrorCode } from '../core/graphql/errors.js';
import { errorHandler, notFound } from '../core/http/http-errors.js';
import { SUPPLIER_SEARCH } from '../bench/search-mix.js';
import { startTestServer, useTestServer } from '../test-support/test-server.js';
import { defaultToProductionMode } from './production-mode.js';

/**
 * Whatever goes wrong before or around GraphQL answers JSON in the API's error shape, with
 * a code of the closed set and the right status, never Express's HTML page or a stack: the
 * tests run with NODE_ENV=test, where Express would show both.
 */
const app = useTestServer();

const QUERY = JSON.stringify({ query: '{ categoryGroups { slug } }' });

interface ErrorBody {
  errors: { message: string; extensions: { code: string; [key: string]: unknown } }[];
}

/** The one error of a JSON refusal, checked for shape, closed code and the absence of a stack. */
async function refusal(response: Response): Promise<ErrorBody['errors'][number]> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(/<html|<pre|\bat .+\.(js|ts):\d+/i);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.errors).toHaveLength(1);
  expect(Object.values(ErrorCode)).toContain(body.errors[0].extensions.code);
  return body.errors[0];
}

function post(body: RequestInit['body'], headers: Record<string, string>) {
  return fetch(app.server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('request bodies', () => {
  it('answers a plain body sent as gzip, deflate or br with 400 BAD_REQUEST', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await post(QUERY, { 'content-encoding': encoding });
      expect(response.status, encoding).toBe(400);
      expect(await refusal(response), encoding).toMatchObject({
        message: expect.stringContaining('Content-Encoding'),
        extensions: { code: 'BAD_REQUEST' },
      });
    }
  });

  it('reads bodies that are what their Content-Encoding says', async () => {
    const compressed = { gzip: gzipSync(QUERY), deflate: deflateSync(QUERY), br: brotliCompressSync(QUERY) };
    for (const [encoding, body] of Object.entries(compressed)) {
      const response = await post(new Uint8Array(body), { 'content-encoding': encoding });
      expect(response.status, encoding).toBe(200);
      expect(((await response.json()) as { data: { categoryGroups: unknown[] } }).data.categoryGroups.length, encoding).toBeGreaterThan(0);
    }
  });

  it('answers an unknown Content-Encoding or charset with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const encoding = await post(QUERY, { 'content-encoding': 'compress' });
    expect(encoding.status).toBe(415);
    expect((await refusal(encoding)).extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const charset = await post(QUERY, { 'content-type': 'application/json; charset=latin2' });
    expect(charset.status).toBe(415);
    expect((await refusal(charset)).extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers bad JSON with 400 and a body inflating past the limit with 413', async () => {
    const bad = await post('{"query": ', {});
    expect(bad.status).toBe(400);
    expect((await refusal(bad)).extensions.code).toBe('BAD_REQUEST');
    const bomb = gzipSync(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }));
    const large = await post(new Uint8Array(bomb), { 'content-encoding': 'gzip' });
    expect(large.status).toBe(413);
    expect((await refusal(large)).extensions).toMatchObject({ code: 'REQUEST_TOO_LARGE', maxBytes: 100 * 1024 });
  });

  it('answers an address no route serves with a JSON 404', async () => {
    const response = await fetch(new URL('/nothing-here', app.server.url), { method: 'POST' });
    expect(response.status).toBe(404);
    expect((await refusal(response)).extensions.code).toBe('BAD_REQUEST');
  });
});

describe('the last error handler', () => {
  /** A bare Express application with the handler, whose route throws `error`. */
  async function answerTo(error: unknown, availability = new DatabaseAvailability(async () => {})) {
    const bare = express();
    bare.get('/boom', () => {
      throw error;
    });
    bare.use(notFound);
    bare.use(errorHandler(availability));
    const server = http.createServer(bare).listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as { port: number };
      return await fetch(`http://localhost:${port}/boom`);
    } finally {
      server.close();
      availability.close();
    }
  }

  it('masks an unexpected error as 500 INTERNAL_SERVER_ERROR, logged once with its stack for the server only', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await answerTo(new Error('secret detail of a bug'));
    expect(response.status).toBe(500);
    const error = await refusal(response);
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).not.toContain('secret');
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('answers an unreachable database with 503 SERVICE_UNAVAILABLE and Retry-After, without logging the request', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const outage = { outage: vi.fn(), recovery: vi.fn() };
    const availability = new DatabaseAvailability(async () => {}, { log: outage });
    const response = await answerTo(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), availability);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect((await refusal(response)).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 });
    expect(logged).not.toHaveBeenCalled();
  });
});

describe('the time limit', () => {
  it('answers 503 TIMEOUT once, drops the late result without an error, and waits for the work at shutdown', async () => {
    const errors = vi.spyOn(console, 'error');
    // 1 ms: any request that reaches the database is over it.
    const slow = await startTestServer(app.database.db, undefined, { env: { GRAPHQL_TIMEOUT_MS: '1' } });
    const response = await fetch(slow.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SUPPLIER_SEARCH, variables: { filter: { text: 'nettoyage' }, first: 100 } }),
    });
    expect(response.status).toBe(503);
    expect((await refusal(response)).extensions).toEqual({ code: 'TIMEOUT', timeoutMs: 1 });
    await slow.close();
    expect(errors).not.toHaveBeenCalled();
  });
});

describe('health and readiness', () => {
  it('answers /health without the database, and /ready when the database answers and the index is loaded', async () => {
    const health = await fetch(new URL('/health', app.server.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(new URL('/ready', app.server.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', directoryIndex: 'ok' } });
  });
});

describe('defaultToProductionMode', () => {
  it('puts the built server (JavaScript in dist/) in production mode unless NODE_ENV says otherwise; the sources stay as they are', () => {
    const built: NodeJS.ProcessEnv = {};
    defaultToProductionMode(built, '/srv/app/server/dist/app/production-mode.js');
    expect(built.NODE_ENV).toBe('production');
    const chosen: NodeJS.ProcessEnv = { NODE_ENV: 'staging' };
    defaultToProductionMode(chosen, '/srv/app/server/dist/app/production-mode.js');
    expect(chosen.NODE_ENV).toBe('staging');
    const sources: NodeJS.ProcessEnv = {};
    defaultToProductionMode(sources, '/srv/app/server/src/app/production-mode.ts');
    expect(sources.NODE_ENV).toBeUndefined();
  });
});
