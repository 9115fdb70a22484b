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

interface TrieNode {
  literals: Map<string, TrieNode>;
  param: { name: string; node: TrieNode } | null;
  greedy: { name: string; routes: PathRoutes } | null;
  routes: PathRoutes | null;
}

const newNode = (): TrieNode => ({ literals: new Map(), param: null, greedy: null, routes: null });

/**
 * The app's routes by path. Lambda dispatch looks a path up by the resource API Gateway
 * matched (`get`); where no resource is given (a greedy proxy integration, `chalice local`),
 * `match` finds it from the concrete path with API Gateway's precedence: literal segments
 * before `{param}` before `{param+}`.
 */
export class RouteTable {
  readonly #byPath = new Map<string, PathRoutes>();
  #trie: TrieNode | null = null;

  /** The routes of a route path such as `/users/{name}`. */
  get(path: string): PathRoutes | undefined {
    return this.#byPath.get(path);
  }

  /** All paths in registration order. */
  paths(): IterableIterator<PathRoutes> {
    return this.#byPath.values();
  }

  get size(): number {
    return this.#byPath.size;
  }

  /** Adds or replaces a path's routes (the registry validates before calling this). */
  set(routes: PathRoutes): void {
    this.#byPath.set(routes.path, routes);
    this.#trie = null;
  }

  /** Finds the route path a concrete URL path (without the stage, trailing slash ignored) hits. */
  match(urlPath: string): PathMatch | null {
    const trie = (this.#trie ??= this.#build());
    const trimmed = urlPath.length > 1 && urlPath.endsWith('/') ? urlPath.slice(0, -1) : urlPath;
    const parts = trimmed === '/' || trimmed === '' ? [] : trimmed.slice(1).split('/');
    const params: Record<string, string> = {};
    const routes = walk(trie, parts, 0, params);
    return routes ? { routes, params } : null;
  }

  #build(): TrieNode {
    const root = newNode();
    for (const routes of this.#byPath.values()) {
      let node = root;
      for (const seg of routes.segments) {
        if (seg.type === 'literal') {
          let next = node.literals.get(seg.value);
          if (!next) node.literals.set(seg.value, (next = newNode()));
          node = next;
        } else if (seg.type === 'param') {
          node = (node.param ??= { name: seg.name, node: newNode() }).node;
        } else {
          node.greedy = { name: seg.name, routes };
        }
      }
      if (routes.segments.at(-1)?.type !== 'greedy') node.routes = routes;
    }
    return root;
  }
}

function walk(node: TrieNode, parts: string[], i: number, params: Record<string, string>): PathRoutes | null {
  if (i === parts.length) return node.routes;
  const part = parts[i] as string;
  const literal = node.literals.get(part);
  if (literal) {
    const found = walk(literal, parts, i + 1, params);
    if (found) return found;
  }
  if (node.param && part !== '') {
    const found = walk(node.param.node, parts, i + 1, params);
    if (found) {
      params[node.param.name] = decode(part);
      return found;
    }
  }
  if (node.greedy) {
    params[node.greedy.name] = decode(parts.slice(i).join('/'));
    return node.greedy.routes;
  }
  return null;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
