import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import compression from 'compression';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { formatError } from '../core/graphql/errors.js';
import { inputTextPlugin } from '../core/graphql/input-text.js';
import { cacheHeadersPlugin, graphqlCors, MAX_BODY_BYTES, requireJsonPost } from '../core/graphql/limits/http-guards.js';
import { connectionProbe, DatabaseAvailability, type OutageLog } from '../core/database/database-availability.js';
import { databaseOutagePlugin, refuseWhileDatabaseDown } from '../core/http/database-outage.js';
import { compressWholeBodies } from '../core/http/compressed-body.js';
import { graphqlHandler } from '../core/http/graphql-handler.js';
import { errorHandler, notFound } from '../core/http/http-errors.js';
import { RequestDeadline } from '../core/http/request-deadline.js';
import { limiterStore } from '../core/rate-limit/limiter-store.js';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin } from '../core/graphql/limits/query-limits.js';
import { queryLimitsFor } from '../modules/api-keys/api-limits.resolver.js';
import { recordSqlStatements, type SqlStatistics } from '../core/database/sql-statistics.js';
import { csrfPlugin } from '../modules/accounts/csrf.plugin.js';
import { sessionMiddleware, type RequestScope } from '../modules/accounts/session.middleware.js';
import { SessionStore } from '../modules/accounts/session-store.js';
import { AuthThrottle } from '../modules/accounts/throttle.js';
import { ApiAccess, apiKeyReadOnlyPlugin } from '../modules/api-keys/api-access.js';
import { isServerWorker, shareUsageFlushes } from './cluster.js';
import { createMailer } from '../modules/mail/mailer.js';
import { outboxView } from '../modules/mail/outbox-view.js';
import { supplierLogoRoutes } from '../modules/suppliers/supplier-logo.routes.js';
import { createRequestContext, type AppServices, type RequestContext, type ServerServices } from './context.js';
import { healthRoutes } from './health-routes.js';

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  port: number;
  /** Adds `extensions.sqlStatements` to responses: for tests and benchmarks only. */
  exposeSqlStatistics?: boolean;
  /** Where the database outage lines go (default: the console). */
  outageLog?: OutageLog;
}

/**
 * Serves the GraphQL API at /graphql (session cookie read into the context, CSRF check of
 * mutations), suppliers' logos (upload at /api/structures/:id/logo, served at /logos/),
 * liveness at /health and readiness at /ready, the mail outbox at /dev/outbox when enabled,
 * and the built client at /. Every error answers JSON in the API's error shape; while the
 * database is unreachable, 503 SERVICE_UNAVAILABLE at once.
 */
/** In a cluster worker, reading API usage first has the other workers write theirs (app/cluster.ts). */
function newApiAccess({ db, config }: AppServices): ApiAccess {
  if (!isServerWorker()) return new ApiAccess(db, config);
  let flushOtherWorkers = async () => {};
  const access = new ApiAccess(db, config, { flushOtherProcessesUsage: () => flushOtherWorkers() });
  flushOtherWorkers = shareUsageFlushes(access.usage);
  return access;
}

export async function startHttpServer(
  schema: GraphQLSchema,
  appServices: AppServices,
  options: HttpServerOptions,
): Promise<HttpServer> {
  const services: ServerServices = {
    ...appServices,
    mailer: appServices.mailer ?? createMailer(appServices.config, appServices.db),
    throttle: appServices.throttle ?? new AuthThrottle({}, limiterStore(appServices.config.apiRateLimits.store, appServices.db)),
    sessions: new SessionStore(appServices.db, appServices.config.sessionTtlDays),
    apiAccess: appServices.apiAccess ?? newApiAccess(appServices),
  };
  const app = express();
  const httpServer = http.createServer(app);
  const deadline = new RequestDeadline(services.config.graphqlTimeoutMs);
  const availability = new DatabaseAvailability(connectionProbe(services.db), { log: options.outageLog });
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
      inputTextPlugin,
      // The rate limits count a request by its cost (modules/api-keys/README.md).
      queryLimitsPlugin(
        (context) => queryLimitsFor(context.viewer),
        (context, cost) => context.apiAccess.chargeCost(context.http, cost),
      ),
      databaseOutagePlugin(availability),
      ...(options.exposeSqlStatistics ? [sqlStatisticsPlugin] : []),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Which proxies may tell the client's IP (throttling) and protocol (Secure cookie).
  app.set('trust proxy', services.config.trustProxy);
  app.use(compression());
  app.use(healthRoutes({ availability, capabilities: services.capabilities, directoryIndex: services.directoryIndex }));
  app.use(
    '/graphql',
    cors(graphqlCors),
    deadline.middleware(),
    refuseWhileDatabaseDown(availability),
    requireJsonPost,
    compressWholeBodies(),
    express.json({ limit: MAX_BODY_BYTES }),
    sessionMiddleware(services.sessions),
    // API keys and rate limits (modules/api-keys/README.md): 401 and 429 are answered here.
    services.apiAccess.middleware(),
    // Tests and benchmarks: every statement the request issues is recorded in its own store.
    // Not otherwise: an AsyncLocalStorage in use makes Node track every promise of every request.
    ...(options.exposeSqlStatistics ? [recordStatements] : []),
    graphqlHandler(apollo, {
      deadline,
      context: async (_request, response) =>
        Object.assign(createRequestContext(services, response.locals.requestScope as RequestScope), {
          sqlStatistics: response.locals.sqlStatistics,
        }),
    }),
  );
  // Logos: the same outage answer and the same per-IP budget as /graphql.
  app.use(['/api/structures', '/logos'], refuseWhileDatabaseDown(availability), services.apiAccess.ipLimit());
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
    app.get(/^\/(?!graphql|health|ready).*/, (_request, response) => sendPage(response, 'index.html'));
  }
  // Anything else, and every error (body parser, outage, bug): JSON, never a page or a stack.
  app.use(notFound);
  app.use(errorHandler(availability));

  await new Promise<void>((resolve) => httpServer.listen(options.port, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    async close() {
      await apollo.stop();
      await deadline.drained();
      availability.close();
      await services.apiAccess.close();
      await services.mailer.close();
    },
  };
}

type ContextWithStatistics = RequestContext & { sqlStatistics?: SqlStatistics };

const recordStatements: express.RequestHandler = (_request, response, next) => {
  const statistics: SqlStatistics = { statements: [] };
  response.locals.sqlStatistics = statistics;
  recordSqlStatements(statistics, next);
};

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
