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
  runInvocation<A, B, T>(request: Request | null, context: LambdaContext | null, fn: (a: A, b: B) => T, a: A, b: B): T;
}

type Cors = Readonly<Record<string, string>> | null;

const NO_PARAMS = Object.freeze({}) as Record<string, string>;
const JSON_TYPE = 'application/json';

/**
 * Answers one API Gateway REST (v1 proxy) event, routed by the resource API Gateway matched.
 * Stays synchronous when the view is; `app.handler` makes the result a promise for Lambda.
 */
export function handleRestEvent(app: RestApp, event: RestApiEvent, context: LambdaContext): ProxyResult | Promise<ProxyResult> {
  const rc = event?.requestContext;
  const method = rc?.httpMethod ?? event?.httpMethod;
  if (typeof method !== 'string') return notRestEvent(app);
  const routes = app.routes.get(rc.resourcePath ?? event.resource);
  // API Gateway only sends resources it has; anything else is what it answers for unknown paths.
  if (!routes) return missingAuthenticationToken();
  const params = (event.pathParameters ?? null) as Record<string, string> | null;
  const entry = routes.methods[method];
  if (!entry) return unroutedMethod(routes, method);
  const cors = entry.cors && entry.cors.getAccessControlHeaders();
  const contentType = findHeader(event.headers, 'content-type') ?? JSON_TYPE;
  if (!matchesContentType(contentType, entry.contentTypes)) {
    return errorResult(415, 'UnsupportedMediaType', `Unsupported media type: ${contentType}`, cors);
  }
  const request = new Request(event, params, routes.path, method);
  const fail = (error: unknown) => toProxyResult(app, errorResponse(app, error, entry), event, cors);
  let value: unknown;
  try {
    value = app.runInvocation(request, context, entry.view, params ?? NO_PARAMS, request);
  } catch (error) {
    return fail(error);
  }
  if (value instanceof Promise) return value.then((v) => toProxyResult(app, v, event, cors), fail);
  return toProxyResult(app, value, event, cors);
}

// Rare paths live in functions of their own: V8 compiles a function on its first call, so
// what the first invocation does not reach costs it nothing.
function notRestEvent(app: RestApp): ProxyResult {
  const why = 'api_handler received an event that is not an API Gateway REST (v1 proxy) event';
  app.log.error(why);
  return errorResult(500, 'InternalServerError', why, null);
}

function result(statusCode: number, body: string, headers: Record<string, string>, multiValueHeaders = {}, isBase64Encoded = false): ProxyResult {
  return { statusCode, headers, multiValueHeaders, body, isBase64Encoded };
}

function errorResult(statusCode: number, code: string, message: string, cors: Cors): ProxyResult {
  return result(statusCode, JSON.stringify({ Code: code, Message: message }), { ...cors, 'Content-Type': JSON_TYPE });
}

/** The CORS preflight answer API Gateway gives for a path with CORS-enabled methods. */
export function preflightResult(routes: PathRoutes, cors: CORSConfig): ProxyResult {
  const methods = Object.keys(routes.methods).filter((m) => routes.methods[m]?.cors);
  return result(200, '', {
    'Content-Type': JSON_TYPE,
    'Access-Control-Allow-Methods': [...methods, 'OPTIONS'].join(','),
    ...cors.getAccessControlHeaders(),
  });
}

