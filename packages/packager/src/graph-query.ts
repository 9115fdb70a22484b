import type { AppGraph, Resource, ResourceKind, ResourceOfKind, WebsocketApiResource } from './graph-types.ts';

/**
 * The graph's resources of one kind, in graph order.
 *
 * @example
 * for (const fn of resourcesOfKind(graph, 'lambdaFunction')) console.log(fn.functionName);
 */
export function resourcesOfKind<K extends ResourceKind>(graph: AppGraph, kind: K): Array<ResourceOfKind<K>> {
  return graph.resources.filter((r): r is ResourceOfKind<K> => r.kind === kind);
}

/**
 * One resource by name, checked to be of the expected kind (a dangling reference is a bug).
 *
 * @example
 * const handler = getResource(graph, restApi.lambdaFunction, 'lambdaFunction');
 */
export function getResource<K extends ResourceKind>(graph: AppGraph, resourceName: string, kind: K): ResourceOfKind<K> {
  const found: Resource | undefined = graph.resources.find((r) => r.resourceName === resourceName);
  if (!found || found.kind !== kind) throw new Error(`The app graph has no ${kind} named "${resourceName}"`);
  return found as ResourceOfKind<K>;
}

/**
 * Each route key of the websocket API with the `resourceName` of the function behind it:
 * `$connect` and `$disconnect` have their own handlers, every other key is a message route.
 *
 * @example
 * websocketRouteFunctions(api); // { $connect: 'websocket_connect', $default: 'websocket_message' }
 */
export function websocketRouteFunctions(api: WebsocketApiResource): Record<string, string> {
  const entries = api.routes.map((routeKey) => {
    const fn = routeKey === '$connect' ? api.connectFunction : routeKey === '$disconnect' ? api.disconnectFunction : api.messageFunction;
    if (!fn) throw new Error(`The websocket API has route ${routeKey} but no function for it`);
    return [routeKey, fn] as const;
  });
  return Object.fromEntries(entries);
}
