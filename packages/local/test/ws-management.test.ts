import * as Sdk from '@aws-sdk/client-apigatewaymanagementapi';
import { Chalice, WebsocketDisconnectedError } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TestClient } from '../src/index.ts';
import { WebsocketConnections } from '../src/ws-connections.ts';
import type { LocalConnection } from '../src/ws-events.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `app.websocketApi` under the test client, by both of its local routes: in process (the
// default) and through the SDK (once the app sets `clientConfig`). Both must give the app the
// same results and the same errors, of the SDK's classes.
function setup(route: 'in process' | 'sdk') {
  const app = new Chalice({ appName: 'manage' });
  app.experimentalFeatureFlags.add('WEBSOCKETS');
  app.onWsMessage(() => {});
  const sdkCalls: string[] = [];
  if (route === 'sdk') {
    const logger = { debug() {}, info: (entry: { commandName?: string }) => sdkCalls.push(entry.commandName ?? '?'), warn() {}, error() {} };
    app.websocketApi.clientConfig = { maxAttempts: 1, logger };
  }
  return { app, client: new TestClient(app), sdkCalls };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { cause?: Error & { $metadata?: { httpStatusCode?: number } }; $metadata?: { httpStatusCode?: number } };
    const sdkError = e instanceof WebsocketDisconnectedError ? e.cause! : e;
    return {
      error: e.name,
      sdkError: sdkError.name,
      status: sdkError.$metadata?.httpStatusCode,
      sdkClass: sdkError instanceof Sdk.ApiGatewayManagementApiServiceException,
    };
  }
  return assert.unreachable('expected a rejection');
}

const GONE = { error: 'WebsocketDisconnectedError', sdkError: 'GoneException', status: 410, sdkClass: true };
const TOO_LARGE = { error: 'PayloadTooLargeException', sdkError: 'PayloadTooLargeException', status: 413, sdkClass: true };

for (const route of ['in process', 'sdk'] as const) {
  test(`${route}: send (text, UTF-8 bytes, binary), info and close reach the connection`, async () => {
    const { app, client, sdkCalls } = setup(route);
    const conn = await client.ws.connect('/', { headers: { 'User-Agent': 'agent-9' } });
    await app.websocketApi.send(conn.connectionId, 'hello');
    assert.is(await conn.next(), 'hello');
    await app.websocketApi.send(conn.connectionId, new TextEncoder().encode('text bytes'));
    assert.is(await conn.next(), 'text bytes');
    await app.websocketApi.send(conn.connectionId, new Uint8Array([0, 255, 1]));
    assert.equal(await conn.next(), new Uint8Array([0, 255, 1]));
    const info = await app.websocketApi.info(conn.connectionId);
    assert.instance(info.connectedAt, Date);
    assert.instance(info.lastActiveAt, Date);
    assert.equal(info.identity, { sourceIp: '127.0.0.1', userAgent: 'agent-9' });
    await app.websocketApi.close(conn.connectionId);
    assert.is(conn.closed, 1000);
    assert.equal(await failure(app.websocketApi.send(conn.connectionId, 'too late')), GONE);
    const expected = route === 'sdk' ? ['PostToConnectionCommand', 'PostToConnectionCommand', 'PostToConnectionCommand', 'GetConnectionCommand', 'DeleteConnectionCommand'] : [];
    assert.equal(sdkCalls, expected, route === 'sdk' ? 'the SDK ran every call' : 'the SDK ran none');
    client.close();
  });

  test(`${route}: unknown, prototype-named and odd ids are gone, for every call`, async () => {
    const { app, client } = setup(route);
    for (const id of ['nope', '__proto__', 'constructor', 'toString', 'a/b', '%E0', 'x'.repeat(5000)]) {
      assert.equal(await failure(app.websocketApi.send(id, 'x')), GONE, `send ${id.slice(0, 10)}`);
      assert.equal(await failure(app.websocketApi.info(id)), GONE, `info ${id.slice(0, 10)}`);
      assert.equal(await failure(app.websocketApi.close(id)), GONE, `close ${id.slice(0, 10)}`);
    }
    client.close();
  });

  test(`${route}: messages over 128 KB are PayloadTooLargeException, counted in UTF-8 bytes, and the connection lives`, async () => {
    const { app, client } = setup(route);
    const conn = await client.ws.connect('/');
    const id = conn.connectionId;
    assert.equal(await failure(app.websocketApi.send(id, 'x'.repeat(128 * 1024 + 1))), TOO_LARGE);
    assert.equal(await failure(app.websocketApi.send(id, '€'.repeat(50_000))), TOO_LARGE, '150,000 bytes in 50,000 chars');
    assert.equal(await failure(app.websocketApi.send(id, new Uint8Array(10 * 1024 * 1024))), TOO_LARGE);
    await app.websocketApi.send(id, 'x'.repeat(128 * 1024));
    assert.is(((await conn.next()) as string).length, 128 * 1024);
    client.close();
  });
}

test('setting clientConfig switches the route; setting it back to {} returns in process', async () => {
  const { app, client } = setup('in process');
  const conn = await client.ws.connect('/');
  const calls: string[] = [];
  app.websocketApi.clientConfig = { logger: { debug() {}, info: (e: { commandName: string }) => calls.push(e.commandName), warn() {}, error() {} } };
  await app.websocketApi.send(conn.connectionId, 'a');
  app.websocketApi.clientConfig = {};
  await app.websocketApi.send(conn.connectionId, 'b');
  assert.equal([await conn.next(), await conn.next()], ['a', 'b']);
  assert.equal(calls, ['PostToConnectionCommand']);
  client.close();
});

test('manage() answers what it cannot route or decode with an error response, never a throw', () => {
  const connections = new WebsocketConnections();
  const sent: unknown[] = [];
  const connection: LocalConnection = {
    id: 'c1=',
    connectedAt: 0,
    lastActiveAt: 0,
    sourceIp: '127.0.0.1',
    userAgent: '',
    domainName: 'localhost',
    send: (data) => (sent.push(data), true),
    close: () => {},
  };
  connections.add(connection);
  const status = (method: string, url: string, body = new Uint8Array()) => {
    const res = connections.manage({ method, url, headers: {}, body });
    return `${res.statusCode} ${res.headers['x-amzn-ErrorType'] ?? ''}`.trim();
  };
  assert.is(status('POST', '/@connections/%E0%A4%A'), '400 BadRequestException');
  assert.is(status('POST', '/@connections/%'), '400 BadRequestException');
  assert.is(status('GET', '/@connections/'), '404 NotFoundException');
  assert.is(status('GET', '/@connections/__proto__'), '410 GoneException');
  assert.is(status('PATCH', '/@connections/c1%3D'), '403 ForbiddenException');
  assert.is(status('POST', '/@connections/c1%3D', new Uint8Array(200 * 1024)), '413 PayloadTooLargeException');
  assert.is(status('POST', '/stage/@connections/c1=', new TextEncoder().encode('hi')), '200');
  assert.equal(sent, [new TextEncoder().encode('hi')]);
});

test.run();
