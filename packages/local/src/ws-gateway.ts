import { lambdaHandler, type Chalice, type LambdaHandler, type WebsocketLambdaEvent } from '@chalice/router';
import { localLambdaContext, type LocalFunction } from './lambda-context.ts';
import { splitUrl } from './rest-event.ts';
import { connectEvent, disconnectEvent, messageEvent, type LocalConnection } from './ws-events.ts';

/** Whether a connection request may go ahead, or the HTTP answer that refuses it. */
export type ConnectOutcome = { accepted: true } | { accepted: false; statusCode: number; body: string };

/** What {@link LocalWebsocketGateway} needs besides the app. */
export interface WebsocketGatewayOptions {
  /** The API Gateway stage: connection requests go to `/` or `/{stage}`. */
  apiGatewayStage: string;
  /** The Lambda function behind a name (deployed name, memory, timeout), for each invocation's context. */
  lambdaFunction: (name: string) => LocalFunction;
  /** Where handler errors go (API Gateway would put them in CloudWatch Logs). */
  warn: (message: string) => void;
}

const FORBIDDEN = '{"message": "Forbidden"}';
/** API Gateway's body for a failed integration, on HTTP answers and websocket messages alike. */
export const INTERNAL = '{"message": "Internal server error"}';

/**
 * API Gateway's websocket API in front of an app's websocket handlers, without AWS or sockets:
 * the transport (`chalice local`'s server, the test client) hands it connection requests,
 * messages and closes; it builds the events, runs `websocket_connect`, `websocket_message` and
 * `websocket_disconnect` with a Lambda context each, and says what API Gateway would answer.
 * It keeps no connections itself, so a reloaded app takes over the open ones.
 *
 * @example
 * const ws = new LocalWebsocketGateway(app, { apiGatewayStage: 'api', lambdaFunction, warn: console.warn });
 * const outcome = await ws.connect(connection, '/?room=lobby', { Host: 'localhost:8000' });
 * if (outcome.accepted) await ws.message(connection, new TextEncoder().encode('hi'), false);
 */
export class LocalWebsocketGateway {
  readonly #app: Chalice;
  readonly #options: WebsocketGatewayOptions;
  readonly #handlers = new Map<string, LambdaHandler | null>();

  constructor(app: Chalice, options: WebsocketGatewayOptions) {
    this.#app = app;
    this.#options = options;
  }

  #enabled: boolean | undefined;

  /** Whether the app has a websocket API at all (any of the three handlers); worked out once, like the handlers. */
  get enabled(): boolean {
    return (this.#enabled ??= [...this.#app.functions.values()].some(({ settings }) => settings.kind === 'websocketHandler'));
  }

  /** Whether a request path reaches the websocket API: `/`, or the stage as in API Gateway's `wss://` URL. */
  isStagePath(path: string): boolean {
    return path === '/' || path === '' || path === `/${this.#options.apiGatewayStage}` || path === `/${this.#options.apiGatewayStage}/`;
  }

  /**
   * Decides a connection request: refused with 403 off the stage path or without websocket
   * handlers, refused with the `$connect` handler's status code when it answers one outside
   * 2xx, and with 502 when it throws, as API Gateway refuses a failed integration.
   */
  async connect(connection: LocalConnection, url: string, headers: Record<string, string | string[] | undefined>): Promise<ConnectOutcome> {
    if (!this.enabled || !this.isStagePath(splitUrl(url).path)) return { accepted: false, statusCode: 403, body: FORBIDDEN };
    const handler = this.#handler('websocket_connect');
    if (!handler) return { accepted: true };
    try {
      const result = (await this.#invoke(handler, 'websocket_connect', connectEvent(connection, url, headers, this.#options.apiGatewayStage))) as { statusCode?: unknown } | null;
      const status = typeof result?.statusCode === 'number' ? result.statusCode : 200;
      return status >= 200 && status < 300 ? { accepted: true } : { accepted: false, statusCode: status, body: '' };
    } catch (error) {
      this.#failed('websocket_connect', error);
      return { accepted: false, statusCode: 502, body: INTERNAL };
    }
  }

  /**
   * Runs the `$default` handler for one message. Without one, or when it throws, the client gets
   * API Gateway's error message on its socket instead.
   */
  async message(connection: LocalConnection, data: Uint8Array, binary: boolean): Promise<void> {
    connection.lastActiveAt = Date.now();
    const event = messageEvent(connection, data, binary, this.#options.apiGatewayStage);
    const handler = this.#handler('websocket_message');
    const reply = (message: string) => connection.send(JSON.stringify({ message, connectionId: connection.id, requestId: event.requestContext.requestId }), false);
    if (!handler) {
      reply('Forbidden');
      return;
    }
    try {
      await this.#invoke(handler, 'websocket_message', event);
    } catch (error) {
      this.#failed('websocket_message', error);
      reply('Internal server error');
    }
  }

  /** Runs the `$disconnect` handler, if any, once the connection is closed. */
  async disconnect(connection: LocalConnection, code: number, reason: string): Promise<void> {
    const handler = this.#handler('websocket_disconnect');
    if (!handler) return;
    try {
      await this.#invoke(handler, 'websocket_disconnect', disconnectEvent(connection, code, reason, this.#options.apiGatewayStage));
    } catch (error) {
      this.#failed('websocket_disconnect', error);
    }
  }

  #handler(name: string): LambdaHandler | null {
    let handler = this.#handlers.get(name);
    if (handler === undefined) {
      handler = this.#app.functions.has(name) ? lambdaHandler(this.#app, name) : null;
      this.#handlers.set(name, handler);
    }
    return handler;
  }

  #invoke(handler: LambdaHandler, name: string, event: WebsocketLambdaEvent): Promise<unknown> {
    return Promise.resolve(handler(event, localLambdaContext(this.#options.lambdaFunction(name))));
  }

  #failed(name: string, error: unknown): void {
    this.#options.warn(`${name} failed: ${(error as Error)?.stack ?? String(error)}`);
  }
}
