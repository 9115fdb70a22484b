import type { Authorizer } from '@chalice/authorizers';
import type { CORSConfig } from './cors.ts';
import type { Request } from './request.ts';
import type { PathSegment } from './route-path.ts';

/** A view function: URI parameters first, the request second; sync or async. */
export type ViewFunction<P = Record<string, string>> = (params: P, request: Request) => unknown;

/** One method of one route, as registered. */
export interface RouteEntry {
  readonly path: string;
  readonly method: string;
  readonly viewName: string;
  readonly view: ViewFunction<any>;
  /** The names of the URI parameters, in path order. */
  readonly params: readonly string[];
  /** Accepted request content types, lower-case. */
  readonly contentTypes: readonly string[];
  readonly cors: CORSConfig | null;
  readonly authorizer: Authorizer | null;
  readonly apiKeyRequired: boolean;
}

/** Every method registered on one path. */
export interface PathRoutes {
  readonly path: string;
  readonly segments: readonly PathSegment[];
  /** Method name to entry. */
  readonly methods: Readonly<Record<string, RouteEntry>>;
  /** The CORS configuration shared by the path's CORS-enabled methods, if any. */
  readonly cors: CORSConfig | null;
}

/** The result of matching a concrete request path. */
export interface PathMatch {
  readonly routes: PathRoutes;
  /** Captured URI parameters, URL-decoded. */
  readonly params: Record<string, string>;
}

/**
 * The app's routes by path. Lambda dispatch looks a path up by the resource API Gateway
 * matched; `matchRoute` finds the route of a concrete URL path (for `chalice local` and
 * `proxyHandler`).
 */
export class RouteTable {
  readonly #byPath = new Map<string, PathRoutes>();
  /** Bumped on every change, so derived indexes know when to rebuild. */
  version = 0;

  /** The routes of a route path such as `/users/{name}`. */
  get(path: string | undefined): PathRoutes | undefined {
    return this.#byPath.get(path as string);
  }

  /** All paths in registration order. */
  paths(): IterableIterator<PathRoutes> {
    return this.#byPath.values();
  }

  get size(): number {
    return this.#byPath.size;
  }

  /** Adds or replaces a path's routes (the app validates before calling this). */
  set(routes: PathRoutes): void {
    this.#byPath.set(routes.path, routes);
    this.version++;
  }
}
