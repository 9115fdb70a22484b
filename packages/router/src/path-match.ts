import { DefinitionError } from './errors.ts';
import type { PathMatch, PathRoutes, RouteTable } from './route-table.ts';

interface TrieNode {
  literals: Map<string, TrieNode>;
  /** The `{param}` child, with the first route path that declared it. */
  param: { name: string; path: string; node: TrieNode } | null;
  greedy: { name: string; routes: PathRoutes } | null;
  routes: PathRoutes | null;
}

const newNode = (): TrieNode => ({ literals: new Map(), param: null, greedy: null, routes: null });
const tries = new WeakMap<RouteTable, { version: number; root: TrieNode }>();

/**
 * Finds the route a concrete URL path (without the stage; a trailing slash is ignored) hits,
 * with API Gateway's precedence: literal segments before `{param}` before `{param+}`.
 * Captured parameters are URL-decoded.
 *
 * @example
 * matchRoute(app.routes, '/users/bob'); // { routes: <the '/users/{name}' routes>, params: { name: 'bob' } }
 */
export function matchRoute(table: RouteTable, urlPath: string): PathMatch | null {
  const root = trieOf(table);
  const trimmed = urlPath.length > 1 && urlPath.endsWith('/') ? urlPath.slice(0, -1) : urlPath;
  const parts = trimmed === '/' || trimmed === '' ? [] : trimmed.slice(1).split('/');
  const params: Record<string, string> = {};
  const routes = walk(root, parts, 0, params);
  return routes ? { routes, params } : null;
}

/**
 * Checks the app's routes as API Gateway's import would: sibling path parameters must share one
 * name (`/a/{x}` beside `/a/{y}/b` is refused). Throws a {@link DefinitionError} naming both
 * routes. `chalice local`, the test client and the app model run it when the app is loaded.
 *
 * @example
 * checkRoutes(app.routes); // throws for '/a/{x}' and '/a/{y}/b'
 */
export function checkRoutes(table: RouteTable): void {
  trieOf(table);
}

function trieOf(table: RouteTable): TrieNode {
  let trie = tries.get(table);
  if (trie?.version !== table.version) tries.set(table, (trie = { version: table.version, root: build(table) }));
  return trie.root;
}

function siblingConflict(path: string, name: string, other: string, otherPath: string): never {
  throw new DefinitionError(
    `Route "${path}": {${name}} is a sibling of {${other}} in route "${otherPath}"; API Gateway allows one parameter name at a position, so name both the same`,
  );
}

function build(table: RouteTable): TrieNode {
  const root = newNode();
  for (const routes of table.paths()) {
    let node = root;
    for (const seg of routes.segments) {
      if (seg.type === 'literal') {
        let next = node.literals.get(seg.value);
        if (!next) node.literals.set(seg.value, (next = newNode()));
        node = next;
      } else if (seg.type === 'param') {
        const param = (node.param ??= { name: seg.name, path: routes.path, node: newNode() });
        if (param.name !== seg.name) siblingConflict(routes.path, seg.name, param.name, param.path);
        node = param.node;
      } else {
        const greedy = node.greedy;
        if (greedy && greedy.name !== seg.name) siblingConflict(routes.path, `${seg.name}+`, `${greedy.name}+`, greedy.routes.path);
        node.greedy = { name: seg.name, routes };
      }
    }
    if (routes.segments.at(-1)?.type !== 'greedy') node.routes = routes;
  }
  return root;
}

function walk(node: TrieNode, parts: string[], i: number, params: Record<string, string>): PathRoutes | null {
  if (i === parts.length) return node.routes;
  const part = parts[i] as string;
  const literal = node.literals.get(part);
  const viaLiteral = literal && walk(literal, parts, i + 1, params);
  if (viaLiteral) return viaLiteral;
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
