import { ApiGatewayManagementApiClient, DeleteConnectionCommand, GetConnectionCommand, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { mockClient } from 'aws-sdk-client-mock';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WebsocketAPI, WebsocketDisconnectedError } from '../src/index.ts';

// The SDK warns once that it will want Node 22 from 2027; that is noise in these tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const mock = mockClient(ApiGatewayManagementApiClient);
const DOMAIN = 'ws123.execute-api.us-west-2.amazonaws.com';
// No status code: the error's name alone must be enough.
const gone = () => new GoneException({ message: 'Gone', $metadata: {} });

test.before.each(() => {
  mock.reset();
});

function configured() {
  const api = new WebsocketAPI();
  api.configure(DOMAIN, 'api');
  return api;
}

async function rejects(promise: Promise<unknown>, check: (err: any) => boolean, what: string) {
  try {
    await promise;
  } catch (err) {
    assert.ok(check(err), `${what}: got ${String(err)}`);
    return;
  }
  assert.unreachable(`${what}: expected a rejection`);
}

async function endpointOf(client: ApiGatewayManagementApiClient): Promise<string> {
  const e = await client.config.endpoint!();
  return `${e.protocol}//${e.hostname}${e.port ? `:${e.port}` : ''}${e.path}`;
}

test('configure sets https://{domainName}/{stage}', () => {
  const api = new WebsocketAPI();
  assert.is(api.endpoint, null);
  api.configure(DOMAIN, 'api');
  assert.is(api.endpoint, `https://${DOMAIN}/api`);
  api.configure('other.example.com', 'prod');
  assert.is(api.endpoint, 'https://other.example.com/prod');
});

test('setEndpoint wins over configure', () => {
  const api = new WebsocketAPI();
  api.setEndpoint('http://127.0.0.1:8000');
  api.configure(DOMAIN, 'api');
  assert.is(api.endpoint, 'http://127.0.0.1:8000');
});

test('setEndpoint options reach the SDK client, and the SDK can come from the caller', async () => {
  mock.on(PostToConnectionCommand).resolves({});
  const api = configured();
  await api.send('before', 'x');
  let loads = 0;
  const sdk = await import('@aws-sdk/client-apigatewaymanagementapi');
  api.setEndpoint('http://127.0.0.1:8000', {
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    loadSdk: async () => {
      loads++;
      return sdk;
    },
  });
  await api.send('after', 'y');
  await api.send('again', 'z');
  assert.is(loads, 2, 'the given loader is asked on each call (the module cache makes that cheap)');
  const clients = mock.commandCalls(PostToConnectionCommand).map((c) => c.thisValue as ApiGatewayManagementApiClient);
  assert.is.not(clients[0], clients[1], 'setEndpoint drops the clients made before it');
  assert.is(clients[1], clients[2]);
  assert.is(await clients[1]!.config.region(), 'eu-west-3');
  const { accessKeyId, secretAccessKey } = await clients[1]!.config.credentials();
  assert.equal({ accessKeyId, secretAccessKey }, { accessKeyId: 'local', secretAccessKey: 'local' });
  assert.is(await endpointOf(clients[1]!), 'http://127.0.0.1:8000/');
});

test('send posts the message to the connection, at the configured endpoint and region', async () => {
  mock.on(PostToConnectionCommand).resolves({});
  const api = configured();
  assert.is(await api.send('Ab1Cd2Ef3Gh=', 'hello'), undefined);
  const calls = mock.commandCalls(PostToConnectionCommand);
  assert.is(calls.length, 1);
  assert.equal(calls[0]!.args[0].input, { ConnectionId: 'Ab1Cd2Ef3Gh=', Data: 'hello' });
  const client = calls[0]!.thisValue as ApiGatewayManagementApiClient;
  assert.is(await endpointOf(client), `https://${DOMAIN}/api`);
  assert.is(await client.config.region(), 'us-west-2');
});

test('send passes bytes through', async () => {
  mock.on(PostToConnectionCommand).resolves({});
  const bytes = new Uint8Array([0, 1, 2, 255]);
  await configured().send('c1', bytes);
  assert.is(mock.commandCalls(PostToConnectionCommand)[0]!.args[0].input.Data, bytes);
});

test('one client per endpoint, reused across calls', async () => {
  mock.onAnyCommand().resolves({});
  const api = configured();
  await api.send('a', 'x');
  await api.close('b');
  api.setEndpoint('http://127.0.0.1:8000');
  await api.send('c', 'y');
  const clients = mock.calls().map((c) => c.thisValue as ApiGatewayManagementApiClient);
  assert.is(clients.length, 3);
  assert.is(clients[0], clients[1]);
  assert.is.not(clients[1], clients[2]);
  assert.is(await endpointOf(clients[2]!), 'http://127.0.0.1:8000/');
});

test('close deletes the connection', async () => {
  mock.on(DeleteConnectionCommand).resolves({});
  await configured().close('Ab1Cd2Ef3Gh=');
  const calls = mock.commandCalls(DeleteConnectionCommand);
  assert.is(calls.length, 1);
  assert.equal(calls[0]!.args[0].input, { ConnectionId: 'Ab1Cd2Ef3Gh=' });
});

