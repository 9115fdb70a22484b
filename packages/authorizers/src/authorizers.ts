/**
 * Requires callers to sign requests with AWS credentials (SigV4); IAM policies decide access.
 *
 * @example
 * app.route('/iam-auth', { authorizer: new IAMAuthorizer() }, () => ({ success: true }));
 */
export class IAMAuthorizer {
  readonly kind = 'iam';
  readonly name = 'sigv4';
}

/**
 * Options of {@link CognitoUserPoolAuthorizer}.
 *
 * @example
 * const options: CognitoUserPoolOptions = { providerArns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'] };
 */
export interface CognitoUserPoolOptions {
  /** The ARNs of the user pools whose tokens are accepted; at least one. */
  providerArns: string[];
  /** The header carrying the token; default `Authorization`. */
  header?: string;
  /** OAuth scopes a token must have (with an access token); default none. */
  scopes?: string[];
}

/**
 * Accepts tokens issued by existing Amazon Cognito user pools.
 *
 * @example
 * const authorizer = new CognitoUserPoolAuthorizer('MyPool', {
 *   providerArns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'],
 * });
 * app.route('/user-pools', { authorizer }, () => ({ success: true }));
 */
export class CognitoUserPoolAuthorizer {
  readonly kind = 'cognito';
  readonly name: string;
  readonly providerArns: string[];
  readonly header: string;
  readonly scopes: string[];

  constructor(name: string, { providerArns, header = 'Authorization', scopes = [] }: CognitoUserPoolOptions) {
    this.name = checkName('CognitoUserPoolAuthorizer', name);
    // Users build this by hand, often from config; fail here rather than at deploy time.
    if (!Array.isArray(providerArns) || !providerArns.length || providerArns.some((arn) => typeof arn !== 'string' || !arn)) {
      throw new TypeError(`CognitoUserPoolAuthorizer "${name}": providerArns must be a non-empty list of user pool ARNs, received: ${JSON.stringify(providerArns)}`);
    }
    this.providerArns = providerArns;
    this.header = header;
    this.scopes = scopes;
  }
}

/**
 * Options of {@link CustomAuthorizer}.
 *
 * @example
 * const options: CustomAuthorizerOptions = { authorizerUri: 'arn:aws:apigateway:...:function:Auth/invocations', ttlSeconds: 60 };
 */
export interface CustomAuthorizerOptions {
  /** `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{lambdaArn}/invocations`. */
  authorizerUri: string;
  /** The header carrying the token; default `Authorization`. */
  header?: string;
  /** How long API Gateway caches the returned policy, 0..3600 seconds; default 300. */
  ttlSeconds?: number;
  /** The IAM role API Gateway assumes to invoke the authorizer Lambda. */
  invokeRoleArn?: string;
}

/**
 * Uses an existing Lambda function, not managed by Chalice, as a TOKEN authorizer.
 *
 * @example
 * const authorizer = new CustomAuthorizer('MyCustomAuth', {
 *   authorizerUri: 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:Auth/invocations',
 * });
 * app.route('/custom-auth', { authorizer }, () => ({ success: true }));
 */
export class CustomAuthorizer {
  readonly kind = 'custom';
  readonly name: string;
  readonly authorizerUri: string;
  readonly header: string;
  readonly ttlSeconds: number;
  readonly invokeRoleArn: string | null;

  constructor(name: string, { authorizerUri, header = 'Authorization', ttlSeconds = 300, invokeRoleArn }: CustomAuthorizerOptions) {
    this.name = checkName('CustomAuthorizer', name);
    if (typeof authorizerUri !== 'string' || !authorizerUri) {
      throw new TypeError(`CustomAuthorizer "${name}": authorizerUri must be the invocation URI of a Lambda function`);
    }
    this.authorizerUri = authorizerUri;
    this.header = header;
    this.ttlSeconds = checkTtl(`CustomAuthorizer "${name}"`, ttlSeconds);
    this.invokeRoleArn = invokeRoleArn ?? null;
  }
}

/** @internal The name becomes an API Gateway resource name: it must be there. */
export function checkName(what: string, name: unknown): string {
  if (typeof name !== 'string' || !name) throw new TypeError(`${what}: the name must be a non-empty string`);
  return name;
}

/** @internal API Gateway caches authorizer results for at most an hour. */
export function checkTtl(what: string, ttl: unknown): number {
  if (!Number.isInteger(ttl) || (ttl as number) < 0 || (ttl as number) > 3600) {
    throw new TypeError(`${what}: ttlSeconds must be an integer from 0 to 3600, received: ${String(ttl)}`);
  }
  return ttl as number;
}
