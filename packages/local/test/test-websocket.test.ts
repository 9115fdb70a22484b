import { Chalice, WebsocketDisconnectedError } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ConnectionRefusedError, TestClient } from '../src/index.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function makeApp() {
  const app = new Chalice({ appName: 'sockets' });
  app.experimentalFeatureFlags.add('WEBSOCKETS');
  const seen: string[] = [];
  app.onWsConnect((event) => {
    if (event.headers?.authorization !== 'let-me-in') return { statusCode: 403 };
    seen.push(`connect ${JSON.stringify(event.queryParams)} ${event.headers?.['x-extra'] ?? ''}`);
  });
  app.onWsMessage(async (event) => {
    const raw = event.toDict();
    if (raw.isBase64Encoded) return app.websocketApi.send(event.connectionId, Buffer.from(String(raw.body), 'base64'));
    if (event.body === 'kick') {
      await app.websocketApi.close(event.connectionId);
      try {
        await app.websocketApi.send(event.connectionId, 'after close');
      } catch (err) {
        seen.push(err instanceof WebsocketDisconnectedError ? `gone ${err.connectionId === event.connectionId}` : String(err));
      }
      return;
    }
    if (event.body === 'fail') throw new Error('handler failed');
    if (event.body === 'who') return app.websocketApi.send(event.connectionId, JSON.stringify(await app.websocketApi.info(event.connectionId)));
    await app.websocketApi.send(event.connectionId, `echo ${event.body}`);
    await app.websocketApi.send(event.connectionId, `from ${app.lambdaContext?.functionName}`);
  });
  app.onWsDisconnect((event) => {
    seen.push(`disconnect ${event.toDict().requestContext.disconnectStatusCode}`);
  });
  return { app, seen };
}

const auth = { headers: { Authorization: 'let-me-in' } };

test("connect with headers and query, send, next, close: through the app's handlers and app.websocketApi", async () => {
  const { app, seen } = makeApp();
  const client = new TestClient(app);
  const conn = await client.ws.connect('/', { headers: { ...auth.headers, 'X-Extra': 'yes' }, query: { room: 'lobby' } });
  assert.type(conn.connectionId, 'string');
  assert.is(conn.closed, null);
  await conn.send('hello');
  assert.is(await conn.next(), 'echo hello');
  assert.is(await conn.next(), 'from sockets-dev-websocket_message');
  await conn.close(1001);
  assert.is(conn.closed, 1001);
  assert.equal(seen, ['connect {"room":"lobby"} yes', 'disconnect 1001']);
  client.close();
});

test('binary messages go both ways as bytes', async () => {
  const client = new TestClient(makeApp().app);
  const conn = await client.ws.connect('/api', auth);
  await conn.send(new Uint8Array([0, 255, 128]));
  const reply = await conn.next();
  assert.instance(reply, Uint8Array);
  assert.equal([...(reply as Uint8Array)], [0, 255, 128]);
  client.close();
});

test('a refused connection throws ConnectionRefusedError with the status code', async () => {
  const client = new TestClient(makeApp().app);
  for (const [path, options, status] of [
    ['/', {}, 403],
    ['/not-the-stage', auth, 403],
  ] as const) {
    try {
      await client.ws.connect(path, options);
      assert.unreachable('connected');
    } catch (err) {
      assert.instance(err, ConnectionRefusedError);
      assert.is((err as ConnectionRefusedError).statusCode, status);
    }
  }
  client.close();
});

test('the app closing a connection: closed is set, $disconnect runs, a later send is WebsocketDisconnectedError', async () => {
  const { app, seen } = makeApp();
  const client = new TestClient(app);
  const conn = await client.ws.connect('/', auth);
  await conn.send('kick');
  assert.is(conn.closed, 1000);
  await conn.close();
  assert.equal(seen.slice(1), ['disconnect 1000', 'gone true']);
  try {
    await conn.next();
    assert.unreachable('a message after close');
  } catch (err) {
    assert.match((err as Error).message, 'closed');
  }
  client.close();
});

test("info through app.websocketApi; a failing handler sends API Gateway's error message; next() times out", async () => {
  const client = new TestClient(makeApp().app);
  const conn = await client.ws.connect('/', { headers: { ...auth.headers, 'User-Agent': 'tester' } });
  await conn.send('who');
  const info = JSON.parse(String(await conn.next()));
  assert.equal(info.identity, { sourceIp: '127.0.0.1', userAgent: 'tester' });
  await conn.send('fail');
  assert.is(JSON.parse(String(await conn.next())).message, 'Internal server error');
  const started = Date.now();
  try {
    await conn.next({ timeoutMs: 50 });
    assert.unreachable('a message came');
  } catch (err) {
    assert.match((err as Error).message, 'No message within 50 ms');
  }
  assert.ok(Date.now() - started >= 45);
  client.close();
});

test('a message waited for arrives when sent', async () => {
  const client = new TestClient(makeApp().app);
  const conn = await client.ws.connect('/', auth);
  const waiting = conn.next();
  await conn.send('late');
  assert.is(await waiting, 'echo late');
  client.close();
});

test.run();
