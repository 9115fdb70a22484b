/**
 * Thrown by `WebsocketAPI.send`, `close` and `info` when the client has gone away
 * (API Gateway answered 410 Gone).
 *
 * @example
 * try {
 *   await app.websocketApi.send(id, 'hi');
 * } catch (err) {
 *   if (err instanceof WebsocketDisconnectedError) forget(err.connectionId);
 *   else throw err;
 * }
 */
export class WebsocketDisconnectedError extends Error {
  override readonly name = 'WebsocketDisconnectedError';
  readonly code = 'WEBSOCKET_DISCONNECTED';

  constructor(
    /** The connection that is gone. */
    readonly connectionId: string,
    options?: ErrorOptions,
  ) {
    super(`Websocket connection ${connectionId} is disconnected`, options);
  }
}

/**
 * Thrown by `WebsocketEvent.jsonBody` when the message is not valid JSON.
 *
 * @example
 * try {
 *   event.jsonBody;
 * } catch (err) {
 *   if (err instanceof BadJsonError) await app.websocketApi.send(event.connectionId, 'send JSON please');
 * }
 */
export class BadJsonError extends Error {
  override readonly name = 'BadJsonError';
  readonly code = 'BAD_JSON';

  constructor(options?: ErrorOptions) {
    super('Error Parsing JSON', options);
  }
}
