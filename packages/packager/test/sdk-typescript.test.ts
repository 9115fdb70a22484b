import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Chalice, describeApp, NotFoundError, Response } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PackageError } from '../src/package-error.ts';
import { sdkMethodName, sdkMethods } from '../src/sdk-names.ts';
import { generateTypescriptSdk } from '../src/sdk-typescript.ts';

const URL_OF_STAGE = 'https://abcd.execute-api.us-west-2.amazonaws.com/api/';
const TSC = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');

/** The seed's SDK example app (14.6.1), plus the cases the naming and the client must handle. */
function sdkApp(): Chalice {
  const app = new Chalice({ appName: 'sdktest' });
  app.route('/', { cors: true }, function index() {
    return { hello: 'world' };
  });
  app.route('/foo', { cors: true }, function foo() {
    return { foo: true };
  });
  app.route('/hello/{name}', { cors: true }, function hello_name({ name }) {
    return { hello: name };
  });
  app.route('/users/{user_id}', { methods: ['PUT'], cors: true, apiKeyRequired: true }, function update_user({ user_id }) {
    return { msg: 'fake updated user', userId: user_id };
  });
  app.route('/files/{path+}', function files({ path }) {
    return { path };
  });
  app.route('/notes.v1/{note-id}', { methods: ['POST'], contentTypes: ['text/plain'] }, function note() {
    return {};
  });
  app.route('/missing', function missing() {
    throw new NotFoundError('nothing here');
  });
  app.route('/bytes', function bytes() {
    return new Response({ body: new Uint8Array([1, 2]), headers: { 'Content-Type': 'application/octet-stream' } });
  });
  return app;
}

test('methods are named as API Gateway names them (the seed example: rootGet, fooGet, helloNameGet, usersUserIdPut)', () => {
  assert.is(sdkMethodName('/', 'GET'), 'rootGet');
  assert.is(sdkMethodName('/foo', 'GET'), 'fooGet');
  assert.is(sdkMethodName('/hello/{name}', 'GET'), 'helloNameGet');
  assert.is(sdkMethodName('/users/{user_id}', 'PUT'), 'usersUserIdPut');
  assert.is(sdkMethodName('/files/{path+}', 'DELETE'), 'filesPathDelete');
  assert.is(sdkMethodName('/notes.v1/{note-id}', 'POST'), 'notesV1NoteIdPost');
  assert.equal(
    sdkMethods(describeApp(sdkApp()).routes).map((m) => m.name),
    ['rootGet', 'bytesGet', 'filesPathGet', 'fooGet', 'helloNameGet', 'missingGet', 'notesV1NoteIdPost', 'usersUserIdPut'],
  );
});

test('two routes that would get one name keep both methods, the later one numbered', () => {
  const app = new Chalice({ appName: 'clash' });
  app.route('/users/me', function me() {});
  app.route('/users/{me}', function other() {});
  assert.equal(
    sdkMethods(describeApp(app).routes).map((m) => [m.name, m.route.path]),
    [
      ['usersMeGet', '/users/me'],
      ['usersMeGet2', '/users/{me}'],
    ],
  );
});

test('the output is deterministic and independent of registration order', () => {
  const model = describeApp(sdkApp());
  const reversed = { ...model, routes: [...model.routes].reverse() };
  assert.equal(generateTypescriptSdk(model, { baseUrl: URL_OF_STAGE }), generateTypescriptSdk(reversed, { baseUrl: URL_OF_STAGE }));
  assert.equal(Object.keys(generateTypescriptSdk(model)).sort(), ['README.md', 'client.ts']);
});

test('an app without routes has no SDK', () => {
  assert.throws(
    () => generateTypescriptSdk(describeApp(new Chalice({ appName: 'empty' }))),
    (e: Error) => e instanceof PackageError && /no routes/.test(e.message),
  );
});

test('the README shows the call for every route', () => {
  const readme = generateTypescriptSdk(describeApp(sdkApp()))['README.md']!;
  assert.match(readme, "// GET /hello/{name}\nawait client.helloNameGet({ name: 'name' });");
  assert.match(readme, "// PUT /users/{user_id} (API key required)\nawait client.usersUserIdPut({ user_id: 'user_id' }, { example: true });");
  assert.match(readme, 'await client.rootGet();');
  assert.match(readme, `createClient({ baseUrl: 'https://abcd.execute-api.us-west-2.amazonaws.com/api', apiKey: 'your-api-key' })`);
  assert.match(generateTypescriptSdk(describeApp(sdkApp()), { baseUrl: URL_OF_STAGE })['README.md']!, "createClient({ apiKey: 'your-api-key' })");
});

