import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { LocalGateway } from './gateway.ts';
import { websocketId } from './ids.ts';
import { rawHeaders, sourceIp } from './node-request.ts';
import type { WebsocketConnections } from './ws-connections.ts';
import type { LocalConnection } from './ws-events.ts';
import { INTERNAL } from './ws-gateway.ts';

/** What {@link serveWebsockets} needs. */
export interface WebsocketServerOptions {
  /** The gateway of the app loaded now, or the reload in progress: each event goes to the newest app. */
  gateway: () => LocalGateway | Error | Promise<LocalGateway | Error>;
  connections: WebsocketConnections;
}

const CLIENT_CLOSE = 'Client-side close frame status code';
// Backpressure: a client's socket is not read while this many of its messages are being handled,
// or while this many bytes sent to it wait to be written (it does not read its replies), so a
// client that floods cannot make the server hold an unbounded backlog. Reading resumes at half.
const MAX_IN_FLIGHT = 64;
const MAX_UNSENT_BYTES = 1024 * 1024;

/** A connection carried by a `ws` socket; the socket comes once `$connect` has accepted it. */
class SocketConnection implements LocalConnection {
  readonly id = websocketId();
  readonly connectedAt = Date.now();
  lastActiveAt = this.connectedAt;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly domainName: string;
  socket: WebSocket | null = null;
  /** Why the server closed it, when it did. */
  closedBecause: string | null = null;
  /** Messages of this client whose `$default` handler has not finished. */
  #inFlight = 0;
  #paused = false;
  // One function for every send, so the callback costs no allocation.
  readonly #written = () => this.#throttle();

  constructor(req: IncomingMessage) {
    this.sourceIp = sourceIp(req) ?? '127.0.0.1';
    this.userAgent = req.headers['user-agent'] ?? '';
    this.domainName = req.headers.host ?? 'localhost';
  }

  send(data: Uint8Array | string, binary: boolean): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(data, { binary }, this.#written);
    if (this.socket.bufferedAmount > MAX_UNSENT_BYTES) this.#throttle();
    return true;
  }

  /** Counts a message in while its handler runs, and out once it is done. */
  handling(change: 1 | -1): void {
    this.#inFlight += change;
    this.#throttle();
  }

  // Pauses reading the socket while the app is behind with this client, resumes once it caught up.
  #throttle(): void {
    const socket = this.socket;
    if (!socket) return;
    if (!this.#paused) {
      if (this.#inFlight < MAX_IN_FLIGHT && socket.bufferedAmount <= MAX_UNSENT_BYTES) return;
      this.#paused = true;
      socket.pause();
    } else if (this.#inFlight <= MAX_IN_FLIGHT / 2 && socket.bufferedAmount <= MAX_UNSENT_BYTES / 2) {
      this.#paused = false;
      socket.resume();
    }
  }

  close(code: number, reason: string): void {
    this.closedBecause = reason;
    this.socket?.close(code, reason);
  }
}

/**
 * Serves an app's websocket API on an HTTP server's upgrade requests (`ws://host:port/` or
 * `ws://host:port/{stage}/`): `$connect` runs before the handshake completes, so a refusal is an
 * HTTP answer as API Gateway gives it; then each text or binary message runs `$default`, and a
 * close runs `$disconnect`. Connections are kept in `connections`, so the Management API reaches
 * them and a reloaded app takes them over. `close()` drops every connection.
 *
 * @example
 * const connections = new WebsocketConnections();
 * const websockets = serveWebsockets(server, { gateway: () => gateway, connections });
 * // ... later
 * websockets.close();
 */
export function serveWebsockets(server: Server, { gateway, connections }: WebsocketServerOptions): { close(): void } {
  // API Gateway's message limit: larger frames close the connection with 1009, as there.
  const wss = new WebSocketServer({ noServer: true, clientTracking: false, maxPayload: 128 * 1024 });
  const sockets = new Set<WebSocket>();
  let closing = false;
  // Each event is handed to the app loaded when it happens; while a reload breaks the app, the
  // client gets API Gateway's internal error instead.
  const withGateway = (connection: LocalConnection, run: (g: LocalGateway) => Promise<void>): Promise<void> => {
    const current = gateway();
    const go = (g: LocalGateway | Error) => (g instanceof Error ? void connection.send(INTERNAL, false) : run(g));
    return current instanceof Promise ? current.then(go) : Promise.resolve(go(current));
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (req.headers.upgrade?.toLowerCase() !== 'websocket' || !req.headers['sec-websocket-key']) return refuse(socket, 400, '');
    void Promise.resolve(gateway())
      .then(async (g) => {
        if (g instanceof Error) return refuse(socket, 500, INTERNAL);
        const connection = new SocketConnection(req);
        const outcome = await g.websocket.connect(connection, req.url ?? '/', rawHeaders(req.rawHeaders));
        if (!outcome.accepted) return refuse(socket, outcome.statusCode, outcome.body);
        // The client gave up while $connect ran: API Gateway still tells the app it left.
        if (socket.destroyed || closing) return void g.websocket.disconnect(connection, 1006, 'Connection closed before it was established');
        wss.handleUpgrade(req, socket, head, (client) => accept(connection, client));
      })
      .catch(() => refuse(socket, 500, INTERNAL));
  });

  function accept(connection: SocketConnection, client: WebSocket): void {
    connection.socket = client;
    sockets.add(client);
    connections.add(connection);
    client.on('error', () => {});
    const handled = () => connection.handling(-1);
    client.on('message', (data: Buffer, binary: boolean) => {
      connection.handling(1);
      void withGateway(connection, (g) => g.websocket.message(connection, data, binary)).then(handled, handled);
    });
    client.on('close', (code: number) => {
      sockets.delete(client);
      connections.remove(connection.id);
      if (!closing) void withGateway(connection, (g) => g.websocket.disconnect(connection, code, connection.closedBecause ?? CLIENT_CLOSE));
    });
  }

  return {
    close() {
      closing = true;
      for (const socket of sockets) socket.terminate();
      wss.close();
    },
  };
}

function refuse(socket: Duplex, statusCode: number, body: string): void {
  if (socket.destroyed) return;
  const type = body ? 'Content-Type: application/json\r\n' : '';
  socket.end(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode] ?? ''}\r\nConnection: close\r\n${type}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
