import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { DeployError } from './errors.ts';

/**
 * Who holds a stage's lock, as its lock file says.
 *
 * @example
 * const holder: LockHolder = { pid: 4242, host: 'build-1', time: '2026-12-04T16:40:00.000Z', command: 'chalice deploy' };
 */
export interface LockHolder {
  pid: number;
  host: string;
  time: string;
  command: string;
}

const POLL_MS = 100;

/**
 * The lock file of a stage, beside its deployed state.
 *
 * @example
 * lockPath('/work/app', 'dev'); // '/work/app/.chalice/deployed/dev.lock'
 */
export function lockPath(projectDir: string, stage: string): string {
  return join(projectDir, '.chalice', 'deployed', `${stage}.lock`);
}

/**
 * Runs `run` holding the stage's lock, so that two deploys or deletes of one stage never run
 * at once (both would create, and each would record over the other). A lock whose holder is
 * gone (its pid no longer runs on this host: a killed deploy) is taken over; one still held
 * is waited for up to `waitMs`, then a {@link DeployError} (`STAGE_LOCKED`) names its holder.
 *
 * @example
 * await withStageLock(projectDir, 'dev', 'chalice deploy', async () => executePlan(plan, options));
 */
export async function withStageLock<T>(projectDir: string, stage: string, command: string, run: () => Promise<T>, waitMs = 3_000): Promise<T> {
  const file = lockPath(projectDir, stage);
  const me: LockHolder = { pid: process.pid, host: hostname(), time: new Date().toISOString(), command };
  const deadline = Date.now() + waitMs;
  while (!tryLock(file, me)) {
    const holder = readHolder(file);
    if (holder && holder.host === me.host && !isRunning(holder.pid)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw lockedError(file, stage, holder);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await run();
  } finally {
    if (readHolder(file)?.pid === me.pid) rmSync(file, { force: true });
    removeIfEmpty(dirname(file));
  }
}

// A deploy that failed before recording anything leaves no `deployed/` folder behind.
function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (a state file, another stage's lock), or already gone.
  }
}

function tryLock(file: string, me: LockHolder): boolean {
  try {
    writeFileSync(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST') return false;
    if (code !== 'ENOENT') throw error;
  }
  // No folder yet, or it went with the previous holder's lock.
  mkdirSync(dirname(file), { recursive: true });
  return tryLock(file, me);
}

// `null` while the holder is still writing it, or if it is not ours to read.
function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? (holder as LockHolder) : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(file: string, stage: string, holder: LockHolder | null): DeployError {
  const who = holder ? `\`${holder.command}\` (pid ${holder.pid} on ${holder.host}, since ${holder.time})` : 'another process';
  return new DeployError('STAGE_LOCKED', `Stage "${stage}" is being changed by ${who}: wait for it to finish. If it is no longer running, remove ${file}.`);
}
