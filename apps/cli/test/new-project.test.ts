import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from './helpers/cli.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'chalice-new-project-'));
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const versionOf = (folder: string) => readJson(fileURLToPath(new URL(`../../../${folder}/package.json`, import.meta.url))).version as string;

// A tarball laid out as npm and pnpm pack them: the manifest at package/package.json.
function fakeTarball(dir: string, name: string, version: string): void {
  const source = mkdtempSync(join(tmpdir(), 'chalice-tarball-'));
  mkdirSync(join(source, 'package'));
  writeFileSync(join(source, 'package', 'README.md'), `# ${name}\n`);
  writeFileSync(join(source, 'package', 'package.json'), JSON.stringify({ name, version }));
  const file = `${name.replace('@', '').replace('/', '-')}-${version}.tgz`;
  const tar = spawnSync('tar', ['czf', join(dir, file), '-C', source, 'package/README.md', 'package/package.json'], { encoding: 'utf8' });
  assert.is(tar.status, 0, tar.stderr);
}

test('the package.json of a new project asks for the versions of the packages it was made with', () => {
  const dir = tempDir();
  assert.is(run(['new-project', 'versions'], dir).status, 0);
  const manifest = readJson(join(dir, 'versions', 'package.json'));
  assert.is(manifest.dependencies['@chalice/router'], `^${versionOf('packages/router')}`);
  assert.is(manifest.devDependencies['@chalice/local'], `^${versionOf('packages/local')}`);
  assert.is(manifest.devDependencies.chalice, `^${versionOf('apps/cli')}`);
  assert.is(manifest.overrides, undefined);
});

// The built CLI installed as npm lays it out, beside packages of other versions than the workspace's.
function installedCli(versions: Record<string, string>): string {
  const modules = join(tempDir(), 'node_modules');
  const cliDir = join(modules, 'chalice');
  mkdirSync(cliDir, { recursive: true });
  cpSync(fileURLToPath(new URL('../dist', import.meta.url)), join(cliDir, 'dist'), { recursive: true });
  writeFileSync(join(cliDir, 'package.json'), JSON.stringify({ name: 'chalice', version: versions.chalice, type: 'module' }));
  for (const name of ['@chalice/router', '@chalice/local']) {
    mkdirSync(join(modules, name, 'dist'), { recursive: true });
    writeFileSync(join(modules, name, 'dist', 'index.js'), 'export {};\n');
    writeFileSync(join(modules, name, 'package.json'), JSON.stringify({ name, version: versions[name], type: 'module', exports: { '.': './dist/index.js' } }));
  }
  symlinkSync(realpathSync(fileURLToPath(new URL('../node_modules/cac', import.meta.url))), join(modules, 'cac'));
  // new-project checks the name with @chalice/config's rule: the real package, at the workspace's version.
  symlinkSync(realpathSync(fileURLToPath(new URL('../node_modules/@chalice/config', import.meta.url))), join(modules, '@chalice', 'config'));
  return join(cliDir, 'dist', 'cli.js');
}

test('an installed CLI writes the versions installed beside it, whatever they are', () => {
  const cli = installedCli({ chalice: '3.4.5', '@chalice/router': '2.0.1', '@chalice/local': '2.0.7' });
  const dir = tempDir();
  const made = spawnSync(process.execPath, [cli, 'new-project', 'released'], { cwd: dir, encoding: 'utf8' });
  assert.is(made.status, 0, made.stderr);
  const manifest = readJson(join(dir, 'released', 'package.json'));
  assert.equal([manifest.dependencies['@chalice/router'], manifest.devDependencies['@chalice/local'], manifest.devDependencies.chalice], ['^2.0.1', '^2.0.7', '^3.4.5']);
});

test('.chalice/deployed/ is not git-ignored: a clone deploys to the same resources', () => {
  const dir = tempDir();
  assert.is(run(['new-project', 'tracked'], dir).status, 0);
  const ignored = readFileSync(join(dir, 'tracked', '.gitignore'), 'utf8').split('\n');
  assert.ok(ignored.includes('.chalice/deployments/'));
  assert.not.ok(
    ignored.some((line) => line.startsWith('.chalice/deployed')),
    ignored.join('|'),
  );
});

