import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import WebSocket from 'ws';
import { startLocalServer, type LocalServer } from '../src/index.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Each message is a command, so the test can see what the handlers saw.
const APP = (prefix: string) => `
import { Chalice, WebsocketDisconnectedError } from '@chalice/router';
export const app = new Chalice({ appName: 'sockets' });
app.experimentalFeatureFlags.add('WEBSOCKETS');
const connects = new Map<string, unknown>();
app.onWsConnect((event) => {
  if (event.queryParams?.refuse) return { statusCode: Number(event.queryParams.refuse) };
  if (event.queryParams?.throw) throw new Error('not welcome');
  connects.set(event.connectionId, { query: event.queryParams, agent: event.headers?.['user-agent'], stage: event.stage, memory: app.lambdaContext?.memoryLimitInMB });
});
app.onWsMessage(async (event) => {
  const api = app.websocketApi;
  const reply = (value: unknown) => api.send(event.connectionId, typeof value === 'string' ? value : JSON.stringify(value));
  const raw = event.toDict();
  if (raw.isBase64Encoded) return api.send(event.connectionId, Buffer.from(String(raw.body), 'base64'));
  switch (event.body) {
    case 'connect-event': return reply(connects.get(event.connectionId));
    case 'context': return reply({ name: app.lambdaContext?.functionName, memory: app.lambdaContext?.memoryLimitInMB, request: raw.requestContext.requestId });
    case 'info': return reply(await api.info(event.connectionId));
    case 'boom': throw new Error('boom');
    case 'sdk-on': api.clientConfig = { maxAttempts: 1 }; return reply('on');
    case 'sdk-off': api.clientConfig = {}; return reply('off');
    case 'close-me': {
      await api.close(event.connectionId);
      try { await api.send(event.connectionId, 'too late'); } catch (err) {
        console.error(err instanceof WebsocketDisconnectedError ? 'DISCONNECTED ' + err.connectionId : 'OTHER ' + err);
      }
      return;
    }
    default: return reply('${prefix}' + event.body);
  }
});
app.onWsDisconnect((event) => { console.error('DISCONNECT ' + event.connectionId + ' ' + event.toDict().requestContext.disconnectStatusCode); });
`;

function project(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-ws-'));
  mkdirSync(join(dir, '.chalice'));
  writeFileSync(
    join(dir, '.chalice', 'config.json'),
    JSON.stringify({ app_name: 'sockets', stages: { dev: { api_gateway_stage: 'v1', lambda_functions: { websocket_message: { lambda_memory_size: 512 } } } } }),
  );
  writeFileSync(join(dir, 'app.ts'), source);
  return dir;
}

// The handlers' console.error lines, where the test can wait for them.
const printed: string[] = [];
const realError = console.error;
console.error = (...args: unknown[]) => {
  const line = args.join(' ');
  if (/^(DISCONNECT|DISCONNECTED|OTHER) /.test(line)) printed.push(line);
  else realError(...args);
};

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
};

/** A real client with a queue of what it received. */
async function client(url: string, options?: WebSocket.ClientOptions) {
  const ws = new WebSocket(url, options);
  const received: Array<string | Buffer> = [];
  ws.on('message', (data: Buffer, binary: boolean) => received.push(binary ? data : data.toString()));
  const closed = new Promise<number>((resolve) => ws.once('close', resolve));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const next = async () => {
    assert.ok(await waitFor(() => received.length > 0), 'a message came');
    return received.shift()!;
  };
  return { ws, received, closed, next, ask: async (text: string) => (ws.send(text), next()) };
}

const refusal = (url: string) =>
  new Promise<string>((resolve) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve('opened'));
    ws.once('error', (err) => resolve(err.message));
  });

let server: LocalServer;
let dir: string;
let wsUrl: string;
const logs: string[] = [];

test.before(async () => {
  dir = project(APP('echo: '));
  server = await startLocalServer({ projectDir: dir, port: 0, log: (m) => logs.push(m) });
  wsUrl = server.url.replace(/^http/, 'ws');
});
test.after(() => server.close());

test('connects on / and on the stage path; $connect sees the query, the headers and its Lambda context', async () => {
  for (const path of ['/', '/v1', '/v1/']) {
    const c = await client(`${wsUrl}${path}?room=lobby&x=1`, { headers: { 'User-Agent': 'test-agent' } });
    assert.equal(JSON.parse(String(await c.ask('connect-event'))), { query: { room: 'lobby', x: '1' }, agent: 'test-agent', stage: 'v1', memory: '128' });
    assert.is(await c.ask('hi'), 'echo: hi');
    c.ws.close();
    await c.closed;
  }
});

test("text and binary frames reach $default; each invocation has its own context with the function's stage config", async () => {
  const c = await client(`${wsUrl}/`);
  const bytes = Buffer.from([0, 1, 2, 254, 255]);
  c.ws.send(bytes);
  const echoed = await c.next();
  assert.ok(Buffer.isBuffer(echoed), 'bytes that are not UTF-8 come back in a binary frame');
  assert.equal([...(echoed as Buffer)], [...bytes]);
  const a = JSON.parse(String(await c.ask('context')));
  const b = JSON.parse(String(await c.ask('context')));
  assert.is(a.name, 'sockets-dev-websocket_message');
  assert.is(a.memory, '512');
  assert.is.not(a.request, b.request);
  c.ws.close(4000);
  await c.closed;
});

