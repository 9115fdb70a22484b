import { DefinitionError } from './errors.ts';

type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${infer Greedy}+` ? Greedy : Name) | ParamNames<Rest>
  : never;

/**
 * The URI parameters of a route path, inferred from the literal: `'/a/{b}/c/{d}'` gives
 * `{ b: string; d: string }`; a greedy `'/files/{path+}'` gives `{ path: string }`.
 */
export type PathParams<P extends string> = string extends P
  ? Record<string, string>
  : { [K in ParamNames<P>]: string };

const LITERAL = /^[a-zA-Z0-9._-]+$/;
const PARAM = /^\{([a-zA-Z0-9._-]+)(\+?)\}$/;

/** One segment of a route path: a literal, a `{param}`, or a greedy `{param+}` (last only). */
export type PathSegment =
  | { type: 'literal'; value: string }
  | { type: 'param'; name: string }
  | { type: 'greedy'; name: string };

/**
 * Checks a route path as API Gateway will and splits it into segments; the error names the
 * path and says what is wrong with it.
 */
export function parseRoutePath(path: string, viewName: string): PathSegment[] {
  const fail = (why: string): never => {
    throw new DefinitionError(`Route "${path}" (view "${viewName}"): ${why}`);
  };
  if (typeof path !== 'string' || path === '') fail('a route cannot be the empty string');
  if (!path.startsWith('/')) fail('a route must start with "/"');
  if (path === '/') return [];
  if (path.endsWith('/')) fail(`Route cannot end with a trailing slash: ${path}`);
  const seen = new Set<string>();
  const parts = path.slice(1).split('/');
  return parts.map((part, index): PathSegment => {
    if (LITERAL.test(part)) return { type: 'literal', value: part };
    const match = PARAM.exec(part);
    if (!match) {
      return fail(
        `segment "${part}" may only contain the characters [a-zA-Z0-9._-], or be a whole {param} capture`,
      );
    }
    const name = match[1] as string;
    if (seen.has(name)) fail(`the parameter {${name}} appears twice`);
    seen.add(name);
    if (match[2] === '+') {
      if (index !== parts.length - 1) fail(`the greedy parameter {${name}+} must be the last segment`);
      return { type: 'greedy', name };
    }
    return { type: 'param', name };
  });
}

/** Joins a blueprint's URL prefix and a route path, as Chalice does. */
export function joinUrlPrefix(prefix: string, path: string): string {
  const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+|\/+$/g, '')}`.replace(/\/+$/, '');
  return joined === '' ? '/' : joined;
}
