import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { DatabaseAvailability } from '../database/database-availability.js';
import { isStatementTimeout } from '../database/connection-failure.js';
import { ErrorCode, requestTimedOut } from '../graphql/errors.js';
import { sendServiceUnavailable } from './database-outage.js';
import { sendError, type ErrorCodeName } from './error-response.js';

interface ClientError {
  status: number;
  code: ErrorCodeName;
  message: string;
  extensions?: Record<string, unknown>;
}

/** zlib's and brotli's failures on a body that is not what its Content-Encoding says. */
const isDecompressionFailure = (code: unknown) => typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__'));

/**
 * What a client's mistake caught by Express means (body-parser: bad JSON, a body over the
 * limit, an unknown Content-Encoding or charset, a compressed body that does not inflate…):
 * its 4xx status, a code of the closed set and a French message. Null for anything else.
 */
export function clientError(error: unknown): ClientError | null {
  const { type, status, limit, code } = (error ?? {}) as { type?: string; status?: number; limit?: number; code?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  switch (type) {
    case 'entity.too.large': {
      const maxBytes = limit ?? 0;
      return {
        status: 413,
        code: ErrorCode.REQUEST_TOO_LARGE,
        message: `Requête trop grande : la limite est de ${Math.round(maxBytes / 1024)} Ko.`,
        extensions: { maxBytes },
      };
    }
    case 'entity.parse.failed':
      return { status: 400, code: ErrorCode.BAD_REQUEST, message: 'Le corps de la requête n’est pas un JSON valide.' };
    case 'encoding.unsupported':
      return {
        status: 415,
        code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        message: 'Compression non acceptée : envoyez le corps sans Content-Encoding, ou en gzip, deflate ou br.',
      };
    case 'charset.unsupported':
      return { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE, message: 'Jeu de caractères non accepté : envoyez le corps en UTF-8.' };
  }
  if (isDecompressionFailure(code)) {
    return {
      status: 400,
      code: ErrorCode.BAD_REQUEST,
      message: 'Le corps de la requête ne se décompresse pas : il ne correspond pas à son en-tête Content-Encoding.',
    };
  }
  const byStatus: Record<number, ErrorCodeName> = { 413: ErrorCode.REQUEST_TOO_LARGE, 415: ErrorCode.UNSUPPORTED_MEDIA_TYPE };
  return { status, code: byStatus[status] ?? ErrorCode.BAD_REQUEST, message: 'Requête invalide.' };
}

/** No route answered: a JSON 404 like every other refusal (not Express's HTML page). */
export const notFound: RequestHandler = (_request, response) => {
  sendError(response, 404, ErrorCode.BAD_REQUEST, 'Cette adresse n’existe pas.');
};

/**
 * The last error handler of the application: every error answers JSON in the GraphQL error
 * shape, with a code of the closed set and never a stack, whatever NODE_ENV says. A client's
 * mistake gets its 4xx status; an unreachable database 503 SERVICE_UNAVAILABLE (counted in the
 * outage, not logged), a statement past its timeout 503 TIMEOUT; anything else 500, logged
 * once with its stack.
 */
export function errorHandler(availability: DatabaseAvailability): ErrorRequestHandler {
  return (error, request, response, next) => {
    // An answer already on its way (the request deadline answered first): Express closes the connection.
    if (response.headersSent) {
      if (!response.writableEnded) next(error);
      return;
    }
    if (availability.reportFailure(error)) return sendServiceUnavailable(response);
    if (isStatementTimeout(error)) {
      const { message, extensions } = requestTimedOut();
      return sendError(response, 503, extensions.code, message, extensions);
    }
    const refusal = clientError(error);
    if (refusal) return sendError(response, refusal.status, refusal.code, refusal.message, refusal.extensions);
    console.error(`[http] unexpected error on ${request.method} ${request.path}:`, error);
    sendError(response, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Erreur inattendue du serveur : réessayez dans un instant.');
  };
}
