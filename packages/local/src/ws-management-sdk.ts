import type { WebsocketConnections, ManagementFailure } from './ws-connections.ts';

type Sdk = typeof import('@aws-sdk/client-apigatewaymanagementapi');
type Input = { ConnectionId?: unknown; Data?: unknown };
type ErrorClass = new (options: { name: string; $fault: 'client'; message: string; $metadata: { httpStatusCode: number } }) => Error;

class ManagementCommand {
  constructor(readonly input: Input) {}
}
class PostToConnectionCommand extends ManagementCommand {}
class GetConnectionCommand extends ManagementCommand {}
class DeleteConnectionCommand extends ManagementCommand {}

const METADATA = { httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 };

// What the SDK sends for each kind of `Data`; anything else it cannot serialise either.
function messageOf(data: unknown): string | Uint8Array {
  if (typeof data === 'string' || data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError('PostToConnection: Data must be a string or bytes');
}

/**
 * A stand-in for `@aws-sdk/client-apigatewaymanagementapi` whose client answers `PostToConnection`,
 * `GetConnection` and `DeleteConnection` straight from a connection table, in process: no
 * serialising, signing or socket, which cost some 0.5 ms a message through the SDK. Results and
 * errors have the SDK's shapes and classes (`GoneException`, `PayloadTooLargeException`...), so
 * `WebsocketAPI` and the app's `catch` blocks see what the SDK would give them; the SDK itself is
 * loaded (`loadSdk`) for its error classes on the first failure only.
 *
 * @example
 * const local = inProcessManagementSdk(connections, () => import('@aws-sdk/client-apigatewaymanagementapi'));
 * app.websocketApi.setEndpoint('http://127.0.0.1:8000', { loadSdk: async () => local });
 */
export function inProcessManagementSdk(connections: WebsocketConnections, loadSdk: () => Promise<Sdk>): Sdk {
  const fail = async ({ statusCode, type, message }: ManagementFailure): Promise<never> => {
    const sdk = await loadSdk();
    const ErrorType = ((sdk as unknown as Record<string, ErrorClass | undefined>)[type] ?? sdk.ApiGatewayManagementApiServiceException) as ErrorClass;
    throw new ErrorType({ name: type, $fault: 'client', message, $metadata: { httpStatusCode: statusCode } });
  };
  class ApiGatewayManagementApiClient {
    // The configuration (endpoint, region, credentials) only matters on the wire.
    constructor(readonly config: object) {}

    async send(command: ManagementCommand): Promise<object> {
      const id = String(command.input.ConnectionId ?? '');
      if (command instanceof PostToConnectionCommand) {
        const failed = connections.post(id, messageOf(command.input.Data));
        return failed ? fail(failed) : { $metadata: METADATA };
      }
      if (command instanceof GetConnectionCommand) {
        const found = connections.describe(id);
        if ('statusCode' in found) return fail(found);
        return {
          $metadata: METADATA,
          ConnectedAt: new Date(found.connectedAt),
          Identity: { SourceIp: found.sourceIp, UserAgent: found.userAgent },
          LastActiveAt: new Date(found.lastActiveAt),
        };
      }
      if (command instanceof DeleteConnectionCommand) {
        const failed = connections.disconnect(id);
        return failed ? fail(failed) : { $metadata: { ...METADATA, httpStatusCode: 204 } };
      }
      throw new TypeError('This local Management API client only runs PostToConnection, GetConnection and DeleteConnection');
    }
  }
  // Only what WebsocketAPI uses of the SDK.
  const module = { ApiGatewayManagementApiClient, PostToConnectionCommand, GetConnectionCommand, DeleteConnectionCommand };
  return module as unknown as Sdk;
}
