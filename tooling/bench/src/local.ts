import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median, table } from './stats.ts';

const ROUNDS = 9;
const SECONDS = 3;

function start(kind: 'bare' | 'chalice'): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./local-servers.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, kind], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), child }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
}

// wrk when the machine has it (C, so the client takes little of the CPU), else autocannon.
const HAS_WRK = spawnSync('wrk', ['--version']).error === undefined;
const TOOL = HAS_WRK ? 'wrk' : 'autocannon';

async function load(url: string): Promise<number> {
  if (HAS_WRK) {
    const out = spawnSync('wrk', ['-t', '1', '-c', '8', '-d', `${SECONDS}s`, url], { encoding: 'utf8' }).stdout;
    const rate = /Requests\/sec:\s+([\d.]+)/.exec(out);
    if (!rate || /Non-2xx/.test(out)) throw new Error(`wrk against ${url} failed: ${out}`);
    return Number(rate[1]);
  }
  const result = await autocannon({ url, connections: 8, duration: SECONDS });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

/**
 * `chalice local` against a bare node:http hello world: 8 keep-alive connections from autocannon
 * in this process, each server in its own, alternating rounds. Returns median requests/s.
 */
export async function runLocal(): Promise<Record<string, number>> {
  const servers = { bare: await start('bare'), chalice: await start('chalice') };
  try {
    const body = await (await fetch(servers.chalice.url)).text();
    if (body !== '{"hello":"world"}') throw new Error(`chalice local answered ${body}`);
    const samples: Record<string, number[]> = { bare: [], chalice: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of (round % 2 ? ['chalice', 'bare'] : ['bare', 'chalice']) as Array<'bare' | 'chalice'>) {
        samples[name]!.push(await load(servers[name].url));
      }
    }
    const bare = median(samples.bare!);
    const chalice = median(samples.chalice!);
    console.log(`local: ${TOOL}, 8 keep-alive connections, ${ROUNDS} x ${SECONDS} s rounds each`);
    console.log(
      table([
        ['server', 'median requests/s', 'ratio to bare'],
        ['bare node:http', Math.round(bare).toLocaleString('en-US'), '1.000'],
        ['chalice local', Math.round(chalice).toLocaleString('en-US'), (chalice / bare).toFixed(3)],
      ]),
    );
    return { bare, chalice };
  } finally {
    servers.bare.child.kill();
    servers.chalice.child.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runLocal();
