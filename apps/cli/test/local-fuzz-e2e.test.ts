import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rawExchange, statusOf } from './helpers/raw-http.ts';
import { serve } from './helpers/serve.ts';

// Thousands of random requests, well-formed, malformed and abandoned, at the built `chalice local`
// on the loopback interface: it must answer every well-formed one and still be up at the end.
// Bounded in count and in time (a loaded machine sends fewer, never fewer than MIN_REQUESTS).
const REQUESTS = 2500;
const MIN_REQUESTS = 500;
const SENDING_MS = 15_000;
const PARALLEL = 32;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 100_000);

const APP = `
import { AuthResponse, Chalice, Response } from '@chalice/router';
export const app = new Chalice({ appName: 'fuzz' });
const auth = app.authorizer(function fuzz_auth(request) {
  if (request.token === 'throw') throw new Error('authorizer failed');
  if (request.token === 'nothing') return undefined;
  return new AuthResponse({ routes: request.token === 'allow' ? ['*'] : [], principalId: 'p' });
});
app.route('/', () => ({ ok: true }));
app.route('/items/{id}', { methods: ['GET', 'PUT', 'POST', 'DELETE'] }, ({ id }, request) => ({ id, query: request.queryParams, headers: request.headers, body: request.jsonBody }));
app.route('/echo', { methods: ['POST', 'PUT'], contentTypes: ['text/plain'] }, (_, request) => new Response({ body: request.rawBody.length, headers: { 'Content-Type': 'text/plain' } }));
app.route('/bin', { methods: ['POST'], contentTypes: ['application/octet-stream'] }, (_, request) => new Response({ body: request.rawBody, headers: { 'Content-Type': 'application/octet-stream' } }));
app.route('/files/{path+}', { cors: true }, ({ path }) => ({ path }));
app.route('/private', { authorizer: auth }, () => ({ private: true }));
app.route('/keyed', { apiKeyRequired: true }, () => ({ keyed: true }));
app.route('/fail', (_, request) => {
  if (request.queryParams?.how === 'null') throw Object.create(null);
  if (request.queryParams?.how === 'reject') void Promise.reject(new Error('left unhandled'));
  if (request.queryParams?.how === 'status') return new Response({ statusCode: Number('x'), body: '' });
  throw new Error('view failed');
});
`;

// A small deterministic generator (mulberry32), so a failing run can be replayed with FUZZ_SEED.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const PATHS = [
  '/',
  '/items/1',
  '/items/%E2%9C%93',
  '/items/%ZZ',
  '/echo',
  '/bin',
  '/files/a/b/c',
  '/private',
  '/keyed',
  '/fail',
  '/nowhere',
  '/items',
  '/@connections/abc',
  '//',
  '/items/1/',
  '/files/%00',
];
const TYPES = ['application/json', 'text/plain', 'application/octet-stream', 'application/json; charset=utf-8', 'multipart/form-data', ''];

/** One exchange to make: the bytes, and whether the server owes a response (else the client hangs up). */
interface Case {
  data: Buffer;
  answered: boolean;
  abortAfterMs?: number;
}

