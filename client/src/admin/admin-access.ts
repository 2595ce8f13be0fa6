import { isFailureOf } from '../graphql/error-messages';

/** Whether the API refused an admin query to this visitor (not signed in, or not an admin). */
export function isAdminAccessRefused(error: Error | undefined): boolean {
  return isFailureOf(error, 'UNAUTHENTICATED', 'FORBIDDEN');
}
