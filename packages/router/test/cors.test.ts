import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Chalice, CORSConfig, NotFoundError } from '../src/index.ts';
import { invoke } from './helpers.ts';

test('cors: true adds Allow-Origin * to responses and to errors', async () => {
  const app = new Chalice({ appName: 'c' });
  app.route('/ok', { methods: ['PUT'], cors: true }, () => ({}));
  app.route('/missing', { cors: true }, () => {
    throw new NotFoundError('x');
  });
  const ok = await invoke(app, { resource: '/ok', method: 'PUT' });
  assert.is(ok.headers['Access-Control-Allow-Origin'], '*');
  const missing = await invoke(app, { resource: '/missing' });
  assert.is(missing.statusCode, 404);
  assert.is(missing.headers['Access-Control-Allow-Origin'], '*');
  const unsupported = await invoke(app, { resource: '/ok', method: 'PUT', headers: { 'Content-Type': 'text/plain' } });
  assert.is(unsupported.statusCode, 415);
  assert.is(unsupported.headers['Access-Control-Allow-Origin'], '*');
});

test('CORSConfig maps every option to its header', async () => {
  const cors = new CORSConfig({
    allowOrigin: 'https://foo.example.com',
    allowHeaders: ['X-Special-Header'],
    maxAge: 600,
    exposeHeaders: ['X-Special-Header'],
    allowCredentials: true,
  });
  const app = new Chalice({ appName: 'c2' });
  app.route('/custom-cors', { cors }, () => ({ cors: true }));
  const r = await invoke(app, { resource: '/custom-cors' });
  assert.equal(Object.fromEntries(Object.entries(r.headers).filter(([k]) => k.startsWith('Access-Control'))), {
    'Access-Control-Allow-Origin': 'https://foo.example.com',
    'Access-Control-Allow-Headers': 'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key,X-Special-Header',
    'Access-Control-Expose-Headers': 'X-Special-Header',
    'Access-Control-Max-Age': '600',
    'Access-Control-Allow-Credentials': 'true',
  });
});

test('app.api.cors applies to routes registered after it; cors: false opts out', async () => {
  const app = new Chalice({ appName: 'c3' });
  app.route('/before', () => ({}));
  app.api.cors = true;
  app.route('/after', () => ({}));
  app.route('/out', { cors: false }, () => ({}));
  assert.is((await invoke(app, { resource: '/before' })).headers['Access-Control-Allow-Origin'], undefined);
  assert.is((await invoke(app, { resource: '/after' })).headers['Access-Control-Allow-Origin'], '*');
  assert.is((await invoke(app, { resource: '/out' })).headers['Access-Control-Allow-Origin'], undefined);
});

test("a view's own CORS header is not overwritten", async () => {
  const { Response } = await import('../src/index.ts');
  const app = new Chalice({ appName: 'c4' });
  app.route('/mine', { cors: true }, () => new Response({ body: {}, headers: { 'Access-Control-Allow-Origin': 'https://me.example' } }));
  assert.is((await invoke(app, { resource: '/mine' })).headers['Access-Control-Allow-Origin'], 'https://me.example');
});

test.run();
