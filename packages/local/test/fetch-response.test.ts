import { Chalice } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TestClient } from '../src/index.ts';

// A view answering with the global Fetch API Response, through the same gateway as `chalice local`.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);

function fetchApp() {
  const app = new Chalice({ appName: 'fetched' });
  app.route('/login', async () => {
    const headers = new Headers({ 'Content-Type': 'text/plain' });
    headers.append('Set-Cookie', 'session=abc; HttpOnly');
    headers.append('Set-Cookie', 'theme=dark');
    return new Response('welcome', { status: 201, headers });
  });
  app.route('/json', () => Response.json({ hello: 'world' }));
  app.route('/png', () => new Response(PNG, { headers: { 'Content-Type': 'image/png' } }));
  return app;
}

test('the test client gets a Fetch Response: status, text and every Set-Cookie', async () => {
  const client = new TestClient(fetchApp());
  const res = await client.http.get('/login');
  assert.is(res.statusCode, 201);
  assert.is(res.text, 'welcome');
  assert.equal(res.headers['set-cookie'], ['session=abc; HttpOnly', 'theme=dark']);
  assert.equal((await client.http.get('/json')).json(), { hello: 'world' });
  client.close();
});

test('the test client gets a binary Fetch Response as bytes when it accepts the type, else the 400', async () => {
  const client = new TestClient(fetchApp());
  const png = await client.http.get('/png', { headers: { Accept: 'image/png' } });
  assert.is(png.statusCode, 200);
  assert.equal([...png.body], [...PNG]);
  const refused = await client.http.get('/png', { headers: { Accept: 'text/html' } });
  assert.is(refused.statusCode, 400);
  assert.is(refused.json().Code, 'BadRequest');
  client.close();
});

test.run();