/** Writes the SDK and `files` to a temp folder; returns the folder. */
const folders: string[] = [];
test.after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function sdkFolder(baseUrl: string | null, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-sdk-'));
  folders.push(dir);
  for (const [name, text] of Object.entries({ ...generateTypescriptSdk(describeApp(sdkApp()), { baseUrl }), ...files })) writeFileSync(join(dir, name), text);
  return dir;
}

// The strictest settings a user may have, with only the ES library: no DOM, no @types/node.
const STRICTEST = {
  compilerOptions: {
    target: 'ES2020',
    lib: ['ES2020'],
    types: [],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    noEmit: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noImplicitReturns: true,
    noPropertyAccessFromIndexSignature: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    verbatimModuleSyntax: true,
    declaration: true,
    isolatedDeclarations: true,
    erasableSyntaxOnly: true,
  },
};

const USAGE = `
import { ApiError, createClient, type ApiResponse } from './client';

export async function use(): Promise<ApiResponse[]> {
  const client = createClient({ apiKey: 'k', headers: { 'x-trace': '1' } });
  const calls = [
    await client.rootGet(),
    await client.helloNameGet({ name: 'jimmy' }, { query: { tag: ['a', 'b'], n: 1 } }),
    await client.usersUserIdPut({ user_id: '123' }, { name: 'x' }),
    await client['notesV1NoteIdPost']({ 'note-id': 'n' }, 'text'),
    await client.filesPathGet({ path: 'a/b' }),
  ];
  // @ts-expect-error a path parameter is required
  await client.helloNameGet();
  // @ts-expect-error only the route's own parameters
  await client.helloNameGet({ nom: 'jimmy' });
  // @ts-expect-error a GET takes no body
  await client.rootGet({}, {});
  try {
    await client.missingGet();
  } catch (error) {
    if (error instanceof ApiError) {
      const status: number = error.status;
      const code: string | undefined = error.code;
      void [status, code, error.body.Message];
    }
  }
  return calls;
}
`;

function tsc(dir: string, config: object): void {
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...config, include: ['*.ts'] }));
  const run = spawnSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  assert.is(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`);
}

test('the client compiles under tsc --strict (strictest flags, no DOM, no @types/node), and its types reject wrong calls', () => {
  const withoutUrl = generateTypescriptSdk(describeApp(sdkApp()))['client.ts']!;
  const usageWithoutUrl = `import { createClient, type Client } from './unconfigured';\n// @ts-expect-error baseUrl is required\ncreateClient();\nexport const c: Client = createClient({ baseUrl: 'http://localhost:8000' });\n`;
  tsc(sdkFolder(URL_OF_STAGE, { 'use.ts': USAGE, 'unconfigured.ts': withoutUrl, 'use-unconfigured.ts': usageWithoutUrl }), STRICTEST);
  // With the platform's own fetch types (DOM), its fetch fits the client's.
  const dom = `import { createClient, type Client } from './client';\nexport const client: Client = createClient({ fetch });\n`;
  tsc(sdkFolder(URL_OF_STAGE, { 'dom.ts': dom }), { compilerOptions: { ...STRICTEST.compilerOptions, lib: ['ES2022', 'DOM'] } });
});

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | ArrayBuffer;
}

type Answer = { status: number; contentType?: string; body: string | Uint8Array };

/** The generated client, loaded from its source, over a fetch that records and answers. */
async function loadClient(baseUrl: string | null, answer: (sent: Sent) => Answer = () => ({ status: 200, contentType: 'application/json', body: '{"ok":true}' })) {
  const dir = sdkFolder(baseUrl);
  const module = (await import(pathToFileURL(join(dir, 'client.ts')).href)) as {
    createClient: (o: object) => Record<string, (...args: unknown[]) => Promise<{ status: number; data: unknown }>>;
    ApiError: new (...args: never[]) => Error;
  };
  const sent: Sent[] = [];
  const fetch = async (url: string, init: Omit<Sent, 'url'>) => {
    sent.push({ url, ...init });
    const { status, contentType, body } = answer({ url, ...init });
    const headers = new Headers(contentType ? { 'content-type': contentType } : {});
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    return { status, ok: status >= 200 && status < 300, headers, text: async () => new TextDecoder().decode(bytes), arrayBuffer: async () => new Uint8Array(bytes).buffer };
  };
  return { module, sent, fetch };
}

