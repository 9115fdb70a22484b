import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Chalice, Response } from '../src/index.ts';
import { captureConsole, invoke, json } from './helpers.ts';

function app() {
  const a = new Chalice({ appName: 'resp' });
  a.route('/obj', () => ({ hello: 'world' }));
  a.route('/arr', () => [1, 2]);
  a.route('/none', () => undefined);
  a.route('/text', () => new Response({ body: 'hello world!', headers: { 'Content-Type': 'text/plain' } }));
  a.route('/cookies', () => new Response({ body: {}, statusCode: 201, headers: { 'Set-Cookie': ['a=1', 'b=2'], 'X-One': 'x' } }));
  a.route('/newline', () => new Response({ body: '', headers: { 'X-Bad': 'a\nb' } }));
  a.route('/bytes-as-text', () => new Response({ body: new Uint8Array([1, 2]), headers: { 'Content-Type': 'text/plain' } }));
  a.route('/png', () => new Response({ body: new Uint8Array([0x89, 0x50]), headers: { 'Content-Type': 'image/png' } }));
  a.route('/bigint', () => ({ n: 1n }));
  a.route('/lower', () => new Response({ body: 'x', headers: { 'content-type': 'text/csv' } }));
  return a;
}
const get = (a: Chalice, resource: string, headers?: Record<string, string>) => invoke(a, { resource, ...(headers ? { headers } : {}) });

test('objects and arrays are JSON with Content-Type application/json', async () => {
  const a = app();
  const obj = await get(a, '/obj');
  assert.is(obj.body, '{"hello":"world"}');
  assert.is(obj.headers['Content-Type'], 'application/json');
  assert.is((await get(a, '/arr')).body, '[1,2]');
  assert.is((await get(a, '/none')).body, 'null');
});

test('a Response sets status, headers and a text body', async () => {
  const r = await get(app(), '/text');
  assert.is(r.statusCode, 200);
  assert.is(r.body, 'hello world!');
  assert.is(r.headers['Content-Type'], 'text/plain');
  assert.is(r.isBase64Encoded, false);
});

test('a lower-case content-type header is respected, not doubled', async () => {
  const r = await get(app(), '/lower');
  assert.is(r.headers['content-type'], 'text/csv');
  assert.is(r.headers['Content-Type'], undefined);
});

test('array header values become repeated headers', async () => {
  const r = await get(app(), '/cookies');
  assert.is(r.statusCode, 201);
  assert.equal(r.multiValueHeaders['Set-Cookie'], ['a=1', 'b=2']);
  assert.is(r.headers['X-One'], 'x');
  assert.is(r.headers['Set-Cookie'], undefined);
});

test('a header value with a newline is a logged 500', async () => {
  const { lines, value } = await captureConsole(() => get(app(), '/newline'));
  assert.is(value.statusCode, 500);
  assert.is(json(value).Code, 'InternalServerError');
  assert.ok(lines.some((l) => l.includes("Bad value for header 'X-Bad'")));
});

test('bytes need a binary content type', async () => {
  const { value } = await captureConsole(() => get(app(), '/bytes-as-text'));
  assert.is(value.statusCode, 500);
});

test('a binary response is base64 with a matching Accept, 400 without', async () => {
  const ok = await get(app(), '/png', { Accept: 'image/png' });
  assert.is(ok.statusCode, 200);
  assert.is(ok.isBase64Encoded, true);
  assert.equal([...Buffer.from(ok.body, 'base64')], [0x89, 0x50]);
  const bad = await get(app(), '/png', { Accept: 'application/json' });
  assert.is(bad.statusCode, 400);
  assert.equal(json(bad), {
    Code: 'BadRequest',
    Message:
      'Request did not specify an Accept header with image/png, The response has a Content-Type of image/png. ' +
      'If a response has a binary Content-Type then the request must specify an Accept header that matches.',
  });
  assert.is((await get(app(), '/png')).statusCode, 400, 'no Accept at all');
  assert.is((await get(app(), '/png', { accept: '*/*' })).statusCode, 200, '*/* accepts anything');
});

test('gzip tutorial: application/json made binary sends the bytes base64', async () => {
  const { gzipSync, gunzipSync } = await import('node:zlib');
  const a = new Chalice({ appName: 'compress' });
  a.api.binaryTypes.push('application/json');
  a.route(
    '/',
    () =>
      new Response({
        body: new Uint8Array(gzipSync(JSON.stringify({ hello: 'world' }))),
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      }),
  );
  const r = await get(a, '/', { Accept: 'application/json' });
  assert.is(r.isBase64Encoded, true);
  assert.equal(JSON.parse(gunzipSync(Buffer.from(r.body, 'base64')).toString()), { hello: 'world' });
});

test('a value JSON cannot encode is a 500 that says why in debug mode', async () => {
  const a = app();
  a.debug = true;
  const { value } = await captureConsole(() => get(a, '/bigint'));
  assert.is(value.statusCode, 500);
  assert.match(json(value).Message, /cannot be sent as JSON/);
});

test.run();
