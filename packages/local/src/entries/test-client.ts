// `@chalice/local/test-client`: what an app's tests import, without the local server.
export { TestClient, type TestClientOptions, type TestRequest, type TestResponse } from '../test-client.ts';
export { ConnectionRefusedError, TestWebsocket, type TestConnectOptions } from '../test-websocket.ts';
