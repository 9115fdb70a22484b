import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LocalServerError, startLocalServer } from '../src/index.ts';

function project(appSource: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-local-'));
  mkdirSync(join(dir, '.chalice'));
  mkdirSync(join(dir, 'chalicelib'));
  writeFileSync(join(dir, '.chalice', 'config.json'), JSON.stringify({ app_name: 'served', stages: { dev: { environment_variables: { GREETING: 'hi' } } } }));
  writeFileSync(join(dir, 'chalicelib', 'word.ts'), "export const WORD = 'world';\n");
  writeFileSync(join(dir, 'app.ts'), appSource);
  return dir;
}

const APP = `
import { Chalice } from '@chalice/router';
import { WORD } from './chalicelib/word.js';
export const app = new Chalice({ appName: 'served' });
app.route('/', () => ({ hello: WORD, greeting: process.env.GREETING ?? null }));
`;

const waitFor = async (check: () => Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
};

test('serves the project over real HTTP with the stage configuration', async () => {
  const server = await startLocalServer({ projectDir: project(APP), port: 0, autoreload: false, log: () => {} });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/`);
    assert.is(res.status, 200);
    assert.equal(await res.json(), { hello: 'world', greeting: 'hi' });
    const missing = await fetch(`${server.url}/nope`);
    assert.is(missing.status, 403);
    assert.is(missing.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
  } finally {
    await server.close();
  }
  assert.is(process.env.GREETING, undefined, 'environment put back on close');
});

test('autoreload: an edit is served once loaded; a broken edit keeps the last good app until fixed', async () => {
  const dir = project(APP);
  const logs: string[] = [];
  const server = await startLocalServer({ projectDir: dir, port: 0, log: (m) => logs.push(m) });
  const body = async () => (await fetch(`${server.url}/`)).text();
  try {
    assert.match(await body(), /"hello":"world"/);
    writeFileSync(join(dir, 'chalicelib', 'word.ts'), "export const WORD = 'reloaded';\n");
    assert.ok(await waitFor(async () => (await body()).includes('reloaded')), 'chalicelib edit picked up');
    writeFileSync(join(dir, 'app.ts'), `${APP}\napp.route('/broken', () => {;\n`);
    assert.ok(await waitFor(async () => logs.some((l) => /^Reload failed.*app\.ts:\d+:\d+/.test(l))), 'the error is printed');
    assert.match(await body(), /"hello":"reloaded"/, 'the last good app still serves');
    writeFileSync(join(dir, 'app.ts'), APP.replace('hello: WORD', "hello: WORD + '!'"));
    assert.ok(await waitFor(async () => (await body()).includes('reloaded!')), 'fixed edit served');
  } finally {
    await server.close();
  }
});

test('config warnings (unknown keys) are printed at start', async () => {
  const dir = project(APP);
  writeFileSync(join(dir, '.chalice', 'config.json'), JSON.stringify({ app_name: 'served', lambda_timout: 5 }));
  const logs: string[] = [];
  const server = await startLocalServer({ projectDir: dir, port: 0, autoreload: false, log: (m) => logs.push(m) });
  await server.close();
  assert.equal(logs, [`Warning: ${join(dir, '.chalice', 'config.json')}: unknown key lambda_timout is ignored`]);
});

test('a taken port is a clear LocalServerError', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const port = (blocker.address() as { port: number }).port;
  try {
    await startLocalServer({ projectDir: project(APP), port, autoreload: false, log: () => {} });
    assert.unreachable('started on a taken port');
  } catch (error) {
    assert.instance(error, LocalServerError);
    assert.is((error as Error).message, `Port ${port} on 127.0.0.1 is already in use: pick another with --port`);
  } finally {
    blocker.close();
  }
});

test('a project whose app does not load fails to start with the load error', async () => {
  try {
    await startLocalServer({ projectDir: project('export const nothing = 1;\n'), port: 0, autoreload: false, log: () => {} });
    assert.unreachable('started without an app');
  } catch (error) {
    assert.match((error as Error).message, /app\.ts must export the app/);
  }
});

test.run();
