import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { median, table } from './stats.ts';

const RUNS = 40;

const CHALICE_HELLO = `
import { Chalice } from '@chalice/router';
export const app = new Chalice({ appName: 'hello' });
app.route('/', () => ({ hello: 'world' }));
export const handler = app.handler;
`;

const HAND_WRITTEN_HELLO = `
export const handler = async (event) => {
  if (event.requestContext.resourcePath === '/' && event.requestContext.httpMethod === 'GET') {
    return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, multiValueHeaders: {}, body: JSON.stringify({ hello: 'world' }), isBase64Encoded: false };
  }
  return { statusCode: 403, headers: {}, multiValueHeaders: {}, body: '{"message":"Missing Authentication Token"}', isBase64Encoded: false };
};
`;

// Runs in a fresh node: time from just before the import to the end of the first invocation,
// so Node's own start-up (the same for both) is left out.
const RUNNER = `
const t0 = process.hrtime.bigint();
const { handler } = await import(process.argv[2]);
const event = { resource: '/', path: '/', httpMethod: 'GET', headers: {}, multiValueHeaders: {}, queryStringParameters: null,
  multiValueQueryStringParameters: null, pathParameters: null, stageVariables: null, body: null, isBase64Encoded: false,
  requestContext: { resourcePath: '/', httpMethod: 'GET', stage: 'api', requestId: 'r' } };
const result = await handler(event, { functionName: 'hello', getRemainingTimeInMillis: () => 3000 });
const t1 = process.hrtime.bigint();
if (result.statusCode !== 200) throw new Error('unexpected ' + JSON.stringify(result));
process.stdout.write(String(Number(t1 - t0) / 1e6));
`;

/** Bundles a Lambda the way a user would: esbuild, minified ESM for Node. */
export async function bundle(source: string): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents: source, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@aws-sdk/*'],
    write: false,
  });
  return result.outputFiles[0]!.contents;
}

/** Bundle sizes and fresh-process import-plus-first-invocation times, ours against hand-written. */
export async function runColdStart(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-cold-'));
  const runner = join(dir, 'runner.mjs');
  writeFileSync(runner, RUNNER);
  const variants = { chalice: await bundle(CHALICE_HELLO), 'hand-written': await bundle(HAND_WRITTEN_HELLO) };
  const files: Record<string, string> = {};
  for (const [name, code] of Object.entries(variants)) writeFileSync((files[name] = join(dir, `${name}.mjs`)), code);
  const inside: Record<string, number[]> = { chalice: [], 'hand-written': [] };
  const wall: Record<string, number[]> = { chalice: [], 'hand-written': [] };
  for (let run = 0; run < RUNS; run++) {
    for (const name of run % 2 ? ['chalice', 'hand-written'] : ['hand-written', 'chalice']) {
      const start = performance.now();
      const child = spawnSync(process.execPath, [runner, files[name]!], { encoding: 'utf8' });
      wall[name]!.push(performance.now() - start);
      if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`);
      inside[name]!.push(Number(child.stdout));
    }
  }
  const bytes = variants.chalice.length;
  const compressed = deflateRawSync(variants.chalice, { level: 9 }).length;
  const med = (m: Record<string, number[]>, n: string) => median(m[n]!);
  console.log(`cold start: hello-world bundle ${bytes} bytes, ${compressed} deflated (hand-written: ${variants['hand-written'].length} bytes)`);
  console.log(
    table([
      ['implementation', 'import + first call (ms)', 'whole process (ms)'],
      ...['hand-written', 'chalice'].map((n) => [n, med(inside, n).toFixed(2), med(wall, n).toFixed(1)]),
      ['ratio', (med(inside, 'chalice') / med(inside, 'hand-written')).toFixed(2), (med(wall, 'chalice') / med(wall, 'hand-written')).toFixed(3)],
    ]),
  );
  return {
    bytes,
    compressed,
    importRatio: med(inside, 'chalice') / med(inside, 'hand-written'),
    processRatio: med(wall, 'chalice') / med(wall, 'hand-written'),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await runColdStart();
