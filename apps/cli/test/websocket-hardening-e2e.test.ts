import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import WebSocket from 'ws';
import { serve, type Served } from './helpers/serve.ts';

// Issue 21 §1 for websockets, through the built `chalice local`: what a client sends cannot take
// the server down or make it hold an unbounded backlog.
const APP = `
import { Chalice } from '@chalice/router';
export const app = new Chalice({ appName: 'hardening' });
app.experimentalFeatureFlags.add('WEBSOCKETS');
const connects = new Map<string, unknown>();
let inFlight = 0;
let maxInFlight = 0;
let handled = 0;
app.onWsConnect((event) => {
  const raw = event.toDict();
  connects.set(event.connectionId, { query: raw.queryStringParameters, multi: raw.multiValueQueryStringParameters, headers: raw.headers, params: event.queryParams });
});
app.onWsMessage(async (event) => {
  const body = event.body ?? '';
  if (body === 'connect-event') return app.websocketApi.send(event.connectionId, JSON.stringify(connects.get(event.connectionId)));
  if (body === 'id') return app.websocketApi.send(event.connectionId, event.connectionId);
  handled++;
  if (!body.startsWith('slow')) return app.websocketApi.send(event.connectionId, body);
  maxInFlight = Math.max(maxInFlight, ++inFlight);
  await new Promise((resolve) => setTimeout(resolve, 5));
  inFlight--;
});
app.route('/stats', () => ({ inFlight, maxInFlight, handled, rss: process.memoryUsage().rss }));
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-ws-hardening-'));
  mkdirSync(join(dir, '.chalice'));
  writeFileSync(join(dir, '.chalice', 'config.json'), JSON.stringify({ version: '2.0', app_name: 'hardening', stages: { dev: { api_gateway_stage: 'api' } } }));
  writeFileSync(join(dir, 'app.ts'), APP);
  return dir;
}

type Stats = { inFlight: number; maxInFlight: number; handled: number; rss: number };
const stats = async (server: Served): Promise<Stats> => (await (await fetch(`${server.url}/stats`)).json()) as Stats;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function open(url: string, options?: WebSocket.ClientOptions) {
  const ws = new WebSocket(url.replace(/^http/, 'ws'), options);
  const received: string[] = [];
  ws.on('message', (data: Buffer) => received.push(data.toString()));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const next = async () => {
    for (const end = Date.now() + 10_000; !received.length && Date.now() < end; ) await sleep(10);
    assert.ok(received.length, 'a message came');
    return received.shift()!;
  };
  return { ws, received, next, ask: (text: string) => (ws.send(text), next()) };
}

// Waits until the server's count stops moving for `quietMs` (or reaches `target`).
async function settle(server: Served, target: number, quietMs = 1500, maxMs = 60_000): Promise<Stats> {
  let last = await stats(server);
  let since = Date.now();
  for (const end = Date.now() + maxMs; last.handled < target && Date.now() < end && Date.now() - since < quietMs; ) {
    await sleep(100);
    const now = await stats(server);
    if (now.handled !== last.handled) since = Date.now();
    last = now;
  }
  return last;
}

let server: Served;
test.before(async () => {
  server = await serve(project());
});
test.after(async () => {
  await server.stop();
});

test('prototype-named query keys and headers on connect are ordinary keys', async () => {
  // A literal `{ __proto__: ... }` would set the prototype: JSON.parse makes it an own key.
  const headers = JSON.parse('{"__proto__": "p", "constructor": "c", "X-Room": "lobby"}') as Record<string, string>;
  const client = await open(`${server.url}/api/?constructor=1&__proto__=x&toString=2&hasOwnProperty=3&toString=4&room=a`, { headers });
  const seen = JSON.parse(await client.ask('connect-event'));
  const query = JSON.parse('{"constructor": "1", "__proto__": "x", "toString": "4", "hasOwnProperty": "3", "room": "a"}');
  assert.equal(Object.entries(seen.query), Object.entries(query));
  assert.equal(Object.entries(seen.params), Object.entries(query), 'event.queryParams');
  assert.equal(seen.multi.toString, ['2', '4']);
  assert.equal(seen.multi.constructor, ['1']);
  assert.is(Object.getOwnPropertyDescriptor(seen.multi, '__proto__')?.value?.[0], 'x');
  assert.is(Object.getOwnPropertyDescriptor(seen.headers, '__proto__')?.value, 'p');
  assert.is(seen.headers.constructor, 'c');
  assert.is(seen.headers['X-Room'], 'lobby');
  assert.is(await client.ask('still alive'), 'still alive');
  client.ws.close();
  assert.is((await fetch(`${server.url}/stats`)).status, 200);
});

test('a client flooding messages is slowed: the app never runs an unbounded number at once, and gets them all', async () => {
  const before = await stats(server);
  const client = await open(`${server.url}/`);
  const COUNT = 3000;
  const padding = 'x'.repeat(4096);
  for (let i = 0; i < COUNT; i++) client.ws.send(`slow ${i} ${padding}`);
  const after = await settle(server, before.handled + COUNT, 10_000);
  assert.is(after.handled - before.handled, COUNT, 'every message was handled');
  assert.ok(after.maxInFlight > 1, `handlers ran concurrently (${after.maxInFlight})`);
  assert.ok(after.maxInFlight <= 160, `at most ~64 in flight at once, plus what one read holds: ${after.maxInFlight}`);
  client.ws.close();
});

test('a client that floods without reading its replies stops being read; it gets every reply once it reads', async () => {
  const before = await stats(server);
  const client = await open(`${server.url}/`);
  client.ws.pause();
  const COUNT = 600;
  const message = (i: number) => `${String(i).padStart(6, '0')}${'y'.repeat(64 * 1024 - 6)}`;
  for (let i = 0; i < COUNT; i++) client.ws.send(message(i));
  const stalled = await settle(server, before.handled + COUNT);
  const handled = stalled.handled - before.handled;
  // 600 x 64 KB = 38 MB of replies; the socket buffers hold some MB, the server at most 1 MB more.
  assert.ok(handled < COUNT, `the server stopped reading while the client did not read (handled ${handled} of ${COUNT})`);
  assert.ok(stalled.rss - before.rss < 32 * 1024 * 1024, `the server's memory stayed bounded: +${((stalled.rss - before.rss) / 2 ** 20).toFixed(1)} MB`);
  const other = await open(`${server.url}/`);
  assert.is(await other.ask('others are served meanwhile'), 'others are served meanwhile');
  other.ws.close();
  client.ws.resume();
  for (const end = Date.now() + 60_000; client.received.length < COUNT && Date.now() < end; ) await sleep(50);
  assert.is(client.received.length, COUNT);
  assert.ok(
    client.received.every((text, i) => text === message(i)),
    'every reply, in order',
  );
  client.ws.close();
});

