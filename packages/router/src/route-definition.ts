import type { CORSConfig } from './cors.ts';
import type { PathRoutes, RouteEntry } from './route-table.ts';

// The checks of `app.route` that only some routes need (explicit content types, a path that
// already has views, CORS). They live apart from the app's `#addRoute` so that a route without
// them, as in a hello-world Lambda, never compiles them: V8 compiles a function on its first call.

type Fail = (why: string) => never;

/** The error for an empty `methods` or `contentTypes`. */
export const EMPTY_LIST = 'methods and contentTypes must be non-empty lists';

/** A route's content types, lower-cased; binary and non-binary types may not be mixed. */
export function routeContentTypes(types: readonly string[], isBinaryType: (type: string) => boolean, fail: Fail): string[] {
  if (!types.length) fail(EMPTY_LIST);
  const binary = types.filter(isBinaryType);
  if (binary.length && binary.length < types.length) fail(`contentTypes mix binary (${binary}) and non-binary types`);
  return types.map((t) => t.toLowerCase());
}

/** The methods a path already has, which a new view of it joins; views of one path need distinct names. */
export function existingMethods(routes: PathRoutes, viewName: string, fail: Fail): Record<string, RouteEntry> {
  for (const method in routes.methods) if (routes.methods[method]!.viewName === viewName) fail('another view of this path has the same name');
  return { ...routes.methods };
}

/** One CORS configuration per path (the preflight answers for all its methods), and no OPTIONS view beside it. */
export function checkPathCors(cors: CORSConfig, added: CORSConfig | null, methods: Record<string, RouteEntry>, fail: Fail): void {
  if (methods.OPTIONS) fail('cors cannot be combined with an OPTIONS view: the preflight OPTIONS is added for you');
  if (added && !cors.equals(added)) fail('views of one path may not have differing CORS configurations');
}
