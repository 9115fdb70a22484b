import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deploy, destroy } from '../src/deploy.ts';
import { DeployError } from '../src/errors.ts';
import { lockPath } from '../src/stage-lock.ts';
import { fakeAws } from './helpers.ts';

// Another process holds the stage's lock: a child running withStageLock until it is told to
// end (a line on stdin) or killed.
const LOCK_MODULE = fileURLToPath(new URL('../src/stage-lock.ts', import.meta.url));
const HOLDER = `
import { withStageLock } from ${JSON.stringify(LOCK_MODULE)};
await withStageLock(process.argv[1], 'dev', 'chalice deploy', async () => {
  console.log('locked');
  await new Promise((resolve) => process.stdin.once('data', resolve));
});
`;

const temp = mkdtempSync(join(tmpdir(), 'chalice-lock-'));
let projects = 0;

function project(): string {
  const dir = join(temp, `p${++projects}`);
  mkdirSync(join(dir, '.chalice'), { recursive: true });
  writeFileSync(join(dir, '.chalice', 'config.json'), JSON.stringify({ version: '2.0', app_name: 'locky', stages: { dev: {} } }));
  writeFileSync(join(dir, 'app.ts'), "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'locky' });\napp.lambdaFunction(function foo() {});\n");
  return dir;
}

function holdLock(projectDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', HOLDER, projectDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((resolve) => ((child.exitCode ?? child.signalCode) !== null ? resolve(null) : child.once('exit', resolve)));

async function lockedOut(promise: Promise<unknown>): Promise<DeployError> {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, DeployError);
    return error as DeployError;
  }
  throw new Error('expected the stage to be locked');
}

test('a deploy and a delete while another process holds the stage: they fail naming the holder, and change nothing', async () => {
  const projectDir = project();
  const child = await holdLock(projectDir);
  const aws = fakeAws();
  try {
    const error = await lockedOut(deploy({ projectDir, aws, lockWaitMs: 300 }));
    assert.is(error.code, 'STAGE_LOCKED');
    assert.match(
      error.message,
      new RegExp(
        `^Stage "dev" is being changed by \`chalice deploy\` \\(pid ${child.pid} on ${hostname()}, since \\d{4}-[^)]+\\): wait for it to finish\\. If it is no longer running, remove ${lockPath(projectDir, 'dev')}\\.$`,
      ),
    );
    assert.is((await lockedOut(destroy({ projectDir, aws, lockWaitMs: 300 }))).code, 'STAGE_LOCKED');
    assert.equal(aws.calls, []);
    const holder = JSON.parse(readFileSync(lockPath(projectDir, 'dev'), 'utf8'));
    assert.equal([holder.pid, holder.host, holder.command, typeof holder.time], [child.pid, hostname(), 'chalice deploy', 'string']);
  } finally {
    child.kill('SIGKILL');
  }
});

test('a deploy waits for the holder to finish, then runs, and leaves no lock', async () => {
  const projectDir = project();
  const child = await holdLock(projectDir);
  setTimeout(() => child.stdin!.end('done\n'), 300);
  const aws = fakeAws();
  await deploy({ projectDir, aws, lockWaitMs: 10_000 });
  assert.ok(aws.functions.has('locky-dev-foo'));
  assert.not.ok(existsSync(lockPath(projectDir, 'dev')));
  await exited(child);
});

test('a holder killed with its lock held: the next deploy takes the stale lock over at once', async () => {
  const projectDir = project();
  const child = await holdLock(projectDir);
  child.kill('SIGKILL');
  await exited(child);
  assert.ok(existsSync(lockPath(projectDir, 'dev')), 'a killed holder leaves its lock');
  const started = Date.now();
  await deploy({ projectDir, aws: fakeAws(), lockWaitMs: 10_000 });
  assert.ok(Date.now() - started < 5_000, 'it does not wait for a dead holder');
  assert.not.ok(existsSync(lockPath(projectDir, 'dev')));
});

test('a deploy that fails before changing anything (an app that does not load) leaves no deployed/ folder', async () => {
  const projectDir = project();
  writeFileSync(join(projectDir, 'app.ts'), 'export const app = ;\n');
  const error = await deploy({ projectDir, aws: fakeAws() }).catch((e: Error) => e);
  assert.instance(error, Error);
  assert.not.ok(existsSync(join(projectDir, '.chalice', 'deployed')));
});

test.run();
