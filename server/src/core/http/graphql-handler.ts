import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { RequestDeadline } from './request-deadline.js';

export interface GraphqlHandlerOptions<TContext extends BaseContext> {
  context: (request: Request, response: Response) => Promise<TContext>;
  /** Its late answers are dropped: the deadline already answered. */
  deadline: RequestDeadline;
}

/**
 * Apollo Server behind Express, as `@as-integrations/express5` does it, except that the
 * answer is written only if nothing was sent yet: when the request deadline answered 503
 * TIMEOUT first, the late result is dropped, and nothing had to be patched to drop it.
 */
export function graphqlHandler<TContext extends BaseContext>(apollo: ApolloServer<TContext>, options: GraphqlHandlerOptions<TContext>): RequestHandler {
  apollo.assertStarted('graphqlHandler()');
  return async (request, response) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = request.url.indexOf('?');
    const result = await options.deadline.track(
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: request.method.toUpperCase(),
          headers,
          search: query === -1 ? '' : request.url.slice(query),
          body: request.body,
        },
        context: () => options.context(request, response),
      }),
    );
    if (response.headersSent) return;
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.send(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) {
      response.write(chunk);
      (response as Response & { flush?: () => void }).flush?.();
    }
    response.end();
  };
}
