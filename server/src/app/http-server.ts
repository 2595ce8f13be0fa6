import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { formatError } from '../core/graphql/errors.js';
import {
  bodyErrors,
  cacheHeadersPlugin,
  graphqlCors,
  MAX_BODY_BYTES,
  RequestTimeout,
  requireJsonPost,
} from '../core/graphql/limits/http-guards.js';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin } from '../core/graphql/limits/query-limits.js';
import { queryLimitsFor } from '../modules/api-keys/api-limits.resolver.js';
import { recordSqlStatements, type SqlStatistics } from '../core/database/sql-statistics.js';
import { csrfPlugin } from '../modules/accounts/csrf.plugin.js';
import { sessionMiddleware, type RequestScope } from '../modules/accounts/session.middleware.js';
import { SessionStore } from '../modules/accounts/session-store.js';
import { AuthThrottle } from '../modules/accounts/throttle.js';
import { ApiAccess, apiKeyReadOnlyPlugin } from '../modules/api-keys/api-access.js';
import { createMailer } from '../modules/mail/mailer.js';
import { outboxView } from '../modules/mail/outbox-view.js';
import { supplierLogoRoutes } from '../modules/suppliers/supplier-logo.routes.js';
import { createRequestContext, type AppServices, type RequestContext, type ServerServices } from './context.js';

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  port: number;
  /** Adds `extensions.sqlStatements` to responses: for tests and benchmarks only. */
  exposeSqlStatistics?: boolean;
}

/**
 * Serves the GraphQL API at /graphql (session cookie read into the context, CSRF check of
 * mutations), suppliers' logos (upload at /api/structures/:id/logo, served at /logos/), a health check at /health, the mail outbox at /dev/outbox when enabled, and
 * the built client at /.
 */
export async function startHttpServer(
  schema: GraphQLSchema,
  appServices: AppServices,
  options: HttpServerOptions,
): Promise<HttpServer> {
  const services: ServerServices = {
    ...appServices,
    mailer: appServices.mailer ?? createMailer(appServices.config, appServices.db),
    throttle: appServices.throttle ?? new AuthThrottle(),
    sessions: new SessionStore(appServices.db, appServices.config.sessionTtlDays),
    apiAccess: appServices.apiAccess ?? new ApiAccess(appServices.db, appServices.config),
  };
  const app = express();
  const httpServer = http.createServer(app);
  const requestTimeout = new RequestTimeout(services.config.graphqlTimeoutMs);
  const apollo = new ApolloServer<ContextWithStatistics>({
    schema,
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts stops the whole server on signals, in order (Apollo would only stop itself).
    stopOnTerminationSignals: false,
    // GET queries work without special headers (cacheable); POSTs must be JSON (requireJsonPost)
    // and session mutations carry the CSRF token (csrfPlugin). See core/graphql/limits/README.md.
    csrfPrevention: false,
    parseOptions: { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens },
    // Automatic persisted queries, in an LRU cache bounded to about 30 MiB.
    persistedQueries: {},
    cache: 'bounded',
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      cacheHeadersPlugin,
      csrfPlugin,
      apiKeyReadOnlyPlugin,
      queryLimitsPlugin((context) => queryLimitsFor(context.viewer)),
      ...(options.exposeSqlStatistics ? [sqlStatisticsPlugin] : []),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Which proxies may tell the client's IP (throttling) and protocol (Secure cookie).
  app.set('trust proxy', services.config.trustProxy);
  app.use(compression());
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', radiusSearchAvailable: services.capabilities.radiusSearchAvailable });
  });
  app.use(
    '/graphql',
    cors(graphqlCors),
    requestTimeout.middleware(),
    requireJsonPost,
    express.json({ limit: MAX_BODY_BYTES }),
    sessionMiddleware(services.sessions),
    // API keys and rate limits (modules/api-keys/README.md): 401 and 429 are answered here.
    services.apiAccess.middleware(),
    (_request, response, next) => {
      // Every statement the request issues is recorded in its own store.
      const statistics: SqlStatistics = { statements: [] };
      response.locals.sqlStatistics = statistics;
      recordSqlStatements(statistics, next);
    },
    expressMiddleware(apollo, {
      context: async ({ res }) =>
        Object.assign(createRequestContext(services, res.locals.requestScope as RequestScope), {
          sqlStatistics: res.locals.sqlStatistics,
        }),
    }),
  );
  // Oversized or malformed bodies get a GraphQL-shaped JSON error.
  app.use('/graphql', bodyErrors);
  app.use(supplierLogoRoutes(services));
  if (services.config.mailOutboxView) app.get('/dev/outbox', outboxView(services.db));

  const clientDist = services.config.clientDistDir;
  if (existsSync(path.join(clientDist, 'index.html'))) {
    // Built assets carry a content hash in their name: cached for good. A missing one is a
    // 404, never the app shell (a browser would run HTML as a script).
    app.use('/assets', express.static(path.join(clientDist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
    const sendPage = (response: express.Response, page: string) =>
      response.setHeader('Cache-Control', 'no-cache').sendFile(path.join(clientDist, page));
    app.use(express.static(clientDist, { index: false }));
    // The GraphQL explorer is a page of its own (client/explorer.html), beside the app's /api page.
    app.get('/api/explorateur', (_request, response) => sendPage(response, 'explorer.html'));
    // The shell answers every other page: deep links of the single-page app work on reload.
    app.get(/^\/(?!graphql|health).*/, (_request, response) => sendPage(response, 'index.html'));
  }

  await new Promise<void>((resolve) => httpServer.listen(options.port, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    async close() {
      await apollo.stop();
      await requestTimeout.drained();
      await services.apiAccess.close();
      await services.mailer.close();
    },
  };
}

type ContextWithStatistics = RequestContext & { sqlStatistics?: SqlStatistics };

const sqlStatisticsPlugin: ApolloServerPlugin<ContextWithStatistics> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind === 'single' && contextValue.sqlStatistics) {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            sqlStatements: contextValue.sqlStatistics.statements,
          };
        }
      },
    };
  },
};
