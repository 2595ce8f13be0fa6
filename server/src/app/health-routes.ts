import cluster from 'node:cluster';
import { Router } from 'express';
import type { DatabaseAvailability } from '../core/database/database-availability.js';
import type { DirectoryIndexService } from '../modules/search/directory-index/directory-index.service.js';
import type { Capabilities } from './capabilities.js';

export interface HealthServices {
  availability: DatabaseAvailability;
  capabilities: Capabilities;
  directoryIndex: DirectoryIndexService;
}

/**
 * For load balancers and orchestrators:
 * - `GET /health`, liveness: the process answers (200, no database: an outage of the
 *   database must not get the server restarted);
 * - `GET /ready`, readiness: the database answers (`SELECT 1` on a connection of its own,
 *   at most once a second) and the directory index is loaded: 200,
 *   else 503 with what is not ready.
 * In a cluster (SERVER_WORKERS > 1) each worker answers for itself (its pool, its index), and
 * says which it is (`worker`: its number, as in the log).
 */
export function healthRoutes(services: HealthServices): Router {
  const router = Router();
  const worker = cluster.isWorker ? { worker: cluster.worker!.id } : {};
  router.get('/health', (_request, response) => {
    response
      .setHeader('Cache-Control', 'no-store')
      .json({ status: 'ok', radiusSearchAvailable: services.capabilities.radiusSearchAvailable, ...worker });
  });
  router.get('/ready', async (_request, response) => {
    const database = (await services.availability.reachable()) ? 'ok' : 'unreachable';
    const index = services.directoryIndex;
    // A load that failed is tried again here: an instance that is not ready gets no search to try it.
    if (!index.loaded && database === 'ok') void index.load();
    const directoryIndex = index.loaded ? 'ok' : 'loading';
    const ready = database === 'ok' && index.loaded;
    response
      .status(ready ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json({ status: ready ? 'ready' : 'not_ready', checks: { database, directoryIndex }, ...worker });
  });
  return router;
}
