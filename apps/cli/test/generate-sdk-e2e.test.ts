import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createZip } from '@chalice/packager';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { generateSdkCommand } from '../src/commands/generate-sdk.ts';
import { EXAMPLES } from './helpers/cli.ts';
import { serve } from './helpers/serve.ts';

const ROUTING = join(EXAMPLES, 'routing');
const TSC = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');

// What the copy of examples/routing adds: a JSON body, an error status and an API-key route.
const EXTRA_ROUTES = `
app.route('/echo', { methods: ['POST'] }, function echo(_, request) {
  return { received: request.jsonBody };
});
app.route('/items/{id}', function item({ id }) {
  throw new NotFoundError(\`No item \${id}\`);
});
app.route('/secret', { apiKeyRequired: true }, function secret(_, request) {
  return { key: request.headers['x-api-key'] ?? null };
});
`;

const dirs: string[] = [];
test.after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-sdk-e2e-'));
  dirs.push(dir);
  cpSync(join(ROUTING, 'app.ts'), join(dir, 'app.ts'));
  cpSync(join(ROUTING, '.chalice'), join(dir, '.chalice'), { recursive: true });
  const app = readFileSync(join(dir, 'app.ts'), 'utf8').replace("import { Chalice } from '@chalice/router';", "import { Chalice, NotFoundError } from '@chalice/router';");
  writeFileSync(join(dir, 'app.ts'), app + EXTRA_ROUTES);
  return dir;
}

// Calls every route of the app as a user of the generated client would, and passes tsc --strict.
const USAGE = `
import { ApiError, createClient } from './sdk/client';

export async function run(baseUrl: string): Promise<Record<string, unknown>> {
  const client = createClient({ baseUrl, apiKey: 'k-123' });
  const keyless = createClient({ baseUrl });
  const missing = await client.itemsIdGet({ id: '42' }).catch((error: unknown) => error);
  if (!(missing instanceof ApiError)) throw new Error('expected an ApiError');
  return {
    rootGet: (await client.rootGet()).data,
    resourceValuePut: (await client.resourceValuePut({ value: 'a b/ü' })).data,
    myviewPost: (await client.myviewPost()).data,
    myviewPut: (await client.myviewPut()).data,
    splitPost: (await client.splitPost()).data,
    splitPut: (await client.splitPut()).data,
    aFirstBSecondGet: (await client.aFirstBSecondGet({ first: 'x', second: 'y' })).data,
    usersNameGet: (await client.usersNameGet({ name: 'jimmy' }, { query: { 'include-greeting': 'true' } })).data,
    echoPost: (await client.echoPost({ n: 1, tags: ['a'] })).data,
    itemsIdGet: { status: missing.status, code: missing.code, message: missing.body.Message },
    secretGet: (await client.secretGet()).data,
    // API Gateway refuses a route with apiKeyRequired without a key, and so does chalice local.
    keyless: await keyless.secretGet().then(
      () => 'answered',
      (error: unknown) => (error instanceof ApiError ? error.status : 'no ApiError'),
    ),
  };
}
`;

test('generate-sdk typescript: the client for examples/routing (+ body, error, API-key routes) compiles with tsc --strict and calls every route of chalice local', async () => {
  const dir = project();
  mkdirSync(join(dir, 'sdk'));
  writeFileSync(join(dir, 'sdk/keep.txt'), 'mine');
  await generateSdkCommand({ projectDir: dir, stage: 'dev', sdkType: 'typescript', out: join(dir, 'sdk') });
  assert.is(readFileSync(join(dir, 'sdk/keep.txt'), 'utf8'), 'mine', 'other files in OUT are left alone');
  assert.match(readFileSync(join(dir, 'sdk/README.md'), 'utf8'), "await client.usersNameGet({ name: 'name' });");

  writeFileSync(join(dir, 'use.ts'), USAGE);
  const compiled = spawnSync(
    process.execPath,
    [TSC, '--strict', '--noEmit', '--target', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'Bundler', '--lib', 'ES2022', join(dir, 'use.ts')],
    { encoding: 'utf8' },
  );
  assert.is(compiled.status, 0, `tsc --strict failed:\n${compiled.stdout}${compiled.stderr}`);

  const { url, stop } = await serve(dir, ['--no-autoreload']);
  try {
    const { run } = (await import(pathToFileURL(join(dir, 'use.ts')).href)) as { run: (baseUrl: string) => Promise<Record<string, unknown>> };
    const results = await run(url);
    assert.equal(results, {
      rootGet: { view: 'index' },
      resourceValuePut: { value: 'a b/ü' },
      myviewPost: { method: 'POST' },
      myviewPut: { method: 'PUT' },
      splitPost: { view: 'split_post' },
      splitPut: { view: 'split_put' },
      aFirstBSecondGet: { first: 'x', second: 'y' },
      usersNameGet: { name: 'jimmy', greeting: 'Hello, jimmy' },
      echoPost: { received: { n: 1, tags: ['a'] } },
      itemsIdGet: { status: 404, code: 'NotFoundError', message: 'No item 42' },
      secretGet: { key: 'k-123' },
      keyless: 403,
    });
    const client = readFileSync(join(dir, 'sdk/client.ts'), 'utf8');
    const methods = [...client.matchAll(/^ {2}(\w+)\(.*\): Promise<ApiResponse>;$/gm)].map((m) => m[1]);
    assert.equal(
      methods.sort(),
      Object.keys(results)
        .filter((k) => k !== 'keyless')
        .sort(),
      'every route was called',
    );
  } finally {
    await stop();
  }
});

