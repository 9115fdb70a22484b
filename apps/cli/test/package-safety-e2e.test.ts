import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI, EXAMPLES } from './helpers/cli.ts';

// `chalice package` stays inside the project and inside Lambda's limits, and refuses an OUT it
// cannot write before doing any work: the built binary on copies of hello-world.
const work = mkdtempSync(join(tmpdir(), 'chalice-package-safety-'));
let copies = 0;

// With a time limit: an OUT under /proc used to hang the build after all its work.
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

function helloWorld(): string {
  const dir = join(work, `hello-${++copies}`);
  cpSync(join(EXAMPLES, 'hello-world'), dir, { recursive: true, filter: (src) => !/node_modules|\.chalice\/deployments/.test(src) });
  mkdirSync(join(dir, 'chalicelib'), { recursive: true });
  mkdirSync(join(dir, 'vendor'), { recursive: true });
  return dir;
}

function expectUserError(result: ReturnType<typeof run>, message: RegExp): void {
  assert.is(result.status, 2, result.stderr);
  assert.match(result.stderr, message);
  assert.not.match(result.stderr, /\n\s+at /, 'no stack trace');
}

const zipList = (zip: string) => spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout.trim().split('\n').sort();

test('symlinks leading out of the project are refused, naming them; --follow-symlinks copies them with a warning', () => {
  const outside = mkdtempSync(join(work, 'outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'private');
  mkdirSync(join(outside, 'lib'));
  writeFileSync(join(outside, 'lib', 'native.so'), 'binary');
  const dir = helloWorld();
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'chalicelib', 'secret.txt'));
  symlinkSync(join(outside, 'lib'), join(dir, 'vendor', 'lib'));

  expectUserError(run(['package', 'out'], dir), /Symlinks lead outside the project.*chalicelib\/secret\.txt -> .*secret\.txt, vendor\/lib -> .*lib\..*--follow-symlinks/);
  assert.not.ok(existsSync(join(dir, 'out')), 'nothing written');

  const followed = run(['package', '--follow-symlinks', 'out'], dir);
  assert.is(followed.status, 0, followed.stderr);
  assert.match(followed.stderr, /chalicelib\/secret\.txt -> .*secret\.txt is outside the project: copied as files/);
  const files = zipList(join(dir, 'out', 'deployment.zip'));
  assert.ok(files.includes('chalicelib/secret.txt') && files.includes('lib/native.so'), files.join(' '));
});

test('a symlink cycle is refused, naming the link', () => {
  const dir = helloWorld();
  mkdirSync(join(dir, 'vendor', 'a'));
  symlinkSync('..', join(dir, 'vendor', 'a', 'loop'));
  expectUserError(run(['package', 'out'], dir), /vendor\/a\/loop is a symlink cycle/);
});

test("a package over Lambda's 250 MB unzipped limit is refused, naming the biggest file", () => {
  const dir = helloWorld();
  // Sparse: no disk used, and the size alone stops the build before the file is read.
  writeFileSync(join(dir, 'vendor', 'model.bin'), '');
  truncateSync(join(dir, 'vendor', 'model.bin'), 300 * 1024 * 1024);
  expectUserError(run(['package', 'out'], dir), /300\.\d MB unzipped, over Lambda's 250 MB limit; the biggest files: model\.bin \(300\.0 MB\)/);
  assert.not.ok(existsSync(join(dir, 'out')));
});

test('an OUT that cannot be written (/proc, a pipe) fails at once, before any work, and is left as it was', () => {
  const dir = helloWorld();
  expectUserError(run(['package', '/proc/chalice-out'], dir), /Cannot write to \/proc\/chalice-out: \/proc does not take new files/);
  assert.not.ok(existsSync(join(dir, '.chalice', 'deployments')), 'no package was built');

  const fifo = join(dir, 'pipe');
  assert.is(spawnSync('mkfifo', [fifo]).status, 0);
  expectUserError(run(['package', '--single-file', fifo], dir), /pipe is not a regular file/);
  assert.ok(lstatSync(fifo).isFIFO(), 'the pipe is still a pipe');
  assert.not.ok(existsSync(join(dir, '.chalice', 'deployments')));
  assert.ok(statSync(dir).isDirectory());
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
