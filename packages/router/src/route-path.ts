type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? (Name extends `${infer Greedy}+` ? Greedy : Name) | ParamNames<Rest> : never;

/**
 * The URI parameters of a route path, inferred from the literal: `'/a/{b}/c/{d}'` gives
 * `{ b: string; d: string }`; a greedy `'/files/{path+}'` gives `{ path: string }`.
 */
export type PathParams<P extends string> = string extends P ? Record<string, string> : { [K in ParamNames<P>]: string };

const LITERAL = /^[a-zA-Z0-9._-]+$/;
const PARAM = /^\{([a-zA-Z0-9._-]+)(\+?)\}$/;

/** One segment of a route path: a literal, a `{param}`, or a greedy `{param+}` (last only). */
export type PathSegment = { type: 'literal'; value: string } | { type: 'param'; name: string } | { type: 'greedy'; name: string };

/**
 * Checks a route path as API Gateway will and splits it into segments; `fail` raises the
 * error, which names the route.
 */
export function parseRoutePath(path: string, fail: (why: string) => never): PathSegment[] {
  if (!path?.startsWith('/')) fail('a route must start with "/"');
  if (path === '/') return [];
  if (path.endsWith('/')) fail('a route cannot end with a trailing slash');
  const seen = new Set<string>();
  const parts = path.slice(1).split('/');
  return parts.map((part, index): PathSegment => {
    if (LITERAL.test(part)) return { type: 'literal', value: part };
    const match = PARAM.exec(part) ?? fail(`segment "${part}" may only use [a-zA-Z0-9._-] or be a whole {param}`);
    const name = match[1] as string;
    if (seen.has(name)) fail(`{${name}} appears twice`);
    seen.add(name);
    if (!match[2]) return { type: 'param', name };
    if (index < parts.length - 1) fail(`{${name}+} must be the last segment`);
    return { type: 'greedy', name };
  });
}

/** Joins a blueprint's URL prefix and a route path, as Chalice does. */
export function joinUrlPrefix(prefix: string, path: string): string {
  const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+|\/+$/g, '')}`.replace(/\/+$/, '');
  return joined === '' ? '/' : joined;
}
