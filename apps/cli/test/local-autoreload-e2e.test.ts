import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import WebSocket from 'ws';
import { serve, type Served } from './helpers/serve.ts';

const config = (greeting: string) => JSON.stringify({ version: '2.0', app_name: 'reloads', stages: { dev: { environment_variables: { GREETING: greeting } } } });

// LOADED changes with every load of the module: it tells a reload from none.
const APP = `import { Chalice } from '@chalice/router';
import { WORD } from './chalicelib/word.js';
const LOADED = Math.random().toString(36).slice(2);
const GREETING = process.env.GREETING;
export const app = new Chalice({ appName: 'reloads' });
app.experimentalFeatureFlags.add('WEBSOCKETS');
app.route('/', () => ({ loaded: LOADED, word: WORD, greeting: GREETING }));
app.onWsMessage(async (event) => {
  await app.websocketApi.send(event.connectionId, JSON.stringify({ loaded: LOADED, word: WORD }));
});
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-reload-e2e-'));
  const files = { 'app.ts': APP, 'chalicelib/word.ts': "export const WORD = 'one';\n", '.chalice/config.json': config('hi') };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

type State = { loaded: string; word: string; greeting?: string };
const state = async (url: string) => (await (await fetch(`${url}/`)).json()) as State;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const reloads = (served: Served) => served.output().match(/^Reloaded the app/gm)?.length ?? 0;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  for (const end = Date.now() + 10_000; Date.now() < end; await sleep(50)) {
    const value = await read();
    if (ok(value)) return value;
  }
  return assert.unreachable(`timed out waiting for ${what}`) as never;
}

test("autoreload: only the app's sources reload it; one save is one reload", async () => {
  const dir = project();
  const served = await serve(dir);
  try {
    const first = await state(served.url);
    // Noise a project folder sees all day: none of it is the app.
    writeFileSync(join(dir, 'server.log'), 'GET / 200\n');
    mkdirSync(join(dir, 'node_modules/left-pad'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/left-pad/index.js'), 'module.exports = 1;\n');
    mkdirSync(join(dir, '.chalice/deployments'), { recursive: true });
    writeFileSync(join(dir, '.chalice/deployments/abc.zip'), 'zip');
    mkdirSync(join(dir, '.git'), { recursive: true });
    writeFileSync(join(dir, '.git/index'), 'git');
    writeFileSync(join(dir, '.app.ts.swp'), 'vim');
    writeFileSync(join(dir, 'chalicelib/.word.ts.swp'), 'vim');
    writeFileSync(join(dir, 'chalicelib/word.ts~'), 'backup');
    writeFileSync(join(dir, 'chalicelib/4913'), '');
    await sleep(800);
    assert.is((await state(served.url)).loaded, first.loaded, 'no reload for files that are not the app');
    assert.is(reloads(served), 0, served.output());

    // One save in several writes, as editors do.
    const fd = openSync(join(dir, 'chalicelib/word.ts'), 'w');
    writeSync(fd, 'export const WORD = ');
    await sleep(20);
    writeSync(fd, "'two';\n");
    closeSync(fd);
    const second = await until(
      () => state(served.url),
      (s) => s.word === 'two',
      'the chalicelib edit',
    );
    await sleep(800);
    assert.is(reloads(served), 1, `one save, one reload: ${served.output()}`);
    assert.is((await state(served.url)).loaded, second.loaded);

    writeFileSync(join(dir, '.chalice/config.json'), config('hello'));
    await until(
      () => state(served.url),
      (s) => s.greeting === 'hello',
      'the config edit to reach the module as it loads',
    );
  } finally {
    await served.stop();
  }
});

test('autoreload: a broken edit keeps the last good app serving and says why once; a fix recovers; websockets stay open', async () => {
  const dir = project();
  const served = await serve(dir);
  const ws = new WebSocket(served.url.replace(/^http/, 'ws'));
  const received: string[] = [];
  ws.on('message', (data: Buffer) => received.push(data.toString()));
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const good = await state(served.url);
    const broken = `${APP}\napp.route('/broken', () => {;\n`;
    writeFileSync(join(dir, 'app.ts'), broken);
    await until(
      async () => served.output(),
      (out) => /Reload failed/.test(out),
      'the reload error',
    );
    const res = await fetch(`${served.url}/`);
    assert.is(res.status, 200, 'the last good app still answers');
    assert.is(((await res.json()) as State).loaded, good.loaded);
    writeFileSync(join(dir, 'app.ts'), broken); // saved again, unchanged
    await sleep(800);
    const failures = served.output().match(/Reload failed.*app\.ts:\d+:\d+/g) ?? [];
    assert.is(failures.length, 1, `the same error is said once: ${served.output()}`);

    writeFileSync(join(dir, 'app.ts'), APP);
    writeFileSync(join(dir, 'chalicelib/word.ts'), "export const WORD = 'fixed';\n");
    const fixed = await until(
      () => state(served.url),
      (s) => s.word === 'fixed',
      'the fixed app',
    );
    ws.send('hi');
    const reply = JSON.parse(
      (await until(
        async () => received.at(-1),
        (r) => r !== undefined,
        'a websocket reply',
      ))!,
    ) as State;
    assert.equal(reply, { loaded: fixed.loaded, word: 'fixed' }, 'the connection opened before the reloads reaches the new app');
  } finally {
    ws.close();
    await served.stop();
  }
});

test.run();
