export { LocalGateway, type GatewayOptions } from './gateway.ts';
export type { LocalRequest, LocalResponse } from './http-types.ts';
export { guardProcess } from './process-guard.ts';
export { LocalServerError, startLocalServer, type LocalServer, type LocalServerOptions } from './server.ts';
export { TestClient, type TestClientOptions, type TestRequest, type TestResponse } from './test-client.ts';
export { ConnectionRefusedError, TestWebsocket, type TestConnectOptions } from './test-websocket.ts';