test('--profile is written into .chalice/config.json, as the original does; without it there is none', () => {
  const dir = tempDir();
  assert.is(run(['new-project', 'withprofile', '--profile', 'work'], dir).status, 0);
  assert.equal(readJson(join(dir, 'withprofile', '.chalice/config.json')), {
    version: '2.0',
    app_name: 'withprofile',
    profile: 'work',
    stages: { dev: { api_gateway_stage: 'api' } },
  });
  const packaged = run(['package', 'out'], join(dir, 'withprofile'));
  assert.is(packaged.status, 0, packaged.stderr);
  assert.not.match(packaged.stderr, /profile/, 'the config key is known');
  assert.is(run(['new-project', 'noprofile'], dir).status, 0);
  assert.is(readJson(join(dir, 'noprofile', '.chalice/config.json')).profile, undefined);
});

test('a name too long or not a plain name: one line naming it, exit 2, nothing written', () => {
  const dir = tempDir();
  const long = run(['new-project', 'a'.repeat(300)], dir);
  assert.is(long.status, 2);
  assert.is(
    long.stderr,
    `Error: Invalid project name "${'a'.repeat(20)}..." (300 characters): it becomes the app name, which must be at most 62 characters long, so that Lambda's names "<app>-<stage>" fit in 64\n`,
  );
  for (const name of ['my app', '../escape', '.hidden', 'café', '_x']) {
    const bad = run(['new-project', name], dir);
    assert.is(bad.status, 2, name);
    assert.is(bad.stderr.split('\n').length, 2, bad.stderr);
    assert.match(bad.stderr, /^Error: Invalid project name ".+": it becomes the app name, which must be made of letters, digits/);
  }
  assert.equal(readdirSync(dir), []);
});

test('--packages DIR: file: specifiers to its tarballs, relative to the project; the rest as npm overrides', () => {
  const dir = tempDir();
  const out = join(dir, 'packages-out');
  mkdirSync(out);
  for (const name of ['@chalice/router', '@chalice/local', 'chalice', '@chalice/events', '@chalice/deployer']) fakeTarball(out, name, '1.2.3');
  fakeTarball(out, 'left-pad', '1.0.0');
  writeFileSync(join(out, 'notes.tgz'), 'not a tarball');
  const made = run(['new-project', 'offline', '--packages', 'packages-out'], dir);
  assert.is(made.status, 0, made.stderr);
  const manifest = readJson(join(dir, 'offline', 'package.json'));
  assert.is(manifest.dependencies['@chalice/router'], 'file:../packages-out/chalice-router-1.2.3.tgz');
  assert.is(manifest.devDependencies['@chalice/local'], 'file:../packages-out/chalice-local-1.2.3.tgz');
  assert.is(manifest.devDependencies.chalice, 'file:../packages-out/chalice-1.2.3.tgz');
  assert.equal(manifest.overrides, {
    '@chalice/deployer': 'file:../packages-out/chalice-deployer-1.2.3.tgz',
    '@chalice/events': 'file:../packages-out/chalice-events-1.2.3.tgz',
  });
});

test('--packages without the tarballs a project needs, or no such folder: one line, exit 2, nothing written', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'partial'));
  fakeTarball(join(dir, 'partial'), '@chalice/router', '1.2.3');
  const partial = run(['new-project', 'p', '--packages', 'partial'], dir);
  assert.is(partial.status, 2);
  assert.match(partial.stderr, /^Error: --packages partial: no tarball of @chalice\/local, chalice in it \(run `npm run pack` in the chalice-ts repository\)\n$/);
  const none = run(['new-project', 'p', '--packages', 'nowhere'], dir);
  assert.is(none.status, 2);
  assert.is(none.stderr, 'Error: --packages nowhere: no such folder\n');
  assert.not.ok(existsSync(join(dir, 'p')));
});

test.run();
