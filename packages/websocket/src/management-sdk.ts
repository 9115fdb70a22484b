/**
 * The part of `@aws-sdk/client-apigatewaymanagementapi` that `WebsocketAPI` uses, written out
 * here so this package's types never name that optional peer: a project that does not install it
 * still compiles with `skipLibCheck: false`. The SDK's module satisfies it as it is.
 *
 * @example
 * const loadSdk = (): Promise<ManagementApiSdk> => import('@aws-sdk/client-apigatewaymanagementapi');
 */
export interface ManagementApiSdk {
  ApiGatewayManagementApiClient: new (config: { endpoint: string; region?: string | undefined }) => ManagementApiClient;
  PostToConnectionCommand: new (input: { ConnectionId: string; Data: string | Uint8Array }) => object;
  DeleteConnectionCommand: new (input: { ConnectionId: string }) => object;
  GetConnectionCommand: new (input: { ConnectionId: string }) => object;
}

/** A management API client: it sends one command and answers its output. */
export interface ManagementApiClient {
  send(command: object): Promise<unknown>;
}

/** What the GetConnection command answers. */
export interface ConnectionOutput {
  ConnectedAt?: Date | undefined;
  LastActiveAt?: Date | undefined;
  Identity?: { SourceIp?: string | undefined; UserAgent?: string | undefined } | undefined;
}
