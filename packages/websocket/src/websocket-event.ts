import { UnexpectedEventError, type LambdaContext } from '@chalice/events';
import { BadJsonError } from './errors.ts';

/**
 * Which of the three websocket routes an event is for.
 *
 * @example
 * const kind: WebsocketEventType = 'MESSAGE';
 */
export type WebsocketEventType = 'CONNECT' | 'MESSAGE' | 'DISCONNECT';

/**
 * The `requestContext` of an API Gateway websocket event (the fields Chalice reads, and the rest).
 *
 * @example
 * const ip = event.toDict().requestContext.identity?.sourceIp;
 */
export interface WebsocketRequestContext {
  connectionId: string;
  routeKey: string;
  eventType: WebsocketEventType;
  domainName: string;
  stage: string;
  apiId?: string;
  connectedAt?: number;
  identity?: { sourceIp: string; userAgent?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * The event API Gateway sends to a websocket Lambda integration.
 *
 * @example
 * export const handler = (event: WebsocketLambdaEvent) => console.log(event.requestContext.routeKey);
 */
export interface WebsocketLambdaEvent {
  requestContext: WebsocketRequestContext;
  body?: string | null;
  isBase64Encoded?: boolean;
  headers?: Record<string, string> | null;
  queryStringParameters?: Record<string, string> | null;
  [key: string]: unknown;
}

/**
 * A websocket connect, message or disconnect event, as a websocket handler receives it.
 *
 * @example
 * app.onWsMessage(async (event: WebsocketEvent<{ text: string }>) => {
 *   await app.websocketApi.send(event.connectionId, event.jsonBody.text);
 * });
 */
export class WebsocketEvent<TBody = unknown> {
  /** Identifies the connection: pass it to `WebsocketAPI.send`. */
  readonly connectionId: string;
  /** `$connect`, `$default` or `$disconnect`. */
  readonly routeKey: string;
  /** `CONNECT`, `MESSAGE` or `DISCONNECT`. */
  readonly eventType: WebsocketEventType;
  /** The websocket API's domain name; with `stage`, where replies are sent. */
  readonly domainName: string;
  /** The API Gateway stage, e.g. `api`. */
  readonly stage: string;
  /** The message (as text, base64-decoded when API Gateway encoded it); `null` on connect and disconnect. */
  readonly body: string | null;
  /** The query string of the `$connect` request, else `null`. */
  readonly queryParams: Record<string, string> | null;
  /** The request headers with lower-case keys (connect and disconnect), else `null`. */
  readonly headers: Record<string, string> | null;
  /** The Lambda context of the invocation. */
  readonly context: LambdaContext;
  readonly #event: WebsocketLambdaEvent;
  #json: { value: TBody } | undefined;

  constructor(event: unknown, context: LambdaContext) {
    const e = event as WebsocketLambdaEvent | null;
    const rc = e?.requestContext;
    if (typeof rc?.connectionId !== 'string') throw new UnexpectedEventError('an API Gateway websocket event (requestContext.connectionId)', event);
    this.#event = e!;
    this.connectionId = rc.connectionId;
    this.routeKey = rc.routeKey;
    this.eventType = rc.eventType;
    this.domainName = rc.domainName;
    this.stage = rc.stage;
    const body = e!.body ?? null;
    this.body = body !== null && e!.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
    this.queryParams = e!.queryStringParameters ?? null;
    this.headers = e!.headers ? Object.fromEntries(Object.entries(e!.headers).map(([k, v]) => [k.toLowerCase(), v])) : null;
    this.context = context;
  }

  /** The body parsed as JSON, on first use. Invalid JSON (or no body) throws {@link BadJsonError}. */
  get jsonBody(): TBody {
    if (!this.#json) {
      try {
        this.#json = { value: JSON.parse(this.body ?? '') as TBody };
      } catch (cause) {
        throw new BadJsonError({ cause });
      }
    }
    return this.#json.value;
  }

  /** The event exactly as API Gateway sent it. */
  toDict(): WebsocketLambdaEvent {
    return this.#event;
  }
}
