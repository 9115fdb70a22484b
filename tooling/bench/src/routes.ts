// The benchmark's 20-route API, written once as plain data and logic so that the four
// implementations in src/apps/ differ only in how they route, parse and answer.

/**
 * What a route's logic reads, through whichever framework parsed the request. Accessors rather
 * than values: a route pays only for what it reads, as a real view would (only one route reads
 * a header, only POST/PUT routes read the body).
 */
export interface Input {
  param(name: string): string;
  query(name: string): string | undefined;
  body(): any;
  userAgent(): string;
}

/** What a route's logic answers: a JSON body, and a status/header when not 200. */
export interface Output {
  status?: number;
  header?: readonly [string, string];
  body: unknown;
  /** A 404 the framework's own error mechanism should produce (`throw new NotFoundError`, ...). */
  notFound?: string;
}

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway resource syntax, `{param}`. */
  path: string;
  cors?: boolean;
  run(input: Input): Output;
}

// `missing` is the id the views treat as absent, so some events end in a raised 404.
const missing = (what: string, id: string): Output | null => (id === 'missing' ? { body: null, notFound: `${what} ${id}` } : null);

/** The routes by name: the hand-written switch refers to them by name. */
export const ROUTE = {
  root: { method: 'GET', path: '/', run: () => ({ body: { hello: 'world' } }) },
  health: { method: 'GET', path: '/health', run: () => ({ body: { ok: true } }) },
  listUsers: { method: 'GET', path: '/users', run: (i) => ({ body: { users: ['ann', 'bob', 'cy'].slice(0, Number(i.query('limit') ?? 3)) } }) },
  createUser: { method: 'POST', path: '/users', run: (i) => ({ status: 201, body: { created: i.body()?.name ?? null } }) },
  getUser: { method: 'GET', path: '/users/{id}', run: (i) => missing('user', i.param('id')) ?? { body: { id: i.param('id') } } },
  putUser: { method: 'PUT', path: '/users/{id}', run: (i) => ({ body: { id: i.param('id'), ...i.body() } }) },
  deleteUser: { method: 'DELETE', path: '/users/{id}', run: (i) => ({ body: { deleted: i.param('id') } }) },
  userPosts: { method: 'GET', path: '/users/{id}/posts', run: (i) => ({ body: { id: i.param('id'), posts: [] } }) },
  userPost: { method: 'GET', path: '/users/{id}/posts/{postId}', run: (i) => ({ body: { id: i.param('id'), postId: i.param('postId') } }) },
  listItems: { method: 'GET', path: '/items', run: () => ({ body: { items: [1, 2, 3] } }) },
  getItem: { method: 'GET', path: '/items/{sku}', run: (i) => ({ body: { sku: i.param('sku'), price: 9.5 } }) },
  addReview: {
    method: 'POST',
    path: '/items/{sku}/reviews',
    run: (i) => ({ status: 201, body: { sku: i.param('sku'), review: i.body()?.text ?? '' } }),
  },
  search: { method: 'GET', path: '/search', run: (i) => ({ body: { q: i.query('q') ?? null } }) },
  echoAgent: { method: 'GET', path: '/headers/echo', run: (i) => ({ body: { agent: i.userAgent() } }) },
  getCors: { method: 'GET', path: '/cors/data', cors: true, run: () => ({ body: { cors: true } }) },
  putCors: { method: 'PUT', path: '/cors/data', cors: true, run: () => ({ body: { updated: true } }) },
  getOrder: { method: 'GET', path: '/orders/{orderId}', run: (i) => missing('order', i.param('orderId')) ?? { body: { orderId: i.param('orderId') } } },
  orderItems: { method: 'GET', path: '/orders/{orderId}/items', cors: true, run: (i) => ({ body: { orderId: i.param('orderId'), items: [] } }) },
  custom: { method: 'GET', path: '/status/custom', run: () => ({ status: 202, header: ['X-Custom', 'yes'], body: { accepted: true } }) },
  ping: { method: 'GET', path: '/v1/ping', run: () => ({ body: { pong: true } }) },
} satisfies Record<string, RouteDef>;

/** Every route, in registration order. */
export const ROUTES: readonly RouteDef[] = Object.values(ROUTE);

/** The body every implementation sends for a path no route has (API Gateway's answer). */
export const MISSING_TOKEN = { message: 'Missing Authentication Token' };
/** The body every implementation sends for a method the path lacks. */
export const methodNotAllowed = (method: string) => ({ Code: 'MethodNotAllowedError', Message: `Unsupported method: ${method}` });
/** The body every implementation sends for a 404 a view raises. */
export const notFoundBody = (message: string) => ({ Code: 'NotFoundError', Message: message });
/** The header every CORS route's answer carries, in every implementation. */
export const CORS_ORIGIN = ['Access-Control-Allow-Origin', '*'] as const;

/** A route path in `:param` syntax, for Hono and lambda-api. */
export const colonPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
