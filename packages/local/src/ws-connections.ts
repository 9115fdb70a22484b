import { isUtf8 } from 'node:buffer';
import type { LocalRequest, LocalResponse } from './http-types.ts';
import type { LocalConnection } from './ws-events.ts';

// API Gateway's largest websocket message.
const MAX_MESSAGE_BYTES = 128 * 1024;
// `/@connections/{id}`, also under a stage (`/api/@connections/{id}`), as a deployed endpoint has it.
const MANAGEMENT_PATH = /^(?:\/[^/?@]+)?\/@connections\/([^/?]+)\/?(?:\?|$)/;

const EMPTY = new Uint8Array(0);
const error = (statusCode: number, type: string, message: string): LocalResponse => ({
  statusCode,
  headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': type },
  body: new TextEncoder().encode(JSON.stringify({ message })),
});

/**
 * The open websocket connections of a local server or test client, and the API Gateway
 * Management API over them (`POST`, `GET`, `DELETE` on `/@connections/{id}`), answered in the
 * shapes `@aws-sdk/client-apigatewaymanagementapi` parses: a connection that is unknown or
 * closed gets 410 `GoneException`, which `WebsocketAPI` turns into `WebsocketDisconnectedError`.
 * It outlives app reloads: connections stay open while the app is replaced.
 *
 * @example
 * const connections = new WebsocketConnections();
 * connections.add(connection);
 * const res = connections.manage({ method: 'POST', url: `/@connections/${connection.id}`, headers: {}, body: bytes });
 */
export class WebsocketConnections {
  readonly #open = new Map<string, LocalConnection>();

  /** Makes a connection reachable through the Management API (once its `$connect` succeeded). */
  add(connection: LocalConnection): void {
    this.#open.set(connection.id, connection);
  }

  /** Forgets a connection; `true` if it was open. Later management calls for it get 410. */
  remove(id: string): boolean {
    return this.#open.delete(id);
  }

  /** Whether a request is for the Management API, which {@link manage} answers. */
  static isManagementUrl(url: string): boolean {
    return url.includes('/@connections/') && MANAGEMENT_PATH.test(url);
  }

  /**
   * Answers a Management API request: `POST` sends the body to the connection (a text frame
   * when it is UTF-8, else binary), `GET` describes it, `DELETE` closes it.
   */
  manage(request: LocalRequest): LocalResponse {
    const match = MANAGEMENT_PATH.exec(request.url);
    if (!match) return error(404, 'NotFoundException', 'Not Found');
    let id: string;
    try {
      id = decodeURIComponent(match[1]!);
    } catch {
      // A malformed escape (`%E0`) would otherwise throw out of the server's request handler.
      return error(400, 'BadRequestException', 'Invalid connectionId');
    }
    const connection = this.#open.get(id);
    const gone = () => error(410, 'GoneException', `Connection ${id} is gone`);
    switch (request.method) {
      case 'POST': {
        if (request.body.length > MAX_MESSAGE_BYTES) return error(413, 'PayloadTooLargeException', 'Message too long');
        if (!connection || !connection.send(request.body, !isUtf8(request.body))) return gone();
        return { statusCode: 200, headers: {}, body: EMPTY };
      }
      case 'GET': {
        if (!connection) return gone();
        const info = {
          connectedAt: new Date(connection.connectedAt).toISOString(),
          identity: { sourceIp: connection.sourceIp, userAgent: connection.userAgent },
          lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
        };
        return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify(info)) };
      }
      case 'DELETE': {
        if (!connection) return gone();
        // Gone at once, before the close handshake ends: a send right after must get 410.
        this.#open.delete(id);
        connection.close(1000, 'Connection closed by the Management API');
        return { statusCode: 204, headers: {}, body: EMPTY };
      }
      default:
        return error(403, 'ForbiddenException', 'Forbidden');
    }
  }
}
