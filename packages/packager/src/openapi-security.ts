import type { AuthorizerModel } from '@chalice/authorizers';
import type { RouteModel } from '@chalice/router';

/**
 * A security scheme as API Gateway reads it: OpenAPI's `apiKey` type naming the header, plus
 * `x-amazon-apigateway-authtype` and, for authorizers API Gateway runs, `x-amazon-apigateway-authorizer`.
 *
 * @example
 * const scheme: OpenApiSecurityScheme = { type: 'apiKey', name: 'x-api-key', in: 'header' };
 */
export interface OpenApiSecurityScheme {
  type: 'apiKey';
  /** The header carrying the key or token. */
  name: string;
  in: 'header';
  'x-amazon-apigateway-authtype'?: 'awsSigv4' | 'cognito_user_pools' | 'custom';
  'x-amazon-apigateway-authorizer'?: OpenApiAuthorizer;
}

/**
 * The `x-amazon-apigateway-authorizer` of a Cognito or TOKEN (Lambda) authorizer.
 *
 * @example
 * const authorizer: OpenApiAuthorizer = {
 *   type: 'cognito_user_pools',
 *   providerARNs: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'],
 *   identitySource: 'method.request.header.Authorization',
 * };
 */
export type OpenApiAuthorizer =
  | { type: 'cognito_user_pools'; providerARNs: string[]; identitySource: string }
  | {
      type: 'token';
      /** A string, or whatever the caller's `lambdaUri` returns for a built-in authorizer. */
      authorizerUri: unknown;
      /** The role API Gateway assumes to invoke the function. */
      authorizerCredentials?: string;
      authorizerResultTtlInSeconds: number;
      identitySource: string;
    };

/**
 * An operation's security requirement: scheme name to OAuth scopes (empty but for Cognito).
 *
 * @example
 * const requirement: OpenApiSecurityRequirement = { MyPool: ['email'] };
 */
export type OpenApiSecurityRequirement = Record<string, string[]>;

/** The scheme name API Gateway maps to `apiKeyRequired` on a method. */
const API_KEY = 'api_key';

/**
 * The security requirements of one route, as Chalice writes them: `api_key` first, then the
 * authorizer. They are separate entries (OpenAPI reads that as "either"), because API Gateway's
 * importer takes `api_key` as the method's `apiKeyRequired` and the other entry as its
 * authorizer, and exports methods the same way.
 *
 * @example
 * securityRequirements(route); // [{ api_key: [] }, { MyPool: ['email'] }]
 */
export function securityRequirements(route: RouteModel): OpenApiSecurityRequirement[] {
  const requirements: OpenApiSecurityRequirement[] = [];
  if (route.apiKeyRequired) requirements.push({ [API_KEY]: [] });
  const { authorizer } = route;
  if (authorizer) requirements.push({ [authorizer.name]: authorizer.kind === 'cognito' ? [...authorizer.scopes] : [] });
  return requirements;
}

/**
 * The security schemes the routes use, sorted by name. A name used by two different schemes
 * would leave one route guarded by the other's authorizer, so it throws instead.
 *
 * @example
 * securitySchemes(model.routes, (name) => 'arn-of-' + name);
 * // { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' }, sigv4: { ... } }
 */
export function securitySchemes(routes: readonly RouteModel[], lambdaUri: (resourceName: string) => unknown): Record<string, OpenApiSecurityScheme> {
  const found = new Map<string, { scheme: OpenApiSecurityScheme; json: string; route: RouteModel }>();
  const add = (name: string, scheme: OpenApiSecurityScheme, route: RouteModel): void => {
    const json = JSON.stringify(scheme);
    const seen = found.get(name);
    if (!seen) found.set(name, { scheme, json, route });
    else if (seen.json !== json) {
      throw new Error(
        `Two different authorizers are named "${name}" (routes ${seen.route.method} ${seen.route.path} and ${route.method} ${route.path}); give each authorizer its own name`,
      );
    }
  };
  for (const route of routes) {
    if (route.apiKeyRequired) add(API_KEY, { type: 'apiKey', name: 'x-api-key', in: 'header' }, route);
    if (route.authorizer) add(route.authorizer.name, securityScheme(route.authorizer, lambdaUri), route);
  }
  const sorted = [...found].sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(sorted.map(([name, { scheme }]) => [name, scheme]));
}

function securityScheme(model: AuthorizerModel, lambdaUri: (resourceName: string) => unknown): OpenApiSecurityScheme {
  const header = { type: 'apiKey', name: model.header, in: 'header' } as const;
  const identitySource = `method.request.header.${model.header}`;
  switch (model.kind) {
    case 'iam':
      return { ...header, 'x-amazon-apigateway-authtype': 'awsSigv4' };
    case 'cognito':
      return {
        ...header,
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [...model.providerArns], identitySource },
      };
    case 'custom':
      return {
        ...header,
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': tokenAuthorizer(model.authorizerUri, model.invokeRoleArn, model.ttlSeconds, identitySource),
      };
    case 'builtin':
      // The function is the app's own: its URI depends on where the caller deploys it.
      return {
        ...header,
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': tokenAuthorizer(lambdaUri(model.name), model.executionRole, model.ttlSeconds, identitySource),
      };
    default:
      throw new TypeError(`Unknown authorizer kind: ${String((model as { kind?: unknown }).kind)}`);
  }
}

function tokenAuthorizer(authorizerUri: unknown, role: string | null, ttl: number, identitySource: string): OpenApiAuthorizer {
  return {
    type: 'token',
    authorizerUri,
    ...(role === null ? {} : { authorizerCredentials: role }),
    authorizerResultTtlInSeconds: ttl,
    identitySource,
  };
}
