import { checkRoutes, matchRoute, missingAuthenticationToken, type Chalice, type PathMatch, type ProxyResult } from '@chalice/router';
import type { LocalRequest, LocalResponse } from './http-types.ts';
import { localLambdaContext, type LocalFunction } from './lambda-context.ts';
import { LocalAuthorizers } from './local-authorizers.ts';
import { setOwn } from './own-keys.ts';
import { restEventFor, splitUrl } from './rest-event.ts';
import { INTERNAL, LocalWebsocketGateway } from './ws-gateway.ts';

/** How the local gateway behaves; the defaults are API Gateway's limits. */
export interface GatewayOptions {
  /** The API Gateway stage name in `requestContext` (default `api`). */
  apiGatewayStage?: string;
  /** The Lambda function behind a name (`api_handler` or an authorizer's): deployed name, memory, timeout. */
  lambdaFunction?: (name: string) => LocalFunction;
  /** How long a request may take before 504 (API Gateway: 29 s). */
  timeoutMs?: number;
  /** The largest request body (API Gateway: 10 MB). */
  maxBodyBytes?: number;
  /** Where notices go (authorizers not run locally, say). */
  warn?: (message: string) => void;
}

const MB = 1024 * 1024;
/** API Gateway's largest request body: 10 MB. */
export const MAX_BODY_BYTES = 10 * MB;
/** API Gateway's answer to a larger body. */
export const REQUEST_TOO_LONG = JSON.stringify({ message: 'Request Too Long' });
/** The largest response Lambda returns from a synchronous invocation (its "6 MB", exactly as it counts). */
export const MAX_RESPONSE_BYTES = 6_291_556;
const FORBIDDEN = { message: 'Forbidden' };
const SIGV4_MISSING =
  "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
  "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";

/** A request waiting on the handler, and whether the 29 s limit already answered it. */
interface InFlight {
  deadline: number;
  done: (response: LocalResponse) => void;
  expired: boolean;
}

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): LocalResponse => ({
  statusCode,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: new TextEncoder().encode(JSON.stringify(body)),
});

/**
 * API Gateway in front of an app's `app.handler`, without AWS: it matches the route, runs the
 * route's authorizer, builds the REST v1 proxy event, calls the handler with a Lambda context and
 * turns the result back into an HTTP response, with API Gateway's answers for no route (403),
 * too large a body (413) and too slow a handler (504); `websocket` is the app's websocket API.
 * Used by `chalice local` and `TestClient`.
 *
 * @example
 * const gateway = new LocalGateway(app);
 * const res = await gateway.handle({ method: 'GET', url: '/', headers: {}, body: new Uint8Array() });
 */
export class LocalGateway {
  readonly app: Chalice;
  readonly #options: Required<GatewayOptions>;
  readonly #authorizers: LocalAuthorizers;
  readonly #isBinaryType = (type: string) => this.app.isBinaryType(type);

