import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { loadApp } from '@chalice/config';
import type { Chalice } from '@chalice/router';
import { LocalGateway, TextResponse } from './gateway.ts';
import type { LocalResponse } from './http-types.ts';
import { rawHeaders, sourceIp } from './node-request.ts';
import { applyEnvironment, localStage, projectConfig } from './project.ts';
import { WebsocketConnections } from './ws-connections.ts';
import { pointAtLocalEndpoint } from './ws-endpoint.ts';
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
  /** Reload the app after edits to the app module or `chalicelib/` (default on). */
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
 * configuration applies (environment variables, timeouts, memory). With autoreload, an edit takes
 * effect on the next request; an edit that breaks the app is answered with 500 and its error
 * until it is fixed.
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
  const config = projectConfig(projectDir);
  for (const warning of config?.warnings ?? []) log(`Warning: ${warning}`);
  let current: Promise<LocalGateway | Error> = load();
  // The loaded gateway, so requests skip awaiting `current` until a reload replaces it.
  let ready: LocalGateway | Error | null = null;
  let restoreEnvironment = () => {};
  const connections = new WebsocketConnections();
  // Known once the server listens (the port may be 0); apps loaded from then on are pointed at it.
  let endpoint: string | null = null;

  async function load(): Promise<LocalGateway | Error> {
    try {
      const { app } = await loadApp({ projectDir });
      options.check?.(app);
      const settings = localStage(app as Chalice, stage, config);
      restoreEnvironment();
      restoreEnvironment = applyEnvironment(settings.environment);
      if (endpoint) pointAtLocalEndpoint(app as Chalice, endpoint, connections);
      return new LocalGateway(app, { ...settings.gateway, warn: log });
    } catch (error) {
      log(`${(error as Error).message}`);
      return error as Error;
    }
  }
  const first = await current;
  if (first instanceof Error) throw first;
  ready = first;

  const watchers: FSWatcher[] = [];
  if (autoreload) {
    const reload = (_: unknown, file: string | null) => {
      if (file && /(^|[\\/])(node_modules|\.chalice)([\\/]|$)|~$/.test(file)) return;
      ready = null;
      const loading = load();
      current = loading;
      // A slower earlier reload must not overwrite a later one.
      void loading.then((gateway) => {
        if (current === loading) ready = gateway;
      });
    };
    watchers.push(watch(projectDir, { persistent: false }, reload));
    try {
      watchers.push(watch(join(projectDir, 'chalicelib'), { persistent: false, recursive: true }, reload));
    } catch {
      // No chalicelib/: nothing more to watch.
    }
  }

  const server = createServer((req, res) => {
    // The Management API does not depend on the app: it answers even while a reload is broken.
    if (WebsocketConnections.isManagementUrl(req.url ?? '')) {
      void Promise.resolve(readBody(req)).then((body) => send(res, connections.manage({ method: req.method ?? 'GET', url: req.url!, headers: {}, body })), () => res.destroy());
      return;
    }
    // No awaits on the common path (a loaded app, no body): each one costs a turn of the loop.
    const body = readBody(req);
    if (body instanceof Uint8Array && ready) serve(ready, req, res, body);
    else void Promise.all([body, ready ?? current]).then(([bytes, gateway]) => serve(gateway, req, res, bytes));
  });
  server.keepAliveTimeout = 65_000;
  const websockets = serveWebsockets(server, { gateway: () => ready ?? current, connections });

  function serve(gateway: LocalGateway | Error, req: IncomingMessage, res: ServerResponse, body: Uint8Array): void {
    if (gateway instanceof Error) {
      send(res, { statusCode: 500, headers: { 'Content-Type': 'text/plain' }, body: new TextEncoder().encode(gateway.message) });
      return;
    }
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
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host}:${actualPort}`;
  // A server on every interface is still reached, by the app itself, on the loopback one.
  endpoint = host === '0.0.0.0' ? `http://127.0.0.1:${actualPort}` : url;
  if (ready instanceof LocalGateway) pointAtLocalEndpoint(ready.app, endpoint, connections);
  return {
    url,
    server,
    close: async () => {
      for (const watcher of watchers) watcher.close();
      websockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      restoreEnvironment();
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
