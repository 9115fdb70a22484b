// The public API of @chalice/websocket.
export { BadJsonError, WebsocketDisconnectedError } from './errors.ts';
export type { ManagementApiClient, ManagementApiSdk } from './management-sdk.ts';
export { WebsocketAPI, type ClientConfig, type ConnectionInfo, type EndpointOptions } from './websocket-api.ts';
export {
  WebsocketEvent,
  type WebsocketEventType,
  type WebsocketLambdaEvent,
  type WebsocketRequestContext,
} from './websocket-event.ts';
export { websocketHandler, type WebsocketResult } from './websocket-handler.ts';
