import { recordedEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { connectEvent, disconnectEvent, messageEvent, type LocalConnection } from '../src/ws-events.ts';

const connection: LocalConnection = {
  id: 'Ab1Cd2Ef3Gh=',
  connectedAt: 1710268200000,
  lastActiveAt: 1710268200000,
  sourceIp: '203.0.113.7',
  userAgent: 'ws-client',
  domainName: 'localhost:8000',
  send: () => true,
  close: () => {},
};

// Same keys at each level, and the same JSON type for each value, as the recorded event.
function shape(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return value.map(shape);
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, key === 'headers' || key === 'multiValueHeaders' ? 'object' : shape((value as Record<string, unknown>)[key])]),
  );
}

test('$connect: shaped like the recorded event, with the headers as sent and the query', () => {
  const headers = {
    Host: 'localhost:8000',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
    'X-Forwarded-For': '203.0.113.7',
    'X-Multi': ['a', 'b'],
  };
  const event = connectEvent(connection, '/api/?room=lobby', headers, 'api');
  assert.equal(shape(event), shape(recordedEvent('websocket-connect')));
  assert.equal(event.queryStringParameters, { room: 'lobby' });
  assert.equal(event.multiValueQueryStringParameters, { room: ['lobby'] });
  assert.is(event.headers!['X-Multi'], 'b');
  assert.equal((event.multiValueHeaders as Record<string, string[]>)['X-Multi'], ['a', 'b']);
  const rc = event.requestContext;
  assert.is(rc.routeKey, '$connect');
  assert.is(rc.eventType, 'CONNECT');
  assert.is(rc.connectionId, 'Ab1Cd2Ef3Gh=');
  assert.is(rc.domainName, 'localhost:8000');
  assert.is(rc.stage, 'api');
  assert.is(rc.connectedAt, 1710268200000);
  assert.equal(rc.identity, { userAgent: 'ws-client', sourceIp: '203.0.113.7' });
  assert.match(String(rc.requestTime), /^\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
});

test('$connect without a query string has no query keys; X-Forwarded-For is added when missing', () => {
  const event = connectEvent(connection, '/', { Host: 'localhost:8000' }, 'dev');
  assert.not.ok('queryStringParameters' in event);
  assert.is(event.headers!['X-Forwarded-For'], '203.0.113.7');
  assert.is(event.requestContext.stage, 'dev');
});

test('$default: text as it is, binary frames base64-encoded, shaped like the recorded event', () => {
  const text = messageEvent(connection, new TextEncoder().encode('{"action": "echo", "text": "hello"}'), false, 'api');
  assert.equal(shape(text), shape(recordedEvent('websocket-message')));
  assert.is(text.body, '{"action": "echo", "text": "hello"}');
  assert.is(text.isBase64Encoded, false);
  assert.match(String(text.requestContext.messageId), /^[\w-]+=$/);
  const binary = messageEvent(connection, new Uint8Array([0, 1, 254, 255]), true, 'api');
  assert.is(binary.body, 'AAH+/w==');
  assert.is(binary.isBase64Encoded, true);
  assert.is.not(text.requestContext.requestId, binary.requestContext.requestId);
});

test('$disconnect: shaped like the recorded event, with the close code and reason', () => {
  const event = disconnectEvent(connection, 1001, 'Client-side close frame status code', 'api');
  assert.equal(shape(event), shape(recordedEvent('websocket-disconnect')));
  assert.is(event.requestContext.disconnectStatusCode, 1001);
  assert.is(event.requestContext.routeKey, '$disconnect');
  assert.is(event.headers!.Host, 'localhost:8000');
});

test.run();
