// The benchmark's 20-route API, written once as plain data and logic so that the four
// implementations in apps.ts differ only in how they route and answer.

/** What a route's logic gets, whichever framework parsed the request. */
export interface Input {
  params: Record<string, string>;
  query: Record<string, string>;
  body: any;
  userAgent: string;
}

/** What a route's logic answers: a JSON body, and a status/header when not 200. */
export interface Output {
  status?: number;
  header?: [string, string];
  body: unknown;
  /** A 404 the framework's error mechanism should produce. */
  notFound?: string;
}

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway resource syntax, `{param}`. */
  path: string;
  cors?: boolean;
  run(input: Input): Output;
}

const missing = (what: string, id: string): Output | null => (id === 'missing' ? { body: null, notFound: `${what} ${id}` } : null);

export const ROUTES: RouteDef[] = [
  { method: 'GET', path: '/', run: () => ({ body: { hello: 'world' } }) },
  { method: 'GET', path: '/health', run: () => ({ body: { ok: true } }) },
  { method: 'GET', path: '/users', run: ({ query }) => ({ body: { users: ['ann', 'bob', 'cy'].slice(0, Number(query.limit ?? 3)) } }) },
  { method: 'POST', path: '/users', run: ({ body }) => ({ status: 201, body: { created: body?.name ?? null } }) },
  { method: 'GET', path: '/users/{id}', run: ({ params }) => missing('user', params.id!) ?? { body: { id: params.id } } },
  { method: 'PUT', path: '/users/{id}', run: ({ params, body }) => ({ body: { id: params.id, ...body } }) },
  { method: 'DELETE', path: '/users/{id}', run: ({ params }) => ({ body: { deleted: params.id } }) },
  { method: 'GET', path: '/users/{id}/posts', run: ({ params }) => ({ body: { id: params.id, posts: [] } }) },
  { method: 'GET', path: '/users/{id}/posts/{postId}', run: ({ params }) => ({ body: { id: params.id, postId: params.postId } }) },
  { method: 'GET', path: '/items', run: () => ({ body: { items: [1, 2, 3] } }) },
  { method: 'GET', path: '/items/{sku}', run: ({ params }) => ({ body: { sku: params.sku, price: 9.5 } }) },
  { method: 'POST', path: '/items/{sku}/reviews', run: ({ params, body }) => ({ status: 201, body: { sku: params.sku, review: body?.text ?? '' } }) },
  { method: 'GET', path: '/search', run: ({ query }) => ({ body: { q: query.q ?? null } }) },
  { method: 'GET', path: '/headers/echo', run: ({ userAgent }) => ({ body: { agent: userAgent } }) },
  { method: 'GET', path: '/cors/data', cors: true, run: () => ({ body: { cors: true } }) },
  { method: 'PUT', path: '/cors/data', cors: true, run: () => ({ body: { updated: true } }) },
  { method: 'GET', path: '/orders/{orderId}', run: ({ params }) => missing('order', params.orderId!) ?? { body: { orderId: params.orderId } } },
  { method: 'GET', path: '/orders/{orderId}/items', run: ({ params }) => ({ body: { orderId: params.orderId, items: [] } }) },
  { method: 'GET', path: '/status/custom', run: () => ({ status: 202, header: ['X-Custom', 'yes'], body: { accepted: true } }) },
  { method: 'GET', path: '/v1/ping', run: () => ({ body: { pong: true } }) },
];

/** The body every implementation sends for a path no route has (API Gateway's answer). */
export const MISSING_TOKEN = { message: 'Missing Authentication Token' };
/** The body every implementation sends for a method the path lacks. */
export const methodNotAllowed = (method: string) => ({ Code: 'MethodNotAllowedError', Message: `Unsupported method: ${method}` });
/** The body every implementation sends for a 404 a view raises. */
export const notFoundBody = (message: string) => ({ Code: 'NotFoundError', Message: message });
