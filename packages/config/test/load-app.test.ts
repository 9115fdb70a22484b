import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeApp } from '@chalice/router';
import { lambdaContext, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppLoadError, loadApp } from '../src/loader/index.ts';

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
  assert.equal(
    describeApp(app).functions.map((f) => f.name),
    ['named_by_function'],
    'function names survive bundling',
  );
});

test('each load is fresh, so edits are picked up', async () => {
  const dir = project({ 'app.ts': APP, 'chalicelib/message.ts': "export const MESSAGE = 'one';\n" });
  const first = await loadApp({ projectDir: dir });
  writeFileSync(join(dir, 'chalicelib/message.ts'), "export const MESSAGE = 'two';\n");
  const second = await loadApp({ projectDir: dir });
  assert.is.not(first.app, second.app);
  assert.equal(JSON.parse((await second.app.handler(restEvent({ resource: '/' }), lambdaContext())).body), { hello: 'two' });
});

test("the app shares the tooling's copy of the runtime", async () => {
  const { Chalice } = await import('@chalice/router');
  const { app } = await loadApp({ projectDir: project({ 'app.ts': APP, 'chalicelib/message.ts': "export const MESSAGE = 'x';\n" }) });
  assert.instance(app, Chalice);
});

test('a syntax error is reported with file:line:column', async () => {
  const dir = project({ 'app.ts': "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'x' });\napp.route('/', () => { return {;\n" });
  assert.match(await failure(dir), /^app\.ts:3:\d+: /);
});

test('an error thrown while the app loads is reported with its message and where in the project it was thrown', async () => {
  const dir = project({ 'app.ts': "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'x' });\napp.route('/users/', () => ({}));\n" });
  assert.match(await failure(dir), /^app\.ts:3:5: DefinitionError: Route "\/users\/".*trailing slash.* \(thrown while app\.ts was loading\)$/);
});

test("anything thrown at import is one line; the error keeps the app's stack for --debug", async () => {
  const nothing = project({ 'app.ts': 'throw Object.create(null);\n' });
  assert.is(await failure(nothing), 'app.ts failed while loading: [object Object]');
  const dir = project({ 'app.ts': "const x = 1;\nthrow new RangeError('too far');\n" });
  try {
    await loadApp({ projectDir: dir });
    assert.unreachable('expected an AppLoadError');
  } catch (error) {
    assert.is((error as Error).message, 'app.ts:2:7: RangeError: too far (thrown while app.ts was loading)');
    assert.match((error as Error).stack!, new RegExp(`Caused by: RangeError: too far\\n\\s+at .*${dir}/app\\.ts:2:7`));
  }
});

test('bundles are private to the process and replaced by the next load', async () => {
  const { statSync, existsSync } = await import('node:fs');
  const dir = project({ 'app.ts': APP, 'chalicelib/message.ts': "export const MESSAGE = 'x';\n" });
  const first = await loadApp({ projectDir: dir });
  assert.is(statSync(dirname(first.bundle)).mode & 0o777, 0o700);
  assert.is(statSync(first.bundle).mode & 0o777, 0o600);
  const second = await loadApp({ projectDir: dir });
  assert.is(dirname(second.bundle), dirname(first.bundle), 'one folder per process');
  assert.not.ok(existsSync(first.bundle), 'the superseded bundle is deleted');
});

test('the app finds its files and environment as deployed: import.meta points into the project', async () => {
  const dir = project({
    'app.ts':
      "import { Chalice } from '@chalice/router';\nimport { HERE } from './chalicelib/here.js';\nexport const app = new Chalice({ appName: 'x' });\nexport const where = { HERE, url: import.meta.url, dirname: import.meta.dirname, filename: import.meta.filename };\n",
    'chalicelib/here.ts': "import { dirname } from 'node:path';\nimport { fileURLToPath } from 'node:url';\nexport const HERE = dirname(fileURLToPath(import.meta.url));\n",
  });
  const { bundle } = await loadApp({ projectDir: dir });
  const { where } = (await import(`file://${bundle}?again`)) as { where: Record<string, string> };
  assert.equal(where, { HERE: dir, url: `file://${dir}/app.ts`, dirname: dir, filename: `${dir}/app.ts` });
});

test('no app module, or no exported app, is a clear error', async () => {
  assert.match(await failure(project({ 'README.md': '' })), /No app module in .*: expected one of app\.ts, app\.mts, app\.js, app\.mjs/);
  assert.match(await failure(project({ 'app.js': 'export const notTheApp = 1;\n' })), /app\.js must export the app/);
});

test('@aws-sdk imports the project does not install stay external', async () => {
  const dir = project({
    'app.ts':
      "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'sdk' });\napp.route('/', async () => { const { S3Client } = await import('@aws-sdk/client-s3'); return { ok: typeof S3Client }; });\n",
  });
  const { bundle } = await loadApp({ projectDir: dir });
  const { readFileSync } = await import('node:fs');
  assert.match(readFileSync(bundle, 'utf8'), /import\("@aws-sdk\/client-s3"\)/);
});

test("the project's own @chalice/router is used when it installs one", async () => {
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
