import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as assert from 'uvu/assert';
import { CLI } from './cli.ts';

const execFileAsync = promisify(execFile);

export const REGION = 'us-east-1';

/** One run of the built `chalice`: how it ended, what it printed, the AWS commands it sent. */
export interface ChaliceRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** `Service:Command` per SDK command sent (`CHALICE_AWS_CALL_LOG`). */
  calls: string[];
}

/**
 * Runs the built `chalice` against one moto server, with no AWS setting of whoever runs the
 * tests (an empty HOME under `work`), and dummy credentials.
 */
export function motoCli(work: string, endpoint: () => string) {
  const home = join(work, 'home');
  mkdirSync(home, { recursive: true });
  const env = (): NodeJS.ProcessEnv => ({
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_') && !key.startsWith('CHALICE_'))),
    HOME: home,
    AWS_ENDPOINT_URL: endpoint(),
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: REGION,
  });
  let runs = 0;
  return {
    env,
    chalice(args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): ChaliceRun {
      const log = join(work, `calls-${++runs}.log`);
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...env(), ...extraEnv, CHALICE_AWS_CALL_LOG: log } });
      const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
      return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, calls };
    },
    /** The AWS CLI against moto, JSON out; `null` when the command fails. */
    async aws<T>(...args: string[]): Promise<T> {
      const { stdout } = await execFileAsync('aws', ['--endpoint-url', endpoint(), '--region', REGION, '--output', 'json', ...args], { env: env() }).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') assert.unreachable('the aws CLI is needed for these tests (pip install awscli)');
          return { stdout: 'null' };
        },
      );
      return (stdout.trim() ? JSON.parse(stdout) : {}) as T;
    },
  };
}

/** Calls that change AWS, in a call log. */
export const changing = (calls: string[]) => calls.filter((name) => !/:(Get|List|Describe)/.test(name));
