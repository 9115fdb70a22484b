import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from './helpers/cli.ts';
import { serve } from './helpers/serve.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

const APP = `
import { AuthResponse, Chalice, Response } from '@chalice/router';
import { GREETING } from './chalicelib/greeting.js';

export const app = new Chalice({ appName: 'e2e' });

const auth = app.authorizer({ ttlSeconds: 30 }, function token_auth(request) {
  return new AuthResponse({ routes: request.token === 'allow' ? ['/private'] : [], principalId: 'p1', context: { tier: 'gold' } });
});

app.route('/', () => ({ greeting: GREETING, env: process.env.STAGE_NAME ?? null, memory: app.lambdaContext?.memoryLimitInMB ?? null }));
app.route('/items/{id}', { methods: ['GET', 'PUT'], cors: true }, ({ id }, request) => ({ id, query: request.queryParams, body: request.jsonBody }));
app.route('/private', { authorizer: auth }, (_, request) => ({ authorizer: request.context.authorizer }));
app.route('/echo', { methods: ['POST'], contentTypes: ['application/octet-stream'] }, (_, request) =>
  new Response({ body: request.rawBody, headers: { 'Content-Type': 'application/octet-stream' } }));
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-e2e-'));
  mkdirSync(join(dir, '.chalice'));
  mkdirSync(join(dir, 'chalicelib'));
  writeFileSync(
    join(dir, '.chalice/config.json'),
    JSON.stringify({ version: '2.0', app_name: 'e2e', stages: { dev: { environment_variables: { STAGE_NAME: 'dev' }, lambda_memory_size: 256 } } }),
  );
  writeFileSync(join(dir, 'chalicelib/greeting.ts'), "export const GREETING = 'hello';\n");
  writeFileSync(join(dir, 'app.ts'), APP);
  return dir;
}

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
};

test('chalice local behaves like API Gateway in front of the app, over real HTTP', async () => {
  const dir = project();
  const { url, stop } = await serve(dir);
  try {
    assert.equal(await (await fetch(`${url}/`)).json(), { greeting: 'hello', env: 'dev', memory: '256' });
    const put = await fetch(`${url}/items/a%20b?x=1&x=2`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"n":1}' });
    assert.equal(await put.json(), { id: 'a b', query: { x: '2' }, body: { n: 1 } });
    assert.is(put.headers.get('access-control-allow-origin'), '*');
    const preflight = await fetch(`${url}/items/1`, { method: 'OPTIONS' });
    assert.is(preflight.headers.get('access-control-allow-methods'), 'GET,PUT,OPTIONS');
    const wrongMethod = await fetch(`${url}/items/1`, { method: 'DELETE' });
    assert.is(wrongMethod.status, 405);
    assert.equal(await wrongMethod.json(), { Code: 'MethodNotAllowedError', Message: 'Unsupported method: DELETE' });
    assert.is((await fetch(`${url}/items/1/`)).status, 200, 'trailing slash');
    const badJson = await fetch(`${url}/items/1`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{' });
    assert.is(badJson.status, 400);
    assert.is((await fetch(`${url}/private`)).status, 401);
    assert.is((await fetch(`${url}/private`, { headers: { Authorization: 'deny' } })).status, 403);
    const allowed = await fetch(`${url}/private`, { headers: { Authorization: 'allow' } });
    assert.equal(await allowed.json(), { authorizer: { tier: 'gold', principalId: 'p1' } });
    const echo = await fetch(`${url}/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/octet-stream' },
      body: new Uint8Array([0xfe, 0xed]),
    });
    assert.equal([...new Uint8Array(await echo.arrayBuffer())], [0xfe, 0xed]);
    const noRoute = await fetch(`${url}/nowhere`);
    assert.is(noRoute.status, 403);
    writeFileSync(join(dir, 'chalicelib/greeting.ts'), "export const GREETING = 'edited';\n");
    assert.ok(await until(async () => ((await (await fetch(`${url}/`)).json()) as { greeting: string }).greeting === 'edited'), 'autoreload');
  } finally {
    await stop();
  }
});

test("a new project's own test passes with its documented command (npm test)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-template-'));
  for (const template of ['rest-api', 's3-event', 'lambda-only']) {
    const name = `t-${template}`;
    assert.is(run(['new-project', name, '--template', template], dir).status, 0);
    const project = join(dir, name);
    // What `npm install` would bring, taken from this workspace (the packages are not published here).
    mkdirSync(join(project, 'node_modules/@chalice'), { recursive: true });
    for (const pkg of ['router', 'local', 'config', 'events', 'authorizers', 'websocket']) {
      symlinkSync(join(REPO, 'packages', pkg), join(project, 'node_modules/@chalice', pkg));
    }
    symlinkSync(dirname(dirname(fileURLToPath(import.meta.resolve('tsx')))), join(project, 'node_modules/tsx'));
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', 'test/app.test.ts'], { cwd: project, encoding: 'utf8' });
    assert.is(result.status, 0, `${template}: ${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /# pass 1/);
  }
});

test.run();