/** API Gateway's answer for a path no route matches. */
export function missingAuthenticationToken(message = 'Missing Authentication Token'): ProxyResult {
  return result(403, JSON.stringify({ message }), { 'Content-Type': JSON_TYPE, 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' });
}

function unroutedMethod(routes: PathRoutes, method: string): ProxyResult {
  const { cors } = routes;
  if (method === 'OPTIONS' && cors) return preflightResult(routes, cors);
  const allowed = Object.keys(routes.methods);
  if (cors) allowed.push('OPTIONS');
  const answer = errorResult(405, 'MethodNotAllowedError', `Unsupported method: ${method}`, cors && cors.getAccessControlHeaders());
  answer.headers.Allow = allowed.join(', ');
  return answer;
}

function errorResponse(app: RestApp, error: unknown, entry: RouteEntry): Response {
  if (error instanceof ChaliceViewError) {
    return new Response({ statusCode: error.statusCode, body: { Code: error.code, Message: error.message } });
  }
  const trace = (error as Error)?.stack ?? String(error);
  app.log.error(`Caught exception for view "${entry.viewName}"\n${trace}`);
  return app.debug
    ? new Response({ statusCode: 500, body: trace, headers: { 'Content-Type': 'text/plain' } })
    : new Response({ statusCode: 500, body: { Code: 'InternalServerError', Message: 'An internal server error occurred.' } });
}

// A response the view built but API Gateway could not send: logged, and a 500 that says why in debug mode.
function unsendable(app: RestApp, why: string, cors: Cors): ProxyResult {
  app.log.error(why);
  return errorResult(500, 'InternalServerError', app.debug ? why : 'An internal server error occurred.', cors);
}

// The global Fetch API Response, or a class nothing is an instance of where the runtime has none.
const FetchResponse: typeof globalThis.Response = globalThis.Response ?? class {};

// A plain value (the common case) is JSON with the CORS headers; anything else takes the full path.
function toProxyResult(app: RestApp, value: unknown, event: RestApiEvent, cors: Cors): ProxyResult | Promise<ProxyResult> {
  if (value instanceof FetchResponse) return fetchResult(app, value, event, cors);
  if (value instanceof Response || value instanceof Uint8Array || app.isBinaryType(JSON_TYPE)) return fullResult(app, value, event, cors);
  const text = jsonText(app, value, cors);
  return typeof text === 'string' ? result(200, text, { ...cors, 'Content-Type': JSON_TYPE }) : text;
}

// The body as JSON text (a string as is), or the 500 for a value JSON cannot encode.
function jsonText(app: RestApp, value: unknown, cors: Cors): string | ProxyResult {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value ?? null) ?? 'null');
  } catch (error) {
    return unsendable(app, `The view's return value cannot be sent as JSON: ${(error as Error).message}`, cors);
  }
}

// A Fetch API Response (what Hono and other frameworks answer with) is read, its body being a
// stream, and sent as one of ours: bytes for a binary type, else text. More than one cookie
// become repeated Set-Cookie headers.
async function fetchResult(app: RestApp, fetched: globalThis.Response, event: RestApiEvent, cors: Cors): Promise<ProxyResult> {
  const headers: HeaderValues = Object.fromEntries(fetched.headers);
  const cookies = fetched.headers.getSetCookie();
  if (cookies[1]) headers['set-cookie'] = cookies;
  const binary = app.isBinaryType((headers['content-type'] as string | undefined) ?? JSON_TYPE);
  const body = binary ? new Uint8Array(await fetched.arrayBuffer()) : await fetched.text();
  return fullResult(app, new Response({ statusCode: fetched.status, headers, body }), event, cors);
}

function fullResult(app: RestApp, value: unknown, event: RestApiEvent, cors: Cors): ProxyResult {
  let statusCode = 200;
  let body = value;
  let given: HeaderValues | undefined;
  if (value instanceof Response) ({ statusCode, body, headers: given } = value);
  const headers: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  let type: string | undefined;
  for (const name in given) {
    const v = given[name] as string | string[];
    const values = Array.isArray(v) ? v : [v];
    if (values.some((one) => typeof one !== 'string' || one.includes('\n'))) {
      return unsendable(app, `Bad value for header '${name}': ${JSON.stringify(v)}`, cors);
    }
    if (Array.isArray(v)) multi[name] = v;
    else headers[name] = v;
    if (name.length === 12 && name.toLowerCase() === 'content-type') type = values[0];
  }
  for (const name in cors) if (!(name in headers || name in multi)) headers[name] = cors[name] as string;
  if (type === undefined) headers['Content-Type'] = type = JSON_TYPE;

  if (app.isBinaryType(type)) {
    const accept = findHeader(event.headers, 'accept');
    if (!accept || !app.isBinaryType(accept)) {
      const why =
        `Request did not specify an Accept header with ${type}, The response has a Content-Type of ${type}. ` +
        'If a response has a binary Content-Type then the request must specify an Accept header that matches.';
      return errorResult(400, 'BadRequest', why, cors);
    }
    const bytes = body instanceof Uint8Array ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? null));
    return result(statusCode, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), headers, multi, true);
  }
  if (body instanceof Uint8Array) return unsendable(app, `A bytes body needs a binary Content-Type (see app.api.binaryTypes), not ${type}`, cors);
  const text = jsonText(app, body, cors);
  return typeof text === 'string' ? result(statusCode, text, headers, multi) : text;
}
