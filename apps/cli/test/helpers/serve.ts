import { spawn } from 'node:child_process';
import { CLI } from './cli.ts';

/** A running `chalice local`. */
export interface Served {
  /** Where it serves, as it printed it (`http://127.0.0.1:PORT`). */
  url: string;
  /** All it has printed so far, stdout and stderr. */
  output: () => string;
  /** Stops it with SIGINT (Ctrl-C) and resolves once it has exited, with its exit code and output. */
  stop: () => Promise<{ code: number | null; output: string }>;
}

const START_TIMEOUT_MS = 15_000;

/**
 * Starts the built `chalice local --port 0` (and `args`) in `cwd`, with `env` added to its
 * environment, and resolves once it says "Serving on"; rejects if it exits first or does not
 * start within 15 s.
 */
export function serve(cwd: string, args: string[] = [], env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'local', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    return { code: await exited, output };
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`chalice local did not start within ${START_TIMEOUT_MS / 1000} s: ${output}`));
      void stop();
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Serving on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`chalice local exited ${code}: ${output}`));
    });
  });
}
