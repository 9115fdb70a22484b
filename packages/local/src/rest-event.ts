import { requestId } from './ids.ts';
import type { PathMatch, RestApiEvent } from '@chalice/router';
import type { LocalRequest } from './http-types.ts';
import { getOwn, setOwn } from './own-keys.ts';

/** What the event needs besides the request. */
export interface EventSettings {
  /** The API Gateway stage name (`api_gateway_stage`). */
  apiGatewayStage: string;
  isBinaryType(contentType: string): boolean;
  /** What a built-in or Cognito authorizer put in `requestContext.authorizer`. */
  authorizer?: Record<string, unknown> | null;
}

/** A header's value by its lower-case name, whatever the client's casing. */
export function header(headers: Record<string, string>, lowerName: string): string | undefined {
  for (const name in headers) if (name.length === lowerName.length && name.toLowerCase() === lowerName) return headers[name];
  return undefined;
}

// Formatted once a second, not per request.
let lastSecond = -1;
let lastTime = '';
/** `requestContext.requestTime` in API Gateway's format, e.g. `12/Mar/2024:18:24:02 +0000`. */
export function requestTime(now: number): string {
  const second = Math.floor(now / 1000);
  if (second !== lastSecond) {
    const [, day, month, year, time] = /^\w+, (\d+) (\w+) (\d+) (\S+)/.exec(new Date(now).toUTCString()) ?? [];
    lastSecond = second;
    lastTime = `${day}/${month}/${year}:${time} +0000`;
  }
  return lastTime;
}

/**
 * Fills an event's `headers` (the last value of each) and `multiValueHeaders` (every value) from
 * a request's headers, keeping their casing; the REST and websocket `$connect` events share it.
 */
export function splitHeaders(raw: Record<string, string | string[] | undefined>, headers: Record<string, string>, multiValueHeaders: Record<string, string[]>): void {
  for (const name in raw) {
    const value = raw[name];
    if (value === undefined) continue;
    if (typeof value === 'string') {
      setOwn(headers, name, value);
      setOwn(multiValueHeaders, name, [value]);
    } else {
      setOwn(headers, name, value[value.length - 1] ?? '');
      setOwn(multiValueHeaders, name, value);
    }
  }
}

/** The path of a request URL, and its query parameters (last value and every value per key). */
export function splitUrl(url: string): { path: string; query: Record<string, string> | null; multiQuery: Record<string, string[]> | null } {
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  if (at < 0 || at === url.length - 1) return { path, query: null, multiQuery: null };
  // Built prototype-free, so `?constructor=1` or `?__proto__=x` are keys like any other, then
  // spread into plain objects whose keys are all own properties, as JSON.parse gives them to a Lambda.
  const query: Record<string, string> = Object.create(null);
  const multiQuery: Record<string, string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(url.slice(at + 1))) {
    setOwn(query, key, value);
    const values = getOwn(multiQuery, key);
    if (values) values.push(value);
    else setOwn(multiQuery, key, [value]);
  }
  return { path, query: { ...query }, multiQuery: { ...multiQuery } };
}

/**
 * The API Gateway REST (v1 proxy) event for a request that hit `match`: headers and multi-value
 * headers, query and multi-value query, URL-decoded path parameters, the request context
 * (resource path, stage, request id, source IP, authorizer output), and the body, base64 with
 * `isBase64Encoded` when its Content-Type is one of the app's binary types.
 */
export function restEventFor(request: LocalRequest, match: PathMatch, settings: EventSettings, url = splitUrl(request.url)): RestApiEvent {
  const { path, query, multiQuery } = url;
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  splitHeaders(request.headers, headers, multiValueHeaders);
  const contentType = header(headers, 'content-type') ?? '';
  const binary = contentType !== '' && settings.isBinaryType(contentType);
  const hasBody = request.body.length > 0;
  const userAgent = header(headers, 'user-agent') ?? null;
  const now = Date.now();
  return {
    resource: match.routes.path,
    path,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: query,
    multiValueQueryStringParameters: multiQuery,
    pathParameters: Object.keys(match.params).length ? match.params : null,
    stageVariables: null,
    requestContext: {
      resourcePath: match.routes.path,
      httpMethod: request.method,
      path: `/${settings.apiGatewayStage}${path}`,
      stage: settings.apiGatewayStage,
      requestId: requestId(),
      resourceId: 'local',
      apiId: 'local',
      accountId: '123456789012',
      protocol: 'HTTP/1.1',
      domainName: headers.host ?? headers.Host ?? 'localhost',
      requestTimeEpoch: now,
      requestTime: requestTime(now),
      identity: {
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent,
        accessKey: null,
        accountId: null,
        apiKey: null,
        caller: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        user: null,
        userArn: null,
      },
      ...(settings.authorizer ? { authorizer: settings.authorizer } : {}),
    },
    body: hasBody ? Buffer.from(request.body).toString(binary ? 'base64' : 'utf8') : null,
    isBase64Encoded: hasBody && binary,
  };
}
