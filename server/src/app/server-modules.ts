// What a serving process needs once the database is starting. A thousand and more modules in
// all, which take Node a second or two to load: they are imported while the embedded
// PostgreSQL starts (single process) or the database opens (cluster worker).
export { openDatabase, prepareDatabase } from './bootstrap.js';
export { readCapabilities } from './capabilities.js';
export { buildAppSchema } from './schema.js';
export { serveRequests } from './serve.js';
export { scheduleAccountCleanup } from '../modules/accounts/account-cleanup.js';