  constructor(app: Chalice, options: GatewayOptions = {}) {
    this.app = app;
    this.#options = {
      apiGatewayStage: options.apiGatewayStage ?? 'api',
      lambdaFunction:
        options.lambdaFunction ?? ((name) => ({ functionName: name === 'api_handler' ? app.appName : `${app.appName}-${name}`, memorySize: 128, timeoutSeconds: 60 })),
      timeoutMs: options.timeoutMs ?? 29_000,
      maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
      warn: options.warn ?? ((message) => console.warn(message)),
    };
    this.#authorizers = new LocalAuthorizers(app, this.#options.lambdaFunction, this.#options.warn);
    // Refused now, as API Gateway's import would refuse it, rather than at the first request.
    checkRoutes(app.routes);
  }

  #websocket: LocalWebsocketGateway | undefined;

  /** The app's websocket API, with the same stage and function settings; made on first use. */
  get websocket(): LocalWebsocketGateway {
    return (this.#websocket ??= new LocalWebsocketGateway(this.app, this.#options));
  }

  /** Answers one request. */
  handle(request: LocalRequest): Promise<LocalResponse> {
    return new Promise((resolve, reject) => this.respond(request, resolve, reject));
  }

  /**
   * Answers one request through callbacks: what the HTTP server uses, as it saves the promise
   * hops of {@link LocalGateway.handle} on every request.
   */
  respond(request: LocalRequest, done: (response: LocalResponse) => void, fail: (error: unknown) => void): void {
    if (request.body.length > this.#options.maxBodyBytes) return done(json(413, { message: 'Request Too Long' }));
    const url = splitUrl(request.url);
    const match = matchRoute(this.app.routes, url.path);
    if (!match) {
      const headers = flatten(request.headers);
      const auth = Object.keys(headers).find((name) => name.toLowerCase() === 'authorization');
      if (auth) return done(json(403, { message: `${SIGV4_MISSING} Authorization=${headers[auth]}` }, { 'x-amzn-ErrorType': 'IncompleteSignatureException' }));
      return done(fromProxyResult(missingAuthenticationToken()));
    }
    const { methods } = match.routes;
    const route = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
    if (route?.apiKeyRequired && !hasApiKey(request.headers)) return done(json(403, FORBIDDEN, { 'x-amzn-ErrorType': 'ForbiddenException' }));
    if (!route?.authorizer) return this.#invoke(request, match, url, null, done, fail);
    const methodArn = `arn:aws:execute-api:local:123456789012:local/${this.#options.apiGatewayStage}/${request.method}${url.path}`;
    this.#authorizers.authorize(route.authorizer, flatten(request.headers), methodArn).then((outcome) => {
      if (!outcome.allowed) done(json(outcome.statusCode, outcome.body, { 'x-amzn-ErrorType': outcome.errorType }));
      else this.#invoke(request, match, url, outcome.context, done, fail);
    }, fail);
  }

  #invoke(
    request: LocalRequest,
    match: PathMatch,
    url: ReturnType<typeof splitUrl>,
    authorizer: Record<string, unknown> | null,
    done: (response: LocalResponse) => void,
    fail: (error: unknown) => void,
  ): void {
    const event = restEventFor(request, match, { apiGatewayStage: this.#options.apiGatewayStage, isBinaryType: this.#isBinaryType, authorizer }, url);
    const context = localLambdaContext(this.#options.lambdaFunction('api_handler'));
    // One timer for all requests in flight (see #sweep), not one each.
    const entry: InFlight = { deadline: Date.now() + this.#options.timeoutMs, done, expired: false };
    this.#inFlight.add(entry);
    this.#sweeper ??= setInterval(() => this.#sweep(), Math.min(250, this.#options.timeoutMs)).unref();
    this.app.handler(event, context).then(
      (result) => {
        this.#inFlight.delete(entry);
        if (entry.expired) return;
        if (tooLargeForLambda(result)) {
          this.#options.warn(`The response of ${request.method} ${url.path} is over Lambda's 6 MB payload limit (${MAX_RESPONSE_BYTES} bytes): API Gateway answers 502`);
          return done(new TextResponse(502, { 'Content-Type': 'application/json' }, INTERNAL));
        }
        done(fromProxyResult(result));
      },
      (error) => {
        this.#inFlight.delete(entry);
        if (!entry.expired) fail(error);
      },
    );
  }

  readonly #inFlight = new Set<InFlight>();
  #sweeper: NodeJS.Timeout | null = null;

  #sweep(): void {
    const now = Date.now();
    for (const entry of this.#inFlight) {
      if (entry.deadline <= now) {
        this.#inFlight.delete(entry);
        entry.expired = true;
        entry.done(json(504, { message: 'Endpoint request timed out' }));
      }
    }
    if (!this.#inFlight.size && this.#sweeper) {
      clearInterval(this.#sweeper);
      this.#sweeper = null;
    }
  }
}

// Any value will do locally: keys and usage plans live in AWS.
function hasApiKey(headers: LocalRequest['headers']): boolean {
  for (const name in headers) if (name.length === 9 && name.toLowerCase() === 'x-api-key') return true;
  return false;
}

// Lambda counts the result as it serialises it; most bodies are far below the limit, and only
// those that might not be (escaping and UTF-8 make a character up to 6 bytes) are measured.
function tooLargeForLambda(result: ProxyResult): boolean {
  const length = typeof result.body === 'string' ? result.body.length : 0;
  if (length * 6 < MAX_RESPONSE_BYTES - 64 * 1024) return false;
  return length > MAX_RESPONSE_BYTES || Buffer.byteLength(JSON.stringify(result)) > MAX_RESPONSE_BYTES;
}

function flatten(headers: LocalRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) setOwn(out, name, Array.isArray(value) ? (value.at(-1) ?? '') : value);
  return out;
}

/**
 * An HTTP response from a Lambda proxy result: headers joined, a base64 body decoded. A text body
 * is encoded only when `body` is read; the server writes the text as it is. A 204 or 304 has no
 * body, whatever the result says.
 */
export function fromProxyResult(result: ProxyResult): LocalResponse {
  // The result is the gateway's own, fresh from the handler: its headers object can be reused.
  const headers: Record<string, string | string[]> = result.headers;
  const multi = result.multiValueHeaders;
  for (const name in multi) headers[name] = multi[name] as string[];
  if (result.statusCode === 204 || result.statusCode === 304) return new TextResponse(result.statusCode, headers, '');
  if (result.isBase64Encoded) {
    const bytes = Buffer.from(result.body, 'base64');
    return { statusCode: result.statusCode, headers, body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  }
  return new TextResponse(result.statusCode, headers, result.body ?? '');
}

/** A response whose body is text, kept as text until someone needs the bytes. */
export class TextResponse implements LocalResponse {
  #bytes: Uint8Array | undefined;

  constructor(
    readonly statusCode: number,
    readonly headers: Record<string, string | string[]>,
    readonly text: string,
  ) {}

  get body(): Uint8Array {
    return (this.#bytes ??= new TextEncoder().encode(this.text));
  }
}