test('info gets the connection, in camelCase', async () => {
  const connectedAt = new Date('2024-03-12T18:30:00Z');
  const lastActiveAt = new Date('2024-03-12T18:30:05Z');
  mock.on(GetConnectionCommand, { ConnectionId: 'Ab1Cd2Ef3Gh=' }).resolves({
    ConnectedAt: connectedAt,
    LastActiveAt: lastActiveAt,
    Identity: { SourceIp: '203.0.113.7', UserAgent: 'ws-client' },
  });
  const info = await configured().info('Ab1Cd2Ef3Gh=');
  assert.equal(info, { connectedAt, lastActiveAt, identity: { sourceIp: '203.0.113.7', userAgent: 'ws-client' } });
  assert.is(mock.commandCalls(GetConnectionCommand).length, 1);
});

test('GoneException becomes WebsocketDisconnectedError with the connection id', async () => {
  mock.on(PostToConnectionCommand).rejects(gone());
  mock.on(DeleteConnectionCommand).rejects(gone());
  mock.on(GetConnectionCommand).rejects(gone());
  const api = configured();
  const disconnected = (id: string) => (err: WebsocketDisconnectedError) =>
    err instanceof WebsocketDisconnectedError &&
    err.connectionId === id &&
    err.code === 'WEBSOCKET_DISCONNECTED' &&
    err.name === 'WebsocketDisconnectedError' &&
    err.message.includes(id) &&
    err.cause instanceof GoneException;
  await rejects(api.send('s1', 'x'), disconnected('s1'), 'send');
  await rejects(api.close('c1'), disconnected('c1'), 'close');
  await rejects(api.info('i1'), disconnected('i1'), 'info');
});

test('any 410 answer counts as gone', async () => {
  const err = Object.assign(new Error('gone away'), { name: 'SomethingElse', $metadata: { httpStatusCode: 410 } });
  mock.on(PostToConnectionCommand).rejects(err);
  await rejects(configured().send('z', 'x'), (e) => e instanceof WebsocketDisconnectedError && e.connectionId === 'z', 'send');
});

test('other errors propagate unchanged', async () => {
  const forbidden = Object.assign(new Error('Forbidden'), { name: 'ForbiddenException', $metadata: { httpStatusCode: 403 } });
  mock.on(PostToConnectionCommand).rejects(forbidden);
  mock.on(GetConnectionCommand).rejects(forbidden);
  const api = configured();
  await rejects(api.send('a', 'x'), (e) => e === forbidden, 'send');
  await rejects(api.info('a'), (e) => e === forbidden, 'info');
});

test('clientConfig: its settings reach every client made after it, without fixing the endpoint', async () => {
  mock.on(PostToConnectionCommand).resolves({});
  const api = configured();
  await api.send('before', 'x');
  assert.equal(api.clientConfig, {});
  api.clientConfig = { maxAttempts: 7, region: 'ap-south-1', endpoint: 'http://ignored.example' };
  await api.send('after', 'y');
  api.configure('other.example.com', 'prod');
  await api.send('moved', 'z');
  const clients = mock.commandCalls(PostToConnectionCommand).map((c) => c.thisValue as ApiGatewayManagementApiClient);
  assert.is.not(clients[0], clients[1], 'a new clientConfig drops the clients made before it');
  assert.is(await clients[1]!.config.maxAttempts(), 7);
  assert.is(await clients[1]!.config.region(), 'ap-south-1');
  assert.is(await endpointOf(clients[1]!), `https://${DOMAIN}/api`, 'the endpoint is still the configured one');
  assert.is(await endpointOf(clients[2]!), 'https://other.example.com/prod', 'configure still moves it');
  assert.is(await clients[2]!.config.maxAttempts(), 7);
});

test('setEndpoint options win over clientConfig', async () => {
  mock.on(PostToConnectionCommand).resolves({});
  const api = new WebsocketAPI();
  api.clientConfig = { maxAttempts: 2, region: 'eu-west-1' };
  api.setEndpoint('http://127.0.0.1:8000', { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await api.send('a', 'x');
  const client = mock.commandCalls(PostToConnectionCommand)[0]!.thisValue as ApiGatewayManagementApiClient;
  assert.is(await client.config.region(), 'us-east-1');
  assert.is(await client.config.maxAttempts(), 2);
});

test('calling before configure or setEndpoint is a clear error, and sends nothing', async () => {
  const api = new WebsocketAPI();
  const notConfigured = (e: any) => e.code === 'WEBSOCKET_NOT_CONFIGURED' && /configure/.test(e.message) && /setEndpoint/.test(e.message);
  await rejects(api.send('a', 'x'), notConfigured, 'send');
  await rejects(api.close('a'), notConfigured, 'close');
  await rejects(api.info('a'), notConfigured, 'info');
  assert.is(mock.calls().length, 0);
});

test.run();