test('generate-sdk typescript: the deployed stage URL is the default baseUrl; the output is deterministic', async () => {
  const dir = project();
  const url = 'https://abcd.execute-api.us-west-2.amazonaws.com/api/';
  mkdirSync(join(dir, '.chalice/deployed'));
  writeFileSync(
    join(dir, '.chalice/deployed/dev.json'),
    JSON.stringify({ schema_version: '2.0', backend: 'api', resources: [{ name: 'rest_api', resource_type: 'rest_api', rest_api_id: 'abcd', rest_api_url: url }] }),
  );
  await generateSdkCommand({ projectDir: dir, stage: 'dev', sdkType: 'typescript', out: join(dir, 'a') });
  await generateSdkCommand({ projectDir: dir, stage: 'dev', sdkType: 'typescript', out: join(dir, 'b') });
  const client = readFileSync(join(dir, 'a/client.ts'), 'utf8');
  assert.match(client, `const DEFAULT_BASE_URL = "${url}";`);
  assert.is(client, readFileSync(join(dir, 'b/client.ts'), 'utf8'));
});

test("generate-sdk javascript: API Gateway's SDK of the deployed stage, unzipped into OUT; a clear error when not deployed", async () => {
  const dir = project();
  const calls: unknown[][] = [];
  const aws = {
    getSdk: async (...args: [string, string, string]) => {
      calls.push(args);
      return createZip([
        { path: 'apiGateway-js-sdk/apigClient.js', data: 'var apigClientFactory = {};' },
        { path: 'apiGateway-js-sdk/lib/url-template/url-template.js', data: '//' },
      ]);
    },
  };
  const options = { projectDir: dir, stage: 'dev', sdkType: 'javascript', out: join(dir, 'js'), aws };
  const failure = await generateSdkCommand(options).catch((e: unknown) => e);
  assert.is((failure as { code?: string }).code, 'NOT_DEPLOYED');
  assert.match((failure as Error).message, /Could not find API ID, has this application been deployed\?.*dev\.json/);
  assert.not.ok(existsSync(join(dir, 'js')), 'nothing written');

  mkdirSync(join(dir, '.chalice/deployed'));
  const url = 'https://abcd.execute-api.us-west-2.amazonaws.com/v1/';
  writeFileSync(
    join(dir, '.chalice/deployed/dev.json'),
    JSON.stringify({ schema_version: '2.0', backend: 'api', resources: [{ name: 'rest_api', resource_type: 'rest_api', rest_api_id: 'abcd', rest_api_url: url }] }),
  );
  await generateSdkCommand(options);
  assert.equal(calls, [['abcd', 'v1', 'javascript']], 'the API Gateway stage the URL names');
  assert.is(readFileSync(join(dir, 'js/apigClient.js'), 'utf8'), 'var apigClientFactory = {};');
  assert.ok(existsSync(join(dir, 'js/lib/url-template/url-template.js')));
});

test('generate-sdk: a bad --sdk-type or a missing OUT is a user error', async () => {
  const bad = await generateSdkCommand({ projectDir: '.', stage: 'dev', sdkType: 'python', out: 'x' }).catch((e: unknown) => e);
  assert.is((bad as { code?: string }).code, 'USER_ERROR');
  assert.match((bad as Error).message, /--sdk-type must be typescript or javascript, got "python"/);
  const noOut = await generateSdkCommand({ projectDir: '.', stage: 'dev', sdkType: 'typescript', out: undefined }).catch((e: unknown) => e);
  assert.match((noOut as Error).message, /Missing OUT/);
});

test.run();
