import { CombinedGraphQLErrors } from '@apollo/client';

/** Whether the API refused an admin query to this visitor (not signed in, or not an admin). */
export function isAdminAccessRefused(error: Error | undefined): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((failure) => ['UNAUTHENTICATED', 'FORBIDDEN'].includes(String(failure.extensions?.code)))
  );
}
