import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { serve } from './helpers/serve.ts';

// Views answering with the global Fetch API Response (as Hono does), served by the built CLI.
const APP = `
import { Chalice } from '@chalice/router';

export const app = new Chalice({ appName: 'fetched' });

app.route('/login', async () => {
  const headers = new Headers({ 'Content-Type': 'text/plain' });
  headers.append('Set-Cookie', 'session=abc; HttpOnly');
  headers.append('Set-Cookie', 'theme=dark');
  return new Response('welcome', { status: 201, headers });
});
app.route('/json', () => Response.json({ hello: 'world' }, { headers: { 'X-Trace': 't1' } }));
app.route('/png', () => new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]), { headers: { 'Content-Type': 'image/png' } }));
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-fetch-e2e-'));
  mkdirSync(join(dir, '.chalice'));
  writeFileSync(join(dir, '.chalice/config.json'), JSON.stringify({ version: '2.0', app_name: 'fetched', stages: { dev: {} } }));
  writeFileSync(join(dir, 'app.ts'), APP);
  return dir;
}

test("chalice local sends a view's Fetch Response over real HTTP: status, headers, cookies, text, JSON and bytes", async () => {
  const { url, stop } = await serve(project());
  try {
    const login = await fetch(`${url}/login`);
    assert.is(login.status, 201);
    assert.is(await login.text(), 'welcome');
    assert.is(login.headers.get('content-type'), 'text/plain');
    assert.equal(login.headers.getSetCookie(), ['session=abc; HttpOnly', 'theme=dark']);
    const json = await fetch(`${url}/json`);
    assert.equal(await json.json(), { hello: 'world' });
    assert.is(json.headers.get('x-trace'), 't1');
    const png = await fetch(`${url}/png`, { headers: { Accept: 'image/png' } });
    assert.is(png.status, 200);
    assert.equal([...new Uint8Array(await png.arrayBuffer())], [0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const refused = await fetch(`${url}/png`, { headers: { Accept: 'text/html' } });
    assert.is(refused.status, 400);
    assert.is(((await refused.json()) as { Code: string }).Code, 'BadRequest');
  } finally {
    await stop();
  }
});

test.run();
