import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';

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
  /** A POST whose Content-Type is not `application/json`. HTTP 415. */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** The request ran longer than the time limit (`extensions.timeoutMs`) and was abandoned. HTTP 503. */
  TIMEOUT = 'TIMEOUT',
  /**
   * Automatic persisted queries: the server does not know this hash (yet); send the same
   * request again with the full `query` to register it.
   */
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  /** A bug or an outage; details are only in the server logs. */
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

/** Keeps known errors as they are, turns class-validator failures into BAD_USER_INPUT, masks the rest. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) {
    const details = original.extensions.validationErrors
      .flatMap((failure) => Object.values(failure.constraints ?? {}))
      .join('; ');
    return { ...formatted, message: `Invalid argument: ${details}`, extensions: { code: ErrorCode.BAD_USER_INPUT } };
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
  console.error('Unexpected error while resolving', formatted.path?.join('.') ?? '', original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
