import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler, Response } from 'express';
import { DATABASE_RETRY_AFTER_SECONDS, type DatabaseAvailability } from '../database/database-availability.js';
import { serviceUnavailable } from '../graphql/errors.js';
import { sendError } from './error-response.js';

/** 503 SERVICE_UNAVAILABLE with `Retry-After`: the database cannot be reached, nothing was done. */
export function sendServiceUnavailable(response: Response): void {
  const { message, extensions } = serviceUnavailable(DATABASE_RETRY_AFTER_SECONDS);
  response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  sendError(response, 503, extensions.code, message, extensions);
}

/**
 * While the database is known to be down, requests that need it are refused at once: none
 * waits for a connection, so nothing piles up in memory until it is back.
 */
export function refuseWhileDatabaseDown(availability: DatabaseAvailability): RequestHandler {
  return (_request, response, next) => {
    if (!availability.down) return next();
    availability.reportRefused();
    sendServiceUnavailable(response);
  };
}

/**
 * A GraphQL request that met a connection failure answers 503 with `Retry-After` (its errors
 * say SERVICE_UNAVAILABLE: formatError), and is counted once in the outage.
 */
export function databaseOutagePlugin(availability: DatabaseAvailability): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          // `some` stops at the first connection failure: one report per request.
          if (!errors.some((error) => availability.reportFailure(error))) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
