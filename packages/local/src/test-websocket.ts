import { randomBytes } from 'node:crypto';
import { websocketId } from './ids.ts';
import type { WebsocketConnections } from './ws-connections.ts';
import type { LocalConnection } from './ws-events.ts';
import type { LocalWebsocketGateway } from './ws-gateway.ts';

/** What `client.ws.connect` sends with the connection request. */
export interface TestConnectOptions {
  headers?: Record<string, string>;
  /** The query string, as `event.queryParams` will have it on `$connect`. */
  query?: Record<string, string>;
}

/**
 * The connection request was refused, with API Gateway's status code: the `$connect` handler
 * answered it (or threw: 502), or the app has no websocket API (403).
 *
 * @example
 * try { await client.ws.connect('/'); } catch (err) { if (err instanceof ConnectionRefusedError) console.log(err.statusCode); }
 */
export class ConnectionRefusedError extends Error {
  override readonly name = 'ConnectionRefusedError';
  readonly code = 'CONNECTION_REFUSED';

  constructor(
    readonly statusCode: number,
    readonly body: string,
  ) {
    super(`Connection refused: ${statusCode}${body ? ` ${body}` : ''}`);
  }
}

type Message = string | Uint8Array;
interface Waiter {
  resolve: (message: Message) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** The in-memory end the gateway talks to: what the app sends lands in the test's queue. */
class TestConnection implements LocalConnection {
  readonly id = websocketId();
  readonly connectedAt = Date.now();
  lastActiveAt = this.connectedAt;
  readonly sourceIp = '127.0.0.1';
  readonly queue: Message[] = [];
  readonly waiters: Waiter[] = [];
  closed: number | null = null;
  /** Settles when `$disconnect` has run. */
  disconnected: Promise<void> | null = null;

  constructor(
    readonly userAgent: string,
    readonly domainName: string,
    readonly onServerClose: (code: number, reason: string) => void,
  ) {}

  send(data: Uint8Array | string, binary: boolean): boolean {
    if (this.closed !== null) return false;
    const message = binary ? Uint8Array.from(data as Uint8Array) : typeof data === 'string' ? data : new TextDecoder().decode(data);
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve(message);
    } else this.queue.push(message);
    return true;
  }

  close(code: number, reason: string): void {
    this.onServerClose(code, reason);
  }

  /** Marks it closed and fails whoever waits for a message. */
  end(code: number): void {
    this.closed = code;
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`The connection closed (code ${code}) before a message came`));
    }
  }
}

/**
 * A websocket connection of the test client: it goes through the same local gateway as
 * `chalice local`, in memory. `send` resolves once the `$default` handler has run; `next()` is
 * the next message the app sent (through `app.websocketApi.send`, or API Gateway's error
 * messages); `closed` is the close code once closed, by `close()` or by the app
 * (`app.websocketApi.close`).
 *
 * @example
 * const conn = await client.ws.connect('/', { query: { room: 'lobby' } });
 * await conn.send('hello');
 * assert.is(await conn.next(), 'hello');
 * await conn.close();
 */
export class TestWebsocket {
  readonly #connection: TestConnection;
  readonly #gateway: LocalWebsocketGateway;
  readonly #connections: WebsocketConnections;

  constructor(connection: TestConnection, gateway: LocalWebsocketGateway, connections: WebsocketConnections) {
    this.#connection = connection;
    this.#gateway = gateway;
    this.#connections = connections;
  }

  /** The connection's id, as the app's handlers see it in `event.connectionId`. */
  get connectionId(): string {
    return this.#connection.id;
  }

  /** The close code once the connection is closed, else `null`. */
  get closed(): number | null {
    return this.#connection.closed;
  }

  /** Sends a message (a string as a text frame, bytes as a binary one) and waits for `$default` to handle it. */
  async send(data: string | Uint8Array): Promise<void> {
    if (this.closed !== null) throw new Error(`The connection is closed (code ${this.closed})`);
    const binary = typeof data !== 'string';
    await this.#gateway.message(this.#connection, binary ? data : new TextEncoder().encode(data), binary);
  }

  /** The next message from the app: text as a string, binary as bytes. Rejects after `timeoutMs` (default 1000) or on close. */
  next({ timeoutMs = 1000 }: { timeoutMs?: number } = {}): Promise<Message> {
    const connection = this.#connection;
    const queued = connection.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (connection.closed !== null) return Promise.reject(new Error(`The connection is closed (code ${connection.closed})`));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          connection.waiters.splice(connection.waiters.indexOf(waiter), 1);
          reject(new Error(`No message within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      connection.waiters.push(waiter);
    });
  }

  /** Closes the connection from the client's side and waits for `$disconnect` to run. */
  close(code = 1000): Promise<void> {
    return closeConnection(this.#connection, code, 'Client-side close frame status code', this.#gateway, this.#connections);
  }
}

function closeConnection(connection: TestConnection, code: number, reason: string, gateway: LocalWebsocketGateway, connections: WebsocketConnections): Promise<void> {
  if (connection.disconnected) return connection.disconnected;
  connection.end(code);
  connections.remove(connection.id);
  return (connection.disconnected = gateway.disconnect(connection, code, reason));
}

/**
 * Opens a test connection: runs `$connect` with the headers and query a real client would send,
 * and throws {@link ConnectionRefusedError} if it is refused.
 *
 * @example
 * const conn = await connectTestWebsocket(gateway.websocket, connections, '/', { headers: { 'User-Agent': 'me' } });
 */
export async function connectTestWebsocket(
  gateway: LocalWebsocketGateway,
  connections: WebsocketConnections,
  path = '/',
  { headers = {}, query }: TestConnectOptions = {},
): Promise<TestWebsocket> {
  const url = query && Object.keys(query).length ? `${path}?${new URLSearchParams(query)}` : path;
  const find = (name: string) => Object.keys(headers).find((key) => key.toLowerCase() === name);
  const all: Record<string, string> = {
    ...(find('host') ? {} : { Host: 'localhost' }),
    ...(find('sec-websocket-key') ? {} : { 'Sec-WebSocket-Key': randomBytes(16).toString('base64') }),
    ...(find('sec-websocket-version') ? {} : { 'Sec-WebSocket-Version': '13' }),
    ...headers,
  };
  const userAgent = all[find('user-agent') ?? 'User-Agent'] ?? '';
  const connection: TestConnection = new TestConnection(userAgent, all[find('host') ?? 'Host']!, (code, reason) => {
    void closeConnection(connection, code, reason, gateway, connections);
  });
  const outcome = await gateway.connect(connection, url, all);
  if (!outcome.accepted) throw new ConnectionRefusedError(outcome.statusCode, outcome.body);
  connections.add(connection);
  return new TestWebsocket(connection, gateway, connections);
}
