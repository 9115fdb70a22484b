import type { RouteModel } from '@chalice/router';

/**
 * One method of a generated SDK: the route it calls and the name API Gateway gives it.
 *
 * @example
 * const method: SdkMethod = { name: 'helloNameGet', route };
 */
export interface SdkMethod {
  name: string;
  route: RouteModel;
}

/**
 * The name API Gateway's generated JavaScript SDK gives a route's method, when the API sets no
 * operation name (Chalice sets none): the path's words camel-cased, `{}` and punctuation
 * dropped, the root called `root`, then the HTTP method.
 *
 * @example
 * sdkMethodName('/', 'GET'); // 'rootGet'
 * sdkMethodName('/hello/{name}', 'GET'); // 'helloNameGet'
 * sdkMethodName('/users/{user_id}', 'PUT'); // 'usersUserIdPut'
 */
export function sdkMethodName(path: string, method: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const [first = 'root', ...rest] = words;
  return [lowerFirst(first), ...rest.map(upperFirst), upperFirst(method.toLowerCase())].join('');
}

/**
 * The methods of an app's SDK, sorted by path and then HTTP method so the output does not depend
 * on registration order. Two routes whose paths differ only in punctuation or braces
 * (`/a-b`, `/a_b`, `/users/{me}`, `/users/me`) would get one name; the later one gets a numeric
 * suffix (`aBGet2`) instead of silently replacing the first.
 *
 * @example
 * sdkMethods(describeApp(app).routes).map((m) => m.name); // ['helloNameGet', 'rootGet', 'usersUserIdPut']
 */
export function sdkMethods(routes: readonly RouteModel[]): SdkMethod[] {
  const sorted = [...routes].sort((a, b) => compare(a.path, b.path) || compare(a.method, b.method));
  const taken = new Set<string>();
  return sorted.map((route) => {
    const base = sdkMethodName(route.path, route.method);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    return { name, route };
  });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const lowerFirst = (word: string): string => word.charAt(0).toLowerCase() + word.slice(1);

/**
 * Whether a route's method takes a body: fetch refuses one for GET and HEAD, and a preflight has none.
 *
 * @example
 * hasBody(putRoute); // true
 */
export const hasBody = (route: RouteModel): boolean => !['GET', 'HEAD', 'OPTIONS'].includes(route.method);

/**
 * The arguments of an example call: each path parameter set to its own name, and a small JSON
 * body for a method that takes one.
 *
 * @example
 * exampleArguments(route); // "{ user_id: 'user_id' }, { example: true }"
 */
export function exampleArguments(route: RouteModel): string {
  const params = route.params.length ? [`{ ${route.params.map((p) => `${propertyKey(p)}: '${p}'`).join(', ')} }`] : [];
  return [...params, ...(hasBody(route) ? ['{ example: true }'] : [])].join(', ');
}

/**
 * A name as an object key or method name: as is when it is an identifier, quoted otherwise
 * (route parameters may hold `.` and `-`; a path may start with a digit).
 *
 * @example
 * propertyKey('user_id'); // 'user_id'
 * propertyKey('user-id'); // '"user-id"'
 */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}
