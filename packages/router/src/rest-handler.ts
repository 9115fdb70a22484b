import type { LambdaContext } from '@chalice/events';
import { matchesContentType } from './content-type.ts';
import type { CORSConfig } from './cors.ts';
import { ChaliceViewError } from './errors.ts';
import { findHeader, type HeaderValues } from './headers.ts';
import type { Logger } from './log.ts';
import { Request, type RestApiEvent } from './request.ts';
import { Response, type ProxyResult } from './response.ts';
import type { PathRoutes, RouteEntry, RouteTable } from './route-table.ts';

/** What the REST dispatch needs from the app. */
export interface RestApp {
  readonly routes: RouteTable;
  readonly log: Logger;
  readonly debug: boolean;
  isBinaryType(contentType: string): boolean;
  runInvocation<T>(request: Request | null, context: LambdaContext | null, fn: () => T): T;
}

const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NOT_REST = 'api_handler received an event that is not an API Gateway REST (v1 proxy) event';

/**
 * Answers one API Gateway REST (v1 proxy) event. The route comes from the resource API Gateway
 * matched; without one (a greedy proxy resource, a test event) it is found from the path.
 * Stays synchronous when the view is, so a sync view costs no promise.
 */
export function handleRestEvent(app: RestApp, event: RestApiEvent, context: LambdaContext): ProxyResult | Promise<ProxyResult> {
  const rc = event?.requestContext;
  const method = rc?.httpMethod ?? event?.httpMethod;
  if (typeof method !== 'string') {
    app.log.error(NOT_REST);
    return errorResult(500, 'InternalServerError', NOT_REST, null);
  }
  let routes = app.routes.get(rc.resourcePath ?? event.resource);
  let params = event.pathParameters ?? null;
  if (!routes) {
    const match = typeof event.path === 'string' ? app.routes.match(event.path) : null;
    if (!match) return missingAuthenticationToken();
    routes = match.routes;
    params = Object.keys(match.params).length ? match.params : null;
  }
  const entry = routes.methods[method];
  if (!entry) return unroutedMethod(routes, method);
  const cors = entry.cors ? entry.cors.getAccessControlHeaders() : null;
  const contentType = findHeader(event.headers, 'content-type') ?? 'application/json';
  if (!matchesContentType(contentType, entry.contentTypes)) {
    return errorResult(415, 'UnsupportedMediaType', `Unsupported media type: ${contentType}`, cors);
  }
  const request = new Request(event, params, routes.path, method);
  let result: unknown;
  try {
    result = app.runInvocation(request, context, () => entry.view(params ?? NO_PARAMS, request));
  } catch (error) {
    return toProxyResult(app, errorResponse(app, error, entry), event, cors);
  }
  if (isPromiseLike(result)) {
    return Promise.resolve(result).then(
      (value) => toProxyResult(app, value, event, cors),
      (error) => toProxyResult(app, errorResponse(app, error, entry), event, cors),
    );
  }
  return toProxyResult(app, result, event, cors);
}

/** The CORS preflight answer API Gateway gives for a path with CORS-enabled methods. */
export function preflightResult(routes: PathRoutes, cors: CORSConfig): ProxyResult {
  const methods = Object.keys(routes.methods).filter((m) => routes.methods[m]?.cors);
  return {
    statusCode: 200,
    headers: {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Methods': [...methods, 'OPTIONS'].join(','),
      ...cors.getAccessControlHeaders(),
    },
    multiValueHeaders: {},
    body: '',
    isBase64Encoded: false,
  };
}

/** API Gateway's answer for a path no route matches. */
export function missingAuthenticationToken(message = 'Missing Authentication Token'): ProxyResult {
  return {
    statusCode: 403,
    headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' },
    multiValueHeaders: {},
    body: JSON.stringify({ message }),
    isBase64Encoded: false,
  };
}

