import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeApp } from '@chalice/router';
import { lambdaContext, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppLoadError, loadApp } from '../src/index.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-app-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const failure = async (dir: string) => {
  try {
    await loadApp({ projectDir: dir });
  } catch (error) {
    assert.instance(error, AppLoadError);
    return (error as Error).message;
  }
  return assert.unreachable('expected an AppLoadError') as never;
};

const APP = `
import { Chalice } from '@chalice/router';
import { MESSAGE } from './chalicelib/message.js';
export const app = new Chalice({ appName: 'multifile' });
app.route('/', function index() { return { hello: MESSAGE }; });
app.lambdaFunction(function named_by_function() { return 1; });
`;

test('loads a TypeScript app with chalicelib imports, without the project installing @chalice/router', async () => {
  const dir = project({ 'app.ts': APP, 'chalicelib/message.ts': "export const MESSAGE: string = 'world';\n" });
  const { app, entry } = await loadApp({ projectDir: dir });
  assert.is(entry, 'app.ts');
  assert.is(app.appName, 'multifile');
  const result = await app.handler(restEvent({ resource: '/' }), lambdaContext());
  assert.equal(JSON.parse(result.body), { hello: 'world' });
  assert.equal(describeApp(app).functions.map((f) => f.name), ['named_by_function'], 'function names survive bundling');
});

test('each load is fresh, so edits are picked up', async () => {
  const dir = project({ 'app.ts': APP, 'chalicelib/message.ts': "export const MESSAGE = 'one';\n" });
  const first = await loadApp({ projectDir: dir });
  writeFileSync(join(dir, 'chalicelib/message.ts'), "export const MESSAGE = 'two';\n");
  const second = await loadApp({ projectDir: dir });
  assert.is.not(first.app, second.app);
  assert.equal(JSON.parse((await second.app.handler(restEvent({ resource: '/' }), lambdaContext())).body), { hello: 'two' });
});

test('the app shares the tooling\'s copy of the runtime', async () => {
  const { Chalice } = await import('@chalice/router');
  const { app } = await loadApp({ projectDir: project({ 'app.ts': APP, 'chalicelib/message.ts': "export const MESSAGE = 'x';\n" }) });
  assert.instance(app, Chalice);
});

test('a syntax error is reported with file:line:column', async () => {
  const dir = project({ 'app.ts': "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'x' });\napp.route('/', () => { return {;\n" });
  assert.match(await failure(dir), /^app\.ts:3:\d+: /);
});

test('an error thrown while the app loads is reported with its message', async () => {
  const dir = project({ 'app.ts': "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'x' });\napp.route('/users/', () => ({}));\n" });
  assert.match(await failure(dir), /app\.ts failed while loading: DefinitionError: Route "\/users\/".*trailing slash/);
});

test('no app module, or no exported app, is a clear error', async () => {
  assert.match(await failure(project({ 'README.md': '' })), /No app module in .*: expected one of app\.ts, app\.mts, app\.js, app\.mjs/);
  assert.match(await failure(project({ 'app.js': 'export const notTheApp = 1;\n' })), /app\.js must export the app/);
});

test('@aws-sdk imports the project does not install stay external', async () => {
  const dir = project({
    'app.ts': "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'sdk' });\napp.route('/', async () => { const { S3Client } = await import('@aws-sdk/client-s3'); return { ok: typeof S3Client }; });\n",
  });
  const { bundle } = await loadApp({ projectDir: dir });
  const { readFileSync } = await import('node:fs');
  assert.match(readFileSync(bundle, 'utf8'), /import\("@aws-sdk\/client-s3"\)/);
});

test('the project\'s own @chalice/router is used when it installs one', async () => {
  const dir = project({ 'app.ts': APP, 'chalicelib/message.ts': "export const MESSAGE = 'own';\n" });
  mkdirSync(join(dir, 'node_modules/@chalice'), { recursive: true });
  symlinkSync(dirname(dirname(require_resolve('@chalice/router'))), join(dir, 'node_modules/@chalice/router'));
  const { bundle } = await loadApp({ projectDir: dir });
  const { readFileSync } = await import('node:fs');
  assert.match(readFileSync(bundle, 'utf8'), /from "file:\/\/.*\/router\/dist\/index\.js"/);
});

function require_resolve(specifier: string): string {
  return new URL(import.meta.resolve(specifier)).pathname;
}

test.run();
