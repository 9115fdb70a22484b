import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// What a user of @chalice/router alone meets: the published tarballs, installed with plain npm
// beside @types/aws-lambda, compiled with strict and skipLibCheck false. The test packs the
// packages itself (with the workspace's pnpm, which turns `workspace:*` into versions).

const root = fileURLToPath(new URL('../../../', import.meta.url));
const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
const PNPM = ['-y', 'pnpm@12.4.2'];

interface Manifest {
  dependencies?: Record<string, string>;
}

// @chalice/router and the @chalice packages it depends on, found from the manifests.
function runtimePackages(name: string, found = new Set<string>()): Set<string> {
  found.add(name);
  const manifest = JSON.parse(readFileSync(join(root, 'packages', name.replace('@chalice/', ''), 'package.json'), 'utf8')) as Manifest;
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    if (dep.startsWith('@chalice/') && !found.has(dep)) runtimePackages(dep, found);
  }
  return found;
}

// One pnpm run packs them all (each start of npx and pnpm costs seconds).
function pack(names: Set<string>, destination: string): string[] {
  const filters = [...names].flatMap((name) => ['--filter', name]);
  execFileSync('npx', [...PNPM, ...filters, 'pack', '--pack-destination', destination], { cwd: root, stdio: 'pipe' });
  return readdirSync(destination).map((file) => join(destination, file));
}

// The router README's examples that import the package: they must compile for its users too.
function readmeExamples(): string[] {
  const readme = readFileSync(join(root, 'packages/router/README.md'), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes("from '@chalice/router'"));
}

function pinned(name: string): string {
  const version = own.devDependencies[name];
  assert.ok(version, `${name} is pinned in tooling/typetest/package.json`);
  return `${name}@${version}`;
}

test('a router-only project and the router README examples compile against the packed .d.ts files and @types/aws-lambda (strict, skipLibCheck false)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-typetest-'));
  try {
    const packages = runtimePackages('@chalice/router');
    const tarballs = pack(packages, join(dir, 'packs'));
    assert.is(tarballs.length, packages.size, 'one tarball per runtime package');
    const project = join(dir, 'consumer');
    mkdirSync(project);
    cpSync(fileURLToPath(new URL('../consumer/', import.meta.url)), project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const examples = readmeExamples();
    assert.ok(examples.length >= 3, 'the router README has its examples');
    examples.forEach((code, i) => writeFileSync(join(project, `readme-${i + 1}.ts`), code));
    const install = [...tarballs, pinned('@types/aws-lambda'), pinned('@types/node'), pinned('typescript')];
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...install], { cwd: project, stdio: 'pipe' });
    const installed = readdirSync(join(project, 'node_modules', '@chalice'));
    assert.equal(installed.sort(), [...packages].map((n) => n.replace('@chalice/', '')).sort(), 'only the router and its dependencies');
    const tsc = spawnSync(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { encoding: 'utf8' });
    const output = tsc.stdout + tsc.stderr;
    assert.ok(tsc.status === 0 && output === '', `tsc found errors in the consumer project:\n${output}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
