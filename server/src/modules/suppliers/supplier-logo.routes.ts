import { createHash } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { ServerServices } from '../../app/context.js';
import { integerKeyOf, toGlobalId } from '../../core/graphql/global-id.js';
import { sendError, type ErrorCodeName } from '../../core/http/error-response.js';
import { canActForSupplier } from '../accounts/authorization.js';
import { sameSecret } from '../accounts/secret-token.js';
import { sessionMiddleware, type RequestScope } from '../accounts/session.middleware.js';
import { ChangeAction, recordChange } from '../audit/change-log.js';
import { isWholeImage, sniffImageType } from './logo-image.js';

/** The largest logo accepted (the column's limit too). */
export const LOGO_MAX_BYTES = 512 * 1024;

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };
const MEDIA_TYPES = Object.fromEntries(Object.entries(EXTENSIONS).map(([type, extension]) => [extension, type]));

/** Public URL of a logo: changes with the content, so it can be cached for ever. */
export function logoPath(supplierId: number, logo: { mediaType: string; contentHash: string }): string {
  return `/logos/${toGlobalId('Supplier', supplierId)}-${logo.contentHash}.${EXTENSIONS[logo.mediaType]}`;
}

/** A refusal in the API's error shape, with a code of its closed set (the client words it: error-messages.ts). */
function refuse(response: Response, status: number, code: ErrorCodeName, message: string): void {
  sendError(response, status, code, message);
}

/** The supplier a signed-in member (or an admin) may change the logo of; answers the refusal otherwise. */
async function authorizedSupplier(services: ServerServices, request: Request, response: Response): Promise<{ supplierId: number; accountId: number } | null> {
  const { viewer, http } = response.locals.requestScope as RequestScope;
  if (!viewer) {
    refuse(response, 401, 'UNAUTHENTICATED', 'Vous devez être connecté pour changer le logo.');
    return null;
  }
  if (!sameSecret(http.csrfToken, viewer.csrfToken)) {
    refuse(response, 403, 'CSRF_TOKEN_INVALID', 'Requête refusée : jeton anti-CSRF absent ou invalide. Rechargez la page, puis réessayez.');
    return null;
  }
  let supplierId: number;
  try {
    supplierId = integerKeyOf(String(request.params.supplierId), 'Supplier', 'supplierId');
  } catch {
    refuse(response, 400, 'BAD_USER_INPUT', 'Cet identifiant de structure n’est pas valide.');
    return null;
  }
  if (!canActForSupplier(viewer, supplierId)) {
    refuse(response, 403, 'FORBIDDEN', 'Votre compte n’est pas rattaché à cette structure.');
    return null;
  }
  const [exists] = await services.db.query('SELECT 1 FROM supplier WHERE id = $1', [supplierId]);
  if (!exists) {
    refuse(response, 404, 'BAD_USER_INPUT', 'Cette structure n’existe pas.');
    return null;
  }
  return { supplierId, accountId: viewer.accountId };
}

async function currentHash(services: ServerServices, supplierId: number): Promise<string | null> {
  const [row] = await services.db.query(`SELECT encode(content_hash, 'hex') AS hash FROM supplier_logo WHERE supplier_id = $1`, [supplierId]);
  return row?.hash ?? null;
}

/**
 * Logos: upload (`POST /api/structures/:supplierId/logo`, the raw image as body) and
 * removal (`DELETE`) by the supplier's members and admins, with the session cookie and
 * the X-CSRF-Token header as for GraphQL mutations; public serving at
 * `/logos/<supplierId>-<sha256>.<ext>`, immutable and inert (no sniffing, no script).
 */
