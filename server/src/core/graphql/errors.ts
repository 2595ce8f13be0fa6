import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { isConnectionFailure, isStatementTimeout } from '../database/connection-failure.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../database/database-availability.js';

/**
 * The closed set of codes a client can find in `errors[].extensions.code`.
 * Anything else is a bug and is masked as INTERNAL_SERVER_ERROR.
 */
export enum ErrorCode {
  /** An argument is malformed or refers to something that does not exist. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The document is not valid GraphQL syntax. */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  /** The document does not match the schema. */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** The HTTP request is not a GraphQL request this server accepts. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The operation name does not match the document. */
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  /** A feature the request needs is not available on this deployment. */
  FEATURE_UNAVAILABLE = 'FEATURE_UNAVAILABLE',
  /** The operation needs a signed-in account: the request has no valid session. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The signed-in account may not do this (role or supplier membership missing). */
  FORBIDDEN = 'FORBIDDEN',
  /**
   * A mutation sent with a session cookie lacks the `X-CSRF-Token` header, or it does not
   * match the session's token (`viewer { csrfToken }`). HTTP status 403; nothing was run.
   */
  CSRF_TOKEN_INVALID = 'CSRF_TOKEN_INVALID',
  /**
   * Too many attempts (sign-in failures, password reset requests, sign-ups) from this
   * address or for this account; `extensions.retryAfterSeconds` says when to try again.
   */
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  /**
   * Too many requests to /graphql from this IP (without a key) or with this API key. HTTP
   * status 429 with a `Retry-After` header (seconds), also in `extensions.retryAfterSeconds`;
   * nothing was run.
   */
  RATE_LIMITED = 'RATE_LIMITED',
  /**
   * The operation nests fields deeper than the limit (`extensions.depth`, `extensions.maxDepth`).
   * HTTP 400; nothing was run.
   */
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  /**
   * The operation's estimated cost is over the budget (`extensions.cost`, `extensions.maxCost`):
   * each field costs 1 and a list's `first` multiplies the cost of what it contains. HTTP 400;
   * nothing was run.
   */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The document has more aliases than allowed (`extensions.aliases`, `extensions.maxAliases`). HTTP 400. */
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  /** The HTTP request body is over the size limit (`extensions.maxBytes`). HTTP 413. */
  REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE',
  /**
   * A POST whose Content-Type is not `application/json`, or a body in a Content-Encoding
   * (other than gzip, deflate, br) or a charset the server does not read. HTTP 415.
   */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** The request ran longer than the time limit (`extensions.timeoutMs`) and was abandoned. HTTP 503. */
  TIMEOUT = 'TIMEOUT',
  /**
   * Automatic persisted queries: the server does not know this hash (yet); send the same
   * request again with the full `query` to register it.
   */
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  /**
   * The database cannot be reached for the moment (an outage, a restart), or this server's
   * directory index is still loading (supplier searches, at start): nothing was done.
   * HTTP 503 with a `Retry-After` header (seconds), also in `extensions.retryAfterSeconds`.
   */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Anything unexpected (a bug, a failure other than an unreachable database); details are only in the server logs. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));

export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
  });
}

export function featureUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FEATURE_UNAVAILABLE } });
}

/** The operation needs a signed-in account. */
export function unauthenticated(message = 'Vous devez être connecté pour faire cela.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

/** The signed-in account lacks the role or membership the operation needs. */
export function forbidden(message = "Votre compte n'a pas les droits nécessaires pour faire cela."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

/** Throttled: the message says in French when to try again; the delay is also given in seconds. */
export function tooManyAttempts(retryAfterMs: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const delay = seconds < 60 ? `${seconds} seconde${seconds > 1 ? 's' : ''}` : `${minutes} minute${minutes > 1 ? 's' : ''}`;
  return new GraphQLError(`Trop de tentatives. Réessayez dans ${delay}.`, {
    extensions: { code: ErrorCode.TOO_MANY_ATTEMPTS, retryAfterSeconds: seconds },
  });
}

/** Past the time limit (the request deadline, or PostgreSQL's statement timeout, which is the same limit). */
export function requestTimedOut(timeoutMs?: number) {
  const limit = timeoutMs ? ` de ${timeoutMs / 1000} s` : '';
  return {
    message: `La requête a dépassé la durée maximale${limit} : demandez moins d'éléments, ou réessayez plus tard.`,
    extensions: { code: ErrorCode.TIMEOUT, ...(timeoutMs ? { timeoutMs } : {}) },
  };
}

/** The database cannot be reached: nothing was done; try again in `retryAfterSeconds`. */
export function serviceUnavailable(retryAfterSeconds: number) {
  return {
    message: `Service momentanément indisponible : réessayez dans ${retryAfterSeconds} s. / Service temporarily unavailable: retry in ${retryAfterSeconds} s.`,
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds },
  };
}

/**
 * graphql-js stops coercing variables after 50 invalid values with this error, which has no
 * code (Apollo tags only the errors of each variable as BAD_USER_INPUT): the client's
 * mistake all the same.
 */
const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables, error limit reached. Execution aborted.';

/** Keeps known errors as they are, turns class-validator failures into BAD_USER_INPUT, masks the rest. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) {
    const details = original.extensions.validationErrors
      .flatMap((failure) => Object.values(failure.constraints ?? {}))
      .join('; ');
    return { ...formatted, message: `Invalid argument: ${details}`, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (error instanceof GraphQLError && error.extensions.code === undefined && error.message === TOO_MANY_VARIABLE_ERRORS) {
    return {
      ...formatted,
      message: 'Trop de valeurs de variables invalides : la vérification s\'est arrêtée aux 50 premières. Corrigez-les, puis renvoyez la requête.',
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  // Apollo's own refusals that carry a 4xx status but no code (an APQ hash that does not
  // match its query) are the client's mistake, not a bug.
  const status = error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;
  if (error instanceof GraphQLError && error.extensions.code === undefined && status && status >= 400 && status < 500) {
    return { ...formatted, extensions: { code: ErrorCode.BAD_REQUEST } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // An outage: counted and logged once by DatabaseAvailability (databaseOutagePlugin sets the 503).
  if (isConnectionFailure(original)) {
    return { ...serviceUnavailable(DATABASE_RETRY_AFTER_SECONDS), locations: formatted.locations, path: formatted.path };
  }
  // The statement outlived the request time limit (the request was answered TIMEOUT then).
  if (isStatementTimeout(original)) return { ...requestTimedOut(), locations: formatted.locations, path: formatted.path };
  console.error('Unexpected error while resolving', formatted.path?.join('.') ?? '', original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