test('the Management API answers bad, prototype-named and escaped ids and huge bodies with errors, and lives', async () => {
  const client = await open(`${server.url}/`);
  const id = await client.ask('id');
  const call = async (method: string, path: string, body?: Uint8Array | string) => {
    const res = await fetch(`${server.url}${path}`, { method, body });
    return `${res.status} ${res.headers.get('x-amzn-errortype') ?? ''}`.trim();
  };
  for (const bad of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '%00', 'a%2Fb', 'x'.repeat(4000), '%F0%9F%98%80']) {
    for (const method of ['POST', 'GET', 'DELETE']) {
      assert.is(await call(method, `/@connections/${bad}`, method === 'POST' ? 'hi' : undefined), '410 GoneException', `${method} ${bad.slice(0, 20)}`);
    }
  }
  assert.is(await call('POST', '/@connections/%E0%A4%A'), '400 BadRequestException');
  assert.is(await call('POST', `/@connections/${encodeURIComponent(id)}`, new Uint8Array(129 * 1024)), '413 PayloadTooLargeException');
  assert.is(await call('POST', `/api/@connections/${encodeURIComponent(id)}`, new Uint8Array(8 * 1024 * 1024)), '413 PayloadTooLargeException');
  assert.is(await call('PUT', `/@connections/${encodeURIComponent(id)}`, 'x'), '403 ForbiddenException');
  assert.is(await call('POST', `/@connections/${encodeURIComponent(id)}`, 'from outside'), '200');
  assert.is(await client.next(), 'from outside');
  assert.is(await client.ask('still here'), 'still here');
  client.ws.close();
});

test('a Management API request whose body is cut short is dropped, and the server lives', async () => {
  const { port } = new URL(server.url);
  for (const head of [
    'POST /@connections/abc HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nhello',
    'POST /@connections/abc HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n',
  ]) {
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.resume().end(head);
    await new Promise((resolve) => socket.once('close', resolve));
  }
  await sleep(200);
  assert.is((await fetch(`${server.url}/stats`)).status, 200);
  const client = await open(`${server.url}/`);
  assert.is(await client.ask('after the aborts'), 'after the aborts');
  client.ws.close();
});

test.run();
