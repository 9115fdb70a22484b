import type { LambdaContext } from '@chalice/events';
import type { Chalice } from './app.ts';
import { matchRoute } from './path-match.ts';
import type { RestApiEvent } from './request.ts';
import type { ProxyResult } from './response.ts';

/**
 * A Lambda entry for an app behind a single greedy `/{proxy+}` resource (or any resource that
 * is not one of the app's routes): it finds the route from the request path itself, then
 * answers like `app.handler`. Separate from `app.handler`, so Lambdas that API Gateway routes
 * (what `chalice deploy` creates) do not carry the path matcher.
 *
 * @example
 * export const handler = proxyHandler(app);
 */
export function proxyHandler(app: Chalice): (event: RestApiEvent, context: LambdaContext) => Promise<ProxyResult> {
  return (event, context) => {
    const resource = event?.requestContext?.resourcePath;
    const match = app.routes.get(resource) || typeof event?.path !== 'string' ? null : matchRoute(app.routes, event.path);
    if (!match) return app.handler(event, context);
    const pathParameters = Object.keys(match.params).length ? match.params : null;
    const requestContext = { ...event.requestContext, resourcePath: match.routes.path };
    return app.handler({ ...event, resource: match.routes.path, pathParameters, requestContext }, context);
  };
}
