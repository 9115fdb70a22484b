import { isUtf8 } from 'node:buffer';
import type { LocalRequest, LocalResponse } from './http-types.ts';
import type { LocalConnection } from './ws-events.ts';

// API Gateway's largest websocket message.
const MAX_MESSAGE_BYTES = 128 * 1024;
// `/@connections/{id}`, also under a stage (`/api/@connections/{id}`), as a deployed endpoint has it.
const MANAGEMENT_PATH = /^(?:\/[^/?@]+)?\/@connections\/([^/?]+)\/?(?:\?|$)/;

/**
 * A Management API call API Gateway refuses: its HTTP status, `x-amzn-ErrorType` and message.
 *
 * @example
 * const failure: ManagementFailure = { statusCode: 410, type: 'GoneException', message: 'Connection abc= is gone' };
 */
export interface ManagementFailure {
  statusCode: number;
  type: string;
  message: string;
}

const EMPTY = new Uint8Array(0);
const failure = (statusCode: number, type: string, message: string): ManagementFailure => ({ statusCode, type, message });
const gone = (id: string) => failure(410, 'GoneException', `Connection ${id} is gone`);
const TOO_LARGE = failure(413, 'PayloadTooLargeException', 'Message too long');
const json = (statusCode: number, headers: Record<string, string>, value: unknown): LocalResponse => ({
  statusCode,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: new TextEncoder().encode(JSON.stringify(value)),
});
const errorResponse = ({ statusCode, type, message }: ManagementFailure) => json(statusCode, { 'x-amzn-ErrorType': type }, { message });

// The UTF-8 size of a message, counted only when it could be over the limit (3 bytes a char at most).
function tooLarge(data: Uint8Array | string): boolean {
  if (typeof data !== 'string') return data.length > MAX_MESSAGE_BYTES;
  return data.length * 3 > MAX_MESSAGE_BYTES && Buffer.byteLength(data) > MAX_MESSAGE_BYTES;
}

/**
 * The open websocket connections of a local server or test client, and the API Gateway
 * Management API over them: `post`, `describe` and `disconnect` for callers in the same process,
 * and `manage` for the same over HTTP (`POST`, `GET`, `DELETE` on `/@connections/{id}`), answered
 * in the shapes `@aws-sdk/client-apigatewaymanagementapi` parses. A connection that is unknown or
 * closed gets 410 `GoneException`, which `WebsocketAPI` turns into `WebsocketDisconnectedError`.
 * It outlives app reloads: connections stay open while the app is replaced.
 *
 * @example
 * const connections = new WebsocketConnections();
 * connections.add(connection);
 * connections.post(connection.id, 'hello'); // null: sent
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
   * Sends a message to a connection: a string as a text frame, bytes as a text frame when they
   * are UTF-8, else as a binary one. `null` once sent, else why not (413, 410).
   */
  post(id: string, data: Uint8Array | string): ManagementFailure | null {
    if (tooLarge(data)) return TOO_LARGE;
    const connection = this.#open.get(id);
    if (!connection || !connection.send(data, typeof data !== 'string' && !isUtf8(data))) return gone(id);
    return null;
  }

  /** The open connection with this id, for `GetConnection`, else 410. */
  describe(id: string): LocalConnection | ManagementFailure {
    return this.#open.get(id) ?? gone(id);
  }

  /** Closes a connection from the server's side; `null` when it was open, else 410. */
  disconnect(id: string): ManagementFailure | null {
    const connection = this.#open.get(id);
    if (!connection) return gone(id);
    // Gone at once, before the close handshake ends: a send right after must get 410.
    this.#open.delete(id);
    connection.close(1000, 'Connection closed by the Management API');
    return null;
  }

  /**
   * Answers a Management API request: `POST` sends the body to the connection, `GET` describes
   * it, `DELETE` closes it. Never throws: a bad request is an API Gateway error answer.
   */
  manage(request: LocalRequest): LocalResponse {
    const match = MANAGEMENT_PATH.exec(request.url);
    if (!match) return errorResponse(failure(404, 'NotFoundException', 'Not Found'));
    let id: string;
    try {
      id = decodeURIComponent(match[1]!);
    } catch {
      // A malformed escape (`%E0`) would otherwise throw out of the server's request handler.
      return errorResponse(failure(400, 'BadRequestException', 'Invalid connectionId'));
    }
    switch (request.method) {
      case 'POST': {
        const failed = this.post(id, request.body);
        return failed ? errorResponse(failed) : { statusCode: 200, headers: {}, body: EMPTY };
      }
      case 'GET': {
        const found = this.describe(id);
        if ('statusCode' in found) return errorResponse(found);
        return json(
          200,
          {},
          {
            connectedAt: new Date(found.connectedAt).toISOString(),
            identity: { sourceIp: found.sourceIp, userAgent: found.userAgent },
            lastActiveAt: new Date(found.lastActiveAt).toISOString(),
          },
        );
      }
      case 'DELETE': {
        const failed = this.disconnect(id);
        return failed ? errorResponse(failed) : { statusCode: 204, headers: {}, body: EMPTY };
      }
      default:
        return errorResponse(failure(403, 'ForbiddenException', 'Forbidden'));
    }
  }
}
