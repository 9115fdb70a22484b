import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Chalice } from '@chalice/router';
import { AppReloader } from './app-reloader.ts';
import { LocalGateway, TextResponse } from './gateway.ts';
import type { LocalResponse } from './http-types.ts';
import { rawHeaders, sourceIp } from './node-request.ts';
import { WebsocketConnections } from './ws-connections.ts';
import { INTERNAL } from './ws-gateway.ts';
import { serveWebsockets } from './ws-server.ts';

/** Options of {@link startLocalServer}. */
export interface LocalServerOptions {
  /** The project: its `app.ts` is loaded and `.chalice/config.json` applied. */
  projectDir: string;
  /** Chalice stage whose configuration applies (default `dev`). */
  stage?: string;
  host?: string;
  port?: number;
  /** Reload the app after edits to the app module, `chalicelib/` or `.chalice/config.json` (default on). */
  autoreload?: boolean;
  /** Where notices and reload errors go (default stderr). */
  log?: (message: string) => void;
  /** Runs on every loaded app before it serves; throwing refuses it (the CLI's feature-flag check). */
  check?: (app: Chalice) => void;
}

/** A running local server. */
export interface LocalServer {
  /** e.g. `http://127.0.0.1:8000` */
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** A problem starting the server that the user can fix: the port is taken, say. */
export class LocalServerError extends Error {
  readonly code = 'LOCAL_SERVER';
}

/**
 * Serves a project's app over HTTP the way API Gateway would (see {@link LocalGateway}). Stage
 * configuration applies (timeouts, memory, and the API handler's environment variables, set
 * before the app module loads). With autoreload, an edit to the app's sources (`app.ts`,
 * `chalicelib/`, `.chalice/config.json`) is loaded once it settles and serves the next request;
 * an edit that breaks the app is reported once and the last app that loaded keeps serving until
 * it is fixed.
 *
 * The same host and port serve the app's websocket API (`ws://host:port/`, or with the API
 * Gateway stage as in the deployed `wss://` URL: `ws://host:port/api/`) and the API Gateway
 * Management API (`/@connections/{id}`), at which the app's `websocketApi` is pointed. Open
 * websocket connections survive a reload: their next events go to the reloaded app.
 *
 * @example
 * const server = await startLocalServer({ projectDir: '.', port: 8000 });
 * console.log(`Serving on ${server.url}`);
 */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const { projectDir, stage = 'dev', host = '127.0.0.1', port = 8000, autoreload = true } = options;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const app = await AppReloader.start({ projectDir, stage, autoreload, log, check: options.check });
  const connections = new WebsocketConnections();

  const server = createServer((req, res) => {
    // The Management API does not depend on the app: it answers even while a reload is broken.
    if (WebsocketConnections.isManagementUrl(req.url ?? '')) {
      void Promise.resolve(readBody(req)).then((body) => send(res, connections.manage({ method: req.method ?? 'GET', url: req.url!, headers: {}, body })));
      return;
    }
    // No awaits on the common path (a loaded app, no body): each one costs a turn of the loop.
    const body = readBody(req);
    const gateway = app.gateway();
    if (body instanceof Uint8Array && gateway instanceof LocalGateway) serve(gateway, req, res, body);
    else void Promise.all([body, gateway]).then(([bytes, loaded]) => serve(loaded, req, res, bytes));
  });
  server.keepAliveTimeout = 65_000;
  const websockets = serveWebsockets(server, { gateway: () => app.gateway(), connections });

  function serve(gateway: LocalGateway, req: IncomingMessage, res: ServerResponse, body: Uint8Array): void {
    gateway.respond(
      { method: req.method ?? 'GET', url: req.url ?? '/', headers: rawHeaders(req.rawHeaders), body, sourceIp: sourceIp(req) },
      (response) => send(res, response),
      (error) => {
        log(`Internal error: ${(error as Error)?.stack ?? String(error)}`);
        send(res, { statusCode: 502, headers: { 'Content-Type': 'application/json' }, body: new TextEncoder().encode(INTERNAL) });
      },
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new LocalServerError(`Port ${port} on ${host} is already in use: pick another with --port`) : error);
    });
    server.listen(port, host, () => resolve());
  }).catch((error: unknown) => {
    app.close();
    throw error;
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host}:${actualPort}`;
  // A server on every interface is still reached, by the app itself, on the loopback one.
  app.pointAt(host === '0.0.0.0' ? `http://127.0.0.1:${actualPort}` : url);
  return {
    url,
    server,
    close: async () => {
      app.close();
      websockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const EMPTY = new Uint8Array(0);

// One write of head and body together, so keep-alive clients never wait on a delayed ACK:
// Node joins a string body to the head in a single write, but sends a Buffer after it.
// latin1 maps each byte to one character and back, so any body survives unchanged.
function send(res: ServerResponse, response: LocalResponse): void {
  const text = response instanceof TextResponse ? response.text : null;
  const length = text === null ? response.body.length : Buffer.byteLength(text);
  const head: string[] = ['Content-Length', String(length)];
  for (const name in response.headers) {
    const value = response.headers[name]!;
    if (typeof value === 'string') head.push(name, value);
    else for (const one of value) head.push(name, one);
  }
  res.writeHead(response.statusCode, head);
  if (text !== null) res.end(text);
  else res.end(Buffer.from(response.body.buffer, response.body.byteOffset, response.body.byteLength).toString('latin1'), 'latin1');
}

// Most requests have no body: skip the stream machinery for them.
function readBody(req: IncomingMessage): Uint8Array | Promise<Uint8Array> {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return EMPTY;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
