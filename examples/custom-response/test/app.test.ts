import { lambdaContext, recordedEvent, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

test('plain text responses', async () => {
  const ok = await app.handler(restEvent({ resource: '/' }), lambdaContext());
  assert.is(ok.body, 'hello world!');
  assert.is(ok.headers['Content-Type'], 'text/plain');
  const bad = await app.handler(restEvent({ resource: '/badrequest' }), lambdaContext());
  assert.is(bad.statusCode, 400);
  assert.is(bad.body, 'Plain text error message');
});

test('binary echo: bytes in, the same bytes out, base64 on the wire', async () => {
  const result = await app.handler(recordedEvent('rest-post-binary'), lambdaContext());
  assert.is(result.statusCode, 200);
  assert.is(result.isBase64Encoded, true);
  assert.equal([...Buffer.from(result.body, 'base64')], [0xfe, 0xed]);
});

test("binary echo without an Accept header is the seed's 400", async () => {
  const event = recordedEvent('rest-post-binary');
  delete event.headers.Accept;
  const result = await app.handler(event, lambdaContext());
  assert.is(result.statusCode, 400);
  assert.equal(JSON.parse(result.body).Code, 'BadRequest');
  assert.match(JSON.parse(result.body).Message, /^Request did not specify an Accept header with application\/octet-stream/);
});

test('binary echo without a Content-Type is a 415', async () => {
  const event = recordedEvent('rest-post-binary');
  delete event.headers['Content-Type'];
  assert.is((await app.handler(event, lambdaContext())).statusCode, 415);
});

test.run();
