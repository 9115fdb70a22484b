import { BadRequestError } from './errors.ts';
import { caseInsensitiveHeaders, dictionary, findHeader } from './headers.ts';

// The event types are hand-written to API Gateway's shapes without index signatures, and a
// map's value may be undefined as `@types/aws-lambda` declares it, so its `APIGatewayProxyEvent`
// is accepted as it is (`export const handler: APIGatewayProxyHandler = app.handler`). Parsed
// from JSON, a value is never undefined: the getters below say so with a cast.

/** The fields of an API Gateway REST (v1 proxy) event that Chalice reads. */
export interface RestApiEvent {
  resource?: string;
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string | undefined> | null;
  multiValueHeaders?: Record<string, string[] | undefined> | null;
  queryStringParameters?: Record<string, string | undefined> | null;
  multiValueQueryStringParameters?: Record<string, string[] | undefined> | null;
  pathParameters?: Record<string, string | undefined> | null;
  stageVariables?: Record<string, string | undefined> | null;
  requestContext: RestRequestContext;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** API Gateway's `requestContext` of a REST proxy event (`request.context`). */
export interface RestRequestContext {
  resourcePath: string;
  httpMethod: string;
  path?: string;
  stage?: string;
  requestId?: string;
  extendedRequestId?: string;
  requestTime?: string;
  requestTimeEpoch?: number;
  apiId?: string;
  accountId?: string;
  resourceId?: string;
  domainName?: string;
  domainPrefix?: string;
  protocol?: string;
  identity?: RestRequestIdentity;
  /** What the route's authorizer passed on (a Lambda authorizer's `context`, Cognito's `claims`). */
  authorizer?: Record<string, any> | null;
}

/** `requestContext.identity`: who called, as API Gateway saw it. */
export interface RestRequestIdentity {
  sourceIp: string;
  userAgent?: string | null;
  accessKey?: string | null;
  accountId?: string | null;
  apiKey?: string | null;
  apiKeyId?: string | null;
  caller?: string | null;
  cognitoAuthenticationProvider?: string | null;
  cognitoAuthenticationType?: string | null;
  cognitoIdentityId?: string | null;
  cognitoIdentityPoolId?: string | null;
  principalOrgId?: string | null;
  user?: string | null;
  userArn?: string | null;
  vpcId?: string | undefined;
  vpceId?: string | undefined;
  clientCert?: { clientCertPem: string; serialNumber: string; subjectDN: string; issuerDN: string; validity: { notAfter: string; notBefore: string } } | null;
}

/** The JSON shape of {@link Request.toDict}, with Chalice's snake_case keys. */
export interface RequestDict {
  query_params: Record<string, string> | null;
  headers: Record<string, string>;
  uri_params: Record<string, string> | null;
  method: string;
  context: RestRequestContext;
  stage_vars: Record<string, string> | null;
  path: string;
}

const EMPTY = new Uint8Array(0);

/**
 * The HTTP request a view handles: the view's second argument, and `app.currentRequest`.
 * Everything derived from the event (headers, query, body) is computed on first use.
 *
 * @example
 * app.route('/objects/{key}', { methods: ['GET', 'PUT'] }, ({ key }, request) => {
 *   if (request.method === 'PUT') OBJECTS[key] = request.jsonBody;
 *   else return { [key]: OBJECTS[key] };
 * });
 */
export class Request {
  /** The HTTP method, upper-case. */
  readonly method: string;
  /** The captured URI parameters, or `null` when the route has none. */
  readonly uriParams: Record<string, string> | null;
  /** The route path the request matched, e.g. `/users/{name}`. */
  readonly path: string;
  readonly #event: RestApiEvent;
  #headers: Record<string, string> | undefined;
  #query: Record<string, string> | null | undefined;
  #rawBody: Uint8Array | undefined;
  #json: { value: unknown } | undefined;

  constructor(event: RestApiEvent, uriParams: Record<string, string> | null, path: string, method: string) {
    this.#event = event;
    this.uriParams = uriParams;
    this.path = path;
    this.method = method;
  }

  /** Request headers with lower-case keys; look-up ignores case (`headers['X-Foo']` works). */
  get headers(): Record<string, string> {
    return (this.#headers ??= caseInsensitiveHeaders(this.#event.headers));
  }

  /**
   * Query parameters, the last value of each key; `null` without a query string. A map without a
   * prototype: `?constructor=1` is an ordinary key, and keys the client did not send are absent.
   */
  get queryParams(): Record<string, string> | null {
    if (this.#query !== undefined) return this.#query;
    const multi = this.#event.multiValueQueryStringParameters;
    let query = (this.#event.queryStringParameters ?? null) as Record<string, string> | null;
    if (multi || query) {
      query = dictionary(query);
      for (const key in multi) query[key] = multi[key]?.at(-1) ?? '';
    }
    return (this.#query = query);
  }

  /**
   * Every value of every query parameter (`?tag=a&tag=b` gives `{ tag: ['a', 'b'] }`); `null`
   * without a query string. A map without a prototype, as {@link Request.queryParams}.
   */
  get multiValueQueryParams(): Record<string, string[]> | null {
    const multi = this.#event.multiValueQueryStringParameters;
    const single = this.queryParams;
    const out = single && dictionary(multi as Record<string, string[]> | null | undefined);
    if (!multi) for (const key in single) out![key] = [single[key] as string];
    return out;
  }

  /** API Gateway's request context (stage, request id, identity, authorizer output, ...). */
  get context(): RestRequestContext {
    return this.#event.requestContext;
  }

  /** The API Gateway stage variables, or `null`. */
  get stageVars(): Record<string, string> | null {
    return (this.#event.stageVariables ?? null) as Record<string, string> | null;
  }

  /** The body as bytes (base64-decoded when API Gateway sent it encoded); empty without a body. */
  get rawBody(): Uint8Array {
    if (this.#rawBody) return this.#rawBody;
    const body = this.#event.body;
    if (body === null || body === undefined) return (this.#rawBody = EMPTY);
    const buffer = this.#event.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
    return (this.#rawBody = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  }

  /**
   * The parsed JSON body when the Content-Type is `application/json`, else `null`.
   * Invalid JSON throws {@link BadRequestError} ("Error Parsing JSON"), which answers 400.
   */
  get jsonBody(): unknown {
    if (this.#json) return this.#json.value;
    const type = findHeader(this.#event.headers, 'content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/json')) return null;
    const body = this.#event.body;
    const text = body && this.#event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
    let value: unknown;
    try {
      value = JSON.parse(text ?? '');
    } catch {
      throw new BadRequestError('Error Parsing JSON');
    }
    this.#json = { value };
    return value;
  }

  /** The request as JSON-serialisable data with Chalice's snake_case keys, e.g. for an introspection view. */
  toDict(): RequestDict {
    return {
      query_params: this.queryParams,
      headers: { ...this.headers },
      uri_params: this.uriParams,
      method: this.method,
      context: this.context,
      stage_vars: this.stageVars,
      path: this.path,
    };
  }
}