function unroutedMethod(routes: PathRoutes, method: string): ProxyResult {
  if (method === 'OPTIONS' && routes.cors) return preflightResult(routes, routes.cors);
  const allowed = Object.keys(routes.methods);
  if (routes.cors && !allowed.includes('OPTIONS')) allowed.push('OPTIONS');
  const cors = routes.cors ? routes.cors.getAccessControlHeaders() : null;
  const result = errorResult(405, 'MethodNotAllowedError', `Unsupported method: ${method}`, cors);
  result.headers.Allow = allowed.join(', ');
  return result;
}

function errorResult(statusCode: number, code: string, message: string, cors: Readonly<Record<string, string>> | null): ProxyResult {
  return {
    statusCode,
    headers: { ...cors, 'Content-Type': 'application/json' },
    multiValueHeaders: {},
    body: JSON.stringify({ Code: code, Message: message }),
    isBase64Encoded: false,
  };
}

function errorResponse(app: RestApp, error: unknown, entry: RouteEntry): Response {
  if (error instanceof ChaliceViewError) {
    return new Response({ statusCode: error.statusCode, body: { Code: error.code, Message: error.message } });
  }
  const trace = error instanceof Error ? (error.stack ?? String(error)) : String(error);
  app.log.error(`Caught exception for view "${entry.viewName}"\n${trace}`);
  if (app.debug) return new Response({ statusCode: 500, body: trace, headers: { 'Content-Type': 'text/plain' } });
  return new Response({ statusCode: 500, body: { Code: 'InternalServerError', Message: 'An internal server error occurred.' } });
}

function internalError(app: RestApp, why: string, cors: Readonly<Record<string, string>> | null): ProxyResult {
  app.log.error(why);
  const message = app.debug ? why : 'An internal server error occurred.';
  return errorResult(500, 'InternalServerError', message, cors);
}

function toProxyResult(app: RestApp, value: unknown, event: RestApiEvent, cors: Readonly<Record<string, string>> | null): ProxyResult {
  let statusCode = 200;
  let body = value;
  let given: HeaderValues | null = null;
  if (value instanceof Response) {
    statusCode = value.statusCode;
    body = value.body;
    given = value.headers;
  }
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  let contentType: string | undefined;
  for (const name in given) {
    const v = (given as HeaderValues)[name] as string | string[];
    const values = Array.isArray(v) ? v : [v];
    for (const one of values) {
      if (typeof one !== 'string' || one.includes('\n')) {
        return internalError(app, `Bad value for header '${name}': ${JSON.stringify(one)}`, cors);
      }
    }
    if (Array.isArray(v)) multiValueHeaders[name] = v;
    else headers[name] = v;
    if (name.length === 12 && name.toLowerCase() === 'content-type') contentType = values[0];
  }
  if (cors) for (const name in cors) if (!(name in headers) && !(name in multiValueHeaders)) headers[name] = cors[name] as string;
  if (contentType === undefined) headers['Content-Type'] = contentType = 'application/json';

  if (app.isBinaryType(contentType)) {
    const accept = findHeader(event.headers, 'accept');
    if (accept === undefined || !app.isBinaryType(accept)) {
      const why =
        `Request did not specify an Accept header with ${contentType}, The response has a Content-Type of ${contentType}. ` +
        'If a response has a binary Content-Type then the request must specify an Accept header that matches.';
      return errorResult(400, 'BadRequest', why, cors);
    }
    const bytes = body instanceof Uint8Array ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? null));
    const encoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    return { statusCode, headers, multiValueHeaders, body: encoded, isBase64Encoded: true };
  }
  let text: string;
  if (typeof body === 'string') text = body;
  else if (body instanceof Uint8Array) {
    return internalError(app, `A bytes body needs a binary Content-Type (one of app.api.binaryTypes); this response has ${contentType}`, cors);
  } else {
    try {
      text = JSON.stringify(body === undefined ? null : body);
    } catch (error) {
      return internalError(app, `The view's return value cannot be sent as JSON: ${(error as Error).message}`, cors);
    }
  }
  return { statusCode, headers, multiValueHeaders, body: text, isBase64Encoded: false };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}
