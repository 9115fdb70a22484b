import type { CognitoUserPoolAuthorizer, CustomAuthorizer, IAMAuthorizer } from './authorizers.ts';
import type { BuiltinAuthorizer } from './builtin-authorizer.ts';

/**
 * Anything a route accepts as its `authorizer`.
 *
 * @example
 * const authorizer: Authorizer = new IAMAuthorizer();
 */
export type Authorizer = IAMAuthorizer | CognitoUserPoolAuthorizer | CustomAuthorizer | BuiltinAuthorizer;

/**
 * An authorizer as plain JSON data, for tooling (OpenAPI, templates, `chalice local`).
 * `name` may be rewritten by the app, e.g. with a blueprint's name prefix.
 *
 * @example
 * const model: AuthorizerModel = { kind: 'iam', name: 'sigv4', header: 'Authorization' };
 */
export type AuthorizerModel =
  | { kind: 'iam'; name: string; header: string }
  | { kind: 'cognito'; name: string; header: string; providerArns: string[]; scopes: string[] }
  | { kind: 'custom'; name: string; header: string; authorizerUri: string; ttlSeconds: number; invokeRoleArn: string | null }
  | { kind: 'builtin'; name: string; header: string; ttlSeconds: number; executionRole: string | null };

/**
 * Describes an authorizer as data, without functions, so tooling never has to know the classes.
 *
 * @example
 * authorizerModel(new CognitoUserPoolAuthorizer('MyPool', { providerArns: [arn] }));
 * // { kind: 'cognito', name: 'MyPool', header: 'Authorization', providerArns: [arn], scopes: [] }
 */
export function authorizerModel(a: Authorizer): AuthorizerModel {
  const { name, kind } = a;
  switch (kind) {
    case 'iam':
      return { kind, name, header: 'Authorization' };
    case 'cognito':
      return { kind, name, header: a.header, providerArns: [...a.providerArns], scopes: [...a.scopes] };
    case 'custom':
      return { kind, name, header: a.header, authorizerUri: a.authorizerUri, ttlSeconds: a.ttlSeconds, invokeRoleArn: a.invokeRoleArn };
    case 'builtin':
      return { kind, name, header: a.header, ttlSeconds: a.ttlSeconds, executionRole: a.executionRole };
    default:
      // Reached only from untyped code passing something else as an authorizer.
      throw new TypeError(`Not an authorizer: ${String((a as { kind?: unknown }).kind ?? a)}`);
  }
}
