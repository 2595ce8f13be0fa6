// What the cluster's primary needs (app/cluster.ts): the database's preparation and the
// account cleanup, not the GraphQL server, which only its workers load.
export { openDatabase, prepareDatabase } from './bootstrap.js';
export { scheduleAccountCleanup } from '../modules/accounts/account-cleanup.js';
