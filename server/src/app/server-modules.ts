// What main.ts needs once the database is starting. A thousand and more modules in all, which
// take Node a second or two to load: main.ts imports them while the embedded PostgreSQL starts.
export { openDatabase, prepareDatabase } from './bootstrap.js';
export { startHttpServer } from './http-server.js';
export { buildAppSchema } from './schema.js';
export { scheduleAccountCleanup } from '../modules/accounts/account-cleanup.js';
export { createMailer } from '../modules/mail/mailer.js';
export { DirectoryIndexService } from '../modules/search/directory-index/directory-index.service.js';
export { SearchResultCache } from '../modules/search/search-result-cache.js';
