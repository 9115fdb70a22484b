import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, table } from './stats.ts';

const RUNS = 30;
const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

/** What each variant imports, in a fresh process, from this package's folder. */
const VARIANTS = {
  '@chalice/router': ['@chalice/router'],
  'TestClient from @chalice/local': ['@chalice/local'],
  '@chalice/local/test-client': ['@chalice/local/test-client'],
  // What the entry cost while app loading (and so esbuild) sat in @chalice/config's main entry.
  'TestClient + esbuild (before)': ['@chalice/local', 'esbuild'],
} as const;
type Variant = keyof typeof VARIANTS;

// Times the imports from inside (Node's own start-up, the same for all, left out) and says
// whether esbuild ended up loaded.
const RUNNER = `
import { createRequire } from 'node:module';
const t0 = process.hrtime.bigint();
for (const specifier of process.argv.slice(1)) await import(specifier);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const esbuild = Object.keys(createRequire(import.meta.url).cache).some((file) => /[\\\\/]esbuild[\\\\/]/.test(file));
process.stdout.write(JSON.stringify({ ms, esbuild }));
`;

function importOnce(specifiers: readonly string[]): { ms: number; esbuild: boolean } {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', RUNNER, ...specifiers], { cwd: BENCH_DIR, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`importing ${specifiers.join(', ')} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { ms: number; esbuild: boolean };
}

/** Median import time (ms) of each variant over `RUNS` fresh processes, interleaved and rotated. */
export function runImportTime(): Record<Variant, { ms: number; esbuild: boolean }> {
  const names = Object.keys(VARIANTS) as Variant[];
  const samples = new Map<Variant, number[]>(names.map((name) => [name, []]));
  const loadsEsbuild = new Map<Variant, boolean>();
  for (let run = 0; run < RUNS; run++) {
    const order = [...names.slice(run % names.length), ...names.slice(0, run % names.length)];
    for (const name of order) {
      const { ms, esbuild } = importOnce(VARIANTS[name]);
      samples.get(name)!.push(ms);
      loadsEsbuild.set(name, esbuild);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { ms: median(samples.get(name)!), esbuild: loadsEsbuild.get(name)! }])) as Record<Variant, { ms: number; esbuild: boolean }>;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = runImportTime();
  const base = result['TestClient from @chalice/local'].ms;
  const rows = Object.entries(result).map(([name, { ms, esbuild }]) => [name, ms.toFixed(1), (ms / base).toFixed(2), esbuild ? 'yes' : 'no']);
  console.log(`import time: ${RUNS} fresh processes each, interleaved`);
  console.log(table([['imports', 'median ms', 'ratio to TestClient', 'esbuild loaded'], ...rows]));
}
