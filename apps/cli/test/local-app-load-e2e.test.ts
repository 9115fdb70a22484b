import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from './helpers/cli.ts';
import { serve } from './helpers/serve.ts';

/** A project in a fresh temp folder (no node_modules: the CLI's installation provides the runtime). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-load-e2e-'));
  const withConfig = { '.chalice/config.json': JSON.stringify({ version: '2.0', app_name: 'e2e' }), ...files };
  for (const [name, text] of Object.entries(withConfig)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A private TMPDIR for the CLI, with a symlink planted at the name the bundles once shared. */
function privateTmp(): { tmp: string; trap: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'chalice-tmpdir-'));
  const trap = mkdtempSync(join(tmpdir(), 'chalice-trap-'));
  symlinkSync(trap, join(tmp, 'chalice-ts-apps'));
  return { tmp, trap };
}

const CONFIG = JSON.stringify({
  version: '2.0',
  app_name: 'loaded',
  environment_variables: { TOP: 'top', OVERRIDDEN: 'top' },
  lambda_functions: { api_handler: { environment_variables: { FN_TOP: 'fn-top' } } },
  stages: { dev: { environment_variables: { OVERRIDDEN: 'stage' }, lambda_functions: { api_handler: { environment_variables: { FN_STAGE: 'fn-stage' } } } } },
});

const APP = `import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalice } from '@chalice/router';
import { DATA } from './chalicelib/data.js';

const AT_LOAD = { top: process.env.TOP, overridden: process.env.OVERRIDDEN, fnTop: process.env.FN_TOP, fnStage: process.env.FN_STAGE };
const __dirname = dirname(fileURLToPath(import.meta.url));
export const app = new Chalice({ appName: 'loaded' });
app.debug = true;
app.route('/', () => ({ atLoad: AT_LOAD, data: DATA, dirname: __dirname, metaDirname: import.meta.dirname, viaMetaDirname: JSON.parse(readFileSync(join(import.meta.dirname, 'chalicelib/data.json'), 'utf8')) }));
app.route('/boom', () => {
  throw new Error('kaput');
});
`;

// Deployed, chalicelib/data.ts is bundled into app.mjs at the package root: its import.meta.url is the root's.
const DATA_MODULE = `import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
export const DATA = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'chalicelib', 'data.json'), 'utf8'));
`;

test('the app sees its configured environment, its files and its own stack frames from the first load, as deployed', async () => {
  const dir = project({ 'app.ts': APP, 'chalicelib/data.ts': DATA_MODULE, 'chalicelib/data.json': '{"rows":3}', '.chalice/config.json': CONFIG });
  const { tmp } = privateTmp();
  const served = await serve(dir, [], { TMPDIR: tmp });
  try {
    const body = (await (await fetch(`${served.url}/`)).json()) as Record<string, unknown>;
    assert.equal(body.atLoad, { top: 'top', overridden: 'stage', fnTop: 'fn-top', fnStage: 'fn-stage' }, 'environment_variables set before app.ts is imported');
    assert.equal(body.data, { rows: 3 }, 'chalicelib/data.json found from a chalicelib module');
    assert.is(body.dirname, dir);
    assert.is(body.metaDirname, dir);
    assert.equal(body.viaMetaDirname, { rows: 3 });
    const boom = await fetch(`${served.url}/boom`);
    assert.is(boom.status, 500);
    const trace = await boom.text();
    assert.ok(trace.includes(`${join(dir, 'app.ts')}:13:9`), `the debug body names app.ts:13:9: ${trace}`);
    assert.not.ok(trace.includes(tmp), 'and not the temporary bundle');
  } finally {
    const { output } = await served.stop();
    assert.ok(output.includes(`${join(dir, 'app.ts')}:13:9`), `the logged error names app.ts:13:9 too: ${output}`);
  }
});

