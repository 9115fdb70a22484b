import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { median, table } from './stats.ts';

const ROUNDS = 7;
const SECONDS = 2;
const CONNECTIONS = [1, 8] as const;
type Kind = 'bare' | 'chalice';

function start(kind: Kind): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./websocket-servers.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, kind], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), child }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
}

function open(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

// One client per connection, each sending its next message as soon as the echo of the last one
// came back (a round trip), for `seconds`; the echo is checked.
async function roundTrips(sockets: WebSocket[], seconds: number): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    sockets.map(
      (ws, i) =>
        new Promise<void>((resolve, reject) => {
          let n = 0;
          const sendNext = () => ws.send(`${i}:${n}`);
          const onMessage = (data: Buffer) => {
            if (data.toString() !== `${i}:${n}`) return reject(new Error(`echo of ${i}:${n} was ${data}`));
            count++;
            n++;
            if (Date.now() < end) return sendNext();
            ws.off('message', onMessage);
            resolve();
          };
          ws.on('message', onMessage);
          sendNext();
        }),
    ),
  );
  return count / seconds;
}

/**
 * `chalice local`'s websocket echo (the websocket-echo example: each message runs the
 * `$default` handler, which answers through `app.websocketApi.send`, that is the AWS SDK and
 * the local Management API) against a bare `ws` echo server, each in its own process, over 1
 * and over 8 connections, rounds interleaved. Returns median round trips/s by server and
 * connection count.
 */
export async function runWebsocket(): Promise<Record<string, number>> {
  const servers = { bare: await start('bare'), chalice: await start('chalice') };
  try {
    const samples: Record<string, number[]> = {};
    const pools = Object.fromEntries(
      await Promise.all(
        (['bare', 'chalice'] as Kind[]).map(async (kind) => [kind, await Promise.all(Array.from({ length: 8 }, () => open(servers[kind].url)))] as const),
      ),
    ) as Record<Kind, WebSocket[]>;
    // A short warm-up each, so the first round does not pay for compilation and the SDK's first load.
    for (const kind of ['bare', 'chalice'] as Kind[]) await roundTrips(pools[kind], 0.5);
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of CONNECTIONS) {
        for (const kind of (round % 2 ? ['chalice', 'bare'] : ['bare', 'chalice']) as Kind[]) {
          (samples[`${kind}/${connections}`] ??= []).push(await roundTrips(pools[kind].slice(0, connections), SECONDS));
        }
      }
    }
    for (const pool of Object.values(pools)) for (const ws of pool) ws.close();
    const result = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, median(values)]));
    console.log(`websocket: echo round trips, ${ROUNDS} x ${SECONDS} s rounds per server and connection count, interleaved`);
    const rows = [['connections', 'bare ws (median rt/s)', 'chalice local (median rt/s)', 'ratio']];
    for (const connections of CONNECTIONS) {
      const bare = result[`bare/${connections}`]!;
      const chalice = result[`chalice/${connections}`]!;
      rows.push([String(connections), Math.round(bare).toLocaleString('en-US'), Math.round(chalice).toLocaleString('en-US'), (chalice / bare).toFixed(3)]);
    }
    console.log(table(rows));
    return result;
  } finally {
    servers.bare.child.kill();
    servers.chalice.child.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runWebsocket();
