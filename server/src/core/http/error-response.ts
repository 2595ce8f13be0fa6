import type { Response } from 'express';
import type { ErrorCode } from '../graphql/errors.js';

/** A code of the closed set (core/graphql/errors.ts), as the enum member or its string. */
export type ErrorCodeName = ErrorCode | `${ErrorCode}`;

/**
 * Answers a GraphQL-shaped JSON error (`{ errors: [{ message, extensions: { code } }] }`)
 * from the HTTP layer: refusals before GraphQL runs, and the routes outside it. Never cached.
 */
export function sendError(response: Response, status: number, code: ErrorCodeName, message: string, extensions: Record<string, unknown> = {}): void {
  response
    .status(status)
    .setHeader('Cache-Control', 'private, no-store')
    .json({ errors: [{ message, extensions: { code, ...extensions } }] });
}
