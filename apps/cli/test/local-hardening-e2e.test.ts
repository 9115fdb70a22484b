import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { CLI, run } from './helpers/cli.ts';
import { rawExchange, statusOf } from './helpers/raw-http.ts';
import { serve, type Served } from './helpers/serve.ts';

// An app doing, in its views, everything a careless one might.
const APP = `
import { AuthResponse, Chalice, Response } from '@chalice/router';

export const app = new Chalice({ appName: 'hardening' });

const silent = app.authorizer(function silent_auth() { return undefined; });
const deny = app.authorizer(function deny_auth() { return new AuthResponse({ routes: [], principalId: 'p' }); });

app.route('/', () => ({ ok: true }));
app.route('/query', (_, request) => ({
  query: request.queryParams,
  multi: request.multiValueQueryParams,
  proto: request.headers['__proto__'] ?? null,
  ctor: request.headers.constructor ?? null,
  toStringIsOwn: request.queryParams !== null && 'toString' in request.queryParams,
}));
app.route('/echo', { methods: ['POST'], contentTypes: ['text/plain'] }, (_, request) => ({ length: request.rawBody.length }));
app.route('/throw-null', () => { throw Object.create(null); });
app.route('/throw-string', async () => { throw 'a string'; });
app.route('/header-name', () => new Response({ body: 'x', headers: { 'Bad Name': 'x', 'Content-Type': 'text/plain' } }));
app.route('/header-value', () => new Response({ body: 'x', headers: { 'X-Bad': 'a\\rb', 'Content-Type': 'text/plain' } }));
app.route('/status', () => new Response({ body: 'x', statusCode: 'abc' as unknown as number }));
app.route('/own-length', () => new Response({ body: 'hello', headers: { 'Content-Length': '999', 'transfer-encoding': 'chunked', 'Content-Type': 'text/plain' } }));
app.route('/unhandled', () => { void Promise.reject(new Error('never handled')); return { ok: 'unhandled' }; });
app.route('/timer', () => { setTimeout(() => { throw new Error('thrown in a timer'); }, 0); return { ok: 'timer' }; });
app.route('/huge', () => new Response({ body: 'x'.repeat(7 * 1024 * 1024), headers: { 'Content-Type': 'text/plain' } }));
app.route('/no-content', () => new Response({ statusCode: 204, body: 'dropped' }));
app.route('/not-modified', () => new Response({ statusCode: 304, body: 'dropped' }));
app.route('/keyed', { apiKeyRequired: true }, () => ({ keyed: true }));
app.route('/silent', { authorizer: silent }, () => ({ never: true }));
app.route('/denied', { authorizer: deny }, () => ({ never: true }));
app.route('/exit', () => process.exit(3));
`;

function project(app = APP): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-hardening-'));
  mkdirSync(join(dir, '.chalice'));
  writeFileSync(join(dir, '.chalice/config.json'), JSON.stringify({ version: '2.0', app_name: 'hardening', stages: { dev: {} } }));
  writeFileSync(join(dir, 'app.ts'), app);
  return dir;
}

let served: Served;
const dir = project();

test.before(async () => {
  served = await serve(dir);
});

test.after(async () => {
  await served.stop();
});

const get = (path: string, init?: RequestInit) => fetch(`${served.url}${path}`, init);
const healthy = async () => assert.equal(await (await get('/')).json(), { ok: true }, 'the server still answers');

test('query keys and header names named like Object.prototype members are ordinary keys', async () => {
  const res = await get('/query?constructor=1&__proto__=x&toString=2&hasOwnProperty=3');
  assert.is(res.status, 200);
  const body = (await res.json()) as { query: object; multi: object };
  const expected = [
    ['constructor', '1'],
    ['__proto__', 'x'],
    ['toString', '2'],
    ['hasOwnProperty', '3'],
  ];
  assert.equal(Object.entries(body.query), expected);
  assert.equal(
    Object.entries(body.multi),
    expected.map(([key, value]) => [key, [value]]),
  );
  const plain = (await (await get('/query?a=1')).json()) as { toStringIsOwn: boolean; ctor: unknown };
  assert.is(plain.toStringIsOwn, false, 'a key the client did not send is not there');
  assert.is(plain.ctor, null);
  // fetch drops a `__proto__` header: sent as it is on a socket.
  const raw = await rawExchange(served.url, 'GET /query?constructor=1 HTTP/1.1\r\nHost: x\r\n__proto__: p\r\nconstructor: c\r\nConnection: close\r\n\r\n');
  assert.is(statusOf(raw), 200, raw);
  assert.match(raw, /"proto":"p"/);
  assert.match(raw, /"ctor":"c"/);
  await healthy();
});

test('broken and aborted request bodies get a 400 or are dropped, and the server stays up', async () => {
  const badChunk = await rawExchange(served.url, 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n');
  assert.is(statusOf(badChunk), 400, badChunk);
  const gzip = await rawExchange(served.url, 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: gzip\r\n\r\nhello');
  assert.is(statusOf(gzip), 400, gzip);
  // Promises more than it sends, then hangs up.
  const short = await rawExchange(served.url, 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nhello', {
    then: (socket) => setTimeout(() => socket.destroy(), 50),
  });
  assert.is(short, '');
  const abortedChunked = await rawExchange(served.url, 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel', {
    then: (socket) => setTimeout(() => socket.destroy(), 50),
  });
  assert.is(abortedChunked, '');
  const management = await rawExchange(served.url, 'POST /@connections/abc HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n');
  assert.is(statusOf(management), 400, management);
  const managementAborted = await rawExchange(served.url, 'POST /@connections/abc HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab', {
    then: (socket) => setTimeout(() => socket.destroy(), 50),
  });
  assert.is(managementAborted, '');
  await healthy();
  const ok = await get('/echo', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
  assert.equal(await ok.json(), { length: 5 });
});

test('a body over 10 MB is refused with 413 while it arrives, not after', async () => {
  const declared = await rawExchange(served.url, `POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${1536 * 1024 * 1024}\r\n\r\n`);
  assert.is(statusOf(declared), 413, declared);
  assert.match(declared, /Request Too Long/);
  // A chunked upload that never ends: the answer comes once 10 MB have passed.
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const endless = await rawExchange(served.url, 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n', {
    timeoutMs: 10_000,
    then: (socket) => {
      const more = () => {
        if (socket.destroyed) return;
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        if (socket.write('\r\n')) setImmediate(more);
        else socket.once('drain', more);
      };
      more();
    },
  });
  assert.is(statusOf(endless), 413, endless.slice(0, 200));
  await healthy();
});

