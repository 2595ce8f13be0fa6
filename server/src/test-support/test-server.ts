import type { DataSource } from 'typeorm';
import { readCapabilities, type Capabilities } from '../app/capabilities.js';
import { startHttpServer, type HttpServer } from '../app/http-server.js';
import { buildAppSchema } from '../app/schema.js';
import { loadConfig } from '../core/config/config.js';
import { SearchResultCache } from '../modules/search/search-result-cache.js';

export interface GraphQLResponse<TData> {
  status: number;
  data?: TData;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; argument?: string } }[];
  /** SQL statements the request ran (exposed by the test server only). */
  sqlStatements: { sql: string; parameters: unknown[] }[];
}

export interface TestServer {
  url: string;
  query<TData = Record<string, never>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/** The real GraphQL server over real HTTP, on a random port, for one test file. */
export async function startTestServer(db: DataSource, capabilities?: Capabilities): Promise<TestServer> {
  const schema = await buildAppSchema();
  const server: HttpServer = await startHttpServer(
    schema,
    // With the result cache, as in production: tests see what buyers see after writes.
    { db, config: loadConfig({}), capabilities: capabilities ?? (await readCapabilities(db)), searchCache: new SearchResultCache() },
    { port: 0, exposeSqlStatistics: true },
  );
  return {
    url: server.url,
    async query<TData>(query: string, variables: Record<string, unknown> = {}) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<TData>, 'status' | 'sqlStatements'> & {
        extensions?: { sqlStatements?: GraphQLResponse<TData>['sqlStatements'] };
      };
      return { status: response.status, data: body.data, errors: body.errors, sqlStatements: body.extensions?.sqlStatements ?? [] };
    },
    close: () => server.close(),
  };
}