test('the client builds each request: encoded path parameters, query, headers, the API key, the body as JSON or as the route declares', async () => {
  const { module, sent, fetch } = await loadClient(URL_OF_STAGE);
  const client = module.createClient({ fetch, apiKey: 'secret', headers: { 'X-Trace': 'client', 'X-Other': 'o' } });
  assert.equal(await client.rootGet!(), { status: 200, headers: new Headers({ 'content-type': 'application/json' }), data: { ok: true } });
  await client.helloNameGet!({ name: 'a b/ü' }, { query: { tag: ['x', 'y z'], n: 1, skip: undefined }, headers: { 'x-trace': 'call' } });
  await client.usersUserIdPut!({ user_id: '1' }, { name: 'n' });
  await client.filesPathGet!({ path: 'dir/a b.txt' });
  await client.notesV1NoteIdPost!({ 'note-id': 'n' }, 'plain words');
  assert.equal(
    sent.map((s) => [s.method, s.url]),
    [
      ['GET', 'https://abcd.execute-api.us-west-2.amazonaws.com/api/'],
      ['GET', 'https://abcd.execute-api.us-west-2.amazonaws.com/api/hello/a%20b%2F%C3%BC?tag=x&tag=y%20z&n=1'],
      ['PUT', 'https://abcd.execute-api.us-west-2.amazonaws.com/api/users/1'],
      ['GET', 'https://abcd.execute-api.us-west-2.amazonaws.com/api/files/dir/a%20b.txt'],
      ['POST', 'https://abcd.execute-api.us-west-2.amazonaws.com/api/notes.v1/n'],
    ],
  );
  assert.equal(sent[0]!.headers, { 'x-trace': 'client', 'x-other': 'o' }, 'no API key where the route needs none');
  assert.is(sent[0]!.body, undefined);
  assert.equal(sent[1]!.headers, { 'x-trace': 'call', 'x-other': 'o' }, 'call headers win, whatever their case');
  assert.equal(sent[2]!.headers, { 'x-trace': 'client', 'x-other': 'o', 'x-api-key': 'secret', 'content-type': 'application/json' });
  assert.is(sent[2]!.body, '{"name":"n"}');
  assert.is(sent[4]!.headers['content-type'], 'text/plain');
  assert.is(sent[4]!.body, 'plain words');
  const empty = await client.helloNameGet!({ name: '' }).catch((e: unknown) => e);
  assert.match(String(empty), /Path parameter "name" must be a non-empty string/);
});

test('a status other than 2xx throws the one error class, with status and the {Code, Message} body', async () => {
  const { module, fetch } = await loadClient('http://localhost:8000', (s) =>
    s.url.endsWith('/missing') ? { status: 404, contentType: 'application/json', body: '{"Code":"NotFoundError","Message":"nothing here"}' } : { status: 502, body: 'Bad gateway' },
  );
  const client = module.createClient({ fetch });
  const error = (await client.missingGet!().catch((e: unknown) => e)) as { status: number; code: string; body: object; message: string };
  assert.instance(error, module.ApiError);
  assert.instance(error, Error);
  assert.is(error.status, 404);
  assert.is(error.code, 'NotFoundError');
  assert.equal(error.body, { Code: 'NotFoundError', Message: 'nothing here' });
  assert.is(error.message, '404 NotFoundError: nothing here');
  const text = (await client.fooGet!().catch((e: unknown) => e)) as { status: number; body: object };
  assert.is(text.status, 502);
  assert.equal(text.body, { Message: 'Bad gateway' });
});

test('bodies come back parsed: JSON, text, bytes', async () => {
  const { module, fetch } = await loadClient(URL_OF_STAGE, (s) =>
    s.url.endsWith('/bytes') ? { status: 200, contentType: 'application/octet-stream', body: new Uint8Array([1, 2]) } : { status: 200, contentType: 'text/plain', body: 'hi' },
  );
  const client = module.createClient({ fetch });
  assert.equal((await client.bytesGet!()).data, new Uint8Array([1, 2]));
  assert.is((await client.fooGet!()).data, 'hi');
});

test('a client needs a base URL when the SDK was generated without one', async () => {
  const { module, fetch } = await loadClient(null);
  assert.throws(() => module.createClient({ fetch }), /createClient needs a baseUrl/);
});

test.run();
