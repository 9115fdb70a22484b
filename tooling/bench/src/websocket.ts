import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { median, table } from './stats.ts';

const ROUNDS = 7;
const SECONDS = 2;
const CONNECTIONS = [1, 8] as const;
const KINDS = ['bare', 'chalice', 'chalice-sdk'] as const;
type Kind = (typeof KINDS)[number];
const LABELS: Record<Kind, string> = { bare: 'bare ws', chalice: 'chalice local', 'chalice-sdk': 'chalice local, clientConfig (SDK)' };

function start(kind: Kind): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./websocket-servers.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, kind], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), child }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
}

// A process's CPU time (user + system) in µs from /proc, or null where there is none: unlike
// round trips/s, it hardly moves with the load other work puts on a shared machine.
function cpuMicros(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return null;
  }
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
 * `$default` handler, which answers through `app.websocketApi.send`) against a bare `ws` echo
 * server, each in its own process, over 1 and over 8 connections, rounds interleaved. Two
 * chalice servers: as is (`send` answered in process by the local Management API) and with the
 * app setting `websocketApi.clientConfig` (the AWS SDK over HTTP to the same API). Returns median
 * round trips/s by server and connection count.
 */
export async function runWebsocket(): Promise<Record<string, number>> {
  const servers = Object.fromEntries(await Promise.all(KINDS.map(async (kind) => [kind, await start(kind)] as const))) as Record<Kind, { url: string; child: ChildProcess }>;
  try {
    const samples: Record<string, number[]> = {};
    // Server CPU µs per round trip, by server and connection count.
    const cpu: Record<string, number[]> = {};
    const pools = Object.fromEntries(
      await Promise.all(KINDS.map(async (kind) => [kind, await Promise.all(Array.from({ length: 8 }, () => open(servers[kind].url)))] as const)),
    ) as Record<Kind, WebSocket[]>;
    // A short warm-up each, so the first round does not pay for compilation and the SDK's first load.
    for (const kind of KINDS) await roundTrips(pools[kind], 0.5);
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of CONNECTIONS) {
        // Each round starts with the next server in turn.
        for (const kind of [...KINDS.slice(round % KINDS.length), ...KINDS.slice(0, round % KINDS.length)]) {
          const cpuBefore = cpuMicros(servers[kind].child.pid);
          const rate = await roundTrips(pools[kind].slice(0, connections), SECONDS);
          const cpuAfter = cpuMicros(servers[kind].child.pid);
          (samples[`${kind}/${connections}`] ??= []).push(rate);
          if (cpuBefore !== null && cpuAfter !== null) (cpu[`${kind}/${connections}`] ??= []).push((cpuAfter - cpuBefore) / (rate * SECONDS));
        }
      }
    }
    for (const pool of Object.values(pools)) for (const ws of pool) ws.close();
    const result = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, median(values)]));
    console.log(`websocket: echo round trips, ${ROUNDS} x ${SECONDS} s rounds per server and connection count, interleaved`);
    const rows = [['connections', ...KINDS.map((kind) => `${LABELS[kind]} (median rt/s)`), ...KINDS.slice(1).map((kind) => `ratio ${kind}`)]];
    for (const connections of CONNECTIONS) {
      const rate = (kind: Kind) => result[`${kind}/${connections}`]!;
      rows.push([
        String(connections),
        ...KINDS.map((kind) => Math.round(rate(kind)).toLocaleString('en-US')),
        ...KINDS.slice(1).map((kind) => (rate(kind) / rate('bare')).toFixed(3)),
      ]);
    }
    console.log(table(rows));
    if (Object.keys(cpu).length) {
      console.log('server CPU per round trip (median µs, from /proc)');
      const cpuRows = [['connections', ...KINDS.map((kind) => LABELS[kind])]];
      for (const connections of CONNECTIONS) cpuRows.push([String(connections), ...KINDS.map((kind) => median(cpu[`${kind}/${connections}`]!).toFixed(1))]);
      console.log(table(cpuRows));
    }
    return result;
  } finally {
    for (const { child } of Object.values(servers)) child.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runWebsocket();
