import { lambdaHandler, type Authorizer, type Chalice } from '@chalice/router';
import type { LocalFunction } from './lambda-context.ts';
import { localLambdaContext } from './lambda-context.ts';
import { errorText } from '@chalice/router';

/** What running a route's authorizer locally decided. */
export type AuthorizerOutcome = { allowed: true; context: Record<string, unknown> | null } | { allowed: false; statusCode: 401 | 403 | 500; body: unknown; errorType: string };

interface Policy {
  principalId?: string;
  policyDocument?: { Statement?: Array<{ Effect?: string; Action?: string | string[]; Resource?: string | string[] }> };
  context?: Record<string, unknown>;
}

// API Gateway's answers, with the x-amzn-ErrorType it sends beside each.
const UNAUTHORIZED: AuthorizerOutcome = { allowed: false, statusCode: 401, body: { message: 'Unauthorized' }, errorType: 'UnauthorizedException' };
const FORBIDDEN: AuthorizerOutcome = { allowed: false, statusCode: 403, body: { Message: 'User is not authorized to access this resource' }, errorType: 'AccessDeniedException' };
const MISCONFIGURED: AuthorizerOutcome = { allowed: false, statusCode: 500, body: { message: null }, errorType: 'AuthorizerConfigurationException' };

/**
 * Runs routes' authorizers the way API Gateway would, locally: built-in authorizers are called
 * (their policies cached per token for `ttlSeconds`) and their policy checked against the
 * request's method ARN; Cognito tokens are decoded into `claims` without checking signatures;
 * IAM and custom authorizers let requests through. Each shortcut is announced once by `warn`.
 */
export class LocalAuthorizers {
  readonly #app: Chalice;
  readonly #fn: (name: string) => LocalFunction;
  readonly #warn: (message: string) => void;
  readonly #cache = new Map<string, { expires: number; policy: Policy | null }>();
  readonly #warned = new Set<string>();

  constructor(app: Chalice, fn: (name: string) => LocalFunction, warn: (message: string) => void) {
    this.#app = app;
    this.#fn = fn;
    this.#warn = warn;
  }

  /** Decides a request to a route with `authorizer`, given the request's headers and method ARN. */
  async authorize(authorizer: Authorizer, headers: Record<string, string>, methodArn: string): Promise<AuthorizerOutcome> {
    const header = 'header' in authorizer ? authorizer.header : 'Authorization';
    const token = Object.entries(headers).find(([name]) => name.toLowerCase() === header.toLowerCase())?.[1];
    switch (authorizer.kind) {
      case 'iam':
      case 'custom':
        this.#warnOnce(authorizer.name, `${authorizer.kind === 'iam' ? 'IAM' : 'Custom'} authorizer "${authorizer.name}" is not run locally: requests pass`);
        return { allowed: true, context: null };
      case 'cognito': {
        if (!token) return UNAUTHORIZED;
        this.#warnOnce(authorizer.name, `Cognito authorizer "${authorizer.name}": token claims are read locally, the signature is not verified`);
        const claims = decodeJwtClaims(token);
        return claims ? { allowed: true, context: { claims } } : UNAUTHORIZED;
      }
      case 'builtin': {
        if (!token) return UNAUTHORIZED;
        const name = this.#app.authorizerName(authorizer) ?? authorizer.name;
        let policy: Policy | null;
        try {
          policy = await this.#policy(name, authorizer.ttlSeconds, token, methodArn);
        } catch (error) {
          if ((error as Error | null)?.message === 'Unauthorized') return UNAUTHORIZED;
          this.#warn(`Authorizer "${name}" failed: ${errorText(error)}`);
          return MISCONFIGURED;
        }
        if (!isPolicy(policy)) {
          this.#warn(`Authorizer "${name}" returned no valid policy (a principalId and a policyDocument with Statement): API Gateway answers 500`);
          return MISCONFIGURED;
        }
        if (!allows(policy, methodArn)) return FORBIDDEN;
        return { allowed: true, context: { ...policy.context, principalId: policy.principalId } };
      }
    }
  }

  async #policy(name: string, ttlSeconds: number, token: string, methodArn: string): Promise<Policy | null> {
    const key = `${name}\n${token}`;
    const cached = this.#cache.get(key);
    if (cached && cached.expires > Date.now()) return cached.policy;
    const event = { type: 'TOKEN', authorizationToken: token, methodArn };
    const policy = ((await lambdaHandler(this.#app, name)(event, localLambdaContext(this.#fn(name)))) ?? null) as Policy | null;
    if (ttlSeconds > 0) this.#cache.set(key, { expires: Date.now() + ttlSeconds * 1000, policy });
    return policy;
  }

  #warnOnce(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    this.#warn(message);
  }
}

// What API Gateway needs from an authorizer's answer; anything less is a configuration error.
function isPolicy(policy: Policy | null): policy is Policy {
  return typeof policy === 'object' && policy !== null && policy.principalId !== undefined && Array.isArray(policy.policyDocument?.Statement);
}

/** Whether a policy allows invoking `methodArn`: some Allow statement matches it and no Deny does. */
export function allows(policy: Policy, methodArn: string): boolean {
  const statements = policy.policyDocument?.Statement ?? [];
  const matching = (effect: string) => statements.some((s) => s.Effect === effect && ([] as string[]).concat(s.Resource ?? []).some((r) => arnPattern(r).test(methodArn)));
  return matching('Allow') && !matching('Deny');
}

// IAM resource wildcards: '*' is any run of characters, '?' any one.
function arnPattern(resource: string): RegExp {
  const escaped = resource
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/** The claims of a JWT (the payload, base64url JSON), or `null` when it is not one. */
export function decodeJwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.replace(/^Bearer\s+/i, '').split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' ? claims : null;
  } catch {
    return null;
  }
}
