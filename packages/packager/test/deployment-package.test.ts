import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppLoadError } from '@chalice/config/loader';
import { lambdaContext, recordedEvent, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildDeploymentPackage, type DeploymentPackageOptions } from '../src/deployment-package.ts';
import { PackageError } from '../src/package-error.ts';

const temp = mkdtempSync(join(tmpdir(), 'chalice-package-'));
let projects = 0;

function project(files: Record<string, string>, modes: Record<string, number> = {}): string {
  const dir = join(temp, `project-${++projects}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text, { mode: modes[name] ?? 0o644 });
  }
  return dir;
}

const HANDLERS = [
  { exportName: 'api_handler', functionName: null },
  { exportName: 'every_hour', functionName: 'every_hour' },
  { exportName: 'my-fn', functionName: 'my-fn' },
];

const FIXTURE = {
  'app.ts': `
import { readFileSync } from 'node:fs';
import { Chalice } from '@chalice/router';
import { shout } from 'tiny-dep';
import { greeting } from './chalicelib/greeting.js';
export const app = new Chalice({ appName: 'packaged' });
const data = JSON.parse(readFileSync(new URL('./chalicelib/data.json', import.meta.url), 'utf8'));
app.route('/', function index() { return { greeting: shout(greeting), data }; });
app.schedule('rate(1 hour)', function every_hour(event) { return \`tick \${event.time}\`; });
app.lambdaFunction({ name: 'my-fn' }, () => 'pure');
`,
  'chalicelib/greeting.ts': "export const greeting: string = 'hello';\n",
  'chalicelib/types.d.ts': 'export type T = string;\n',
  'chalicelib/data.json': '{"answer":42}\n',
  'chalicelib/.editor-litter': 'x',
  'vendor/bin/tool': '#!/bin/sh\necho tool\n',
  'vendor/lib/readme.txt': 'vendored\n',
  // A CommonJS dependency needing a Node built-in through the createRequire banner.
  'node_modules/tiny-dep/package.json': '{"name":"tiny-dep","version":"1.0.0","main":"index.js"}',
  'node_modules/tiny-dep/index.js': "const { sep } = require('node:path');\nexports.shout = (s) => s.toUpperCase() + sep;\n",
};

const build = (projectDir: string, extra: Partial<DeploymentPackageOptions> = {}) => buildDeploymentPackage({ projectDir, handlers: HANDLERS, runtime: 'nodejs22.x', ...extra });

function extract(zip: string): string {
  const out = join(temp, `extract-${++projects}`);
  execFileSync('unzip', ['-q', zip, '-d', out]);
  return out;
}

async function failure(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  return assert.unreachable('expected the build to fail') as never;
}

test('the zip holds the bundle, chalicelib data files and vendor contents, and its handlers work', async () => {
  const dir = project(FIXTURE, { 'vendor/bin/tool': 0o755 });
  const progress: string[] = [];
  const pkg = await build(dir, { onProgress: (m) => progress.push(m) });
  assert.equal(pkg.files, ['app.mjs', 'bin/tool', 'chalicelib/data.json', 'lib/readme.txt']);
  assert.is(pkg.entryFile, 'app.mjs');
  assert.is(pkg.path, join(dir, '.chalice', 'deployments', `${pkg.sha256}-nodejs22.x.zip`));
  assert.is(pkg.size, statSync(pkg.path).size);
  assert.equal(pkg.environment, {});
  assert.ok(progress.length > 0);
  assert.match(execFileSync('unzip', ['-Z', pkg.path], { encoding: 'utf8' }), /-rwxr-xr-x .* bin\/tool/);

  const module = await import(pathToFileURL(join(extract(pkg.path), 'app.mjs')).href);
  assert.equal(Object.keys(module).sort(), ['api_handler', 'every_hour', 'my-fn']);
  const response = await module.api_handler(restEvent({ resource: '/' }), lambdaContext());
  assert.is(response.statusCode, 200);
  assert.equal(JSON.parse(response.body), { greeting: 'HELLO/', data: { answer: 42 } });
  const scheduled = recordedEvent('eventbridge-scheduled');
  assert.is(await module.every_hour(scheduled, lambdaContext()), `tick ${scheduled.time}`);
  assert.is(await module['my-fn']({}, lambdaContext()), 'pure');
});

test('building twice gives the same hash; the second build is cached and writes nothing', async () => {
  const dir = project(FIXTURE);
  const first = await build(dir);
  const written = statSync(first.path).mtimeMs;
  const second = await build(dir);
  assert.is(first.cached, false);
  assert.is(second.cached, true);
  assert.is(second.sha256, first.sha256);
  assert.is(statSync(second.path).mtimeMs, written);
  const elsewhere = await build(project(FIXTURE));
  assert.is(elsewhere.sha256, first.sha256, 'the same sources in another folder give the same bytes');
});

test('a source map adds app.mjs.map, relative to the project, and asks for --enable-source-maps', async () => {
  const pkg = await build(project(FIXTURE), { sourceMap: true });
  assert.equal(pkg.files, ['app.mjs', 'app.mjs.map', 'bin/tool', 'chalicelib/data.json', 'lib/readme.txt']);
  assert.equal(pkg.environment, { NODE_OPTIONS: '--enable-source-maps' });
  const out = extract(pkg.path);
  assert.ok(JSON.parse(readFileSync(join(out, 'app.mjs.map'), 'utf8')).sources.includes('app.ts'));
  assert.match(readFileSync(join(out, 'app.mjs'), 'utf8'), /\/\/# sourceMappingURL=app\.mjs\.map\s*$/);
});

test('a REST-only app leaves lambdaHandler and the event wrappers out', async () => {
  const app =
    "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'rest' });\napp.route('/', () => ({}));\napp.lambdaFunction(function f() { return 1; });\n";
  const code = async (handlers: DeploymentPackageOptions['handlers']) =>
    readFileSync(join(extract((await build(project({ 'app.ts': app }), { handlers })).path), 'app.mjs'), 'utf8');
  const rest = await code([{ exportName: 'api_handler', functionName: null }]);
  const both = await code([
    { exportName: 'api_handler', functionName: null },
    { exportName: 'f', functionName: 'f' },
  ]);
  assert.match(both, /"lambdaHandler"/, 'names are kept, so the check below means something');
  assert.not.match(rest, /"lambdaHandler"|"s3Handler"|"sqsHandler"/);
  assert.ok(rest.length < both.length);
});

test('the hello-world example packages into at most 8 KB (issue 4 budget)', async () => {
  const example = new URL('../../../examples/hello-world/app.ts', import.meta.url);
  const pkg = await build(project({ 'app.ts': readFileSync(example, 'utf8') }), { handlers: [{ exportName: 'api_handler', functionName: null }] });
  assert.ok(pkg.size <= 8 * 1024, `hello-world deployment package is ${pkg.size} bytes`);
});

test('a native addon stops the build, naming the importing file and vendor/', async () => {
  const fromApp = await failure(() =>
    build(
      project({
        'app.ts': "import { Chalice } from '@chalice/router';\nimport addon from './build/addon.node';\nexport const app = new Chalice({ appName: 'x' });\nconsole.log(addon);\n",
      }),
    ),
  );
  assert.instance(fromApp, AppLoadError);
  assert.match(fromApp.message, /^app\.ts:2:\d+: app\.ts imports the native addon "\.\/build\/addon\.node", which cannot be bundled: put the prebuilt module .*under vendor\//);
  const fromDependency = await failure(() =>
    build(
      project({
        'app.ts': "import { Chalice } from '@chalice/router';\nimport 'native-dep';\nexport const app = new Chalice({ appName: 'x' });\n",
        'node_modules/native-dep/package.json': '{"name":"native-dep","main":"index.js"}',
        'node_modules/native-dep/index.js': "module.exports = require('./build/Release/binding.node');\n",
      }),
    ),
  );
  assert.match(fromDependency.message, /node_modules\/native-dep\/index\.js imports the native addon .*vendor\//);
});

test('a syntax error is reported with file:line:column', async () => {
  const error = await failure(() =>
    build(project({ 'app.ts': "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'x' });\napp.route('/', () => { return {;\n" })),
  );
  assert.instance(error, AppLoadError);
  assert.match(error.message, /^app\.ts:3:\d+: /);
});

test('a project without an app module, or with a vendor file where app.mjs goes, is refused', async () => {
  assert.match((await failure(() => build(project({ 'README.md': '' })))).message, /No app module in/);
  const clash = await failure(() => build(project({ ...FIXTURE, 'vendor/app.mjs': 'export {};\n' })));
  assert.instance(clash, PackageError);
  assert.match(clash.message, /vendor\/app\.mjs would replace the generated app\.mjs/);
});

test('symlinks leading out of the project are refused, naming them; followSymlinks copies them as files, with a warning', async () => {
  const outside = join(temp, `outside-${++projects}`);
  mkdirSync(join(outside, 'dir'), { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), 'not for the package');
  writeFileSync(join(outside, 'dir', 'inner.txt'), 'inner');
  const dir = project(FIXTURE);
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'chalicelib', 'secret.txt'));
  symlinkSync(join(outside, 'dir'), join(dir, 'vendor', 'linked'));
  // A link that stays inside the project is fine.
  symlinkSync('../chalicelib/data.json', join(dir, 'vendor', 'data-copy.json'));
  const refused = await failure(() => build(dir));
  assert.instance(refused, PackageError);
  assert.match(refused.message, /chalicelib\/secret\.txt -> .*outside-\d+\/secret\.txt/);
  assert.match(refused.message, /vendor\/linked -> .*outside-\d+\/dir/);
  assert.match(refused.message, /--follow-symlinks/);

  const followed = await build(dir, { followSymlinks: true });
  assert.ok(followed.files.includes('chalicelib/secret.txt') && followed.files.includes('linked/inner.txt') && followed.files.includes('data-copy.json'), followed.files.join(' '));
  assert.equal(followed.warnings, [
    `chalicelib/secret.txt -> ${join(outside, 'secret.txt')} is outside the project: copied as files`,
    `vendor/linked -> ${join(outside, 'dir')} is outside the project: copied as files`,
  ]);
});

test('a symlink cycle is an error naming the link', async () => {
  const dir = project(FIXTURE);
  mkdirSync(join(dir, 'vendor', 'a'));
  symlinkSync('..', join(dir, 'vendor', 'a', 'up'));
  const cycle = await failure(() => build(dir));
  assert.instance(cycle, PackageError);
  assert.match(cycle.message, /vendor\/a\/up is a symlink cycle/);
});

test("a package over Lambda's limits names its biggest files: 250 MB unzipped (checked before reading), 50 MB zipped", async () => {
  const big = project(FIXTURE);
  // Sparse: nothing is written or read, the size alone is over.
  writeFileSync(join(big, 'vendor', 'huge.bin'), '');
  truncateSync(join(big, 'vendor', 'huge.bin'), 251 * 1024 * 1024);
  const unzipped = await failure(() => build(big));
  assert.instance(unzipped, PackageError);
  assert.match(unzipped.message, /251\.\d MB unzipped, over Lambda's 250 MB limit.*biggest files: huge\.bin \(251\.0 MB\)/);

  const noisy = project(FIXTURE);
  writeFileSync(join(noisy, 'vendor', 'noise.bin'), randomBytes(51 * 1024 * 1024));
  const zipped = await failure(() => build(noisy));
  assert.instance(zipped, PackageError);
  assert.match(zipped.message, /51\.\d MB zipped, over Lambda's 50 MB limit.*biggest files: noise\.bin \(51\.0 MB\), app\.mjs/);
});

test.after(() => rmSync(temp, { recursive: true, force: true }));
test.run();
