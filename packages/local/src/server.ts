import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorText, type Chalice } from '@chalice/router';
import { AppReloader } from './app-reloader.ts';
import { answerClientError, MAX_URL_LENGTH, URI_TOO_LONG_BODY } from './client-error.ts';
import { LocalGateway, MAX_BODY_BYTES, REQUEST_TOO_LONG, TextResponse } from './gateway.ts';
import { listenProblem } from './listen-error.ts';
import type { LocalResponse } from './http-types.ts';
import { rawHeaders, sourceIp } from './node-request.ts';
import { BodyFailure, readBody } from './read-body.ts';
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
  const connections = new WebsocketConnections();
  const app = await AppReloader.start({ projectDir, stage, autoreload, log, check: options.check, connections });

  // Room for URLs past API Gateway's limit, so they are answered 414 rather than refused unread.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const url = req.url ?? '/';
    if (url.length > MAX_URL_LENGTH) return send(res, { statusCode: 414, headers: JSON_TYPE, body: new TextEncoder().encode(URI_TOO_LONG_BODY) });
    // The Management API does not depend on the app: it answers even while a reload is broken.
    if (WebsocketConnections.isManagementUrl(url)) {
      void Promise.resolve(readBody(req, MAX_BODY_BYTES))
        .then((body) => (body instanceof BodyFailure ? refuse(res, body) : send(res, connections.manage({ method: req.method ?? 'GET', url, headers: {}, body }))))
        .catch((error: unknown) => internalError(res, error));
      return;
    }
    // No awaits on the common path (a loaded app, no body): each one costs a turn of the loop.
    const body = readBody(req, MAX_BODY_BYTES);
    const gateway = app.gateway();
    if (body instanceof Uint8Array && gateway instanceof LocalGateway) serve(gateway, req, res, body);
    else if (body instanceof BodyFailure) refuse(res, body);
    else {
      void Promise.all([body, gateway])
        .then(([bytes, loaded]) => (bytes instanceof BodyFailure ? refuse(res, bytes) : serve(loaded, req, res, bytes)))
        .catch((error: unknown) => internalError(res, error));
    }
  });
  server.keepAliveTimeout = 65_000;
  server.on('clientError', answerClientError);
  const websockets = serveWebsockets(server, { gateway: () => app.gateway(), connections });

  // Never throws: whatever the app does, this request gets an answer and the server goes on.
  function serve(gateway: LocalGateway, req: IncomingMessage, res: ServerResponse, body: Uint8Array): void {
    try {
      gateway.respond(
        { method: req.method ?? 'GET', url: req.url ?? '/', headers: rawHeaders(req.rawHeaders), body, sourceIp: sourceIp(req) },
        (response) => send(res, response),
        (error) => internalError(res, error),
      );
    } catch (error) {
      internalError(res, error);
    }
  }

  // API Gateway's answer when the Lambda failed rather than answered.
  function internalError(res: ServerResponse, error: unknown): void {
    log(`Internal error: ${errorText(error)}`);
    if (!res.headersSent) send(res, { statusCode: 502, headers: JSON_TYPE, body: new TextEncoder().encode(INTERNAL) });
  }

  // A response the view built but Node cannot write (a header it refuses, say) is the Lambda's failure.
  function send(res: ServerResponse, response: LocalResponse): void {
    try {
      writeResponse(res, response);
    } catch (error) {
      internalError(res, error);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const problem = listenProblem(error, host, port);
      reject(problem ? new LocalServerError(problem) : error);
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

const JSON_TYPE = { 'Content-Type': 'application/json' };

// A body that could not be read: its answer, and the connection closed after it (the rest of
// the body, if any, is not read).
function refuse(res: ServerResponse, failure: BodyFailure): void {
  if (failure.statusCode === null || res.headersSent || res.destroyed) return;
  const body = failure.statusCode === 413 ? REQUEST_TOO_LONG : '';
  res.writeHead(failure.statusCode, { 'Content-Length': Buffer.byteLength(body), Connection: 'close', ...(body ? JSON_TYPE : {}) });
  res.end(body);
}

// API Gateway frames the response itself: a view's own Content-Length or Transfer-Encoding is dropped.
const isFraming = (name: string) => (name.length === 14 || name.length === 17) && /^(?:content-length|transfer-encoding)$/i.test(name);

// One write of head and body together, so keep-alive clients never wait on a delayed ACK:
// Node joins a string body to the head in a single write, but sends a Buffer after it.
// latin1 maps each byte to one character and back, so any body survives unchanged.
function writeResponse(res: ServerResponse, response: LocalResponse): void {
  const text = response instanceof TextResponse ? response.text : null;
  const length = text === null ? response.body.length : Buffer.byteLength(text);
  const head: string[] = ['Content-Length', String(length)];
  for (const name in response.headers) {
    if (isFraming(name)) continue;
    const value = response.headers[name]!;
    if (typeof value === 'string') head.push(name, value);
    else for (const one of value) head.push(name, one);
  }
  res.writeHead(response.statusCode, head);
  if (text !== null) res.end(text);
  else res.end(Buffer.from(response.body.buffer, response.body.byteOffset, response.body.byteLength).toString('latin1'), 'latin1');
}
