import { lambdaContext, recordedEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UnexpectedEventError } from '@chalice/events';
import { BadJsonError, WebsocketEvent } from '../src/index.ts';

const DOMAIN = 'ws123.execute-api.us-west-2.amazonaws.com';

test('a $connect event', () => {
  const raw = recordedEvent('websocket-connect');
  const context = lambdaContext();
  const event = new WebsocketEvent(raw, context);
  assert.is(event.connectionId, 'Ab1Cd2Ef3Gh=');
  assert.is(event.routeKey, '$connect');
  assert.is(event.eventType, 'CONNECT');
  assert.is(event.domainName, DOMAIN);
  assert.is(event.stage, 'api');
  assert.is(event.body, null);
  assert.equal(event.queryParams, { room: 'lobby' });
  assert.equal(event.headers, {
    host: DOMAIN,
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'sec-websocket-version': '13',
    'x-forwarded-for': '203.0.113.7',
  });
  assert.is(event.context, context);
  assert.is(event.toDict(), raw);
});

test('a $default message event', () => {
  const event = new WebsocketEvent<{ action: string; text: string }>(recordedEvent('websocket-message'), lambdaContext());
  assert.is(event.routeKey, '$default');
  assert.is(event.eventType, 'MESSAGE');
  assert.is(event.connectionId, 'Ab1Cd2Ef3Gh=');
  assert.is(event.body, '{"action": "echo", "text": "hello"}');
  assert.equal(event.jsonBody, { action: 'echo', text: 'hello' });
  assert.is(event.jsonBody.text, 'hello');
  assert.is(event.queryParams, null);
  assert.is(event.headers, null);
});

test('a $disconnect event', () => {
  const event = new WebsocketEvent(recordedEvent('websocket-disconnect'), lambdaContext());
  assert.is(event.routeKey, '$disconnect');
  assert.is(event.eventType, 'DISCONNECT');
  assert.is(event.domainName, DOMAIN);
  assert.is(event.stage, 'api');
  assert.is(event.body, null);
  assert.is(event.queryParams, null);
  assert.equal(event.headers, { host: DOMAIN, 'x-api-key': '' });
});

test('jsonBody is parsed once', () => {
  const event = new WebsocketEvent(recordedEvent('websocket-message'), lambdaContext());
  assert.is(event.jsonBody, event.jsonBody);
});

test('invalid JSON (and no body) throws BadJsonError "Error Parsing JSON"', () => {
  const raw = recordedEvent('websocket-message');
  raw.body = '{not json';
  const event = new WebsocketEvent(raw, lambdaContext());
  assert.is(event.body, '{not json');
  const isBadJson = (err: BadJsonError) =>
    err instanceof BadJsonError && err instanceof Error && err.code === 'BAD_JSON' && err.message === 'Error Parsing JSON' && err.cause instanceof SyntaxError;
  assert.throws(() => event.jsonBody, isBadJson);
  assert.throws(() => new WebsocketEvent(recordedEvent('websocket-connect'), lambdaContext()).jsonBody, isBadJson);
});

test('base64 bodies are decoded as UTF-8 text', () => {
  const raw = recordedEvent('websocket-message');
  raw.body = Buffer.from('{"text":"héllo ✓"}', 'utf8').toString('base64');
  raw.isBase64Encoded = true;
  const event = new WebsocketEvent(raw, lambdaContext());
  assert.is(event.body, '{"text":"héllo ✓"}');
  assert.equal(event.jsonBody, { text: 'héllo ✓' });
  assert.is(event.toDict().body, raw.body, 'toDict keeps the event as sent');
});

test('a body that is not base64 encoded is kept as is', () => {
  const raw = recordedEvent('websocket-message');
  raw.body = 'aGVsbG8=';
  assert.is(new WebsocketEvent(raw, lambdaContext()).body, 'aGVsbG8=');
});

test('wrong-shaped events throw UnexpectedEventError', () => {
  const bad: unknown[] = [null, undefined, 42, {}, { requestContext: {} }, { requestContext: { connectionId: 7 } }, recordedEvent('rest-get'), recordedEvent('sqs')];
  for (const e of bad) {
    assert.throws(
      () => new WebsocketEvent(e, lambdaContext()),
      (err: UnexpectedEventError) => err instanceof UnexpectedEventError && err.code === 'UNEXPECTED_EVENT' && /websocket/.test(err.expected),
    );
  }
});

test.run();
