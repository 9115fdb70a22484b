import type { WebsocketLambdaEvent } from '@chalice/router';
import { requestId, websocketId } from './ids.ts';
import { header, requestTime, splitHeaders, splitUrl } from './rest-event.ts';

/**
 * One open (or opening) websocket connection, whatever carries it: a socket of `chalice local`
 * or the test client's in-memory one.
 */
export interface LocalConnection {
  readonly id: string;
  /** Epoch milliseconds. */
  readonly connectedAt: number;
  /** Epoch milliseconds of the last message from the client. */
  lastActiveAt: number;
  readonly sourceIp: string;
  readonly userAgent: string;
  /** The Host the client connected to, as API Gateway's `requestContext.domainName`. */
  readonly domainName: string;
  /** Delivers a message to the client; `false` when the connection can no longer take one. */
  send(data: Uint8Array | string, binary: boolean): boolean;
  /** Closes the connection from the server's side. */
  close(code: number, reason: string): void;
}

type Kind = 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
const ROUTE_KEYS: Record<Kind, string> = { CONNECT: '$connect', MESSAGE: '$default', DISCONNECT: '$disconnect' };

// The requestContext every websocket event shares, in the recorded events' field order.
function requestContext(connection: LocalConnection, kind: Kind, stage: string, extra: Record<string, unknown>) {
  const now = Date.now();
  const id = requestId();
  return {
    routeKey: ROUTE_KEYS[kind],
    ...extra,
    eventType: kind,
    extendedRequestId: id,
    requestTime: requestTime(now),
    messageDirection: 'IN',
    stage,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: now,
    identity: { userAgent: connection.userAgent, sourceIp: connection.sourceIp },
    requestId: id,
    domainName: connection.domainName,
    connectionId: connection.id,
    apiId: 'local',
  };
}

/**
 * The `$connect` event API Gateway sends for a connection request: the request's headers (as
 * sent, plus `X-Forwarded-For`), multi-value headers and, when there is a query string, the query
 * parameters.
 *
 * @example
 * const event = connectEvent(connection, '/?room=lobby', { Host: 'localhost:8000' }, 'api');
 */
export function connectEvent(connection: LocalConnection, url: string, rawHeaders: Record<string, string | string[] | undefined>, stage: string): WebsocketLambdaEvent {
  // Prototype-free, so a header named `__proto__` is a header like any other; spread below into
  // plain objects, as JSON.parse gives them to a Lambda.
  const headers: Record<string, string> = Object.create(null);
  const multiValueHeaders: Record<string, string[]> = Object.create(null);
  splitHeaders(rawHeaders, headers, multiValueHeaders);
  if (header(headers, 'x-forwarded-for') === undefined) {
    headers['X-Forwarded-For'] = connection.sourceIp;
    multiValueHeaders['X-Forwarded-For'] = [connection.sourceIp];
  }
  const { query, multiQuery } = splitUrl(url);
  return {
    headers: { ...headers },
    multiValueHeaders: { ...multiValueHeaders },
    ...(query ? { queryStringParameters: query, multiValueQueryStringParameters: multiQuery } : {}),
    requestContext: requestContext(connection, 'CONNECT', stage, {}),
    isBase64Encoded: false,
  };
}

/**
 * The `$default` event for one message: text frames as they are, binary frames base64-encoded
 * with `isBase64Encoded`.
 *
 * @example
 * const event = messageEvent(connection, Buffer.from('hi'), false, 'api');
 */
export function messageEvent(connection: LocalConnection, data: Uint8Array, binary: boolean, stage: string): WebsocketLambdaEvent {
  const body = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString(binary ? 'base64' : 'utf8');
  return {
    requestContext: requestContext(connection, 'MESSAGE', stage, { messageId: websocketId() }),
    body,
    isBase64Encoded: binary,
  };
}

/**
 * The `$disconnect` event, with the close code and why the connection ended.
 *
 * @example
 * const event = disconnectEvent(connection, 1000, 'Client-side close frame status code', 'api');
 */
export function disconnectEvent(connection: LocalConnection, code: number, reason: string, stage: string): WebsocketLambdaEvent {
  return {
    headers: { Host: connection.domainName, 'x-api-key': '' },
    multiValueHeaders: { Host: [connection.domainName], 'x-api-key': [''] },
    requestContext: requestContext(connection, 'DISCONNECT', stage, { disconnectStatusCode: code, disconnectReason: reason }),
    isBase64Encoded: false,
  };
}