export function supplierLogoRoutes(services: ServerServices): express.Router {
  const router = express.Router();
  const session = sessionMiddleware(services.sessions);

  router.post(
    '/api/structures/:supplierId/logo',
    session,
    express.raw({ type: () => true, limit: LOGO_MAX_BYTES }),
    async (request, response, next) => {
      try {
        const actor = await authorizedSupplier(services, request, response);
        if (!actor) return;
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (content.length === 0) return refuse(response, 400, 'BAD_USER_INPUT', 'Envoyez une image : le fichier reçu est vide.');
        const mediaType = sniffImageType(content);
        if (!mediaType) {
          return refuse(response, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Format non accepté : envoyez une image PNG, JPEG ou WebP (le SVG n’est pas accepté).');
        }
        if (!(await isWholeImage(content, mediaType))) {
          return refuse(response, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Image illisible : le fichier n’est pas une image PNG, JPEG ou WebP complète, ou contient autre chose.');
        }
        const hash = createHash('sha256').update(content).digest();
        const before = await currentHash(services, actor.supplierId);
        await services.db.transaction(async (manager) => {
          await manager.query(
            `INSERT INTO supplier_logo (supplier_id, media_type, content, content_hash) VALUES ($1, $2, $3, $4)
             ON CONFLICT (supplier_id) DO UPDATE SET media_type = excluded.media_type, content = excluded.content,
               content_hash = excluded.content_hash, updated_at = now()`,
            [actor.supplierId, mediaType, content, hash],
          );
          await manager.query('UPDATE supplier SET updated_at = now() WHERE id = $1', [actor.supplierId]);
          await recordChange(manager, {
            accountId: actor.accountId,
            supplierId: actor.supplierId,
            action: ChangeAction.SUPPLIER_LOGO_UPDATED,
            changes: { logo: { from: before, to: hash.toString('hex') } },
          });
          await manager.query('SELECT refresh_supplier_search($1::int[])', [[actor.supplierId]]);
        });
        response.status(200).json({ logoUrl: logoPath(actor.supplierId, { mediaType, contentHash: hash.toString('hex') }) });
      } catch (error) {
        next(error);
      }
    },
  );

  router.delete('/api/structures/:supplierId/logo', session, async (request, response, next) => {
    try {
      const actor = await authorizedSupplier(services, request, response);
      if (!actor) return;
      await services.db.transaction(async (manager) => {
        const removed: { hash: string }[] = await manager.query(
          `DELETE FROM supplier_logo WHERE supplier_id = $1 RETURNING encode(content_hash, 'hex') AS hash`,
          [actor.supplierId],
        );
        if (removed.length === 0) return;
        await manager.query('UPDATE supplier SET updated_at = now() WHERE id = $1', [actor.supplierId]);
        await recordChange(manager, {
          accountId: actor.accountId,
          supplierId: actor.supplierId,
          action: ChangeAction.SUPPLIER_LOGO_REMOVED,
          changes: { logo: { from: removed[0].hash, to: null } },
        });
        await manager.query('SELECT refresh_supplier_search($1::int[])', [[actor.supplierId]]);
      });
      response.status(200).json({ logoUrl: null });
    } catch (error) {
      next(error);
    }
  });

  router.get('/logos/:file', async (request, response, next) => {
    try {
      const match = /^([A-Za-z0-9_-]+)-([0-9a-f]{64})\.(png|jpg|webp)$/.exec(String(request.params.file));
      let supplierId: number | null = null;
      try {
        supplierId = match ? integerKeyOf(match[1], 'Supplier') : null;
      } catch {
        supplierId = null;
      }
      const rows: { media_type: string; content: Buffer }[] =
        supplierId === null
          ? []
          : await services.db.query(
              `SELECT media_type, content FROM supplier_logo WHERE supplier_id = $1 AND content_hash = decode($2, 'hex') AND media_type = $3`,
              [supplierId, match![2], MEDIA_TYPES[match![3]]],
            );
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Content-Security-Policy', "default-src 'none'");
      if (rows.length === 0) return refuse(response, 404, 'BAD_USER_INPUT', 'Logo introuvable.');
      response.setHeader('Content-Type', rows[0].media_type);
      response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      response.end(rows[0].content);
    } catch (error) {
      next(error);
    }
  });
  // Body limits (413), unreadable bodies and other failures go to the application's error handler (core/http/http-errors.ts).
  return router;
}
