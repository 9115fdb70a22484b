import type { LambdaContext } from '@chalice/events';
import { AuthRequest } from './auth-request.ts';
import { AuthResponse, type AuthorizerResult } from './auth-response.ts';
import { checkName, checkTtl } from './authorizers.ts';

/**
 * What a built-in authorizer function may return: an {@link AuthResponse}, a policy object of
 * your own (passed to API Gateway unchanged), or `null`/nothing (API Gateway answers 500).
 *
 * @example
 * const deny: AuthorizerReturn = new AuthResponse({ routes: [], principalId: 'nobody' });
 */
export type AuthorizerReturn = AuthResponse | Record<string, unknown> | null | undefined | void;

/**
 * A built-in authorizer function, sync or async.
 *
 * @example
 * const check: AuthorizerFunction = (req) => new AuthResponse({ routes: req.token === 'allow' ? ['*'] : [], principalId: 'user' });
 */
export type AuthorizerFunction = (request: AuthRequest) => AuthorizerReturn | PromiseLike<AuthorizerReturn>;

/**
 * What the Lambda entry answers for an authorizer function's result `R`: the policy for an
 * {@link AuthResponse}, anything else unchanged.
 *
 * @example
 * type Answer = AuthorizerOutput<AuthResponse>; // AuthorizerResult
 */
export type AuthorizerOutput<R> = R extends AuthResponse ? AuthorizerResult : R extends void ? undefined : R;

/**
 * The Lambda entry of a built-in authorizer. It always returns a promise: the Node.js Lambda
 * runtime (nodejs20.x, nodejs22.x) ignores a handler's plain return value.
 *
 * @example
 * const entry: AuthorizerHandler = builtinAuthorizerHandler(() => null);
 */
export type AuthorizerHandler<R = AuthorizerReturn> = (event: unknown, context?: LambdaContext) => Promise<AuthorizerOutput<R>>;

/**
 * Wraps an authorizer function as a Lambda entry for API Gateway TOKEN authorizers: builds the
 * {@link AuthRequest}, calls `fn`, and turns an {@link AuthResponse} into the policy document.
 * Any other result is returned unchanged. A wrongly shaped event throws `UnexpectedEventError`.
 * Typed by what `fn` returns, so a function that always answers an `AuthResponse` gives an entry
 * that is an `APIGatewayTokenAuthorizerHandler` of `@types/aws-lambda`.
 *
 * @example
 * export const handler = builtinAuthorizerHandler((req) =>
 *   new AuthResponse({ routes: req.token === 'allow' ? ['*'] : [], principalId: 'user' }),
 * );
 */
export function builtinAuthorizerHandler<R extends AuthorizerReturn>(fn: (request: AuthRequest) => R | PromiseLike<R>): AuthorizerHandler<R> {
  return async (event) => {
    const request = AuthRequest.fromEvent(event);
    const result = await fn(request);
    return (result instanceof AuthResponse ? result.toDict(request) : result) as AuthorizerOutput<R>;
  };
}

/**
 * Options of {@link BuiltinAuthorizer}.
 *
 * @example
 * const options: BuiltinAuthorizerOptions = { name: 'my_auth', ttlSeconds: 30 };
 */
export interface BuiltinAuthorizerOptions {
  /** The Lambda function's name in the app. */
  name: string;
  /** How long API Gateway caches the returned policy, 0..3600 seconds; default 300. */
  ttlSeconds?: number;
  /** The IAM role the authorizer Lambda runs with; default the app's role. */
  executionRole?: string;
  /** The header carrying the token; default `Authorization`. */
  header?: string;
}

/**
 * An authorizer written in the app and deployed by Chalice as its own Lambda function;
 * `app.authorizer(options, fn)` returns one. Pass it as a route's `authorizer`.
 *
 * @example
 * const auth = new BuiltinAuthorizer({ name: 'my_auth', ttlSeconds: 30 }, (req) =>
 *   new AuthResponse({ routes: req.token === 'allow' ? ['/'] : [], principalId: 'user' }),
 * );
 * export const my_auth = builtinAuthorizerHandler(auth.fn);
 */
export class BuiltinAuthorizer {
  readonly kind = 'builtin';
  readonly name: string;
  readonly ttlSeconds: number;
  readonly executionRole: string | null;
  readonly header: string;
  readonly fn: AuthorizerFunction;

  constructor({ name, ttlSeconds = 300, executionRole, header = 'Authorization' }: BuiltinAuthorizerOptions, fn: AuthorizerFunction) {
    this.name = checkName('BuiltinAuthorizer', name);
    if (typeof fn !== 'function') throw new TypeError(`BuiltinAuthorizer "${name}": the authorizer must be a function`);
    this.ttlSeconds = checkTtl(`BuiltinAuthorizer "${name}"`, ttlSeconds);
    this.executionRole = executionRole ?? null;
    this.header = header;
    this.fn = fn;
  }
}
