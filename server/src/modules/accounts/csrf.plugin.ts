import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../app/context.js';
import { ErrorCode } from '../../core/graphql/errors.js';
import { sameSecret } from './secret-token.js';

export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * A mutation sent with a valid session cookie runs only with the session's CSRF token in
 * the X-CSRF-Token header: a page of another site cannot read that token, so it cannot
 * make a signed-in browser change anything. Requests without a session are not concerned
 * (nothing to steal). This adds to Apollo Server's csrfPrevention (which stops "simple"
 * cross-site requests) and to the SameSite=Lax cookie.
 */
export const csrfPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (operation?.operation !== 'mutation' || !contextValue.viewer) return;
        if (sameSecret(contextValue.http.csrfToken, contextValue.viewer.csrfToken)) return;
        throw new GraphQLError('Requête refusée : jeton anti-CSRF absent ou invalide. Rechargez la page, puis réessayez.', {
          extensions: { code: ErrorCode.CSRF_TOKEN_INVALID, http: { status: 403 } },
        });
      },
    };
  },
};