function generator(next: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const word = () =>
    next() < 0.3
      ? pick(PROTO_NAMES)
      : next()
          .toString(36)
          .slice(2, 3 + Math.floor(next() * 8));
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256)));
  const query = () => {
    const n = Math.floor(next() * 5);
    const parts = Array.from({ length: n }, () => `${encodeURIComponent(word())}=${encodeURIComponent(word())}`);
    if (next() < 0.2) parts.push(pick(['how=null', 'how=reject', 'how=status', '%ZZ=1', '==', '&&', 'a[]=1']));
    return parts.length ? `?${parts.join('&')}` : '';
  };
  const headers = () => {
    const lines = Array.from({ length: Math.floor(next() * 6) }, () => `${word() || 'x'}: ${word()}`);
    if (next() < 0.3) lines.push(`Authorization: ${pick(['allow', 'deny', 'throw', 'nothing', ''])}`);
    if (next() < 0.2) lines.push('x-api-key: k');
    if (next() < 0.1) lines.push(`Accept: ${pick(TYPES)}`);
    return lines;
  };
  const body = (type: string) => {
    if (type.startsWith('application/json')) return Buffer.from(pick(['{"a":1}', '{', '[]', 'null', '{"__proto__":{"x":1}}', '"\\ud800"']));
    return bytes(Math.floor(next() * 2048));
  };

  function wellFormed(): Case {
    const method = pick(METHODS);
    const type = pick(TYPES);
    const payload = method === 'GET' || method === 'HEAD' || next() < 0.3 ? Buffer.alloc(0) : body(type);
    const chunked = payload.length > 0 && next() < 0.3;
    const lines = [`${method} ${pick(PATHS)}${query()} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...headers()];
    if (type) lines.push(`Content-Type: ${type}`);
    lines.push(chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${payload.length}`);
    const framed = chunked ? Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')]) : payload;
    return { data: Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), framed]), answered: true };
  }

  function malformed(): Case {
    const head = `POST ${pick(PATHS)} HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n`;
    const data = pick([
      () => `${head}Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n`,
      () => `${head}Transfer-Encoding: ${pick(['gzip', 'chunked, gzip', 'identity', 'x'])}\r\n\r\nhello`,
      () => `${head}Content-Length: ${pick(['-1', 'abc', '1e3', '5, 6'])}\r\n\r\nhello`,
      () => `${pick(['FOO', 'constructor', 'GET GET', ''])} / HTTP/1.1\r\nHost: x\r\n\r\n`,
      () => `GET /${'a'.repeat(70_000 + Math.floor(next() * 10_000))} HTTP/1.1\r\nHost: x\r\n\r\n`,
      () => `GET / HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n`,
      () => `GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n`,
      () => bytes(1 + Math.floor(next() * 200)).toString('latin1'),
    ])();
    // Garbage may be a request the parser still waits to complete: the client gives up after a while.
    return { data: Buffer.from(data, 'latin1'), answered: false, abortAfterMs: 100 };
  }

  // A request cut anywhere, or a body shorter than its Content-Length, then the client hangs up.
  function abandoned(): Case {
    const { data } = wellFormed();
    const short = Buffer.from(`POST ${pick(['/echo', '/@connections/abc'])} HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n${'x'.repeat(10)}`);
    const cut = next() < 0.5 ? short : data.subarray(0, Math.floor(next() * data.length));
    return { data: cut, answered: false, abortAfterMs: Math.floor(next() * 20) };
  }

  return () => {
    const roll = next();
    return roll < 0.7 ? wellFormed() : roll < 0.85 ? malformed() : abandoned();
  };
}

// Sends one case on a fresh connection; resolves with what came back (an abandoned one is cut
// after its delay).
const exchange = (url: string, { data, answered, abortAfterMs }: Case): Promise<string> => rawExchange(url, data, { timeoutMs: answered ? 5_000 : (abortAfterMs ?? 0) });

test(`chalice local survives up to ${REQUESTS} random requests and still answers (seed ${SEED})`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-fuzz-'));
  mkdirSync(join(dir, '.chalice'));
  writeFileSync(join(dir, '.chalice/config.json'), JSON.stringify({ version: '2.0', app_name: 'fuzz', stages: { dev: {} } }));
  writeFileSync(join(dir, 'app.ts'), APP);
  const served = await serve(dir, ['--no-autoreload']);
  const started = Date.now();
  try {
    const nextCase = generator(random(SEED));
    const unanswered: string[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < REQUESTS && (sent < MIN_REQUESTS || Date.now() - started < SENDING_MS)) {
        sent++;
        const fuzz = nextCase();
        const reply = await exchange(served.url, fuzz);
        if (fuzz.answered && statusOf(reply) === null) unanswered.push(fuzz.data.subarray(0, 120).toString('latin1'));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    assert.equal(unanswered, [], 'every well-formed request got an HTTP answer');
    const health = await fetch(`${served.url}/`);
    assert.equal(await health.json(), { ok: true });
    assert.ok(sent >= MIN_REQUESTS, `${sent} requests sent`);
  } finally {
    const { code, output } = await served.stop();
    assert.is(code, 0, `chalice local ended by itself: ${output.slice(-2000)}`);
  }
});

test.run();
