import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../core/config/config.js';
import { createMailer } from '../modules/mail/mailer.js';
import { DirectoryIndexService } from '../modules/search/directory-index/directory-index.service.js';
import { SearchResultCache } from '../modules/search/search-result-cache.js';
import type { Log } from './bootstrap.js';
import type { Capabilities } from './capabilities.js';
import { startHttpServer } from './http-server.js';
import { ReferenceData } from './reference-data.js';
import { buildAppSchema } from './schema.js';

export interface ServedRequests {
  url: string;
  port: number;
  /** Where mail goes (SMTP or the outbox table), for the start log. */
  mailDescription: string;
  /** Stops taking requests, waits for those running, then for the index's load. */
  close(): Promise<void>;
}

/**
 * What a process that serves requests holds (the single process, or each worker of the
 * cluster): the schema, its search result cache, its own directory index (it follows every
 * write through the change log, whichever process or instance made it), the reference data
 * it keeps in memory, and the HTTP server. The database is prepared already (migrations,
 * reference data).
 */
export async function serveRequests(
  config: Config,
  db: DataSource,
  capabilities: Capabilities,
  log: Log,
  /** Built meanwhile by the caller, or now: it needs no database. */
  schema: Promise<GraphQLSchema> = buildAppSchema(),
): Promise<ServedRequests> {
  // Loads in the background: searches run in SQL until it is ready.
  const directoryIndex = new DirectoryIndexService(db, log);
  void directoryIndex.load();
  const mailer = createMailer(config, db);
  const server = await startHttpServer(
    await schema,
    { db, config, capabilities, searchCache: new SearchResultCache(), directoryIndex, mailer, referenceData: new ReferenceData(db) },
    { port: config.port },
  );
  return {
    url: server.url,
    port: server.port,
    mailDescription: mailer.description,
    async close() {
      await server.close();
      await directoryIndex.close();
    },
  };
}
