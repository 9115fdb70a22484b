import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { packAll, publishablePackages, ROOT } from '../../pack.ts';

// What a published package and the repository around it must carry; publint and
// @arethetypeswrong/cli (pinned here) over every packed tarball.

interface Manifest {
  name: string;
  private?: boolean;
  license?: string;
  engines?: { node?: string };
  repository?: { type: string; url: string; directory: string };
  publishConfig?: { access?: string };
  files?: string[];
  exports?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const BIN = fileURLToPath(new URL('../node_modules/.bin/', import.meta.url));
const readText = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const folders = ['packages', 'apps'].flatMap((group) => readdirSync(join(ROOT, group)).map((folder) => `${group}/${folder}`));
const manifests = folders.map((folder) => ({ folder, manifest: JSON.parse(readText(`${folder}/package.json`)) as Manifest }));
const rootEngines = (JSON.parse(readText('package.json')) as Manifest).engines!.node;

const repository = suite('the repository and its packages, as published');

repository('every published package: license, engines, repository, publishConfig, files, and the LICENSE file', () => {
  const license = readText('LICENSE');
  assert.match(license, /Apache License\s+Version 2\.0, January 2004/);
  const published = manifests.filter(({ manifest }) => !manifest.private);
  assert.equal(published.map(({ manifest }) => manifest.name).sort(), publishablePackages().sort());
  for (const { folder, manifest } of published) {
    assert.is(manifest.license, 'Apache-2.0', folder);
    assert.is(manifest.engines?.node, rootEngines, `${folder} engines.node`);
    assert.is(manifest.repository?.directory, folder, `${folder} repository.directory`);
    assert.match(manifest.repository?.url ?? '', /^git\+https:\/\/.+\.git$/, `${folder} repository.url`);
    assert.is(manifest.publishConfig?.access, 'public', `${folder} publishConfig.access`);
    assert.ok(manifest.files?.includes('dist'), `${folder} files`);
    assert.ok(readText(`${folder}/LICENSE`) === license, `${folder}/LICENSE is the root's`);
  }
});

// turbo hashes the root's external dependencies into every task: the root keeps only its own tools.
repository("root devDependencies: only turbo, changesets and workspace links, so a package's tool bump does not invalidate every task", () => {
  const { devDependencies = {}, dependencies = {} } = JSON.parse(readText('package.json')) as Manifest;
  const external = Object.entries({ ...dependencies, ...devDependencies }).filter(([, spec]) => !spec.startsWith('workspace:'));
  assert.equal(external.map(([name]) => name).sort(), ['@changesets/cli', 'turbo']);
});

repository('AWS SDK packages come from the pnpm catalog: one version of each, one @smithy/core', () => {
  for (const { folder, manifest } of manifests) {
    for (const [name, spec] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (name.startsWith('@aws-sdk/')) assert.is(spec, 'catalog:', `${folder}: ${name}`);
    }
  }
  const versions = new Map<string, Set<string>>();
  for (const [, name, version] of readText('pnpm-lock.yaml').matchAll(/^ {2}'?(@(?:aws-sdk|smithy)\/[^@']+)@([^':(]+)/gm)) {
    versions.set(name!, (versions.get(name!) ?? new Set()).add(version!));
  }
  assert.ok(versions.has('@smithy/core'));
  assert.equal(
    [...versions].filter(([, found]) => found.size > 1).map(([name, found]) => `${name}: ${[...found].join(', ')}`),
    [],
  );
});

repository('turbo: every build and typecheck hashes the shared tsconfig, every build the tsup preset', () => {
  // A fresh turbo, not one tied to the turbo run that may be running this test.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TURBO_')));
  const dry = spawnSync(join(ROOT, 'node_modules', '.bin', 'turbo'), ['run', 'build', 'typecheck', '--dry=json'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.is(dry.status, 0, dry.stderr);
  const tasks = (JSON.parse(dry.stdout) as { tasks: Array<{ taskId: string; task: string; command: string; inputs: Record<string, string> }> }).tasks;
  const missing = tasks
    .filter((task) => task.command !== '<NONEXISTENT>')
    .flatMap((task) => {
      const inputs = Object.keys(task.inputs).map((file) => basename(file));
      const needed = task.task === 'build' ? ['tsconfig.base.json', 'tsup.preset.ts'] : ['tsconfig.base.json'];
      return needed.filter((file) => !inputs.includes(file)).map((file) => `${task.taskId}: ${file}`);
    });
  assert.ok(tasks.length > 20, 'turbo listed the tasks');
  assert.equal(missing, []);
});

repository('publint and arethetypeswrong accept every packed package', () => {
  const work = mkdtempSync(join(tmpdir(), 'chalice-publint-'));
  try {
    for (const tarball of packAll(join(work, 'out'))) {
      const unpacked = join(work, basename(tarball, '.tgz'));
      mkdirSync(unpacked);
      assert.is(spawnSync('tar', ['xzf', tarball, '-C', unpacked]).status, 0);
      const publint = spawnSync(join(BIN, 'publint'), ['--strict', '--pack', 'false'], { cwd: join(unpacked, 'package'), encoding: 'utf8' });
      assert.is(publint.status, 0, `publint ${basename(tarball)}:\n${publint.stdout}${publint.stderr}`);
      assert.not.match(publint.stdout, /Suggestions?:|Warnings?:|Errors?:/, `publint ${basename(tarball)}:\n${publint.stdout}`);
      const manifest = JSON.parse(readFileSync(join(unpacked, 'package', 'package.json'), 'utf8')) as Manifest;
      // The CLI has a bin and no importable entry: there are no types to check.
      if (manifest.exports === undefined) continue;
      // ESM only, by design (package "type": "module", no require condition).
      const attw = spawnSync(join(BIN, 'attw'), ['--profile', 'esm-only', '--format', 'ascii', tarball], { encoding: 'utf8' });
      assert.is(attw.status, 0, `attw ${basename(tarball)}:\n${attw.stdout}${attw.stderr}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

repository.run();
