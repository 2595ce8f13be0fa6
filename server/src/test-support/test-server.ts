import type { DataSource } from 'typeorm';
import { afterAll, beforeAll } from 'vitest';
import { readCapabilities, type Capabilities } from '../app/capabilities.js';
import { startHttpServer, type HttpServer } from '../app/http-server.js';
import { buildAppSchema } from '../app/schema.js';
import { loadConfig } from '../core/config/config.js';
import { limiterStore } from '../core/rate-limit/limiter-store.js';
import { AuthThrottle, type ThrottleLimits } from '../modules/accounts/throttle.js';
import type { Mailer } from '../modules/mail/mailer.js';
import { DirectoryIndexService } from '../modules/search/directory-index/directory-index.service.js';
import { SearchResultCache } from '../modules/search/search-result-cache.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphQLResponse<TData> {
  status: number;
  data?: TData;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; argument?: string; [key: string]: unknown } }[];
  /** SQL statements the request ran (exposed by the test server only). */
  sqlStatements: { sql: string; parameters: unknown[] }[];
  /** Response headers (Set-Cookie: `headers.getSetCookie()`). */
  headers: Headers;
}

export interface QueryOptions {
  /** Extra request headers (X-Forwarded-For, X-CSRF-Token…). */
  headers?: Record<string, string>;
}

export type QueryFunction = <TData = Record<string, never>>(
  query: string,
  variables?: Record<string, unknown>,
  options?: QueryOptions,
) => Promise<GraphQLResponse<TData>>;

/** A client that keeps cookies between requests, as a browser does. */
export interface TestBrowser {
  query: QueryFunction;
  /** Cookies held, by name. */
  cookies: Map<string, string>;
  /** Sent as X-CSRF-Token with every request when set. */
  csrfToken: string | null;
}

export interface TestServer {
  url: string;
  /** A request without cookies (a fresh anonymous client each time). */
  query: QueryFunction;
  /** A new cookie-keeping client. */
  browser(): TestBrowser;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /**
   * Environment the configuration is read from (default: none, i.e. every default, but for
   * /graphql rate limits, set very high unless given here: RATE_LIMIT_ANONYMOUS_PER_MINUTE…).
   */
  env?: NodeJS.ProcessEnv;
  /**
   * Throttling limits to use instead of the defaults. Sign-ups per IP are not limited here
   * unless given (every test account comes from 127.0.0.1).
   */
  throttleLimits?: Partial<ThrottleLimits>;
  mailer?: Mailer;
}

/** The real GraphQL server over real HTTP, on a random port, for one test file. */
export async function startTestServer(db: DataSource, capabilities?: Capabilities, options: TestServerOptions = {}): Promise<TestServer> {
  const schema = await buildAppSchema();
  // /graphql rate limits out of the way unless a test sets RATE_LIMIT_* in `env`.
  const config = loadConfig({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000', RATE_LIMIT_API_KEY_PER_MINUTE: '1000000000', ...options.env });
  // Loaded before the first request (in production, supplier searches wait for the first load).
  const directoryIndex = new DirectoryIndexService(db);
  await directoryIndex.load();
  if (!directoryIndex.loaded) throw new Error('The directory index did not load');
  const server: HttpServer = await startHttpServer(
    schema,
    // With the result cache and the directory index, as in production: tests see what buyers see after writes.
    {
      db,
      config,
      capabilities: capabilities ?? (await readCapabilities(db)),
      searchCache: new SearchResultCache(),
      directoryIndex,
      throttle: new AuthThrottle(
        { signUpPerIp: { points: 100_000, durationSeconds: 3600 }, ...options.throttleLimits },
        limiterStore(config.apiRateLimits.store, db),
      ),
      mailer: options.mailer,
    },
    { port: 0, exposeSqlStatistics: true },
  );

  async function send<TData>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ): Promise<GraphQLResponse<TData>> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<TData>, 'status' | 'sqlStatements' | 'headers'> & {
      extensions?: { sqlStatements?: GraphQLResponse<TData>['sqlStatements'] };
    };
    return {
      status: response.status,
      data: body.data,
      errors: body.errors,
      sqlStatements: body.extensions?.sqlStatements ?? [],
      headers: response.headers,
    };
  }

  return {
    url: server.url,
    query: (query, variables = {}, options = {}) => send(query, variables, options.headers ?? {}),
    browser() {
      const browser: TestBrowser = {
        cookies: new Map(),
        csrfToken: null,
        async query(query, variables = {}, options = {}) {
          const headers: Record<string, string> = {};
          if (browser.cookies.size > 0) {
            headers.cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
          }
          if (browser.csrfToken) headers['x-csrf-token'] = browser.csrfToken;
          const response = await send<never>(query, variables, { ...headers, ...options.headers });
          for (const setCookie of response.headers.getSetCookie()) {
            const [pair, ...attributes] = setCookie.split(';').map((part) => part.trim());
            const separator = pair.indexOf('=');
            const name = pair.slice(0, separator);
            const value = pair.slice(separator + 1);
            const expired = value === '' || attributes.some((attribute) => /^max-age=0$/i.test(attribute));
            if (expired) browser.cookies.delete(name);
            else browser.cookies.set(name, value);
          }
          return response;
        },
      };
      return browser;
    },
    async close() {
      await server.close();
      await directoryIndex?.close();
    },
  };
}

/** What `useTestServer` gives a test file; both are set once its first beforeAll has run. */
export interface TestApp {
  database: TestDatabase;
  server: TestServer;
}

/**
 * A fresh database and the server over it for the calling test file: registers the hooks
 * that make them before its tests and remove them after. Later beforeAll hooks of the file
 * run after this one, so they can seed through `database` and `server`.
 */
export function useTestServer(options: TestServerOptions = {}): TestApp {
  const app = {} as TestApp;
  beforeAll(async () => {
    app.database = await createTestDatabase();
    app.server = await startTestServer(app.database.db, undefined, options);
  });
  afterAll(async () => {
    await app.server?.close();
    await app.database?.drop();
  });
  return app;
}
