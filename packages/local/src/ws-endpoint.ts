import type { Chalice, EndpointOptions } from '@chalice/router';

type Sdk = typeof import('@aws-sdk/client-apigatewaymanagementapi');
// Kept: the WebsocketAPI asks for the SDK on every call, and each import() goes through the
// module loader (and its hooks, under tsx) again, which showed as a tenth of a send's time.
let sdk: Promise<Sdk> | undefined;
const loadSdk = () => (sdk ??= import('@aws-sdk/client-apigatewaymanagementapi'));

/**
 * Points an app's `websocketApi` at a local Management API, so `app.websocketApi.send()` runs
 * the SDK's own code path against it. The SDK is this package's copy (the project need not
 * install it); the credentials are dummies, so no real ones are ever sent to a local server; the
 * region is the configured one, else `us-east-1` (a local endpoint does not care, but the SDK
 * refuses to sign without one).
 *
 * @example
 * pointAtLocalEndpoint(app, 'http://127.0.0.1:8000');
 * await app.websocketApi.send(connectionId, 'hello'); // answered by the local server
 */
export function pointAtLocalEndpoint(app: Chalice, url: string, extra: Omit<EndpointOptions, 'loadSdk'> = {}): void {
  app.websocketApi.setEndpoint(url, {
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    loadSdk,
    ...extra,
  });
}
