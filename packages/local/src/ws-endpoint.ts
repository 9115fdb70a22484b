import type { Chalice, EndpointOptions } from '@chalice/router';
import type { WebsocketConnections } from './ws-connections.ts';
import { inProcessManagementSdk } from './ws-management-sdk.ts';

type Sdk = typeof import('@aws-sdk/client-apigatewaymanagementapi');
// Kept: the WebsocketAPI asks for the SDK on every call, and each import() goes through the
// module loader (and its hooks, under tsx) again, which showed as a tenth of a send's time.
let sdk: Promise<Sdk> | undefined;
const loadSdk = () => (sdk ??= import('@aws-sdk/client-apigatewaymanagementapi'));

/**
 * Points an app's `websocketApi` at a local Management API. By default its calls are answered
 * in process from `connections` (SDK-shaped results and errors, without the SDK's per-call
 * work); once the app sets `websocketApi.clientConfig`, they run the SDK's own code path with
 * those settings, against `url`. The SDK is this package's copy (the project need not install
 * it); the credentials are dummies, so no real ones are ever sent to a local server; the region
 * is the configured one, else `us-east-1` (a local endpoint does not care, but the SDK refuses
 * to sign without one).
 *
 * @example
 * pointAtLocalEndpoint(app, 'http://127.0.0.1:8000', connections);
 * await app.websocketApi.send(connectionId, 'hello'); // answered by the local server
 */
export function pointAtLocalEndpoint(app: Chalice, url: string, connections: WebsocketConnections, extra: Omit<EndpointOptions, 'loadSdk'> = {}): void {
  const api = app.websocketApi;
  const inProcess = Promise.resolve(inProcessManagementSdk(connections, loadSdk));
  api.setEndpoint(url, {
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    loadSdk: () => (isEmpty(api.clientConfig) ? inProcess : loadSdk()),
    ...extra,
  });
}

function isEmpty(config: object): boolean {
  for (const _ in config) return false;
  return true;
}