test('whatever a view does, the request is answered and the next one is served', async () => {
  // A thrown value the router cannot describe fails the Lambda itself, and API Gateway cannot
  // send a header or status Node refuses ("Malformed Lambda proxy response"): both are its 502.
  for (const [path, status] of [
    ['/throw-null', 502],
    ['/throw-string', 500],
    ['/header-name', 502],
    ['/header-value', 502],
    ['/status', 502],
  ] as const) {
    const res = await get(path);
    assert.is(res.status, status, path);
    await res.arrayBuffer();
    await healthy();
  }
  const own = await get('/own-length');
  assert.is(await own.text(), 'hello');
  assert.is(own.headers.get('content-length'), '5');
  assert.is(own.headers.get('transfer-encoding'), null);
  assert.equal(await (await get('/unhandled')).json(), { ok: 'unhandled' });
  assert.equal(await (await get('/timer')).json(), { ok: 'timer' });
  await new Promise((resolve) => setTimeout(resolve, 100));
  await healthy();
  assert.match(served.output(), /never handled/);
  assert.match(served.output(), /thrown in a timer/);
});

test("a response over Lambda's 6 MB payload limit is API Gateway's 502, and the log says why", async () => {
  const res = await get('/huge');
  assert.is(res.status, 502);
  assert.equal(await res.json(), { message: 'Internal server error' });
  assert.match(served.output(), /6 MB|6291556/);
  await healthy();
});

test("authorizer denials and failures carry API Gateway's x-amzn-ErrorType", async () => {
  const silent = await get('/silent', { headers: { Authorization: 'token' } });
  assert.is(silent.status, 500);
  assert.equal(await silent.json(), { message: null });
  assert.is(silent.headers.get('x-amzn-errortype'), 'AuthorizerConfigurationException');
  const noToken = await get('/denied');
  assert.is(noToken.status, 401);
  assert.is(noToken.headers.get('x-amzn-errortype'), 'UnauthorizedException');
  const denied = await get('/denied', { headers: { Authorization: 'token' } });
  assert.is(denied.status, 403);
  assert.is(denied.headers.get('x-amzn-errortype'), 'AccessDeniedException');
});

test('a route with apiKeyRequired needs an x-api-key header (any value locally)', async () => {
  const without = await get('/keyed');
  assert.is(without.status, 403);
  assert.equal(await without.json(), { message: 'Forbidden' });
  const withKey = await get('/keyed', { headers: { 'x-api-key': 'anything' } });
  assert.equal(await withKey.json(), { keyed: true });
  assert.match(run(['local', '--help']).stdout, /x-api-key/);
});

test('a request line too long for the server is answered 414', async () => {
  const long = await rawExchange(served.url, `GET /query?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  assert.is(statusOf(long), 414, long.slice(0, 200));
  const viaFetch = await get(`/query?q=${'b'.repeat(9_000)}`);
  assert.is(viaFetch.status, 414);
  await healthy();
});

test('204 and 304 responses have no body and no Content-Length other than 0', async () => {
  for (const path of ['/no-content', '/not-modified']) {
    const raw = await rawExchange(served.url, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    const [head, body] = raw.split('\r\n\r\n');
    assert.ok(!/content-length: [1-9]/i.test(head ?? ''), head);
    assert.is(body, '', path);
  }
});

test('a rejection at the top level of a reloaded module is logged and the server keeps serving', async () => {
  writeFileSync(join(dir, 'app.ts'), `${APP}\nvoid Promise.reject(new Error('rejected at the top level'));\napp.route('/reloaded', () => ({ reloaded: true }));\n`);
  let reloaded = false;
  for (let i = 0; i < 100 && !reloaded; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    reloaded = (await get('/reloaded')).status === 200;
  }
  assert.ok(reloaded, 'the edit was loaded');
  // The rejection is reported a turn after the module ran, and stderr may arrive after the answer.
  for (let i = 0; i < 100 && !/rejected at the top level/.test(served.output()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.match(served.output(), /rejected at the top level/);
  await healthy();
});

test('process.exit() in a view is reported, not a silent disappearance', async () => {
  await get('/exit').catch(() => null);
  const { output } = await served.stop();
  assert.match(output, /process\.exit\(3\)/);
});

test('sibling routes whose parameters differ in name are refused when the app loads', () => {
  const sibling = project(
    `import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'sib' });\napp.route('/a/{x}', () => 1);\napp.route('/a/{y}/b', () => 2);\n`,
  );
  const result = spawnSync(process.execPath, [CLI, 'local', '--port', '0'], { cwd: sibling, encoding: 'utf8', timeout: 20_000 });
  assert.is.not(result.status, 0);
  assert.match(result.stderr, /\/a\/\{y\}\/b/);
  assert.match(result.stderr, /\{x\}/);
  assert.not.match(result.stderr, /\n\s+at /, 'no stack trace');
});

test.run();
