import { UnexpectedEventError } from '@chalice/events';

/**
 * The event API Gateway sends to a TOKEN Lambda authorizer.
 *
 * @example
 * const event: TokenAuthorizerEvent = {
 *   type: 'TOKEN',
 *   authorizationToken: 'allow',
 *   methodArn: 'arn:aws:execute-api:us-west-2:123456789012:abc123/api/GET/users/bob',
 * };
 */
export interface TokenAuthorizerEvent {
  type: string;
  authorizationToken: string;
  methodArn: string;
}

/**
 * What a built-in authorizer function receives: the request's token and the ARN of the API
 * method being called. You rarely build one yourself; the authorizer's Lambda entry does.
 *
 * @example
 * const request = new AuthRequest('TOKEN', 'allow', 'arn:aws:execute-api:us-west-2:123456789012:abc123/api/GET/');
 * request.token; // 'allow'
 */
export class AuthRequest {
  constructor(
    /** The authorizer type API Gateway reports, `'TOKEN'`. */
    readonly authType: string,
    /** The token: the value of the authorizer's header, usually `Authorization`. */
    readonly token: string,
    /** The ARN of the method being authorized, e.g. `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}`. */
    readonly methodArn: string,
  ) {}

  /**
   * Builds the request from an API Gateway TOKEN authorizer event.
   * Throws `UnexpectedEventError` for any other event (a REQUEST authorizer's included).
   *
   * @example
   * export const handler = (event: unknown) => AuthRequest.fromEvent(event).token;
   */
  static fromEvent(event: unknown): AuthRequest {
    const e = event as Partial<TokenAuthorizerEvent> | null;
    if (typeof e?.authorizationToken !== 'string' || typeof e.methodArn !== 'string') {
      throw new UnexpectedEventError('an API Gateway TOKEN authorizer event (authorizationToken, methodArn)', event);
    }
    return new AuthRequest(String(e.type ?? 'TOKEN'), e.authorizationToken, e.methodArn);
  }
}
