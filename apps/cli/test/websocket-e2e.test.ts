import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import WebSocket from 'ws';
import { CLI, EXAMPLES } from './helpers/cli.ts';
import { serve } from './helpers/serve.ts';

/** A copy of an example, without its node_modules: the CLI's own installation provides the runtime and the SDK. */
function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `chalice-${name}-`));
  for (const entry of ['app.ts', '.chalice/config.json', 'chalicelib']) {
    try {
      cpSync(join(EXAMPLES, name, entry), join(dir, entry), { recursive: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return dir;
}

const waitFor = async (check: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (check()) return true;
  return false;
};

/** A real websocket client of `url` (`chalice local`'s http:// one, as ws://), with what it received in order. */
async function connect(url: string) {
  const ws = new WebSocket(url.replace(/^http/, 'ws'));
  const received: string[] = [];
  ws.on('message', (data: Buffer) => received.push(data.toString()));
  const closed = new Promise<number>((resolve) => ws.once('close', resolve));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const next = async () => {
    assert.ok(await waitFor(() => received.length > 0), `a message came (so far: ${received.join(' | ')})`);
    return received.shift()!;
  };
  const say = (text: string) => (ws.send(text), next());
  const close = () => (ws.close(), closed);
  return { ws, received, next, say, close, closed };
}

test('the echo example: each client gets its own messages back, on / and on the stage path', async () => {
  const server = await serve(copyExample('websocket-echo'));
  try {
    const a = await connect(`${server.url}/api/`);
    const b = await connect(`${server.url}/`);
    for (const text of ['foo', 'bar', 'foo bar baz']) assert.is(await a.say(text), text);
    assert.is(await b.say('from b'), 'from b');
    assert.equal(a.received, []);
    assert.is(await a.close(), 1005);
    assert.is(await b.say('still here'), 'still here');
    await b.close();
  } finally {
    await server.stop();
  }
});

test('the chat example: rooms over real websockets, disconnects seen, a departed client handled', async () => {
  const server = await serve(copyExample('websocket-chat'));
  try {
    const john = await connect(`${server.url}/api/`);
    assert.is(await john.say('John'), 'Using nickname: John\nType /help for list of commands.');
    assert.is(await john.say('/join chalice'), 'Joined chat room "chalice"');
    const jenny = await connect(`${server.url}/api/`);
    await jenny.say('Jenny');
    assert.is(await jenny.say('/join chalice'), 'Joined chat room "chalice"');
    assert.is(await john.next(), 'Jenny joined room.');
    john.ws.send('Hi');
    assert.is(await john.next(), 'John: Hi');
    assert.is(await jenny.next(), 'John: Hi');
    assert.is(await john.say('/ls'), 'John\nJenny');

    // Jenny leaves: $disconnect takes her out of the room (soon after her side sees the close).
    await jenny.close();
    let listed = '';
    for (let i = 0; i < 50 && listed !== 'John'; i++) listed = await john.say('/ls');
    assert.is(listed, 'John');

    // A client that sends its nickname and leaves at once: the reply finds it gone (410), so
    // WebsocketDisconnectedError reaches the chat's Sender, which removes it. Whether the close
    // overtakes the reply is up to the two sockets, so try a few times.
    let handled = false;
    for (let attempt = 0; attempt < 10 && !handled; attempt++) {
      const ghost = await connect(`${server.url}/api/`);
      ghost.ws.send('Ghost');
      ghost.ws.close();
      await ghost.closed;
      handled = await waitFor(() => /Removing departed connection \S+=/.test(server.output()), 500);
    }
    assert.ok(handled, `the chat handled a departed client: ${server.output()}`);
    assert.not.match(server.output(), /websocket_message failed/);

    // The room carries on.
    john.ws.send('anyone?');
    assert.is(await john.next(), 'John: anyone?');
    assert.is(await john.say('/ls'), 'John');
    await john.close();
  } finally {
    await server.stop();
  }
});

test("websockets without opting into WEBSOCKETS: chalice local fails with the seed's message", () => {
  const dir = copyExample('websocket-echo');
  const source = readFileSync(join(dir, 'app.ts'), 'utf8');
  writeFileSync(join(dir, 'app.ts'), source.replace("app.experimentalFeatureFlags.add('WEBSOCKETS');\n", ''));
  const result = spawnSync(process.execPath, [CLI, 'local', '--port', '0'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  assert.is(result.status, 2);
  assert.ok(
    result.stderr.includes(
      'You are using experimental features without explicitly opting in.\n' +
        'Experimental features do not guarantee backwards compatibility and may be removed in the future.\n' +
        'If you still like to use these experimental features, you can opt-in by adding this to your app.ts file:\n\n' +
        "app.experimentalFeatureFlags.add('WEBSOCKETS');\n\n" +
        'See https://aws.github.io/chalice/topics/experimental.html for more details.',
    ),
    result.stderr,
  );
});

test.run();
