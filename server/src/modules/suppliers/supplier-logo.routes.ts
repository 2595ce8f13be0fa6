import express, { type Request, type Response } from 'express';
import type { ServerServices } from '../../app/context.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { sendError, type ErrorCodeName } from '../../core/http/error-response.js';
import { sameSecret } from '../accounts/secret-token.js';
import { sessionMiddleware, type RequestScope } from '../accounts/session.middleware.js';
import type { SessionViewer } from '../accounts/viewer.js';
import {
  LOGO_MAX_BYTES, logoFile, logoPath, removeSupplierLogo, replaceSupplierLogo, type LogoOutcome, type LogoRefusal,
} from './supplier-logo.service.js';

/** A refusal in the API's error shape, with a code of its closed set (the client words it: error-messages.ts). */
function refuse(response: Response, status: number, code: ErrorCodeName, message: string): void {
  sendError(response, status, code, message);
}

/** Answers why the service refused the change (each refusal spelled out: the client's tests read them here). */
function refuseChange(response: Response, refusal: LogoRefusal): void {
  switch (refusal) {
    case 'FORBIDDEN':
      return refuse(response, 403, 'FORBIDDEN', 'Votre compte n’est pas rattaché à cette structure.');
    case 'SUPPLIER_NOT_FOUND':
      return refuse(response, 404, 'BAD_USER_INPUT', 'Cette structure n’existe pas.');
    case 'EMPTY_FILE':
      return refuse(response, 400, 'BAD_USER_INPUT', 'Envoyez une image : le fichier reçu est vide.');
    case 'UNSUPPORTED_TYPE':
      return refuse(response, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Format non accepté : envoyez une image PNG, JPEG ou WebP (le SVG n’est pas accepté).');
    case 'UNREADABLE_IMAGE':
      return refuse(response, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Image illisible : le fichier n’est pas une image PNG, JPEG ou WebP complète, ou contient autre chose.');
  }
}

/** The signed-in viewer (checked against the CSRF token) and the supplier of the path; answers the refusal otherwise. */
function actor(request: Request, response: Response): { viewer: SessionViewer; supplierId: number } | null {
  const { viewer, http } = response.locals.requestScope as RequestScope;
  if (!viewer) {
    refuse(response, 401, 'UNAUTHENTICATED', 'Vous devez être connecté pour changer le logo.');
    return null;
  }
  if (!sameSecret(http.csrfToken, viewer.csrfToken)) {
    refuse(response, 403, 'CSRF_TOKEN_INVALID', 'Requête refusée : jeton anti-CSRF absent ou invalide. Rechargez la page, puis réessayez.');
    return null;
  }
  try {
    return { viewer, supplierId: integerKeyOf(String(request.params.supplierId), 'Supplier', 'supplierId') };
  } catch {
    refuse(response, 400, 'BAD_USER_INPUT', 'Cet identifiant de structure n’est pas valide.');
    return null;
  }
}

/** Answers the new logo URL (null once removed), or the refusal. */
function answer(response: Response, supplierId: number, outcome: LogoOutcome): void {
  if ('refusal' in outcome) return refuseChange(response, outcome.refusal);
  response.status(200).json({ logoUrl: outcome.logo && logoPath(supplierId, outcome.logo) });
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
        const caller = actor(request, response);
        if (!caller) return;
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        answer(response, caller.supplierId, await replaceSupplierLogo(services, caller.viewer, caller.supplierId, content));
      } catch (error) {
        next(error);
      }
    },
  );

  router.delete('/api/structures/:supplierId/logo', session, async (request, response, next) => {
    try {
      const caller = actor(request, response);
      if (!caller) return;
      answer(response, caller.supplierId, await removeSupplierLogo(services, caller.viewer, caller.supplierId));
    } catch (error) {
      next(error);
    }
  });

  router.get('/logos/:file', async (request, response, next) => {
    try {
      const logo = await logoFile(services, String(request.params.file));
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Content-Security-Policy', "default-src 'none'");
      if (!logo) return refuse(response, 404, 'BAD_USER_INPUT', 'Logo introuvable.');
      response.setHeader('Content-Type', logo.mediaType);
      response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      response.end(logo.content);
    } catch (error) {
      next(error);
    }
  });
  // Body limits (413), unreadable bodies and other failures go to the application's error handler (core/http/http-errors.ts).
  return router;
}
