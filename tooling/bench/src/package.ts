import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, table } from './stats.ts';

const ROUNDS = 15;
const CLI = fileURLToPath(new URL('../../../apps/cli/dist/cli.js', import.meta.url));
const HELLO = fileURLToPath(new URL('../../../examples/hello-world/', import.meta.url));

/**
 * Writes a 40-route app into `dir`: static and parameterised paths, several methods, CORS on
 * every fifth route (unless `cors` is false), one event handler.
 *
 * @example
 * fortyRouteApp(mkdtempSync(join(tmpdir(), 'forty-')), { cors: false });
 */
export function fortyRouteApp(dir: string, { cors = true }: { cors?: boolean } = {}): void {
  const routes = Array.from({ length: 40 }, (_, i) => {
    const path = i % 2 ? `/items${i}/{id}` : `/items${i}`;
    const options = `{ methods: ['GET', 'POST'], cors: ${cors && i % 5 === 0} }`;
    return `app.route('${path}', ${options}, function view_${i}(params) { return { route: ${i}, params }; });`;
  });
  mkdirSync(join(dir, '.chalice'), { recursive: true });
  writeFileSync(join(dir, '.chalice', 'config.json'), JSON.stringify({ version: '2.0', app_name: 'forty', stages: { dev: { api_gateway_stage: 'api' } } }));
  writeFileSync(
    join(dir, 'app.ts'),
    [
      `import { Chalice } from '@chalice/router';`,
      `export const app = new Chalice({ appName: 'forty' });`,
      ...routes,
      `app.schedule('rate(1 hour)', function hourly() {});`,
      '',
    ].join('\n'),
  );
}

function timed(args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

/**
 * `chalice package` wall time on a 40-route app, against a bare `node` start (the floor every
 * CLI pays) in the same rounds; and the hello-world example's deployment.zip size.
 */
export function runPackage(): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-bench-package-'));
  try {
    fortyRouteApp(dir);
    timed([CLI, 'package', 'warm'], dir); // the first run fills the OS file cache
    const samples = { node: [] as number[], package: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      samples.node.push(timed(['-e', '0'], dir));
      samples.package.push(timed([CLI, 'package', `out${round}`], dir));
    }
    const hello = join(dir, 'hello');
    cpSync(HELLO, hello, { recursive: true, filter: (src) => !/node_modules|deployments/.test(src) });
    timed([CLI, 'package', 'out'], hello);
    const zipBytes = statSync(join(hello, 'out', 'deployment.zip')).size;
    const node = median(samples.node);
    const pkg = median(samples.package);
    console.log(`package: ${ROUNDS} rounds, a 40-route app, each round a fresh OUT`);
    console.log(
      table([
        ['command', 'median ms', 'ratio to node start'],
        ['node -e 0', node.toFixed(0), '1.00'],
        ['chalice package', pkg.toFixed(0), (pkg / node).toFixed(2)],
      ]),
    );
    console.log(`hello-world deployment.zip: ${zipBytes.toLocaleString('en-US')} bytes (budget 8,192)`);
    return { nodeMs: node, packageMs: pkg, helloZipBytes: zipBytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runPackage();
