import type { LambdaContext } from '@chalice/events';
import type { WebsocketAPI } from './websocket-api.ts';
import { WebsocketEvent } from './websocket-event.ts';

/**
 * What a websocket Lambda answers API Gateway with.
 *
 * @example
 * const reject: WebsocketResult = { statusCode: 403 };
 */
export interface WebsocketResult {
  statusCode: number;
  [key: string]: unknown;
}

/**
 * Wraps a websocket handler as a Lambda entry: builds the {@link WebsocketEvent}, configures
 * `api` for the event's domain and stage (so `send` works), calls `fn`, and answers
 * `{ statusCode: 200 }`, or what `fn` returned if that has a numeric `statusCode` (a `$connect`
 * handler may refuse with 401 or 403). Errors thrown by `fn` propagate: API Gateway then refuses
 * the connection. Always a promise: the Node.js Lambda runtime ignores a plain return value.
 *
 * @example
 * const api = new WebsocketAPI();
 * export const handler = websocketHandler(async (event) => {
 *   await api.send(event.connectionId, event.body ?? '');
 * }, api);
 */
export function websocketHandler<TBody = unknown>(
  fn: (event: WebsocketEvent<TBody>) => unknown,
  api: WebsocketAPI,
): (event: unknown, context: LambdaContext) => Promise<WebsocketResult> {
  return async (event, context) => {
    const ws = new WebsocketEvent<TBody>(event, context);
    api.configure(ws.domainName, ws.stage);
    const result = await fn(ws);
    return typeof (result as WebsocketResult | null)?.statusCode === 'number' ? (result as WebsocketResult) : { statusCode: 200 };
  };
}