test("refused connections get API Gateway's status: off the stage path 403, the handler's code, 502 when it throws", async () => {
  assert.is(await refusal(`${wsUrl}/elsewhere`), 'Unexpected server response: 403');
  assert.is(await refusal(`${wsUrl}/?refuse=401`), 'Unexpected server response: 401');
  assert.is(await refusal(`${wsUrl}/?throw=1`), 'Unexpected server response: 502');
  assert.ok(
    logs.some((line) => line.startsWith('websocket_connect failed: Error: not welcome')),
    'the error is logged',
  );
});

test('the Management API from the app: info, close (then $disconnect), and 410 as WebsocketDisconnectedError', async () => {
  const c = await client(`${wsUrl}/`, { headers: { 'User-Agent': 'agent-007' } });
  const info = JSON.parse(String(await c.ask('info')));
  assert.equal(info.identity, { sourceIp: '127.0.0.1', userAgent: 'agent-007' });
  assert.ok(Date.parse(info.lastActiveAt) >= Date.parse(info.connectedAt));
  c.ws.send('close-me');
  assert.is(await c.closed, 1000);
  assert.ok(await waitFor(() => printed.some((line) => line.startsWith('DISCONNECTED '))), printed.join('\n'));
  const id = printed.find((line) => line.startsWith('DISCONNECTED '))!.split(' ')[1]!;
  assert.ok(await waitFor(() => printed.includes(`DISCONNECT ${id} 1000`)), '$disconnect ran');
  const gone = await fetch(`${server.url}/@connections/${encodeURIComponent(id)}`, { method: 'POST', body: 'x' });
  assert.is(gone.status, 410);
  assert.is(gone.headers.get('x-amzn-errortype'), 'GoneException');
});

test("the app's sends are answered in process; once it sets clientConfig, by the SDK over HTTP to the Management API", async () => {
  const calls: string[] = [];
  const count = (req: { url?: string }) => void (req.url?.includes('/@connections/') && calls.push(req.url));
  server.server.on('request', count);
  try {
    const c = await client(`${wsUrl}/`);
    assert.is(await c.ask('one'), 'echo: one');
    assert.is(await c.ask('info').then((text) => JSON.parse(String(text)).identity.sourceIp), '127.0.0.1');
    assert.equal(calls, [], 'no HTTP request for the in-process route');
    assert.is(await c.ask('sdk-on'), 'on');
    assert.is(await c.ask('two'), 'echo: two');
    assert.is(calls.length, 2, 'the SDK posted both replies over HTTP');
    assert.is(await c.ask('sdk-off'), 'off');
    assert.is(await c.ask('three'), 'echo: three');
    assert.is(calls.length, 2);
    c.ws.close();
  } finally {
    server.server.off('request', count);
  }
});

test("a failing $default handler answers the client with API Gateway's error message", async () => {
  const c = await client(`${wsUrl}/`);
  const error = JSON.parse(String(await c.ask('boom')));
  assert.is(error.message, 'Internal server error');
  assert.type(error.connectionId, 'string');
  assert.type(error.requestId, 'string');
  assert.is(await c.ask('still here'), 'echo: still here');
  c.ws.close();
  await c.closed;
});

test('concurrent clients each get their own replies', async () => {
  const clients = await Promise.all(Array.from({ length: 8 }, () => client(`${wsUrl}/`)));
  clients.forEach((c, i) => {
    for (let n = 0; n < 25; n++) c.ws.send(`${i}-${n}`);
  });
  // Generous: 200 round trips, while the rest of the workspace's tests share the two cores.
  assert.ok(await waitFor(() => clients.every((c) => c.received.length === 25), 30_000), 'all replies came');
  clients.forEach((c, i) => {
    const expected = Array.from({ length: 25 }, (_, n) => `echo: ${i}-${n}`);
    assert.equal([...c.received].sort(), expected.sort());
  });
  for (const c of clients) c.ws.close();
  await Promise.all(clients.map((c) => c.closed));
});

test('autoreload keeps open connections: their next messages go to the reloaded app', async () => {
  const c = await client(`${wsUrl}/`);
  assert.is(await c.ask('a'), 'echo: a');
  writeFileSync(join(dir, 'app.ts'), APP('reloaded: '));
  assert.ok(
    await waitFor(async () => {
      c.ws.send('b');
      return (await c.next()) === 'reloaded: b';
    }),
    'the reloaded app answers on the same connection',
  );
  assert.is(c.ws.readyState, WebSocket.OPEN);
  c.ws.close();
  await c.closed;
});

test('closing the server closes its websocket connections', async () => {
  const other = await startLocalServer({ projectDir: project(APP('x')), port: 0, autoreload: false, log: () => {} });
  const c = await client(other.url.replace(/^http/, 'ws'));
  await other.close();
  assert.is(await c.closed, 1006);
});

test('an app without websocket handlers refuses upgrades', async () => {
  const plain = await startLocalServer({
    projectDir: project("import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'plain' });\napp.route('/', () => ({}));\n"),
    port: 0,
    autoreload: false,
    log: () => {},
  });
  try {
    assert.is(await refusal(plain.url.replace(/^http/, 'ws')), 'Unexpected server response: 403');
  } finally {
    await plain.close();
  }
});

test.run();
