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

/** Keeps known errors as they are, turns class-validator failures into BAD_USER_INPUT, masks the rest. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) {
    const details = original.extensions.validationErrors
      .flatMap((failure) => Object.values(failure.constraints ?? {}))
      .join('; ');
    return { ...formatted, message: `Invalid argument: ${details}`, extensions: { code: ErrorCode.BAD_USER_INPUT } };
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
