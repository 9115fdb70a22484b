import type { AuthRequest } from './auth-request.ts';

/**
 * One path and the HTTP methods allowed on it, for fine-grained {@link AuthResponse} routes.
 *
 * @example
 * new AuthResponse({ routes: [new AuthRoute('/orders', ['GET', 'POST'])], principalId: 'user' });
 */
export class AuthRoute {
  constructor(
    /**
     * The path, matched against the request's concrete path: `/orders/*` covers `/orders/7`
     * (a `{param}` template would not).
     */
    readonly path: string,
    /** The allowed HTTP methods, e.g. `['GET']`; `'*'` allows them all. */
    readonly methods: string[],
  ) {}
}

/**
 * What a Lambda authorizer answers API Gateway with: an IAM policy allowing the listed method ARNs.
 *
 * @example
 * const result: AuthorizerResult = new AuthResponse({ routes: ['*'], principalId: 'user' }).toDict(request);
 */
export interface AuthorizerResult {
  principalId: string;
  policyDocument: {
    Version: '2012-10-17';
    Statement: Array<{ Action: 'execute-api:Invoke'; Effect: 'Allow'; Resource: string[] }>;
  };
  /** Visible to the view as `request.context.authorizer`. API Gateway passes on only strings. */
  context: Record<string, string>;
}

/**
 * What the options of {@link AuthResponse} are.
 *
 * @example
 * const init: AuthResponseInit = { routes: ['/'], principalId: 'user', context: { tier: 'gold' } };
 */
export interface AuthResponseInit {
  /**
   * Allowed routes: a path (every method), `'*'` (every path and method) or an {@link AuthRoute}.
   * Paths are concrete, with `*` as a wildcard (`/users/*`). An empty list denies everything.
   */
  routes: Array<string | AuthRoute>;
  /** Who the caller is. */
  principalId: string;
  /** Key-value pairs passed to the view in `request.context.authorizer`; values become strings. */
  context?: Record<string, unknown>;
}

/**
 * A built-in authorizer's answer: which routes the caller may invoke. It is turned into the IAM
 * policy API Gateway expects, with ARNs built from the request's method ARN.
 *
 * @example
 * const auth = app.authorizer({ ttlSeconds: 30 }, function my_auth(req) {
 *   if (req.token !== 'allow') return new AuthResponse({ routes: [], principalId: 'nobody' });
 *   return new AuthResponse({ routes: ['/', new AuthRoute('/admin', ['GET'])], principalId: 'user', context: { admin: true } });
 * });
 */
export class AuthResponse {
  readonly routes: Array<string | AuthRoute>;
  readonly principalId: string;
  readonly context: Record<string, unknown>;

  constructor({ routes, principalId, context = {} }: AuthResponseInit) {
    if (!Array.isArray(routes)) throw new TypeError('AuthResponse: routes must be an array of paths or AuthRoute objects');
    this.routes = routes;
    this.principalId = principalId;
    this.context = context;
  }

  /**
   * The API Gateway authorizer result for `request`.
   *
   * @example
   * const response = new AuthResponse({ routes: [new AuthRoute('/users', ['GET'])], principalId: 'user' });
   * response.toDict(request).policyDocument.Statement[0].Resource;
   * // ['arn:aws:execute-api:us-west-2:123456789012:abc123/api/GET/users']
   */
  toDict(request: AuthRequest): AuthorizerResult {
    const resource: string[] = [];
    for (const route of this.routes) {
      const [path, methods] = route instanceof AuthRoute ? [route.path, route.methods] : [route, ['*']];
      for (const method of methods) resource.push(methodArn(request.methodArn, path, method));
    }
    const context: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.context)) {
      // API Gateway fails the call on nested values and hands views strings anyway: stringify here.
      if (value !== undefined) context[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    return {
      principalId: this.principalId,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }],
      },
      context,
    };
  }
}

// Keeps the incoming ARN's prefix, API id and stage; swaps in the method and path:
// `arn:aws:execute-api:us-west-2:123:abc/api/GET/a/b` with ('/c', 'POST') gives `...:abc/api/POST/c`.
// As in Python Chalice since 1.24.2, the resource starts after the fifth ':' (a path may hold ':'),
// and since 1.21.2 the root is `GET/`: API Gateway no longer sends `GET//`, which 1.15.1 mirrored.
function methodArn(incoming: string, path: string, method: string): string {
  const prefix = incoming.split(':', 5).join(':');
  const parts = incoming
    .slice(prefix.length + 1)
    .split('/')
    .slice(0, 2);
  parts.push(method, path.slice(1));
  return `${prefix}:${parts.join('/')}${path === '*' ? '*' : ''}`;
}
