import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restEvent } from '@chalice/fixtures';
import { BUNDLE_BUDGET, bundle, CHALICE_HELLO, HAND_WRITTEN_HELLO } from './bundle.ts';
import { median, table } from './stats.ts';

const RUNS = 40;
const VARIANTS = ['hand-written', 'chalice'] as const;
type Variant = (typeof VARIANTS)[number];

// Runs in a fresh node. Times, from inside, the import of the bundle (which builds the app) and
// the first awaited invocation, so Node's own start-up (the same for both) is left out. The
// event is read before the clock starts.
const RUNNER = `
import { readFileSync } from 'node:fs';
const event = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const context = { functionName: 'hello', awsRequestId: 'r', getRemainingTimeInMillis: () => 3000 };
const t0 = process.hrtime.bigint();
const { handler } = await import(process.argv[2]);
const t1 = process.hrtime.bigint();
const result = await handler(event, context);
const t2 = process.hrtime.bigint();
if (result.statusCode !== 200 || result.body !== '{"hello":"world"}') throw new Error('unexpected ' + JSON.stringify(result));
process.stdout.write(JSON.stringify({ importMs: Number(t1 - t0) / 1e6, firstCallMs: Number(t2 - t1) / 1e6 }));
`;

/** What the cold-start benchmark measured; times are medians in ms, ratios ours over hand-written. */
export interface ColdStartResult {
  bytes: number;
  compressed: number;
  handWrittenBytes: number;
  importAndCall: Record<Variant, number>;
  importOnly: Record<Variant, number>;
  firstCall: Record<Variant, number>;
  process: Record<Variant, number>;
  importAndCallRatio: number;
  processRatio: number;
}

interface Samples {
  inside: number[];
  importOnly: number[];
  firstCall: number[];
  process: number[];
}

/** Runs each bundle in `RUNS` fresh processes, alternating which goes first. */
function measureProcesses(runner: string, eventFile: string, files: Record<Variant, string>): Samples[] {
  const byVariant: Samples[] = VARIANTS.map(() => ({ inside: [], importOnly: [], firstCall: [], process: [] }));
  for (let run = 0; run < RUNS; run++) {
    for (const v of run % 2 ? [1, 0] : [0, 1]) {
      const start = performance.now();
      const child = spawnSync(process.execPath, [runner, files[VARIANTS[v]!], eventFile], { encoding: 'utf8' });
      const wall = performance.now() - start;
      if (child.status !== 0) throw new Error(`${VARIANTS[v]} failed: ${child.stderr}`);
      const { importMs, firstCallMs } = JSON.parse(child.stdout) as { importMs: number; firstCallMs: number };
      const s = byVariant[v]!;
      s.inside.push(importMs + firstCallMs);
      s.importOnly.push(importMs);
      s.firstCall.push(firstCallMs);
      s.process.push(wall);
    }
  }
  return byVariant;
}

/**
 * Bundle sizes, then fresh-process import-plus-first-invocation times of the two hello-world
 * bundles, interleaved.
 */
export async function runColdStart(): Promise<ColdStartResult> {
  const bundles = { chalice: await bundle(CHALICE_HELLO), 'hand-written': await bundle(HAND_WRITTEN_HELLO) };
  const dir = mkdtempSync(join(tmpdir(), 'chalice-cold-'));
  let byVariant: Samples[];
  try {
    const runner = join(dir, 'runner.mjs');
    const eventFile = join(dir, 'event.json');
    writeFileSync(runner, RUNNER);
    writeFileSync(eventFile, JSON.stringify(restEvent({ resource: '/', headers: { Accept: '*/*', 'User-Agent': 'curl/8.5.0' } })));
    const files = {} as Record<Variant, string>;
    for (const name of VARIANTS) writeFileSync((files[name] = join(dir, `${name}.mjs`)), bundles[name].code);
    byVariant = measureProcesses(runner, eventFile, files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const med = (key: keyof Samples) => Object.fromEntries(VARIANTS.map((n, i) => [n, median(byVariant[i]![key])])) as Record<Variant, number>;
  const importAndCall = med('inside');
  const processTime = med('process');
  const result: ColdStartResult = {
    bytes: bundles.chalice.bytes,
    compressed: bundles.chalice.compressed,
    handWrittenBytes: bundles['hand-written'].bytes,
    importAndCall,
    importOnly: med('importOnly'),
    firstCall: med('firstCall'),
    process: processTime,
    importAndCallRatio: importAndCall.chalice / importAndCall['hand-written'],
    processRatio: processTime.chalice / processTime['hand-written'],
  };
  report(result);
  return result;
}

function report(r: ColdStartResult): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('cold start: hello-world Lambda, esbuild minified ESM (node20)');
  console.log(
    table([
      ['bundle', 'bytes', 'budget', ''],
      ['chalice', `${r.bytes} (${kb(r.bytes)})`, kb(BUNDLE_BUDGET.bytes), r.bytes <= BUNDLE_BUDGET.bytes ? 'met' : 'NOT MET'],
      ['chalice, deflated', `${r.compressed} (${kb(r.compressed)})`, kb(BUNDLE_BUDGET.compressed), r.compressed <= BUNDLE_BUDGET.compressed ? 'met' : 'NOT MET'],
      ['hand-written', String(r.handWrittenBytes), '', ''],
    ]),
  );
  console.log(`\n${RUNS} fresh processes per variant, interleaved; medians in ms`);
  const ms = (n: number) => n.toFixed(2);
  console.log(
    table([
      ['variant', 'import + first call', 'import', 'first call', 'whole process'],
      ...VARIANTS.map((v) => [v, ms(r.importAndCall[v]), ms(r.importOnly[v]), ms(r.firstCall[v]), r.process[v].toFixed(1)]),
      ['ratio chalice/hand-written', r.importAndCallRatio.toFixed(2), '', '', r.processRatio.toFixed(3)],
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runColdStart();