test('bundles live in a private folder of their own, gone at exit; two servers side by side never share one', async () => {
  const dir = project({ 'app.ts': APP, 'chalicelib/data.ts': DATA_MODULE, 'chalicelib/data.json': '{}', '.chalice/config.json': CONFIG });
  const { tmp, trap } = privateTmp();
  const [a, b] = await Promise.all([serve(dir, ['--no-autoreload'], { TMPDIR: tmp }), serve(dir, ['--no-autoreload'], { TMPDIR: tmp })]);
  let stopped = false;
  try {
    const folders = readdirSync(tmp).filter((name) => name !== 'chalice-ts-apps');
    assert.is(folders.length, 2, `one folder per process: ${folders.join(', ')}`);
    for (const folder of folders) {
      assert.is(statSync(join(tmp, folder)).mode & 0o777, 0o700, `${folder} is private`);
      for (const file of readdirSync(join(tmp, folder))) assert.is(statSync(join(tmp, folder, file)).mode & 0o777, 0o600, `${file} is private`);
    }
    assert.equal(readdirSync(trap), [], 'nothing written through a planted symlink');
    const ends = await Promise.all([a.stop(), b.stop()]);
    stopped = true;
    assert.equal(
      ends.map((end) => end.code),
      [0, 0],
      ends.map((end) => end.output).join('\n'),
    );
    assert.equal(readdirSync(tmp), ['chalice-ts-apps'], 'the folders are removed at exit');
  } finally {
    if (!stopped) await Promise.all([a.stop(), b.stop()]);
    rmSync(tmp, { recursive: true, force: true });
  }
});

const THROWS = {
  'app.ts': "import { Chalice } from '@chalice/router';\nimport { start } from './chalicelib/boot.js';\nexport const app = new Chalice({ appName: 'throws' });\nstart();\n",
  'chalicelib/boot.ts': "export function start(): void {\n  const region = process.env.NOWHERE;\n  if (!region) throw new Error('NOWHERE is not set');\n}\n",
};

test('an app that throws at import: one line naming the project file and line, exit 2; the stack only with --debug', () => {
  const dir = project(THROWS);
  const expected = 'Error: chalicelib/boot.ts:3:22: Error: NOWHERE is not set (thrown while app.ts was loading)';
  for (const command of [
    ['local', '--port', '0'],
    ['package', join(dir, 'out')],
  ]) {
    const result = run(command, dir);
    assert.is(result.status, 2, `${command[0]}: ${result.stderr}`);
    assert.equal(result.stderr.trim().split('\n'), [expected], `${command[0]} prints one line, once`);
  }
  const debug = run(['--debug', 'local', '--port', '0'], dir);
  assert.is(debug.status, 2);
  assert.match(debug.stderr, /Caused by: Error: NOWHERE is not set\n\s+at start \(.*chalicelib\/boot\.ts:3:22\)/);
});

test('@chalice/events, @chalice/authorizers and @chalice/websocket load without the project installing them', async () => {
  const dir = project({
    'app.ts': `import { Chalice } from '@chalice/router';
import { Rate } from '@chalice/events';
import { AuthResponse } from '@chalice/authorizers';
import { WebsocketDisconnectedError } from '@chalice/websocket';
export const app = new Chalice({ appName: 'direct' });
app.route('/', () => ({ rate: new Rate(5, Rate.MINUTES).toString(), auth: typeof AuthResponse, ws: typeof WebsocketDisconnectedError }));
`,
  });
  const served = await serve(dir, ['--no-autoreload']);
  try {
    assert.equal(await (await fetch(`${served.url}/`)).json(), { rate: 'rate(5 minutes)', auth: 'function', ws: 'function' });
  } finally {
    await served.stop();
  }
});

test('an @aws-sdk package the project does not install: one line saying how to install it, exit 2', () => {
  const dir = project({
    'app.ts':
      "import { Chalice } from '@chalice/router';\nimport { s3 } from './chalicelib/storage.js';\nexport const app = new Chalice({ appName: 'sdk' });\napp.route('/', () => ({ ok: typeof s3 }));\n",
    'chalicelib/storage.ts': "import { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({});\n",
  });
  for (const command of [
    ['local', '--port', '0'],
    ['package', join(dir, 'out')],
  ]) {
    const result = run(command, dir);
    assert.is(result.status, 2, result.stderr);
    assert.equal(result.stderr.trim().split('\n'), ['Error: chalicelib/storage.ts imports @aws-sdk/client-s3, which is not installed: npm install @aws-sdk/client-s3']);
  }
});

test.run();
