import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Chalice, CORSConfig } from '../src/index.ts';
import { invoke, json } from './helpers.ts';

// Views answering with the global Fetch API Response, as Hono and other frameworks do.
const FetchResponse = globalThis.Response;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);

function app() {
  const a = new Chalice({ appName: 'fetch' });
  a.route('/text', () => new FetchResponse('hello world!', { status: 201, headers: { 'Content-Type': 'text/plain', 'X-One': 'x' } }));
  a.route('/json', async () => FetchResponse.json({ hello: 'world' }, { status: 202 }));
  a.route('/cookies', () => {
    const headers = new Headers({ 'Content-Type': 'text/plain' });
    headers.append('Set-Cookie', 'a=1; Path=/');
    headers.append('Set-Cookie', 'b=2; HttpOnly');
    return new FetchResponse('ok', { headers });
  });
  a.route('/one-cookie', () => new FetchResponse('ok', { headers: { 'Set-Cookie': 'a=1', 'Content-Type': 'text/plain' } }));
  a.route('/png', () => new FetchResponse(PNG, { headers: { 'Content-Type': 'image/png' } }));
  a.route('/empty', () => new FetchResponse(null, { status: 204 }));
  a.route('/cors', { cors: new CORSConfig({ allowOrigin: 'https://example.com' }) }, () => new FetchResponse('c', { headers: { 'Content-Type': 'text/plain' } }));
  return a;
}
const get = (a: Chalice, resource: string, headers?: Record<string, string>) => invoke(a, { resource, ...(headers ? { headers } : {}) });

test('a Fetch Response keeps its status, headers and text body', async () => {
  const r = await get(app(), '/text');
  assert.is(r.statusCode, 201);
  assert.is(r.body, 'hello world!');
  assert.is(r.headers['content-type'], 'text/plain');
  assert.is(r.headers['x-one'], 'x');
  assert.is(r.isBase64Encoded, false);
});

test('Response.json() from an async view is sent as JSON', async () => {
  const r = await get(app(), '/json');
  assert.is(r.statusCode, 202);
  assert.equal(json(r), { hello: 'world' });
  assert.is(r.headers['content-type'], 'application/json');
});

test('several Set-Cookie headers become multiValueHeaders; one stays a header', async () => {
  const r = await get(app(), '/cookies');
  assert.equal(r.multiValueHeaders['set-cookie'], ['a=1; Path=/', 'b=2; HttpOnly']);
  assert.is(r.headers['set-cookie'], undefined);
  assert.is(r.body, 'ok');
  const one = await get(app(), '/one-cookie');
  assert.is(one.headers['set-cookie'], 'a=1');
});

test('a binary body is base64 when the request accepts its type', async () => {
  const r = await get(app(), '/png', { Accept: 'image/png' });
  assert.is(r.statusCode, 200);
  assert.is(r.isBase64Encoded, true);
  assert.equal(new Uint8Array(Buffer.from(r.body, 'base64')), PNG);
  assert.is(r.headers['content-type'], 'image/png');
});

test('a binary body without a matching Accept is the same 400 as for our Response', async () => {
  const r = await get(app(), '/png', { Accept: 'text/html' });
  assert.is(r.statusCode, 400);
  assert.is(json(r).Code, 'BadRequest');
  assert.match(json(r).Message, 'Request did not specify an Accept header with image/png');
});

test('a body-less Fetch Response keeps its status and sends an empty body', async () => {
  const r = await get(app(), '/empty');
  assert.is(r.statusCode, 204);
  assert.is(r.body, '');
});

test('the route CORS headers are added to a Fetch Response', async () => {
  const r = await get(app(), '/cors');
  assert.is(r.headers['Access-Control-Allow-Origin'], 'https://example.com');
  assert.is(r.body, 'c');
});

test.run();
